/**
 * Recording decode benchmark: chunks decoded in-thread (the baseline) against the worker pool, in
 * the same run. Prints (1) decode throughput over every chunk of the traffic recording, (2) how
 * long the event loop is blocked (monitorEventLoopDelay max / p99) while cold seeks run across the
 * 24-hour traffic recording, with the seek time, and (3) the latency of small chunks either way.
 *   npm run bench:recording [-- --seeks 10]
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readChunk } from '../server/recording/chunk-decode.js';
import { ChunkDecoders } from '../server/recording/chunk-decoders.js';
import { Recording } from '../server/recording/recording-reader.js';

const { values } = parseArgs({ options: { seeks: { type: 'string', default: '10' } } });
const seeks = Number(values.seeks);
const recordings = join(import.meta.dirname, '..', 'tiles', 'recordings', 'shanghai-bund');
const traffic = join(recordings, 'traffic');
const weather = join(recordings, 'weather');
const decoders = new ChunkDecoders();
// Held for the whole run, as a server's open recordings hold it: the seeks below open and close
// fresh recordings, which must not restart the workers each time.
decoders.retain();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// (1) Throughput: every traffic chunk, in-thread one after another, and through the pool at once.
const index = (await Recording.open(traffic, { decoders: null })).index;
const paths = index.chunks.map((c) => join(traffic, c.file));
const gzBytes = index.chunks.reduce((sum, c) => sum + c.bytes, 0);
const events = index.chunks.reduce((sum, c) => sum + c.events, 0);
await decoders.decode(paths[0]!); // start and warm the workers' modules, as an open recording does
const throughput = async (decode: (path: string) => Promise<unknown>, parallel: boolean): Promise<number> => {
  const t0 = performance.now();
  if (parallel) await Promise.all(paths.map(decode));
  else for (const path of paths) await decode(path);
  return (performance.now() - t0) / 1000;
};
const inThreadS = median([await throughput(readChunk, false), await throughput(readChunk, false), await throughput(readChunk, false)]);
const poolS = median([await throughput((p) => decoders.decode(p), true), await throughput((p) => decoders.decode(p), true), await throughput((p) => decoders.decode(p), true)]);
const rate = (s: number) => `${(gzBytes / 1e6 / s).toFixed(1).padStart(5)} MB gz/s ${(events / s / 1000).toFixed(0).padStart(4)} k events/s`;
console.log(`decode throughput, ${paths.length} traffic chunks (${(gzBytes / 1e6).toFixed(1)} MB gz, ${events} events), median of 3`);
console.log(`  in-thread            ${inThreadS.toFixed(2)} s  ${rate(inThreadS)}`);
console.log(`  worker pool (${decoders.threads} thr)   ${poolS.toFixed(2)} s  ${rate(poolS)}  (${(inThreadS / poolS).toFixed(2)}×)`);

// (2) Event-loop blocking: a 20 ms tick (another room) runs while cold seeks go across the day.
const blocking = async (pool: ChunkDecoders | null) => {
  const instants = Array.from({ length: seeks }, (_, i) => (i + 0.5) / seeks);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const tick = setInterval(() => {}, 20);
  histogram.enable();
  let seekMs = 0;
  for (const f of instants) {
    const fresh = await Recording.open(traffic, { cacheSize: 1, decoders: pool });
    const t0 = performance.now();
    await fresh.stateAt(fresh.startMs + f * (fresh.endMs - fresh.startMs));
    seekMs += performance.now() - t0;
    await fresh.close();
  }
  histogram.disable();
  clearInterval(tick);
  return { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6, seekMs: seekMs / instants.length };
};
const before = await blocking(null);
const after = await blocking(decoders);
const row = (name: string, r: { max: number; p99: number; seekMs: number }) =>
  `  ${name.padEnd(20)} loop delay max ${r.max.toFixed(0).padStart(4)} ms  p99 ${r.p99.toFixed(0).padStart(4)} ms  seek ${r.seekMs.toFixed(0).padStart(4)} ms`;
console.log(`event loop during ${seeks} cold seeks across the 24-hour traffic recording`);
console.log(row('in-thread', before));
console.log(row('worker pool', after));

// (3) Small chunks (a weather day, the demo's hours, the quietest traffic hour): is the round trip
// to a worker worth it? Below the size where in-thread wins, the reader decodes in-thread.
const smallest = async (dir: string, pick: (bytes: number[]) => number) => {
  const chunks = (await Recording.open(dir, { decoders: null })).index.chunks;
  const target = pick(chunks.map((c) => c.bytes).sort((a, b) => a - b));
  const chunk = chunks.find((c) => c.bytes === target)!;
  return { path: join(dir, chunk.file), bytes: chunk.bytes, events: chunk.events };
};
const latency = async (path: string, decode: (path: string) => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await decode(path);
    ms.push(performance.now() - t0);
  }
  return median(ms);
};
console.log('one small chunk, latency (median of 30)');
for (const [name, dir, pick] of [
  ['weather day', weather, (b: number[]) => b[b.length >> 1]!],
  ['demo hour (largest)', join(recordings, 'demo'), (b: number[]) => b[b.length - 1]!],
  ['traffic hour (smallest)', traffic, (b: number[]) => b[0]!],
] as const) {
  const chunk = await smallest(dir, pick);
  const inThread = await latency(chunk.path, readChunk);
  const pooled = await latency(chunk.path, (p) => decoders.decode(p));
  console.log(
    `  ${name.padEnd(24)} ${(chunk.bytes / 1024).toFixed(1).padStart(6)} KiB gz ${String(chunk.events).padStart(5)} events: in-thread ${inThread.toFixed(2).padStart(6)} ms, worker ${pooled.toFixed(2).padStart(6)} ms`,
  );
}
await decoders.release();
