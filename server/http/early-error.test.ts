import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from './http-app';
import { sendStatus } from './static-files';

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = createHttpApp({
    logger: pino({ level: 'silent' }),
    routes: [
      { method: 'POST', url: '/small', bodyLimit: 1_000, handler: async (request) => ({ length: String(request.body).length }) },
      { method: 'POST', url: '/guarded', onRequest: async (_request, reply) => sendStatus(reply, 401), handler: async () => ({ ok: true }) },
      { method: 'GET', url: '/ok', handler: async () => ({ ok: true }) },
    ],
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(() => app.close());

// Node's fetch keeps connections alive: the request after an early refusal goes down the same socket unless told not to.
describe('early error replies on a keep-alive connection', () => {
  const big = 'x'.repeat(2_000_000);

  it('answers 413 with Connection: close, and the next request succeeds', async () => {
    const refused = await fetch(`${base}/small`, { method: 'POST', body: big });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('connection')).toBe('close');
    await refused.arrayBuffer();
    const next = await fetch(`${base}/ok`);
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ ok: true });
  });

  it('answers 401 before reading the body with Connection: close, and the next request succeeds', async () => {
    const refused = await fetch(`${base}/guarded`, { method: 'POST', body: big });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('connection')).toBe('close');
    await refused.arrayBuffer();
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/ok`)).status).toBe(200);
  });

  it('keeps the connection alive after a reply that read its whole body', async () => {
    const accepted = await fetch(`${base}/small`, { method: 'POST', body: 'short' });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('connection')).not.toBe('close');
    expect(await accepted.json()).toEqual({ length: 5 });
  });
});
