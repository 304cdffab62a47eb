/**
 * The Open311 route's answers and its errors in the spec's format, `[{ code, description }]` with
 * the HTTP status — the framework's own refusals (413, 415, 429, a URL it cannot decode) included.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from '../store/database.js';

/** Sends an Open311 answer; nothing of it is cached (the city changes every tick). */
export function sendOpen311(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/** Sends one error in the spec's format. */
export function failOpen311(reply: FastifyReply, code: number, description: string): FastifyReply {
  return sendOpen311(reply, code, [{ code, description }]);
}

/** How the framework's refusals read, by fastify's error code; any other client error keeps its own message. */
const FRAMEWORK_WORDING: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'this content type is not accepted: send application/x-www-form-urlencoded or application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the body does not match its Content-Length',
  FST_ERR_BAD_URL: 'the address is not valid percent-encoded UTF-8',
};

/** The route's error handler: every failure answers in the spec's format; a server fault is logged and says nothing of the server. */
export function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  // The store could not write: its message says why (in words with no path) and that nothing was stored; try again later.
  if (error instanceof StoreUnavailableError) return failOpen311(reply.header('retry-after', '30'), 503, error.message);
  if (status >= 500) {
    request.log.error({ err: error, url: request.url }, 'an Open311 request failed');
    return failOpen311(reply, status, 'the server could not answer this request');
  }
  return failOpen311(reply, status, (error.code && FRAMEWORK_WORDING[error.code]) || (status === 413 ? FRAMEWORK_WORDING.FST_ERR_CTP_BODY_TOO_LARGE! : error.message));
}
