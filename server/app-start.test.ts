import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createApplication } from './app';
import { createLogger } from './logger';

it('answers 503 on the routes that need the city when it cannot open, and still answers health and config', async () => {
  const tilesDir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-no-city-'));
  const server = createServer();
  const app = createApplication(server, {
    logger: createLogger('silent'),
    tilesDir,
    distDir: null,
    defaultCity: 'nowhere',
    serverVersion: '0.0.0-test',
    feed: { tokens: { operator: 'o', planner: 'p', ingest: 'i' }, rate: 1, recordings: [] },
    database: { dataDir: path.join(tilesDir, '..', `${path.basename(tilesDir)}-data`) },
  });
  await expect(app.feed).rejects.toThrow();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  // No distDir: the server answers through `handle`, as the dev server mounts it.
  server.on('request', (request, response) => app.handle(request, response, () => response.writeHead(418).end()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer o' } })).status).toBe(503);
  expect((await fetch(`${base}/ingest`, { method: 'POST', headers: { authorization: 'Bearer i' }, body: '{}' })).status).toBe(503);
  expect((await fetch(`${base}/api/route?room=main&from=1,2&to=3,4`)).status).toBe(503);
  expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ ok: true, feed: 'starting' });
  expect(await (await fetch(`${base}/api/config`)).json()).toMatchObject({ defaultCity: 'nowhere', cities: [] });
  // What the table has no route for goes on to the next handler (Vite's, in dev).
  expect((await fetch(`${base}/src/main.ts`)).status).toBe(418);
  await app.close();
});
