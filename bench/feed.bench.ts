/**
 * Feed benchmark: N socket.io clients on loopback receive the demo recording at 60×, through our
 * feed (msgpack deltas + trajectory windows) and through a naive JSON broadcast of the full state,
 * in the same run. Prints delivery lag (p50/p99), server CPU and bytes per client per second, with
 * ratios; then the time to seek into the 24-hour recording against replaying it from the start.
 *   npm run bench:feed [-- --clients 200 --seconds 20 --rate 60]
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { ClockSync } from '../src/protocol/clock.js';
import { advanceWorld, emptyWorld } from '../src/protocol/feed.js';
import type { FeedDelta } from '../src/protocol/feed-wire.js';
import { Recording } from '../server/recording/recording-reader.js';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '200' }, seconds: { type: 'string', default: '20' }, rate: { type: 'string', default: '60' } } });
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const recordings = join(import.meta.dirname, '..', 'tiles', 'recordings', 'shanghai-bund');
// The city's day as the wall replays it: the 12345 cases and the SUMO traffic (trips, flows, parking).
const dayDirs = ['demo', 'traffic'].map((name) => join(recordings, name));
const recordingDir = join(recordings, 'traffic');

interface Result {
  p50: number;
  p99: number;
  cpuPercent: number;
  bytesPerClientPerSecond: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function run(mode: 'ours' | 'ours-samples' | 'naive'): Promise<Result> {
  const child = fork(join(import.meta.dirname, 'feed-bench-server.ts'), [mode, String(rate), ...dayDirs], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise<{ port: number }>((ok) => child.once('message', (m) => ok(m as { port: number })));
  const sockets: Socket[] = [];
  const lags: number[] = [];
  let bytes = 0;
  let measuring = false;
  for (let i = 0; i < clients; i++) {
    const socket = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, ...(mode !== 'naive' ? { parser: msgpackParser } : {}) });
    socket.io.engine?.on('packet', (packet: { data?: unknown }) => {
      if (!measuring) return;
      const data = packet.data;
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : data instanceof ArrayBuffer ? data.byteLength : ArrayBuffer.isView(data) ? data.byteLength : 0;
    });
    sockets.push(socket);
  }
  await Promise.all(sockets.map((s) => new Promise<void>((ok) => (s.connected ? ok() : s.once('connect', () => ok())))));
  await Promise.all(
    sockets.map(async (socket, i) => {
      const reply = (await socket.emitWithAck('feed:join', { room: 'bench', role: 'wall' })) as { clock: ClockSync };
      let clock = reply.clock;
      socket.on('clock:sync', (sync: ClockSync) => (clock = sync));
      // Only a sample of clients time their messages, so the timing does not load the loop.
      if (i % 10 !== 0) return;
      if (mode !== 'naive') {
        socket.on('feed:delta', (delta: FeedDelta) => {
          if (!measuring) return;
          // The room's tick sent it when its clock reached `to`.
          const sentAt = clock.serverTimeMs + (delta.to - clock.simTimeMs) / clock.rate;
          lags.push(Date.now() - sentAt);
        });
      } else {
        socket.on('state', (state: { sentAt: number }) => measuring && lags.push(Date.now() - state.sentAt));
      }
    }),
  );
  await new Promise((ok) => setTimeout(ok, 2000)); // let snapshots settle
  measuring = true;
  type CpuReading = { cpuMs: number; wallMs: number };
  const readCpu = (): Promise<CpuReading> => {
    child.send('report');
    return new Promise((ok) => child.once('message', (m) => ok(m as CpuReading)));
  };
  const cpuBefore = await readCpu();
  const started = performance.now();
  await new Promise((ok) => setTimeout(ok, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = await readCpu();
  for (const socket of sockets) socket.close();
  child.kill();
  lags.sort((a, b) => a - b);
  const cpuPercent = ((cpuAfter.cpuMs - cpuBefore.cpuMs) / (cpuAfter.wallMs - cpuBefore.wallMs)) * 100;
  return { p50: percentile(lags, 0.5), p99: percentile(lags, 0.99), cpuPercent, bytesPerClientPerSecond: bytes / clients / elapsed };
}

const ours = await run('ours');
const oursSamples = await run('ours-samples');
const naive = await run('naive');
const row = (name: string, r: Result) =>
  `  ${name.padEnd(28)} lag p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  server CPU ${r.cpuPercent.toFixed(1).padStart(5)} %  ${(r.bytesPerClientPerSecond / 1024).toFixed(2).padStart(8)} KiB/client/s`;
console.log(`feed, ${clients} clients on loopback, the demo day (cases + SUMO traffic) at ${rate}× from 07:00, ${seconds} s each`);
console.log(row('ours (compact routes)', ours));
console.log(row('ours (routes as samples)', oursSamples));
console.log(row('naive (JSON full state)', naive));
console.log(`  compact routes save ${(oursSamples.bytesPerClientPerSecond / ours.bytesPerClientPerSecond).toFixed(1)}× the bytes of routes sent as samples`);
console.log(
  `  ratios naive/ours: bytes ${(naive.bytesPerClientPerSecond / ours.bytesPerClientPerSecond).toFixed(1)}×, CPU ${(naive.cpuPercent / ours.cpuPercent).toFixed(1)}×, lag p99 ${(naive.p99 / ours.p99).toFixed(1)}×`,
);

// Seek: the state at random instants of the 24-hour recording, cold, against a replay from the start.
const instants = Array.from({ length: 10 }, (_, i) => i / 10 + 0.05);
const { startMs, endMs } = await Recording.open(recordingDir);
let seekMs = 0;
for (const f of instants) {
  const fresh = await Recording.open(recordingDir, { cacheSize: 1 });
  const t0 = performance.now();
  await fresh.stateAt(startMs + f * (endMs - startMs));
  seekMs += performance.now() - t0;
}
let replayMs = 0;
for (const f of instants) {
  const fresh = await Recording.open(recordingDir, { cacheSize: 1 });
  const t = startMs + f * (endMs - startMs);
  const t0 = performance.now();
  advanceWorld(emptyWorld(startMs), await fresh.eventsBetween(startMs - 1, t), t);
  replayMs += performance.now() - t0;
}
console.log(
  `seek into the 24-hour recording (mean of ${instants.length} instants, cold): ${(seekMs / instants.length).toFixed(1)} ms (keyframe + one chunk) vs ${(replayMs / instants.length).toFixed(1)} ms replaying from the start (${(replayMs / seekMs).toFixed(1)}×)`,
);
