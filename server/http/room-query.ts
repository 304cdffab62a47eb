/** The shared plumbing of the GET endpoints that answer about one room at its sim time (route, outlook). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

/** Sends a JSON reply that is never cached (it depends on the room's clock). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * For a GET of `path` with a `room` in its validated query: the query and the room's sim time, or
 * null once a 405, 400 or 404 has been sent. `undefined` means the path is not this endpoint's.
 */
export function readRoomQuery<S extends z.ZodType<{ room: string }>>(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  schema: S,
  roomTime: (room: string) => number | null,
): { query: z.infer<S>; t: number } | null | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== path) return undefined;
  if (request.method !== 'GET') {
    sendJson(response, 405, { ok: false, error: 'use GET' });
    return null;
  }
  const query = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    sendJson(response, 400, { ok: false, error: query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
    return null;
  }
  const t = roomTime(query.data.room);
  if (t === null) {
    sendJson(response, 404, { ok: false, error: `no room "${query.data.room}"` });
    return null;
  }
  return { query: query.data, t };
}
