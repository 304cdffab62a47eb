import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/protocol/feed.js';
import type { FeedSnapshot } from '../../src/protocol/feed-wire.js';
import type { ScenarioJobWire } from '../../src/protocol/planner-wire.js';
import { loadCityPack, type CityPack } from '../city/city-pack.js';
import { attachFeed, roomWeatherOf } from '../feed/feed-hub.js';
import type { HubServer } from '../hub/hub.js';
import { FeedMetrics } from '../feed/metrics.js';
import { RecordingWriter } from '../recording/recording-writer.js';
import { LiveSource } from '../sources/live-source.js';
import { ReplaySource } from '../sources/replay-source.js';
import { openDatabase, type Database } from '../store/database.js';
import type { TrafficKpis } from '../../src/protocol/scenario.js';
import type { TrafficCity } from '../traffic/traffic-city.js';
import type { WhatIfRunner } from '../traffic/what-if-jobs.js';
import { attachPlanner } from './planner-hub.js';
import { plannerRoomSource } from './planner-room-source.js';

const DAY = Date.parse('2014-06-12T00:00:00+08:00');
const HOUR = 3_600_000;
const WINDOW = { startMs: DAY + 7 * HOUR, endMs: DAY + 9 * HOUR };
const tokens = { operator: 'op-secret-1', planner: 'plan-secret-1' };
const flowId = (edge: number) => `urn:ngsi-ld:TrafficFlowObserved:shanghai-bund:g${edge}`;
const flows = (from: number, to: number, speed: number): FeedEvent[] => {
  const out: FeedEvent[] = [];
  for (let t = from; t < to; t += 300_000) {
    out.push({ op: 'upsert', t, entity: { id: flowId(1), type: 'TrafficFlowObserved', dateObserved: new Date(t).toISOString(), refRoadSegment: 'g1', averageVehicleSpeed: speed } });
  }
  return out;
};
async function writeRecording(dir: string, events: FeedEvent[]): Promise<void> {
  const writer = await RecordingWriter.create(dir, { city: 'shanghai-bund', source: 'test', chunkMs: HOUR });
  await writer.write(events);
  await writer.close();
}
const kpis = (meanTravelTimeS: number): TrafficKpis => ({ trips: 100, arrived: 98, meanTravelTimeS, totalDelayH: meanTravelTimeS / 100, vehicleKm: 500, congestedRoadKm: 1, peakCongestedRoadKm: 2 });

/** Stands in for SUMO: reports progress, writes a recording with slow flows, returns KPIs. */
const stubRunner: WhatIfRunner = async (scenario, _city, options, onProgress = () => {}) => {
  onProgress({ stage: 'network', fraction: 0, message: 'converting' });
  onProgress({ stage: 'simulate', fraction: 0.5, message: 'simulating' });
  const recordingDir = join(options.dir, scenario.id, 'recording');
  await writeRecording(recordingDir, flows(scenario.window.startMs, scenario.window.endMs, 7));
  return {
    scenarioId: scenario.id,
    window: scenario.window,
    baseline: { kpis: kpis(600), statistics: {} as never, trips: 100, sumoSeconds: 1 },
    scenario: { kpis: kpis(720), statistics: {} as never, trips: 120, sumoSeconds: 1 },
    difference: { ...kpis(120), trips: 0, arrived: 0, vehicleKm: 0, congestedRoadKm: 0, peakCongestedRoadKm: 0, totalDelayH: 1.2 },
    recordingDir,
    seconds: 0.1,
  };
};

let http: HttpServer;
let url: string;
let ioServer: HubServer;
let dir: string;
let database: Database;
/** When set, every query fails as a full disk does (SQLSTATE 53100). */
let storeFails = false;
const diskFull = () => Promise.reject(Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' }));
/** The database, failing on demand. */
const failable = (db: Database): Database => ({
  engine: db.engine,
  query: (sql, params) => (storeFails ? diskFull() : db.query(sql, params)),
  exec: (sql) => (storeFails ? diskFull() : db.exec(sql)),
  transaction: (work) => (storeFails ? diskFull() : db.transaction(work)),
  close: () => db.close(),
});
let stops: (() => void)[] = [];
let plannerRejected = 0;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planner-'));
  const pack: CityPack = await loadCityPack('tiles', 'shanghai-bund');
  database = await openDatabase({ dataDir: join(dir, 'data') }, pino({ level: 'silent' }));
  await writeRecording(join(dir, 'baseline'), flows(DAY, DAY + 12 * HOUR, 40));
  const baseline = await ReplaySource.open(join(dir, 'baseline'));
  const live = new LiveSource();
  http = createServer();
  ioServer = new Server(http, { parser: msgpackParser, serveClient: false });
  const feed = attachFeed(ioServer, {
    logger: pino({ level: 'silent' }),
    metrics: new FeedMetrics(),
    source: baseline,
    roomSource: () => plannerRoomSource([baseline], 0, live, pack.manifest.centre),
    origin: pack.manifest.centre,
    tokens,
    startMs: WINDOW.startMs + 10 * 60_000,
    rate: 1,
    tickMs: 50,
    // The kiosk and the wall of the refusal test join a hall; the planner opens the other rooms.
    halls: ['hall-a'],
  });
  const planner = attachPlanner(ioServer, {
    logger: pino({ level: 'silent' }),
    rooms: {
      controls: (name) => feed.rooms.get(name)?.roomSource.planner ?? null,
      emit: feed.emitToRoom,
      resync: feed.resync,
      weather: (name) => roomWeatherOf(feed.rooms.get(name)!.roomSource),
    },
    pack,
    loadCity: async () => ({ ...pack, id: 'shanghai-bund', roads: [] }) as TrafficCity,
    database: failable(database),
    dir: join(dir, 'scenarios'),
    whatIf: { tilesDir: 'tiles', dayStartMs: DAY, tripsPerDay: 1000, seed: 1 },
    baselineTraffic: baseline,
    runner: stubRunner,
    rejected: () => void plannerRejected++,
  });
  stops = [planner.stop, feed.stop];
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const stop of stops) stop();
  await new Promise<void>((resolve) => ioServer.close(() => resolve()));
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

async function joined(role: 'planner' | 'kiosk' | 'wall', room: string, token?: string): Promise<ClientSocket> {
  const client = connect(url, { parser: msgpackParser, transports: ['websocket'] });
  clients.push(client);
  const reply = await client.emitWithAck('feed:join', { room, role, ...(token ? { token } : {}) });
  expect(reply.ok).toBe(true);
  return client;
}
const scenario = (id: string, extra: object = {}) => ({ id, name: `test ${id}`, window: WINDOW, closures: [10, 11], demandScale: 1.2, ...extra });
/** The next snapshot whose flow on edge 1 satisfies a test. */
const snapshotWhere = (client: ClientSocket, test: (snapshot: FeedSnapshot) => boolean) =>
  new Promise<FeedSnapshot>((resolve) => {
    const on = (snapshot: FeedSnapshot) => {
      if (!test(snapshot)) return;
      client.off('feed:snapshot', on);
      resolve(snapshot);
    };
    client.on('feed:snapshot', on);
  });
const speedIn = (snapshot: FeedSnapshot) => (snapshot.entities.find((e) => e.id === flowId(1)) as { averageVehicleSpeed?: number } | undefined)?.averageVehicleSpeed;

describe('planner socket events', () => {
  it('refuse a kiosk and a wall', async () => {
    const kiosk = await joined('kiosk', 'hall-a');
    const wall = await joined('wall', 'hall-a');
    for (const [event, payload] of [
      ['scenario:run', { scenario: scenario('x') }],
      ['scenario:list', {}],
      ['room:traffic-view', { scenarioId: null }],
      ['room:weather-override', null],
    ] as const) {
      expect(await kiosk.emitWithAck(event, payload)).toEqual({ ok: false, error: 'the kiosk role may not plan scenarios' });
    }
    expect(await wall.emitWithAck('scenario:cancel', {})).toEqual({ ok: false, error: 'the wall role may not plan scenarios' });
    // Every refusal counts once in the metrics.
    expect(plannerRejected).toBe(5);
  });

  it('refuse an invalid scenario with the reason', async () => {
    const planner = await joined('planner', 'hall-b', tokens.planner);
    const unknownEdge = await planner.emitWithAck('scenario:run', { scenario: scenario('bad', { closures: [9_999_999] }) });
    expect(unknownEdge).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid scenario: closures: unknown graph edge 9999999/) });
    const tooLong = await planner.emitWithAck('scenario:run', { scenario: scenario('long', { window: { startMs: DAY, endMs: DAY + 8 * HOUR } }) });
    expect(tooLong).toMatchObject({ ok: false, error: expect.stringContaining('window must be at most 6 hours') });
    expect(await planner.emitWithAck('scenario:run', 'nonsense')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request/) });
  });

  it('run a scenario in the background, reporting progress and the result to the room, and keep it in the list', async () => {
    const planner = await joined('planner', 'hall-c', tokens.planner);
    const wall = await joined('wall', 'hall-c');
    const heard: ScenarioJobWire[] = [];
    const done = new Promise<ScenarioJobWire>((resolve) =>
      wall.on('scenario:job', (job: ScenarioJobWire) => {
        heard.push(job);
        if (job.status !== 'running') resolve(job);
      }),
    );
    const reply = await planner.emitWithAck('scenario:run', { scenario: scenario('close-two'), route: { from: [121.48631, 31.24387], to: [121.49479, 31.2387] } });
    expect(reply).toMatchObject({ ok: true, jobId: expect.any(String), scenario: { id: 'close-two', demandScale: 1.2 } });
    const job = await done;
    expect(heard.some((j) => j.status === 'running')).toBe(true);
    expect(job).toMatchObject({
      status: 'done',
      scenarioId: 'close-two',
      result: { baseline: { meanTravelTimeS: 600 }, scenario: { meanTravelTimeS: 720 }, difference: { meanTravelTimeS: 120 }, speedFactor: 1 },
    });
    // The guide route is priced on the baseline's flows and the scenario's (40 vs 7 km/h on edge 1, free flow elsewhere).
    expect(job.status === 'done' && job.result.route).toMatchObject({ ok: true });
    const list = await planner.emitWithAck('scenario:list', {});
    expect(list).toMatchObject({ ok: true, scenarios: [{ id: 'close-two', closures: 2, viewable: true, lastResult: { scenario: { meanTravelTimeS: 720 } } }] });
    expect(await planner.emitWithAck('scenario:load', { id: 'close-two' })).toMatchObject({ ok: true, scenario: { id: 'close-two' }, result: { scenarioId: 'close-two' } });
    expect(await planner.emitWithAck('scenario:load', { id: 'missing' })).toMatchObject({ ok: false, error: "no saved scenario 'missing'" });
  });

  it('flip the room to the scenario and back, each with a fresh snapshot for everyone in it', async () => {
    const planner = await joined('planner', 'hall-d', tokens.planner);
    const wall = await joined('wall', 'hall-d');
    expect(await planner.emitWithAck('room:traffic-view', { scenarioId: 'nothing-here' })).toMatchObject({ ok: false });
    const scenarioSnapshot = snapshotWhere(wall, (s) => speedIn(s) === 7);
    expect(await planner.emitWithAck('room:traffic-view', { scenarioId: 'close-two' })).toMatchObject({ ok: true, state: { trafficView: { scenarioId: 'close-two', window: WINDOW } } });
    expect(speedIn(await scenarioSnapshot)).toBe(7);
    const baselineSnapshot = snapshotWhere(wall, (s) => speedIn(s) === 40);
    expect(await planner.emitWithAck('room:traffic-view', { scenarioId: null })).toMatchObject({ ok: true, state: { trafficView: null } });
    expect(speedIn(await baselineSnapshot)).toBe(40);
  });

  it('lay a typhoon over the room for a window, validated, and lift it', async () => {
    const planner = await joined('planner', 'hall-e', tokens.planner);
    const wall = await joined('wall', 'hall-e');
    expect(await planner.emitWithAck('room:weather-override', { preset: 'blizzard', startMs: 0, endMs: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid weather override/) });
    const typhoon = snapshotWhere(wall, (s) => s.entities.some((e) => e.type === 'WeatherObserved' && e.precipitation === 40));
    const reply = await planner.emitWithAck('room:weather-override', { preset: 'typhoon', startMs: WINDOW.startMs, endMs: WINDOW.endMs });
    expect(reply).toMatchObject({ ok: true, state: { weatherOverride: { preset: 'typhoon' } } });
    expect((await typhoon).entities.find((e) => e.type === 'WeatherObserved')).toMatchObject({ windSpeed: 25 });
    const clear = snapshotWhere(wall, (s) => !s.entities.some((e) => e.type === 'WeatherObserved'));
    expect(await planner.emitWithAck('room:weather-override', null)).toMatchObject({ ok: true, state: { weatherOverride: null } });
    await clear;
  });

  it('run a scenario under a typhoon override with the documented speed factor', async () => {
    const planner = await joined('planner', 'hall-f', tokens.planner);
    await planner.emitWithAck('room:weather-override', { preset: 'typhoon', startMs: WINDOW.startMs, endMs: WINDOW.endMs });
    const done = new Promise<ScenarioJobWire>((resolve) => planner.on('scenario:job', (job: ScenarioJobWire) => job.status !== 'running' && resolve(job)));
    expect(await planner.emitWithAck('scenario:run', { scenario: scenario('wet') })).toMatchObject({ ok: true, scenario: { weather: { speedFactor: 0.8 } } });
    expect(await done).toMatchObject({ status: 'done', result: { speedFactor: 0.8 } });
  });

  it('refuse a save, a list and a load plainly when the database cannot take them, and start no run', async () => {
    const planner = await joined('planner', 'hall-full', tokens.planner);
    const heard: ScenarioJobWire[] = [];
    planner.on('scenario:job', (job: ScenarioJobWire) => void heard.push(job));
    storeFails = true;
    try {
      expect(await planner.emitWithAck('scenario:run', { scenario: scenario('not-kept') })).toEqual({
        ok: false,
        error: 'the scenario could not be saved: the database disk is full; nothing was stored',
      });
      expect(await planner.emitWithAck('scenario:list', {})).toEqual({ ok: false, error: 'the saved scenarios could not be read: the database disk is full; nothing was stored' });
      expect(await planner.emitWithAck('scenario:load', { id: 'close-two' })).toEqual({ ok: false, error: "scenario 'close-two' could not be read: the database disk is full; nothing was stored" });
    } finally {
      storeFails = false;
    }
    // The server is still there, and nothing of the refused run was kept or started.
    expect(await planner.emitWithAck('scenario:load', { id: 'not-kept' })).toEqual({ ok: false, error: "no saved scenario 'not-kept'" });
    expect(heard).toEqual([]);
  });
});
