import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetHandler, frontEndFiles, pageHandler } from './front-end';
import { createHttpApp } from './http-app';
import { packFileHandler, packFiles } from './pack-files';
import { sendStatus } from './static-files';

let app: FastifyInstance;
const bundle = 'export const city = "sand table";\n'.repeat(400);

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-http-'));
  const dist = path.join(dir, 'dist');
  const tiles = path.join(dir, 'tiles');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await mkdir(path.join(tiles, 'town'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<html>wall</html>');
  await writeFile(path.join(dist, 'assets/wall-1a2b3c.js'), bundle);
  await writeFile(path.join(dist, 'assets/wall-1a2b3c.js.br'), brotliCompressSync(bundle));
  await writeFile(path.join(tiles, 'town/manifest.json'), '{}');
  await writeFile(path.join(tiles, 'town/tile.glb'), Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  const files = frontEndFiles(dist);
  const refuse = (reply: Parameters<typeof sendStatus>[0]) => sendStatus(reply, 405);
  app = createHttpApp({
    logger: pino({ level: 'silent' }),
    routes: [
      { method: 'GET', url: '/tiles/*', files: packFiles(tiles), otherMethods: refuse, handler: packFileHandler(tiles) },
      { method: 'GET', url: '/', files, otherMethods: refuse, handler: pageHandler('index.html') },
      { method: 'GET', url: '/*', files, otherMethods: refuse, handler: assetHandler(dist) },
    ],
  });
  await app.ready();
});

afterAll(() => app.close());

describe('files through the route table', () => {
  it('revalidates a pack tile with its ETag (304) and answers a Range with 206', async () => {
    const first = await app.inject({ url: '/tiles/town/tile.glb' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('model/gltf-binary');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const again = await app.inject({ url: '/tiles/town/tile.glb', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.byteLength).toBe(0);
    const part = await app.inject({ url: '/tiles/town/tile.glb', headers: { range: 'bytes=10-19' } });
    expect(part.statusCode).toBe(206);
    expect([...part.rawPayload]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('caches a hashed bundle for a year and sends its brotli sibling, typed as the bundle, to a browser that takes it', async () => {
    const plain = await app.inject({ url: '/assets/wall-1a2b3c.js' });
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bundle);
    const br = await app.inject({ url: '/assets/wall-1a2b3c.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe(plain.headers['content-type']);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(bundle);
  });

  it('revalidates a page on every load and serves it only at its path', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.body).toBe('<html>wall</html>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/index.html' })).statusCode).toBe(404);
  });

  it('refuses a path out of its folder, another method, and a missing file, in plain text', async () => {
    const out = await app.inject({ url: '/tiles/town/..%2f..%2fdist/index.html' });
    expect(out.statusCode).toBe(400);
    expect(out.body).toBe('bad request');
    expect((await app.inject({ url: '/tiles/town/tile.glb', method: 'DELETE' })).statusCode).toBe(405);
    const missing = await app.inject({ url: '/assets/nope.js' });
    expect([missing.statusCode, missing.body]).toEqual([404, 'not found']);
  });
});

describe('rate limits from the route table', () => {
  it('answers 429 with Retry-After in the route’s own error wording once a client address is over its limit, and only on that route', async () => {
    const limited = createHttpApp({
      logger: pino({ level: 'silent' }),
      routes: [
        {
          method: 'POST',
          url: '/cases',
          rateLimit: { max: 3, windowMs: 60_000 },
          errorHandler: (error, _request, reply) => reply.code(error.statusCode ?? 500).send([{ code: error.statusCode, description: error.message }]),
          handler: async (_request, reply) => reply.code(201).send([{ ok: true }]),
        },
        { method: 'GET', url: '/free', handler: async (_request, reply) => reply.send('ok') },
      ],
    });
    await limited.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.inject({ method: 'POST', url: '/cases', payload: 'x' })).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await limited.inject({ method: 'POST', url: '/cases', payload: 'x' });
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.json()).toEqual([{ code: 429, description: expect.stringContaining('too many requests; try again in') }]);
      // Another address has its own allowance; a route without a limit has none.
      expect((await limited.inject({ method: 'POST', url: '/cases', payload: 'x', remoteAddress: '10.0.0.9' })).statusCode).toBe(201);
      for (let i = 0; i < 10; i++) expect((await limited.inject({ url: '/free' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
