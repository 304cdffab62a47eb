/**
 * What was acknowledged survives a kill -9: a real server process on the test city takes a planner's
 * what-if, Open311 requests, ingested entities and an operator's clock command, is killed without warning straight after
 * the last acknowledgement, and is started again on the same data. Once on the embedded database and
 * once on a PostgreSQL server.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../src/protocol/entities';
import type { ClientEvents, ServerEvents } from '../src/protocol/socket-events';
import { simTimeAt, type ClockSync } from '../src/protocol/clock';
import { createLogger } from './logger';
import { openDatabase } from './store/database';
import { startPostgresServer, type PostgresServer } from '../tests/support/postgres-server';
import { killProcessTree } from '../tests/support/process-tree';
import { startServer, type ServerProcess } from '../tests/support/server-process';
import { buildTestCity, TEST_DAY, TEST_TOKENS, testCityDir, testCityServerEnv } from './test-city.test-helper';

/** As many as one address may post in a minute (the Open311 post limit). */
const REQUESTS = 10;
const ENTITIES = 1002;
/** The rate the operator sets: an hour of the day passes in 30 s. */
const RATE = 120;
/** A sim instant the checkpoints may lag behind what the room had reached: a few checkpoint intervals at RATE. */
const CHECKPOINT_SLACK_MS = 5 * 1_000 * RATE;

let dir: string;
beforeAll(async () => {
  dir = await testCityDir('restart');
  await buildTestCity(dir, { hours: 12, tripsPerDay: 300, requestsPerDay: 40 });
}, 120_000);

type Client = Socket<ServerEvents, ClientEvents>;
const client = (url: string): Client => connect(url, { parser: msgpackParser, transports: ['websocket'], forceNew: true });

/** The test city's server on `dataDir` (and the database server, when given). */
function serve(dataDir: string, databaseUrl?: string): Promise<ServerProcess> {
  return startServer({
    env: {
      ...testCityServerEnv(dir, dataDir),
      CLOCK_START: new Date(TEST_DAY + 8 * 3_600_000).toISOString(),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  });
}

/** Kills the server and what it started (a what-if's SUMO tools) with SIGKILL, so no shutdown hook runs, and waits until it is gone. */
function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    killProcessTree(server.child.pid!);
  });
}

/** A what-if on the test city: two streets closed for an hour of the morning. */
const SCENARIO = {
  id: 'restart-closures',
  name: '两条街封闭 · two streets closed',
  window: { startMs: TEST_DAY + 9 * 3_600_000, endMs: TEST_DAY + 10 * 3_600_000 },
  closures: [0, 1],
  demandScale: 1.1,
  events: [],
};

const device = (n: number): Device => ({
  id: `urn:ngsi-ld:Device:test-city:restart-${n}`,
  type: 'Device',
  category: ['sensor'],
  controlledProperty: ['noiseLevel'],
  value: String(40 + (n % 30)),
  location: { type: 'Point', coordinates: [121.4 + (n % 50) * 0.0001, 31.2 + Math.floor(n / 50) * 0.0001] },
});

async function checkpointsSaved(server: ServerProcess): Promise<number> {
  const metrics = (await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TEST_TOKENS.operator}` } })).json()) as { clockCheckpoints: { saved: number } };
  return metrics.clockCheckpoints.saved;
}

/** Writes everything, kills the server right after the last acknowledgement, restarts it and reads it all back. */
async function writeKillRead(dataDir: string, databaseUrl?: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  let server = await serve(dataDir, databaseUrl);
  const sockets: Client[] = [];
  try {
    // The hall's clock: an operator moves it to 09:00 at RATE and lets it play through a few checkpoints.
    const operator = client(server.url);
    sockets.push(operator);
    const joined = await operator.emitWithAck('feed:join', { room: 'main', role: 'operator', token: TEST_TOKENS.operator });
    expect(joined.ok).toBe(true);
    const commandedMs = TEST_DAY + 9 * 3_600_000;
    const commanded = await operator.emitWithAck('clock:command', { simTimeMs: commandedMs, rate: RATE, playing: true });
    if (!commanded.ok) throw new Error(commanded.error);
    let sync: ClockSync = commanded.clock;
    operator.on('clock:sync', (next) => (sync = next));
    const before = await checkpointsSaved(server);
    for (let waited = 0; (await checkpointsSaved(server)) < before + 2; waited++) {
      if (waited > 300) throw new Error(`no clock checkpoint in 30 s:\n${server.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // A planner's what-if: acknowledged once the scenario is saved, its run then under way.
    const planner = client(server.url);
    sockets.push(planner);
    expect((await planner.emitWithAck('feed:join', { room: 'plan', role: 'planner', token: TEST_TOKENS.planner })).ok).toBe(true);
    const run = await planner.emitWithAck('scenario:run', { scenario: SCENARIO });
    expect(run).toMatchObject({ ok: true, scenario: { id: SCENARIO.id } });

    // Entities in batches, as stations post them; every one answered 202.
    for (let from = 0; from < ENTITIES; from += 250) {
      const batch = Array.from({ length: Math.min(250, ENTITIES - from) }, (_, i) => device(from + i));
      const ingested = await fetch(`${server.url}/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKENS.ingest}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(ingested.status).toBe(202);
    }
    // Citizens' requests; the server is killed straight after the last 201.
    const ids: string[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      const posted = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ service_code: 'UM-LIGHT', lat: '31.201', long: '121.401', description: `restart ${n}` }).toString(),
      });
      expect(posted.status).toBe(201);
      ids.push(((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id);
      if (n === REQUESTS - 1) {
        // What the room had reached when the server died.
        const reachedMs = simTimeAt(sync, Date.now());
        await killHard(server);
        for (const socket of sockets.splice(0)) socket.disconnect();
        const killedAt = Date.now();
        // The instant the hall's clock was saved at, read from the database itself while the server is down.
        const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir }, createLogger('silent'));
        const [saved] = await database.query<{ sim_time_ms: number; rate: number; playing: boolean }>("select sim_time_ms, rate, playing from room_clocks where room = 'main'");
        await database.close();
        server = await serve(dataDir, databaseUrl);
        const restartMs = Date.now() - killedAt;

        for (const id of ids) {
          const found = await fetch(`${server.url}/open311/v2/requests/${id}.json?history=1`);
          expect(found.status, id).toBe(200);
          const [request] = (await found.json()) as { description: string; history: { change: string }[] }[];
          expect(request!.history.map((h) => h.change)).toEqual(['created']);
        }
        const plannerAgain = client(server.url);
        sockets.push(plannerAgain);
        expect((await plannerAgain.emitWithAck('feed:join', { room: 'plan', role: 'planner', token: TEST_TOKENS.planner })).ok).toBe(true);
        const listed = await plannerAgain.emitWithAck('scenario:list', {});
        expect(listed.ok && listed.scenarios.map((s) => [s.id, s.name])).toEqual([[SCENARIO.id, SCENARIO.name]]);
        expect(await plannerAgain.emitWithAck('scenario:load', { id: SCENARIO.id })).toMatchObject({ ok: true, scenario: SCENARIO });

        const wall = client(server.url);
        sockets.push(wall);
        const snapshot = new Promise<{ entities: { id: string }[] }>((resolve) => wall.once('feed:snapshot', resolve));
        const rejoined = await wall.emitWithAck('feed:join', { room: 'main', role: 'wall' });
        if (!rejoined.ok) throw new Error(rejoined.error);
        const seen = new Set((await snapshot).entities.map((e) => e.id));
        const missing = Array.from({ length: ENTITIES }, (_, n) => device(n).id).filter((id) => !seen.has(id));
        expect(missing).toEqual([]);
        for (const id of ids) expect(seen.has(`urn:ngsi-ld:ServiceRequest:test-city:${id}`), id).toBe(true);
        // The saved instant lies between the acknowledged command and what the room had reached, a checkpoint or so behind it.
        expect(saved).toMatchObject({ rate: RATE, playing: true });
        expect(saved!.sim_time_ms).toBeGreaterThanOrEqual(commandedMs);
        expect(saved!.sim_time_ms).toBeLessThanOrEqual(reachedMs + 1_000); // the client's sync may trail the server by a frame
        expect(saved!.sim_time_ms).toBeGreaterThanOrEqual(reachedMs - CHECKPOINT_SLACK_MS);
        // The room opens at the saved instant (no time passes while the server is down) and plays on from there.
        const resumed = rejoined.clock;
        expect(resumed.rate).toBe(RATE);
        expect(resumed.playing).toBe(true);
        expect(resumed.simTimeMs).toBeGreaterThanOrEqual(saved!.sim_time_ms);
        expect(resumed.simTimeMs).toBeLessThanOrEqual(saved!.sim_time_ms + (resumed.serverTimeMs - killedAt) * RATE);
        const behindMs = reachedMs - saved!.sim_time_ms;
        return `the scenario, ${REQUESTS}/${REQUESTS} requests and ${ENTITIES - missing.length}/${ENTITIES} entities back; clock saved ${(behindMs / 1000).toFixed(0)} sim-s (${(behindMs / RATE).toFixed(0)} ms of wall time at ×${RATE}) behind the instant reached; restart took ${restartMs} ms`;
      }
    }
    throw new Error('unreachable');
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
  }
}

describe('restart durability (kill -9 between write and read)', () => {
  it('keeps the scenario, requests, entities and the room clock on the embedded database', async () => {
    const figures = await writeKillRead(path.join(dir, 'data-embedded'));
    console.info(`embedded: ${figures}`);
  }, 180_000);

  describe('on a PostgreSQL server', () => {
    let postgres: PostgresServer;
    beforeAll(async () => {
      postgres = await startPostgresServer();
    }, 120_000);
    afterAll(() => postgres?.stop());

    it('keeps the scenario, requests, entities and the room clock', async () => {
      const figures = await writeKillRead(path.join(dir, 'data-server'), postgres.url);
      console.info(`postgresql: ${figures}`);
    }, 180_000);
  });
});
