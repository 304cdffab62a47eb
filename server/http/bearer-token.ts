/** A route's token check before the body is read: `Authorization: Bearer <token>`, compared in constant time. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

/** Whether a request carries `Authorization: Bearer <expected>`. */
export function hasBearerToken(request: FastifyRequest, expected: string): boolean {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ') || expected.length === 0) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** An onRequest hook answering 401 (with `WWW-Authenticate: Bearer`) unless the request carries the token; `who` names it in the refusal. */
export function requireBearerToken(expected: string, who: string): onRequestHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (hasBearerToken(request, expected)) return;
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .header('cache-control', 'no-store')
      .send({ error: `the ${who} token is required (Authorization: Bearer <token>)` });
  };
}
