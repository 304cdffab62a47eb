/**
 * Flood benchmark: one client floods the real server with feed:join (5 000 at a time, as fast as it
 * can; once kicked it connects again and floods again, for the whole window) while one well-behaved
 * wall of the same room receives its feed. Prints the wall's gaps between feed events during the
 * flood against a baseline window of the same run without it, how the floods were answered (refused,
 * kicked after how long), and the server's memory at baseline, at peak and after settling (forced GC).
 *   npm run bench:flood [-- --seconds 10 --joins 5000]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Memory } from './feed-flood-server.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, joins: { type: 'string', default: '5000' }, flooder: { type: 'string' } } });
const seconds = Number(values.seconds);
const joins = Number(values.joins);

/** How one flood went, as its client saw it. */
interface Round {
  accepted: number;
  refused: number;
  firstRefusal: string | null;
  kickedAfterMs: number | null;
  kick: { event: string; reason: string } | null;
}

const open = (port: number): Socket => connect(`http://127.0.0.1:${port}`, { parser: msgpackParser, transports: ['websocket'], forceNew: true, reconnection: false });
const connected = (socket: Socket) => new Promise<void>((resolve) => socket.once('connect', () => resolve()));

/** The flooder, in its own process so its sending does not delay the wall's clock: floods until told to stop. */
async function flooder(port: number): Promise<void> {
  let stop = false;
  process.on('message', () => (stop = true));
  while (!stop) {
    const socket = open(port);
    await connected(socket);
    const round: Round = { accepted: 0, refused: 0, firstRefusal: null, kickedAfterMs: null, kick: null };
    const started = performance.now();
    socket.once('hub:kicked', (kick: Round['kick']) => {
      round.kick = kick;
      round.kickedAfterMs = performance.now() - started;
    });
    const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    for (let i = 0; i < joins; i++) {
      socket.emit('feed:join', { room: 'main', role: 'wall' }, (reply: { ok: boolean; error?: string }) => {
        if (reply.ok) round.accepted++;
        else {
          round.refused++;
          round.firstRefusal ??= reply.error ?? null;
        }
      });
    }
    await gone;
    process.send!(round);
  }
  process.exit(0);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ask = <T>(child: ChildProcess, message: string): Promise<T> =>
  new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Gaps (ms) between the wall's feed events that both arrived within [from, to). */
function gapsWithin(arrivals: number[], from: number, to: number): number[] {
  const inside = arrivals.filter((t) => t >= from && t < to);
  return inside.slice(1).map((t, i) => t - inside[i]!);
}

function summary(gaps: number[]) {
  const sorted = [...gaps].sort((a, b) => a - b);
  return { events: gaps.length + 1, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN };
}

async function bench(): Promise<void> {
  const server = fork(join(import.meta.dirname, 'feed-flood-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let closing = false;
  server.once('exit', (code) => {
    if (closing) return;
    console.error(`the server stopped (exit code ${code}) before the bench was done`);
    process.exit(1);
  });
  const { port } = await new Promise<{ port: number; memory: Memory }>((resolve) => server.once('message', (m) => resolve(m as { port: number; memory: Memory })));

  const wall = open(port);
  const arrivals: number[] = [];
  for (const event of ['feed:delta', 'clock:sync', 'feed:trips', 'feed:snapshot']) wall.on(event, () => arrivals.push(performance.now()));
  await connected(wall);
  const joined = (await wall.timeout(10_000).emitWithAck('feed:join', { room: 'main', role: 'wall' })) as { ok: boolean; error?: string };
  if (!joined.ok) throw new Error(`the wall could not join: ${joined.error}`);
  await wait(2_000); // past the first snapshot and windows

  const baselineFrom = performance.now();
  await wait(seconds * 1000);
  const baselineTo = performance.now();
  const baselineMemory = (await ask<{ memory: Memory; collected: boolean }>(server, 'gc')).memory;
  await ask(server, 'peak'); // a new peak starts with the flood

  const rounds: Round[] = [];
  const flood = fork(import.meta.filename, ['--flooder', String(port), '--joins', String(joins)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  flood.on('message', (round) => rounds.push(round as Round));
  const floodFrom = performance.now();
  await wait(seconds * 1000);
  const floodTo = performance.now();
  const flooderDone = new Promise((resolve) => flood.once('exit', resolve));
  flood.send('stop');
  await flooderDone;
  const { peak } = await ask<{ peak: Memory }>(server, 'peak');
  await wait(3_000);
  const { memory: after, collected } = await ask<{ memory: Memory; collected: boolean }>(server, 'gc');
  const wallStillJoined = wall.connected;
  wall.disconnect();
  closing = true;
  server.send('close');

  const base = summary(gapsWithin(arrivals, baselineFrom, baselineTo));
  const during = summary(gapsWithin(arrivals, floodFrom, floodTo));
  const first = rounds[0];
  const kickTimes = rounds.flatMap((r) => (r.kickedAfterMs === null ? [] : [r.kickedAfterMs])).sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1);
  console.log(`\nFeed flood — real server, Shanghai day at 60×; ${seconds} s baseline then ${seconds} s of floods of ${joins} feed:join each`);
  console.log(`  well-behaved wall, gaps between feed events (ms):`);
  console.log(`    baseline (no flood): p50 ${fmt(base.p50)}  p95 ${fmt(base.p95)}  max ${fmt(base.max)}  (${base.events} events)`);
  console.log(`    during the flood:    p50 ${fmt(during.p50)}  p95 ${fmt(during.p95)}  max ${fmt(during.max)}  (${during.events} events)`);
  console.log(`    ratio flood/base:    p50 ${fmt(during.p50 / base.p50)}×  p95 ${fmt(during.p95 / base.p95)}×  max ${fmt(during.max / base.max)}×`);
  console.log(`    wall still connected after the flood: ${wallStillJoined}`);
  console.log(`  flooder: ${rounds.length} floods (${rounds.length * joins} feed:join sent), ${rounds.filter((r) => r.kick).length} ended in hub:kicked`);
  if (first) {
    console.log(`    first flood: ${first.accepted} accepted, ${first.refused} refused ("${first.firstRefusal}"), ${joins - first.accepted - first.refused} unanswered`);
    console.log(`    kicked ${first.kickedAfterMs === null ? 'never' : `${fmt(first.kickedAfterMs)} ms`} after its first message: "${first.kick?.reason ?? '-'}"`);
  }
  console.log(
    `    all floods: ${rounds.reduce((n, r) => n + r.accepted, 0)} accepted, ${rounds.reduce((n, r) => n + r.refused, 0)} refused; kicked after p50 ${fmt(percentile(kickTimes, 0.5))} ms, max ${fmt(kickTimes[kickTimes.length - 1] ?? NaN)} ms`,
  );
  console.log(`  server memory (MB)          heapUsed    RSS`);
  console.log(`    baseline (after GC)       ${fmt(baselineMemory.heapUsedMb).padStart(8)}  ${fmt(baselineMemory.rssMb).padStart(6)}`);
  console.log(`    peak during the flood     ${fmt(peak.heapUsedMb).padStart(8)}  ${fmt(peak.rssMb).padStart(6)}`);
  console.log(`    after settling ${collected ? '(after GC)' : '(no GC)   '} ${fmt(after.heapUsedMb).padStart(8)}  ${fmt(after.rssMb).padStart(6)}`);
}

if (values.flooder) await flooder(Number(values.flooder));
else await bench();
