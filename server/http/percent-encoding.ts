/**
 * Percent-encoding checked, not guessed: URLSearchParams and the form parser read `%E0%A4%A` as a
 * replacement character, so a malformed query or form would pass for text nobody sent.
 */

/** Whether every `%` of a URL component (a path, a query, a form body) starts a sequence that decodes as UTF-8. */
export function hasValidPercentEncoding(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** A 400 the framework words through the route's error handler. */
export class BadEncodingError extends Error {
  readonly statusCode = 400;
  constructor(what: string) {
    super(`the ${what} is not valid percent-encoded UTF-8`);
  }
}

/** Parses an `application/x-www-form-urlencoded` body, one value per name (the last wins, as for a query); refuses a malformed one. */
export function parseForm(body: string): Record<string, string> {
  if (!hasValidPercentEncoding(body.replaceAll('+', ' '))) throw new BadEncodingError('form body');
  return Object.fromEntries(new URLSearchParams(body));
}
