/**
 * A planner's saved scenario survives a crash: the real server (tsx server/main.ts) acknowledges a
 * what-if run only after the scenario is committed; it is killed with SIGKILL (with the SUMO tools the
 * run had started) right after that acknowledgement, started again on the same DATA_DIR (or the same
 * PostgreSQL server), and the scenario is listed and loads. No browser: it is here, under the browser
 * suite's one-at-a-time run, because the run it starts launches SUMO's tools.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckOf, ClientEvents, ServerEvents } from '../../src/protocol/socket-events';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { killProcessTree } from '../support/process-tree';
import { startServer, type ServerProcess } from '../support/server-process';

const TOKEN = 'restart-planner-token';
const DAY = Date.parse('2014-06-12T00:00:00+08:00');
const HOUR = 3_600_000;
const SCENARIO = {
  id: 'crash-proof',
  name: '延安东路隧道早高峰封闭',
  window: { startMs: DAY + 7 * HOUR, endMs: DAY + 9 * HOUR },
  closures: [10, 11],
  demandScale: 1.1,
  events: [],
};

/** Waits for the server's ready signal: /healthz says the feed runs (a socket connected before that hears no feed events). */
async function feedRunning(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (((await (await fetch(`${server.url}/healthz`)).json()) as { feed?: string }).feed !== 'running') {
    if (Date.now() > deadline) throw new Error(`the feed did not start:\n${server.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A planner socket joined to a room of the server, once its feed runs. */
async function planner(server: ServerProcess): Promise<Socket<ServerEvents, ClientEvents>> {
  await feedRunning(server);
  const socket: Socket<ServerEvents, ClientEvents> = connect(server.url, { parser: msgpackParser, transports: ['websocket'] });
  const joined = await socket.timeout(60_000).emitWithAck('feed:join', { room: 'restart-hall', role: 'planner', token: TOKEN });
  expect(joined.ok).toBe(true);
  return socket;
}

/** Kills the server as a crash would and waits until it is gone. */
async function crash(server: ServerProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => (server.child.exitCode !== null ? resolve() : server.child.once('exit', () => resolve())));
  killProcessTree(server.child.pid!);
  await exited;
}

function restartContract(name: string, env: () => Record<string, string>) {
  it(`keeps a scenario acknowledged just before a kill -9 (${name})`, async () => {
    const first = await startServer({ env: { ...env(), PLANNER_TOKEN: TOKEN } });
    let second: ServerProcess | null = null;
    try {
      const before = await planner(first);
      const run = await before.timeout(120_000).emitWithAck('scenario:run', { scenario: SCENARIO });
      expect(run).toMatchObject({ ok: true, scenario: { id: 'crash-proof' } });
      // Right after the acknowledgement, mid-run: no shutdown handler runs, nothing is flushed.
      await crash(first);
      before.close();

      second = await startServer({ port: first.port, env: { ...env(), PLANNER_TOKEN: TOKEN } });
      const after = await planner(second);
      const list = (await after.timeout(60_000).emitWithAck('scenario:list', {})) as AckOf<'scenario:list'>;
      expect(list.ok && list.scenarios.map((s) => [s.id, s.name, s.closures, s.lastResult, s.viewable])).toEqual([['crash-proof', SCENARIO.name, 2, null, false]]);
      expect(await after.timeout(60_000).emitWithAck('scenario:load', { id: 'crash-proof' })).toEqual({ ok: true, scenario: SCENARIO, result: null });
      after.close();
    } finally {
      if (first.child.exitCode === null) await crash(first);
      await second?.stop();
    }
  });
}

describe('saved scenarios across a crash', () => {
  // The same data folder for both starts of a server.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sandtable-restart-'));
  restartContract('the embedded engine', () => ({ DATA_DIR: dataDir }));

  describe('on a PostgreSQL server', () => {
    let postgres: PostgresServer;
    const serverDataDir = mkdtempSync(path.join(os.tmpdir(), 'sandtable-restart-'));
    beforeAll(async () => {
      postgres = await startPostgresServer();
    }, 90_000);
    afterAll(() => postgres?.stop());
    restartContract('a PostgreSQL server', () => ({ DATA_DIR: serverDataDir, DATABASE_URL: postgres.url }));
  });
});
