/**
 * A real server on a small real city for tests: the grid-town fixture built into a pack, a synthetic
 * day recorded for it, and the application listening on an ephemeral port, as production runs it.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildCity } from '../tiles/builder/build-city';
import { createProgress } from '../tiles/builder/progress';
import { createApplication, type AppDeps, type Application } from './app';
import { loadCityPack, type CityPack } from './city/city-pack';
import { createLogger } from './logger';
import { RecordingWriter } from './recording/recording-writer';
import { generateSyntheticCity } from './synthetic/synthetic-city';

const fixture = path.join(import.meta.dirname, '..', 'tiles', 'builder', 'fixtures', 'grid-town.osm');

/** Local midnight of the test day (UTC+8), where the synthetic recording starts. */
export const TEST_DAY = Date.parse('2014-06-12T00:00:00+08:00');
/** The privileged tokens the test server accepts. */
export const TEST_TOKENS = { operator: 'operator-token', planner: 'planner-token', ingest: 'ingest-token' };

/** Builds the test city's pack and its demo recording (`hours` of synthetic activity) under `<dir>/tiles`. */
export async function buildTestCity(dir: string, day: { hours: number; tripsPerDay: number; requestsPerDay: number }): Promise<CityPack> {
  await buildCity({ source: fixture, id: 'test-city', outRoot: path.join(dir, 'tiles'), progress: createProgress(true) });
  const pack = await loadCityPack(path.join(dir, 'tiles'), 'test-city');
  const writer = await RecordingWriter.create(path.join(dir, 'tiles/recordings/test-city/demo'), { city: 'test-city', source: 'test' });
  await writer.write(
    generateSyntheticCity(pack, { seed: 1, startMs: TEST_DAY, endMs: TEST_DAY + day.hours * 3_600_000, tripsPerDay: day.tripsPerDay, requestsPerDay: day.requestsPerDay, utcOffsetHours: 8 }),
  );
  await writer.close();
  return pack;
}

/** The environment of a real server process (`tests/support/server-process.ts`) on the test city in `dir`, its data in `dataDir`. */
export function testCityServerEnv(dir: string, dataDir: string): Record<string, string> {
  return {
    TILES_DIR: path.join(dir, 'tiles'),
    CITY: 'test-city',
    DATA_DIR: dataDir,
    DIST_DIR: path.join(dir, 'dist'),
    OPERATOR_TOKEN: TEST_TOKENS.operator,
    PLANNER_TOKEN: TEST_TOKENS.planner,
    INGEST_TOKEN: TEST_TOKENS.ingest,
  };
}

/** A fresh temporary folder for a test city. */
export function testCityDir(name: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `sandtable-${name}-`));
}

/** A listening test server and how to stop it. */
export interface TestServer {
  server: Server;
  app: Application;
  port: number;
  base: string;
  close(): Promise<void>;
}

/**
 * Starts the application on the test city in `dir` (once its feed is running), on 127.0.0.1 and an
 * ephemeral port; its database is embedded in `<dir>/data` (kept across restarts on the same `dir`) unless given.
 */
export async function startTestServer(
  dir: string,
  feed: Omit<AppDeps['feed'], 'tokens'> = { rate: 60, tickMs: 50 },
  extra: Partial<Pick<AppDeps, 'allowedOrigins' | 'database'>> = {},
): Promise<TestServer> {
  const server = createServer();
  const app = createApplication(server, {
    logger: createLogger('silent'),
    tilesDir: path.join(dir, 'tiles'),
    distDir: path.join(dir, 'dist'),
    defaultCity: 'test-city',
    serverVersion: '0.0.0-test',
    feed: { tokens: TEST_TOKENS, ...feed },
    database: { dataDir: path.join(dir, 'data') },
    ...extra,
  });
  await app.feed;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    app,
    port,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
