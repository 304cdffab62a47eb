/**
 * The headers every response of the server carries and the cross-origin rules, set once in the
 * framework's hooks (http-app.ts), never per route: a Content-Security-Policy that lets a page load
 * only from the server itself, no framing, no sniffing, no Referer (pages carry tokens), and CORS
 * only for the configured origins on the routes the table marks as public APIs (Open311).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { originAllowed } from './origin-policy';

/**
 * What a page may load, each source checked in Chromium (tests/e2e/csp.e2e.test.ts): scripts,
 * styles, tiles and the socket only from the server; Cesium's workers start from `blob:` URLs and
 * its textures, icons and the glTF buffers of its models arrive as `data:` and `blob:` URLs, which it
 * also fetches; its draco and basis decoders are WebAssembly.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  // Cesium adds a <style> element for its widgets' rules and sets style attributes through markup;
  // inline styles cannot run code, so they are allowed where scripts are not.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Methods that change something: a page of another origin may not send them. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The route option (the table's `cors`) that lets the configured origins read a route's answers. */
export interface CorsRouteConfig {
  cors?: boolean;
}

/** An error the route's own error handler words (Open311: `[{code, description}]`). */
function forbidden(description: string): Error {
  return Object.assign(new Error(description), { statusCode: 403 });
}

/** The onRequest and onSend hooks of the policy, for the configured origins. */
export function securityHooks(allowedOrigins: readonly string[]) {
  return {
    /** Refuses a change from another page (403) and answers a CORS preflight; sets CORS on the table's public routes. */
    onRequest: async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const origin = request.headers.origin;
      const cors = (request.routeOptions.config as CorsRouteConfig | undefined)?.cors === true;
      if (cors) reply.header('vary', 'origin');
      const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
      if (origin !== undefined && !originAllowed(origin, request.headers.host, allowedOrigins) && (UNSAFE_METHODS.has(request.method) || preflight)) {
        throw forbidden(`requests from ${origin} are not accepted; the server takes them from its own pages and the origins it is configured with (ALLOWED_ORIGINS)`);
      }
      if (!cors || origin === undefined || !allowedOrigins.includes(origin)) return;
      reply.header('access-control-allow-origin', origin);
      if (!preflight) return;
      await reply.code(204).header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').send();
    },
    /** Sets the headers every response carries, pages, files, API answers and errors alike. */
    onSend: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      return payload;
    },
  };
}
