/**
 * The server side of bench/feed-flood.bench.ts: the real application on the Shanghai pack and its
 * recorded day, in its own process so its memory is its own (GC exposed at run time: --expose-gc on
 * the command line would be refused by the recording's worker threads, which inherit it). It samples its
 * memory every 20 ms and answers the bench over IPC: "peak" (and start a new peak), "gc" (collect,
 * then the memory left), "close".
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApplication } from '../server/app.js';
import { createLogger } from '../server/logger.js';

/** Heap in use and resident set, MB. */
export interface Memory {
  heapUsedMb: number;
  rssMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const now = (): Memory => {
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsedMb: mb(heapUsed), rssMb: mb(rss) };
};

const tiles = join(import.meta.dirname, '..', 'tiles');
const recordings = ['demo', 'traffic'].map((name) => join(tiles, 'recordings', 'shanghai-bund', name)).filter((dir) => existsSync(dir));
const http = createServer();
const app = createApplication(http, {
  logger: createLogger('silent'),
  tilesDir: tiles,
  distDir: join(import.meta.dirname, '..', 'dist'),
  defaultCity: 'shanghai-bund',
  serverVersion: 'bench',
  // A clock sync every half second besides the deltas: the wall's gaps then show a stall of the event loop finely.
  feed: { tokens: { operator: 'bench-operator', planner: 'bench-planner', ingest: 'bench-ingest' }, recordings, rate: 60, clockSyncMs: 500 },
  // A data folder of its own, gone with the machine's temporary files.
  database: { dataDir: mkdtempSync(join(tmpdir(), 'sandtable-flood-bench-')) },
});
await app.feed;
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

let peak = now();
setInterval(() => {
  const m = now();
  peak = { heapUsedMb: Math.max(peak.heapUsedMb, m.heapUsedMb), rssMb: Math.max(peak.rssMb, m.rssMb) };
}, 20).unref();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;
process.on('message', (message: string) => {
  if (message === 'peak') {
    process.send!({ peak });
    peak = now();
  } else if (message === 'gc') {
    gc?.();
    gc?.();
    process.send!({ memory: now(), collected: Boolean(gc) });
  } else if (message === 'close') {
    void app.close().then(() => process.exit(0));
  }
});
process.send!({ port: (http.address() as AddressInfo).port, memory: now() });
