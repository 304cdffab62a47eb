/** The shared plumbing of the GET endpoints that answer about one room at its sim time (route, outlook). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** Sends a JSON reply that is never cached (it depends on the room's clock). */
export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/** The 405 of these endpoints, for the route table. */
export const onlyGet = (reply: FastifyReply): FastifyReply => sendJson(reply, 405, { ok: false, error: 'use GET' });

/**
 * For a `room` in the validated query: the query and the room's sim time, or null once a 400 or
 * 404 has been sent.
 */
export function readRoomQuery<S extends z.ZodType<{ room: string }>>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  roomTime: (room: string) => number | null,
): { query: z.infer<S>; t: number } | null {
  const query = schema.safeParse(request.query);
  if (!query.success) {
    sendJson(reply, 400, { ok: false, error: query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
    return null;
  }
  const t = roomTime(query.data.room);
  if (t === null) {
    sendJson(reply, 404, { ok: false, error: `no room "${query.data.room}"` });
    return null;
  }
  return { query: query.data, t };
}
