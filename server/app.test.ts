import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvents, ServerEvents } from '../src/protocol/socket-events';
import type { FeedDelta } from '../src/protocol/feed-wire';
import { RecordingWriter } from './recording/recording-writer';
import { buildTestCity, startTestServer, testCityDir, TEST_DAY as DAY, TEST_TOKENS as tokens, type TestServer } from './test-city.test-helper';

let test: TestServer;
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
  const dir = await testCityDir('app');
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  // A real pack and a real recording of a small city, so the feed runs as in production.
  await buildTestCity(dir, { hours: 3, tripsPerDay: 500, requestsPerDay: 200 });
  // Three days of hourly weather, the second one rainy, to lay under the replayed day.
  const weather = await RecordingWriter.create(path.join(dir, 'tiles/recordings/test-city/weather'), { city: 'test-city', source: 'test', chunkMs: 86_400_000 });
  const WEATHER_START = Date.parse('2014-06-20T00:00:00+08:00');
  await weather.write(
    Array.from({ length: 72 }, (_, h) => {
      const t = WEATHER_START + h * 3_600_000;
      return {
        op: 'upsert' as const,
        t,
        entity: {
          id: 'urn:ngsi-ld:WeatherObserved:test-city:station',
          type: 'WeatherObserved' as const,
          dateObserved: new Date(t).toISOString(),
          temperature: 25,
          precipitation: h >= 24 && h < 48 ? 6 : 0,
        },
      };
    }),
  );
  await weather.close();
  await writeFile(path.join(dir, 'dist/index.html'), '<html>wall</html>');
  await writeFile(path.join(dir, 'dist/kiosk.html'), '<html>kiosk</html>');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  // Rooms open at 02:00 local of the recording's first day (the recording runs 00:00–03:00).
  // The rooms the walls below join are the server's halls.
  test = await startTestServer(dir, { rate: 60, tickMs: 50, startHour: 2, halls: ['main', 'guide-hall', 'hall-3'] });
  ({ port, base } = test);
});

afterAll(() => test.close());

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

  it('welcomes a surface and rejects a bad hello without crashing', async () => {
    const socket = client();
    const bad = await socket.emitWithAck('hello', { surface: 'toaster' } as never);
    expect(bad).toEqual({ ok: false, error: 'invalid hello' });
    const good = await socket.emitWithAck('hello', { surface: 'wall' });
    expect(good).toEqual({ ok: true, welcome: { serverVersion: '0.0.0-test', defaultCity: 'test-city' } });
    socket.disconnect();
  });

  it('gives a joining wall the room clock over the recording and the whole world', async () => {
    const socket = client();
    const snapshot = new Promise<{ t: number; entities: unknown[] }>((resolve) => socket.once('feed:snapshot', resolve));
    const reply = await socket.emitWithAck('feed:join', { room: 'main', role: 'wall' });
    expect(reply.ok && reply.clock.rate).toBe(60);
    // At the configured local hour of the pack's zone (UTC+8), and told the replay's extent for the seek bar.
    expect(reply.ok && reply.clock.simTimeMs).toBeGreaterThanOrEqual(DAY + 2 * 3_600_000);
    expect(reply.ok && reply.clock.simTimeMs).toBeLessThan(DAY + 3 * 3_600_000);
    expect(reply.ok && reply.extent).toEqual({ startMs: DAY, endMs: DAY + 3 * 3_600_000 });
    expect((await snapshot).entities.length).toBeGreaterThan(0);
    socket.disconnect();
  });

  it('broadcasts an operator’s clock change to the room and refuses it from a kiosk', async () => {
    const operator = client();
    const kiosk = client();
    await operator.emitWithAck('feed:join', { room: 'hall-2', role: 'operator', token: tokens.operator });
    await kiosk.emitWithAck('feed:join', { room: 'hall-2', role: 'kiosk' });
    const heard = new Promise((resolve) => kiosk.once('clock:sync', resolve));
    const reply = await operator.emitWithAck('clock:command', { playing: false });
    expect(reply.ok).toBe(true);
    expect(await heard).toMatchObject({ playing: false });
    expect((await operator.emitWithAck('clock:command', { rate: 'fast' } as never)).ok).toBe(false);
    expect(await kiosk.emitWithAck('clock:command', { playing: true })).toEqual({ ok: false, error: 'the kiosk role may not change the clock' });
    operator.disconnect();
    kiosk.disconnect();
  });
});

describe('weather day', () => {
  it('lets an operator lay another recorded day’s weather under the room, and refuses others and days out of range', async () => {
    const operator = connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
    const kiosk = connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
    await operator.emitWithAck('feed:join', { room: 'weather-hall', role: 'operator', token: tokens.operator });
    await kiosk.emitWithAck('feed:join', { room: 'weather-hall', role: 'kiosk' });
    const snapshot = new Promise<{ entities: { type: string; dateObserved?: string; precipitation?: number }[] }>((resolve) => kiosk.once('feed:snapshot', resolve));
    expect(await operator.emitWithAck('room:weather-day', { date: '2014-06-21' })).toEqual({ ok: true, date: '2014-06-21' });
    const weather = (await snapshot).entities.find((e) => e.type === 'WeatherObserved')!;
    expect(weather.dateObserved!.slice(0, 10) >= '2014-06-20').toBe(true); // the 21st, local time
    expect(weather.precipitation).toBe(6);
    expect(await kiosk.emitWithAck('room:weather-day', { date: '2014-06-21' })).toEqual({ ok: false, error: 'the kiosk role may not change the weather day' });
    expect((await operator.emitWithAck('room:weather-day', { date: '2019-01-01' })).error).toMatch(/the weather series covers 2014-06-\d\d to 2014-06-2\d/);
    expect((await operator.emitWithAck('room:weather-day', { date: 'tomorrow' })).ok).toBe(false);
    const metrics = (await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${tokens.operator}` } })).json()) as { rooms: { name: string; weatherDay: string | null }[] };
    expect(metrics.rooms.find((r) => r.name === 'weather-hall')!.weatherDay).toBe('2014-06-21');
    operator.disconnect();
    kiosk.disconnect();
  });
});

describe('guide endpoints', () => {
  it('answers a route and an outlook for a room, and refuses a bad query, an unknown room and a write', async () => {
    const socket = connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
    await socket.emitWithAck('feed:join', { room: 'guide-hall', role: 'wall' });
    const route = await fetch(`${base}/api/route?room=guide-hall&from=121.4001,31.2001&to=121.4059,31.2039`);
    expect(route.status).toBe(200);
    const body = (await route.json()) as { ok: boolean; freeFlowS: number; travelS: number; lengthM: number };
    expect(body.ok).toBe(true);
    expect(body.travelS).toBeGreaterThanOrEqual(body.freeFlowS);
    expect(body.lengthM).toBeGreaterThan(500); // across the grid, along its streets
    const outlook = await fetch(`${base}/api/weather/outlook?room=guide-hall&hours=3`);
    expect(outlook.status).toBe(200);
    expect(((await outlook.json()) as { hours: unknown[] }).hours).toHaveLength(1 + 3); // now, then the next three hours
    expect((await fetch(`${base}/api/route?room=guide-hall&from=oops&to=121.4,31.2`)).status).toBe(400);
    expect((await fetch(`${base}/api/weather/outlook?room=guide-hall&hours=99`)).status).toBe(400);
    expect((await fetch(`${base}/api/route?room=nowhere&from=121.4001,31.2001&to=121.4059,31.2039`)).status).toBe(404);
    expect((await fetch(`${base}/api/weather/outlook?room=guide-hall`, { method: 'POST' })).status).toBe(405);
    socket.disconnect();
  });
});

describe('feed over HTTP', () => {
  function wall(room: string): Promise<Socket<ServerEvents, ClientEvents>> {
    const socket = connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
    return socket.emitWithAck('feed:join', { room, role: 'wall' }).then(() => socket);
  }

  it('shows a new Open311 request at once on every wall, in every room, and lists it', async () => {
    const walls = await Promise.all([wall('main'), wall('hall-3')]);
    const seen = walls.map(
      (socket) =>
        new Promise<FeedDelta>((resolve) => {
          const listener = (delta: FeedDelta) => {
            if (delta.events.some((e) => e.op === 'upsert' && e.entity.type === 'ServiceRequest' && e.entity.description === '路灯不亮')) {
              socket.off('feed:delta', listener);
              resolve(delta);
            }
          };
          socket.on('feed:delta', listener);
        }),
    );
    const posted = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service_code=UM-LIGHT&lat=31.201&long=121.401&description=路灯不亮',
    });
    expect(posted.status).toBe(201);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;
    await Promise.all(seen);
    const listed = (await (await fetch(`${base}/open311/v2/requests.json?status=open&page_size=1000`)).json()) as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(id);
    for (const socket of walls) socket.disconnect();
  });

  it('takes live entities at /ingest with the token and reports clients and traffic at /metrics', async () => {
    const socket = await wall('main');
    const refused = await fetch(`${base}/ingest`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    const accepted = await fetch(`${base}/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ingest}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'urn:ngsi-ld:WeatherObserved:test-city:roof', type: 'WeatherObserved', dateObserved: '2014-06-12T09:00:00+08:00', temperature: 31 }),
    });
    expect(await accepted.json()).toEqual({ accepted: 1 });
    const metrics = (await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${tokens.operator}` } })).json()) as {
      clients: Record<string, number>;
      rooms: { name: string }[];
      eventLagMs: object;
    };
    expect(metrics.clients.wall).toBeGreaterThanOrEqual(1);
    expect(metrics.rooms.map((r) => r.name)).toContain('main');
    expect(metrics).toHaveProperty('messagesOutPerSecond');
    socket.disconnect();
  });
});

describe('the room’s weather state', () => {
  function client(): Socket<ServerEvents, ClientEvents> {
    return connect(base, { parser: msgpackParser, transports: ['websocket'], forceNew: true });
  }
  const outlook = async (room: string) =>
    ((await (await fetch(`${base}/api/weather/outlook?room=${room}&hours=3`)).json()) as { hours: { precipitation: number | null }[] }).hours.map((h) => h.precipitation);

  it('gives a re-joining planner the room’s weather day and override, tells the room of each change, and the outlook follows both', async () => {
    const planner = client();
    const wall = client();
    const first = await planner.emitWithAck('feed:join', { room: 'plan-hall', role: 'planner', token: tokens.planner });
    expect(first.ok && first.weather).toEqual({ day: null, override: null });
    await wall.emitWithAck('feed:join', { room: 'plan-hall', role: 'wall' });
    // The replayed day (06-12) lies before the three recorded days: no weather to look ahead to.
    expect(await outlook('plan-hall')).toEqual([null, null, null, null]);

    const dayHeard = new Promise((resolve) => wall.once('room:weather', resolve));
    expect(await planner.emitWithAck('room:weather-day', { date: '2014-06-21' })).toEqual({ ok: true, date: '2014-06-21' });
    expect(await dayHeard).toEqual({ day: '2014-06-21', override: null });
    expect(await outlook('plan-hall')).toEqual([6, 6, 6, 6]); // the rainy day's hours, as the room now shows them
    const override = { preset: 'typhoon' as const, startMs: DAY, endMs: DAY + 12 * 3_600_000 };
    const overrideHeard = new Promise((resolve) => wall.once('room:weather', resolve));
    expect((await planner.emitWithAck('room:weather-override', override)).ok).toBe(true);
    expect(await overrideHeard).toEqual({ day: '2014-06-21', override });
    expect(await outlook('plan-hall')).toEqual([40, 40, 40, 40]);
    planner.disconnect();

    // A reload: a new socket joins the same room and is told both at once.
    const again = client();
    const rejoined = await again.emitWithAck('feed:join', { room: 'plan-hall', role: 'planner', token: tokens.planner });
    expect(rejoined.ok && rejoined.weather).toEqual({ day: '2014-06-21', override });
    // Another room keeps its own.
    const elsewhere = await again.emitWithAck('feed:join', { room: 'other-hall', role: 'planner', token: tokens.planner });
    expect(elsewhere.ok && elsewhere.weather).toEqual({ day: null, override: null });
    again.disconnect();
    wall.disconnect();
  });
});
