/** One contract of a store, run on both database engines: a fresh embedded data folder and a throwaway PostgreSQL server. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { DatabaseLocation } from '../../server/store/database';
import { startPostgresServer, type PostgresServer } from './postgres-server';

/** Defines `contract` (a describe block of its own, named `name`) on the embedded engine, then on a PostgreSQL server. */
export function onBothEngines(subject: string, contract: (name: string, location: () => Promise<DatabaseLocation>) => void): void {
  contract(`${subject} on the embedded engine (PGlite)`, async () => ({ dataDir: await mkdtemp(path.join(os.tmpdir(), 'sandtable-data-')) }));
  describe(`${subject} on a PostgreSQL server`, () => {
    let server: PostgresServer;
    beforeAll(async () => {
      server = await startPostgresServer();
    }, 120_000);
    afterAll(() => server?.stop());
    contract('a throwaway cluster', async () => ({ url: server.url }));
  });
}
