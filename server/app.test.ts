import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvents, ServerEvents } from '../src/protocol/events';
import { createApplication, type Application } from './app';
import { createLogger } from './logger';

let server: Server;
let app: Application;
let base: string;
let port: number;

/** Raw GET that keeps the path exactly as written (fetch would normalise `..`). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-app-'));
  await mkdir(path.join(dir, 'tiles/test-city'), { recursive: true });
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  await writeFile(path.join(dir, 'tiles/test-city/manifest.json'), '{"id":"test-city"}');
  await writeFile(path.join(dir, 'dist/index.html'), '<html>wall</html>');
  await writeFile(path.join(dir, 'dist/kiosk.html'), '<html>kiosk</html>');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  server = createServer();
  app = createApplication(server, {
    logger: createLogger('silent'),
    tilesDir: path.join(dir, 'tiles'),
    distDir: path.join(dir, 'dist'),
    defaultCity: 'test-city',
    serverVersion: '0.0.0-test',
    clockStartMs: Date.parse('2026-06-01T00:00:00Z'),
    clockRate: 60,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('http routes', () => {
  it('serves pages, health, config and pack files', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('wall');
    expect(await (await fetch(`${base}/kiosk`)).text()).toContain('kiosk');
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ ok: true });
    expect(await (await fetch(`${base}/api/config`)).json()).toMatchObject({ defaultCity: 'test-city', cities: ['test-city'] });
    const manifest = await fetch(`${base}/tiles/test-city/manifest.json`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/json/);
  });

  it('answers 404 for a missing file and a missing page', async () => {
    expect((await fetch(`${base}/tiles/test-city/nope.glb`)).status).toBe(404);
    expect((await fetch(`${base}/planner`)).status).toBe(404);
  });

  it.each(['/tiles/../secret.txt', '/tiles/%2e%2e/secret.txt', '/tiles/test-city/..%2f..%2fsecret.txt', '/../secret.txt', '/%2e%2e/secret.txt'])(
    'never serves a file outside its root for %s',
    async (rawPath) => {
      const response = await rawGet(rawPath);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('secret');
    },
  );

  it('refuses writes to the pack folder', async () => {
    expect((await fetch(`${base}/tiles/test-city/manifest.json`, { method: 'PUT', body: 'x' })).status).toBe(405);
  });
});

describe('hub', () => {
  function client(): Socket<ServerEvents, ClientEvents> {
    return connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
  }

  it('welcomes a surface with the clock and rejects a bad hello without crashing', async () => {
    const socket = client();
    const bad = await socket.emitWithAck('hello', { surface: 'toaster' } as never);
    expect(bad).toEqual({ ok: false, error: 'invalid hello' });
    const good = await socket.emitWithAck('hello', { surface: 'wall' });
    expect(good.ok && good.welcome.clock.rate).toBe(60);
    socket.disconnect();
  });

  it('broadcasts a clock change to every client', async () => {
    const a = client();
    const b = client();
    await Promise.all([a.emitWithAck('hello', { surface: 'wall' }), b.emitWithAck('hello', { surface: 'kiosk' })]);
    const heard = new Promise((resolve) => b.once('clock:sync', resolve));
    const reply = await a.emitWithAck('clock:command', { playing: false });
    expect(reply.ok).toBe(true);
    expect(await heard).toMatchObject({ playing: false });
    const invalid = await a.emitWithAck('clock:command', { rate: 'fast' } as never);
    expect(invalid.ok).toBe(false);
    a.disconnect();
    b.disconnect();
  });
});
