/** POST /ingest: live entities over HTTP, token-protected, validated, handed to the live source. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { HttpRoute } from '../http/http-route.js';
import { StoreUnavailableError } from '../store/database.js';
import type { LiveWrite } from '../store/live-state.js';
import type { Entity } from '../../src/protocol/entities.js';
import { parseIngest } from './parse-ingest.js';

/** Largest body accepted, bytes. */
export const MAX_INGEST_BYTES = 1_000_000;
/** Posts one station address may make a minute (ten a second; a station batches its entities into one post). */
export const INGEST_POSTS_PER_MINUTE = 600;

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const alternative = request.headers['x-ingest-token'];
  return typeof alternative === 'string' ? alternative : null;
}

/** Everything of the /ingest route but its handler: the token checked before the body is read, the body limit, the wording of refusals. */
export function ingestEndpoint(token: string): Pick<HttpRoute, 'onRequest' | 'bodyLimit' | 'errorHandler' | 'otherMethods' | 'rateLimit'> {
  const expected = Buffer.from(token);
  return {
    rateLimit: { max: INGEST_POSTS_PER_MINUTE, windowMs: 60_000 },
    onRequest: async (request, reply) => {
      const given = tokenOf(request);
      if (!given || token.length === 0 || Buffer.byteLength(given) !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) {
        return send(reply, 401, { error: 'a valid ingest token is required (Authorization: Bearer <token>)' });
      }
    },
    bodyLimit: MAX_INGEST_BYTES,
    errorHandler: (error, _request, reply) => {
      if (error.statusCode === 413) return send(reply, 413, { error: `the body is larger than ${MAX_INGEST_BYTES} bytes` });
      // The store could not write (its message says why, and that nothing was stored): try again later.
      if (error instanceof StoreUnavailableError) return send(reply.header('retry-after', '30'), 503, { error: error.message });
      const status = error.statusCode ?? 500;
      // A failure of the server's own is logged whole; the station learns only that it happened.
      if (status >= 500) return (reply.log.error({ err: error }, 'ingest failed'), send(reply, 500, { error: 'the server could not take the entities; try again' }));
      return send(reply, status, { error: error.message });
    },
    otherMethods: (reply) => send(reply, 405, { error: 'use POST' }),
  };
}

/** Where /ingest's entities go: stored, then shown live (store/live-state.ts). */
export type AcceptEntities = (entities: Entity[]) => Promise<LiveWrite>;

/**
 * Handles POST /ingest; answers 202 with the count taken once it is stored, a 400 with the reasons, a
 * 409 when it would grow the live world beyond its cap; a store that cannot write throws its 503.
 */
export function ingestHandler(accept: AcceptEntities): RouteHandlerMethod {
  return async (request, reply) => {
    // Any content type arrives as text (http-app.ts); a form is not entities.
    const parsed = typeof request.body === 'string' ? parseIngest(request.body) : { ok: false as const, errors: ['the body is not JSON'] };
    if (!parsed.ok) return send(reply, 400, { error: 'invalid entities; nothing was taken', details: parsed.errors });
    const written = await accept(parsed.entities);
    if (!written.ok) return send(reply, 409, { error: written.reason });
    return send(reply, 202, { accepted: written.accepted });
  };
}
