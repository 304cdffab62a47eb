import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENTS, isClientEvent, SERVER_EVENTS } from '../../src/protocol/socket-events.js';
import { loadCityPack } from '../city/city-pack.js';
import { attachFeed, roomWeatherOf } from '../feed/feed-hub.js';
import { FeedMetrics } from '../feed/metrics.js';
import { attachPlanner } from '../planner/planner-hub.js';
import { plannerRoomSource } from '../planner/planner-room-source.js';
import { LiveSource } from '../sources/live-source.js';
import { openDatabase, type Database } from '../store/database.js';
import type { TrafficCity } from '../traffic/traffic-city.js';
import { createHub, type HubServer } from './hub.js';
import type { HubSocket } from './on-event.js';

// The hub, the feed and the planner as the application wires them, over a live-only source.
let http: HttpServer;
let io: HubServer;
let url: string;
let dir: string;
let database: Database;
const stops: (() => void)[] = [];
const connected: HubSocket[] = [];
let client: ClientSocket;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socket-events-'));
  const pack = await loadCityPack('tiles', 'shanghai-bund');
  const live = new LiveSource();
  const logger = pino({ level: 'silent' });
  database = await openDatabase({ dataDir: join(dir, 'data') }, logger);
  http = createServer();
  io = createHub(http, { logger, defaultCity: 'shanghai-bund', serverVersion: 'test' }).io;
  const feed = attachFeed(io, {
    logger,
    metrics: new FeedMetrics(),
    source: live,
    roomSource: () => plannerRoomSource([], -1, live),
    origin: pack.manifest.centre,
    tokens: { operator: 'o', planner: 'p' },
    rate: 1,
  });
  const planner = attachPlanner(io, {
    logger,
    rooms: { controls: (name) => feed.rooms.get(name)?.roomSource.planner ?? null, emit: feed.emitToRoom, resync: feed.resync, weather: (name) => roomWeatherOf(feed.rooms.get(name)!.roomSource) },
    pack,
    loadCity: async () => ({ ...pack, id: 'shanghai-bund', roads: [] }) as TrafficCity,
    database,
    dir,
    whatIf: { tilesDir: 'tiles', dayStartMs: 0, tripsPerDay: 1, seed: 1 },
    baselineTraffic: null,
  });
  stops.push(planner.stop, feed.stop);
  io.on('connection', (socket) => void connected.push(socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  client = connect(url, { parser: msgpackParser, transports: ['websocket'] });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
});

afterAll(async () => {
  client.close();
  for (const stop of stops) stop();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the table of socket events', () => {
  it('has a handler for every client event it lists, and none for an event it does not', () => {
    const socket = connected[0]!;
    // socket.io's own events aside.
    const handled = new Set(socket.eventNames().filter((name) => !['disconnect', 'disconnecting', 'error'].includes(String(name))));
    expect([...handled].sort()).toEqual(Object.keys(CLIENT_EVENTS).sort());
    for (const name of Object.keys(CLIENT_EVENTS)) expect(socket.listenerCount(name as never)).toBe(1);
  });

  it('refuses an event it does not list', async () => {
    expect(isClientEvent('feed:join')).toBe(true);
    expect(isClientEvent('constructor')).toBe(false);
    expect(await client.timeout(2_000).emitWithAck('feed:leave' as never, {} as never)).toEqual({ ok: false, error: 'unknown event' });
  });

  it('answers every client event it lists through the acknowledgement, never as unknown', async () => {
    for (const name of Object.keys(CLIENT_EVENTS)) {
      const reply = (await client.timeout(2_000).emitWithAck(name as never, 'not a payload' as never)) as { ok: boolean; error?: string };
      expect(reply.error, name).not.toBe('unknown event');
      expect(typeof reply.ok, name).toBe('boolean');
    }
  });

  it('gives every client event a reply schema and every refusal a role text, and every server event a schema', () => {
    for (const [name, spec] of Object.entries(CLIENT_EVENTS)) {
      expect(spec.ack.safeParse, name).toBeTypeOf('function');
      if (spec.roles !== 'anyone') expect(spec.refusal('wall'), name).toMatch(/wall/);
    }
    expect(SERVER_EVENTS['error:reply'].safeParse({ event: 'x', error: 'y' }).success).toBe(true);
    expect(SERVER_EVENTS['room:weather'].safeParse({ day: null, override: null }).success).toBe(true);
  });
});
