/**
 * The server side of bench/feed.bench.ts, in its own process so its CPU time is its own.
 *   tsx bench/feed-bench-server.ts ours|naive <recording dir> <rate>
 * "ours": the real feed hub (msgpack, deltas, trajectory windows). "naive": every 250 ms, the full
 * world as JSON — every entity and every vehicle's position as an object — to every client.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Server } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { simTimeAt } from '../src/protocol/clock.js';
import { positionInWindow, encodeTripWindow } from '../src/protocol/feed-wire.js';
import { CityClock } from '../server/clock/city-clock.js';
import { attachFeed } from '../server/feed/feed-hub.js';
import { FeedMetrics } from '../server/feed/metrics.js';
import { ReplaySource } from '../server/sources/replay-source.js';

const [mode, dir, rateText] = process.argv.slice(2);
const rate = Number(rateText);
const source = await ReplaySource.open(dir!);
const http = createServer();
const origin: [number, number] = [121.5005, 31.2386];

if (mode === 'ours') {
  const io = new Server(http, { parser: msgpackParser, serveClient: false });
  attachFeed(io, { logger: pino({ level: 'silent' }), metrics: new FeedMetrics(), source, origin, tokens: { operator: 'x', planner: 'y' }, rate, startMs: source.span().startMs + 7 * 3_600_000 });
} else {
  const io = new Server(http, { serveClient: false });
  const clock = new CityClock({ startSimTimeMs: source.span().startMs + 7 * 3_600_000, rate, playing: true });
  io.on('connection', (socket) => socket.on('feed:join', (_request: unknown, ack: (reply: unknown) => void) => ack({ ok: true, clock: clock.snapshot() })));
  setInterval(async () => {
    const t = simTimeAt(clock.snapshot(), Date.now());
    const world = await source.stateAt(t);
    const trips = [...world.trips.values()].filter((trip) => 'times' in trip);
    const window = encodeTripWindow(trips, t, t, origin);
    const vehicles = trips.map((trip, i) => ({ id: trip.id, category: trip.category, position: positionInWindow(window, i, t) }));
    io.emit('state', { sentAt: Date.now(), t, entities: [...world.entities.values()], vehicles });
  }, 250);
}

await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
process.send!({ port: (http.address() as AddressInfo).port });
process.on('message', (message) => {
  // Cumulative CPU and wall time; the bench takes the difference over its measuring window.
  if (message === 'report') {
    const cpu = process.cpuUsage();
    process.send!({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() });
  }
});
