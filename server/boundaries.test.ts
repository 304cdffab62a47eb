/**
 * Headers and boundaries against a real server on the test city: the headers every answer carries,
 * CORS and the Origin check (HTTP and socket.io), /metrics behind the operator token, the /tiles/
 * allow-list, the file id pattern on the planner's socket, and no server path in any error text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvents, ServerEvents } from '../src/protocol/socket-events';
import { buildTestCity, startTestServer, testCityDir, TEST_DAY as DAY, TEST_TOKENS as tokens, type TestServer } from './test-city.test-helper';
import { createLogger } from './logger';
import { openDatabase } from './store/database';

const ALLOWED = 'https://hall.example.org';
const FOREIGN = 'https://evil.example.com';

let test: TestServer;
let dir: string;
let base: string;
const sockets: Socket[] = [];

function client(origin?: string): Socket<ServerEvents, ClientEvents> {
  const socket: Socket<ServerEvents, ClientEvents> = connect(base, {
    parser: msgpackParser,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  sockets.push(socket);
  return socket;
}

/** Whether a socket opens (true) or its handshake is refused (the error's message). */
function opens(socket: Socket): Promise<true | string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

beforeAll(async () => {
  dir = await testCityDir('boundaries');
  await buildTestCity(dir, { hours: 2, tripsPerDay: 200, requestsPerDay: 50 });
  await mkdir(path.join(dir, 'dist/assets'), { recursive: true });
  await writeFile(path.join(dir, 'dist/index.html'), '<html>wall</html>');
  await writeFile(path.join(dir, 'dist/assets/wall-1a2b.js'), 'export {};');
  // What must never be served from the packs folder: code, sources, the planner's scenarios, recording chunks' index.
  const tiles = path.join(dir, 'tiles');
  await writeFile(path.join(tiles, 'cli.ts'), 'code');
  await mkdir(path.join(tiles, 'sources'), { recursive: true });
  await writeFile(path.join(tiles, 'sources/town.osm'), '<osm/>');
  await mkdir(path.join(tiles, 'recordings/test-city/weather'), { recursive: true });
  await writeFile(path.join(tiles, 'recordings/test-city/weather/days.json'), '{"days":[]}');
  const scenarios = path.join(tiles, 'recordings/test-city/scenarios');
  await mkdir(path.join(scenarios, 'no-recording/recording'), { recursive: true });
  await writeFile(path.join(scenarios, 'broken.json'), '{ not json');
  const window = { startMs: DAY + 3_600_000, endMs: DAY + 2 * 3_600_000 };
  await writeFile(path.join(scenarios, 'no-recording.json'), JSON.stringify({ id: 'no-recording', name: 'x', window }));
  await writeFile(path.join(scenarios, 'no-recording/recording/recording.json'), '{ "format": "nonsense" }');
  // The planner's own: a saved scenario that no longer validates, and one whose what-if recording is
  // an index that does not parse (opening it fails on the server, and the reply must not say where).
  const database = await openDatabase({ dataDir: path.join(dir, 'data') }, createLogger('silent'));
  await database.query('insert into planner_scenarios (id, scenario) values ($1, $2), ($3, $4)', [
    'broken',
    JSON.stringify({ id: 'broken', window: 'soon' }),
    'no-recording',
    JSON.stringify({ id: 'no-recording', name: 'x', window }),
  ]);
  await database.close();
  await mkdir(path.join(dir, 'data/scenarios/no-recording/recording'), { recursive: true });
  await writeFile(path.join(dir, 'data/scenarios/no-recording/recording/recording.json'), '{ "format": "nonsense" }');
  await writeFile(path.join(tiles, 'test-city/.secret.json'), '{}');
  test = await startTestServer(dir, { rate: 60, tickMs: 50 }, { allowedOrigins: [ALLOWED] });
  base = test.base;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await test.close();
});

describe('headers on every answer', () => {
  it.each(['/', '/assets/wall-1a2b.js', '/api/config', '/healthz', '/tiles/test-city/manifest.json', '/open311/v2/services.json', '/nope', '/tiles/cli.ts'])(
    '%s: CSP from the server only, no framing, no sniffing, no Referer',
    async (url) => {
      const response = await fetch(base + url);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      // Inline styles only (Cesium's); never an inline or evaluated script, never a wildcard.
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
      expect(csp).not.toMatch(/'unsafe-eval'|\*/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );
});

describe('CORS and the Origin check', () => {
  const services = () => `${base}/open311/v2/services.json`;
  const post = (origin?: string) =>
    fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: 'service_code=not-a-service',
    });

  it('lets only a configured origin read Open311, never any origin', async () => {
    const allowed = await fetch(services(), { headers: { origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    const foreign = await fetch(services(), { headers: { origin: FOREIGN } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(services())).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from a configured origin and refuses one from another, in the spec’s error format', async () => {
    const preflight = (origin: string) => fetch(services().replace('services', 'requests'), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const foreign = await preflight(FOREIGN);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual([{ code: 403, description: expect.stringContaining(FOREIGN) }]);
  });

  it('refuses a post from a page of another origin (403, spec format) and takes it from the server’s own page, a configured one and a client without Origin', async () => {
    const foreign = await post(FOREIGN);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual([{ code: 403, description: expect.stringContaining('not accepted') }]);
    expect((await post('null')).status).toBe(403);
    // The others reach the endpoint, which judges the body (an unknown service: 400).
    for (const origin of [base, ALLOWED, undefined]) expect((await post(origin)).status, String(origin)).toBe(400);
    const ingest = await fetch(`${base}/ingest`, { method: 'POST', headers: { authorization: `Bearer ${tokens.ingest}`, origin: FOREIGN }, body: '[]' });
    expect(ingest.status).toBe(403);
  });

  it('refuses a socket.io handshake from another origin and opens one from the server’s own page, a configured origin and a node client', async () => {
    expect(await opens(client(FOREIGN))).not.toBe(true);
    expect(await opens(client(base))).toBe(true);
    expect(await opens(client(ALLOWED))).toBe(true);
    expect(await opens(client())).toBe(true);
  });
});

describe('/metrics', () => {
  it('answers only with the operator token', async () => {
    const metrics = (authorization?: string) => fetch(`${base}/metrics`, authorization ? { headers: { authorization } } : {});
    for (const refused of [undefined, 'Bearer wrong', `Bearer ${tokens.planner}`, tokens.operator]) {
      const response = await metrics(refused);
      expect(response.status, String(refused)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    const allowed = await metrics(`Bearer ${tokens.operator}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toHaveProperty('rooms');
  });
});

describe('/tiles/ serves only what a page reads', () => {
  it.each([
    '/tiles/cli.ts',
    '/tiles/sources/town.osm',
    '/tiles/recordings/test-city/scenarios/broken.json',
    '/tiles/recordings/test-city/scenarios/no-recording/recording/recording.json',
    '/tiles/recordings/test-city/demo/recording.json',
    '/tiles/test-city/.secret.json',
    '/tiles/test-city',
    '/tiles/',
  ])('404 for %s', async (url) => {
    const response = await fetch(base + url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not found');
  });

  it('serves the pack, its building tiles and the named weather days', async () => {
    const manifest = (await (await fetch(`${base}/tiles/test-city/manifest.json`)).json()) as { files: Record<string, string> };
    for (const file of Object.values(manifest.files)) expect((await fetch(`${base}/tiles/test-city/${file}`)).status, file).toBe(200);
    const tileset = (await (await fetch(`${base}/tiles/test-city/${manifest.files.tileset}`)).json()) as object;
    const glb = /"(buildings\/[^"]+\.glb)"/.exec(JSON.stringify(tileset))?.[1];
    expect(glb).toBeDefined();
    expect((await fetch(`${base}/tiles/test-city/${glb}`)).headers.get('content-type')).toBe('model/gltf-binary');
    expect((await fetch(`${base}/tiles/recordings/test-city/weather/days.json`)).status).toBe(200);
  });
});

describe('ids and error texts', () => {
  async function planner(): Promise<Socket<ServerEvents, ClientEvents>> {
    const socket = client();
    const joined = await socket.emitWithAck('feed:join', { room: 'boundaries', role: 'planner', token: tokens.planner });
    expect(joined.ok).toBe(true);
    return socket;
  }

  it('refuses a scenario id that is not a file id with the schema’s error, before any file is touched', async () => {
    const socket = await planner();
    const view = await socket.emitWithAck('room:traffic-view', { scenarioId: '../../../../../../etc/hostname' });
    expect(view).toEqual({ ok: false, error: 'invalid traffic view: give { scenarioId: "<id>" } or { scenarioId: null }' });
    const load = await socket.emitWithAck('scenario:load', { id: '../../etc/hostname' });
    expect(load).toEqual({ ok: false, error: expect.stringMatching(/a scenario id is lower-case letters, digits and dashes/) });
  });

  it('words failures without a server path: a missing, a broken and an unreadable scenario, files, Open311', async () => {
    const socket = await planner();
    const replies: string[] = [];
    const refused = async (reply: Promise<{ ok: boolean; error?: string }>) => {
      const answer = await reply;
      expect(answer.ok).toBe(false);
      replies.push(answer.error!);
    };
    await refused(socket.emitWithAck('scenario:load', { id: 'missing' }));
    await refused(socket.emitWithAck('scenario:load', { id: 'broken' }));
    await refused(socket.emitWithAck('room:traffic-view', { scenarioId: 'broken' }));
    await refused(socket.emitWithAck('room:traffic-view', { scenarioId: 'no-recording' }));
    expect(replies[0]).toBe("no saved scenario 'missing'");
    expect(replies[3]).toBe('room:traffic-view failed on the server; try again');
    for (const url of ['/tiles/test-city/nope.glb', '/open311/v2/requests/%E0%A4%A.json', '/open311/v2/requests/nope.json', '/tiles/..%2f..%2fetc/hostname', '/api/route?room=main&from=x'])
      replies.push(await (await fetch(base + url)).text());
    for (const reply of replies) {
      expect(reply, reply).not.toContain(dir);
      expect(reply, reply).not.toContain(process.cwd());
      expect(reply, reply).not.toMatch(/(^|[\s'"(])\/(tmp|home|srv|var|usr|etc|opt|root)\//);
    }
  });
});
