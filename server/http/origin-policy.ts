/**
 * Which web pages may talk to the server: its own (an Origin whose host is the request's Host) and
 * the origins configured in ALLOWED_ORIGINS. A request without an Origin (a station, curl, a node
 * tool) is no page's and passes; the HTTP hooks and the socket.io handshake ask the same question.
 */

/** Whether a request with these headers comes from the server's own page or an allowed one (or from no page at all). */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  return host !== undefined && isSameOrigin(origin, host);
}

/** Whether an Origin header names the host the request was sent to (scheme aside: a proxy may end TLS). */
export function isSameOrigin(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `null` (a sandboxed frame, a file) or garbage: no page of ours.
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
}

/** Parses ALLOWED_ORIGINS: comma-separated `scheme://host[:port]` origins, each exactly as a browser sends it; throws on anything else. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value) {
      throw new Error(`'${value}' is not an origin (scheme://host[:port], no path or trailing slash, e.g. https://hall.example.org)`);
    }
    return value;
  });
}
