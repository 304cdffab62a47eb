/** POST /ingest: live entities over HTTP, token-protected, validated, handed to the live source. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveSource } from '../sources/live-source.js';
import { parseIngest } from './parse-ingest.js';

/** Largest body accepted, bytes. */
export const MAX_INGEST_BYTES = 1_000_000;

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function tokenOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const alternative = request.headers['x-ingest-token'];
  return typeof alternative === 'string' ? alternative : null;
}

/** Reads a request body up to a limit; null when it is larger. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Handles POST /ingest; answers 202 with the count taken, or a 4xx with the reasons. */
export async function handleIngest(request: IncomingMessage, response: ServerResponse, live: LiveSource, token: string): Promise<void> {
  if (request.method !== 'POST') return send(response, 405, { error: 'use POST' });
  const given = tokenOf(request);
  const expected = Buffer.from(token);
  if (!given || token.length === 0 || Buffer.byteLength(given) !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) {
    return send(response, 401, { error: 'a valid ingest token is required (Authorization: Bearer <token>)' });
  }
  const body = await readBody(request, MAX_INGEST_BYTES);
  if (body === null) return send(response, 413, { error: `the body is larger than ${MAX_INGEST_BYTES} bytes` });
  const parsed = parseIngest(body);
  if (!parsed.ok) return send(response, 400, { error: 'invalid entities; nothing was taken', details: parsed.errors });
  return send(response, 202, { accepted: live.ingest(parsed.entities) });
}
