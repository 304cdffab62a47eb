/**
 * The server side of bench/feed.bench.ts, in its own process so its CPU time is its own.
 *   tsx bench/feed-bench-server.ts ours|naive <rate> <recording dir>…
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
import { join } from 'node:path';
import { expandRouteTrip } from '../src/city/route-trip.js';
import type { RouteTrip, SampledTrip, Trip } from '../src/protocol/feed.js';
import { loadCityPack } from '../server/city/city-pack.js';
import { LayeredSource } from '../server/sources/layered-source.js';
import { LiveSource } from '../server/sources/live-source.js';
import { ReplaySource } from '../server/sources/replay-source.js';
import type { FeedSource } from '../server/sources/feed-source.js';

const [mode, rateText, ...dirs] = process.argv.slice(2);
// "ours-samples": the feed with route trips turned into samples before it (withSampledRoutes), to compare with compact routes.
const rate = Number(rateText);
const pack = await loadCityPack(join(import.meta.dirname, '..', 'tiles'), 'shanghai-bund');
const source = new LayeredSource(await Promise.all(dirs.map((dir) => ReplaySource.open(dir))), new LiveSource());
const expanded = new WeakMap<RouteTrip, SampledTrip>();
// A route trip as samples, expanded once per decoded trip object (so it goes when its chunk leaves the cache).
const expandTrip = (trip: Trip): SampledTrip => {
  if ('times' in trip) return trip;
  let sampled = expanded.get(trip);
  if (!sampled) expanded.set(trip, (sampled = expandRouteTrip(trip, pack.graph)));
  return sampled;
};

/** The source with its route trips turned into sampled ones: what the feed would send without compact routes. */
function withSampledRoutes(inner: FeedSource): FeedSource {
  return {
    kind: inner.kind,
    span: () => inner.span(),
    stateAt: async (t) => {
      const world = await inner.stateAt(t);
      return { ...world, trips: new Map([...world.trips].map(([id, trip]) => [id, expandTrip(trip)])) };
    },
    eventsBetween: async (t0, t1) => (await inner.eventsBetween(t0, t1)).map((event) => (event.op === 'trip' ? { ...event, trip: expandTrip(event.trip) } : event)),
    ...(inner.onEvents ? { onEvents: (listener: Parameters<NonNullable<FeedSource['onEvents']>>[0]) => inner.onEvents!(listener) } : {}),
    close: () => inner.close(),
  };
}
const http = createServer();
const origin = pack.manifest.centre;
const span = source.span()!;

if (mode === 'ours' || mode === 'ours-samples') {
  const io = new Server(http, { parser: msgpackParser, serveClient: false });
  attachFeed(io, {
    logger: pino({ level: 'silent' }),
    metrics: new FeedMetrics(),
    source: mode === 'ours' ? source : withSampledRoutes(source),
    origin,
    tokens: { operator: 'x', planner: 'y' },
    rate,
    startMs: span.startMs + 7 * 3_600_000,
  });
} else {
  const io = new Server(http, { serveClient: false });
  const clock = new CityClock({ startSimTimeMs: span.startMs + 7 * 3_600_000, rate, playing: true });
  io.on('connection', (socket) => socket.on('feed:join', (_request: unknown, ack: (reply: unknown) => void) => ack({ ok: true, clock: clock.snapshot() })));
  setInterval(async () => {
    const t = simTimeAt(clock.snapshot(), Date.now());
    const world = await source.stateAt(t);
    const trips = [...world.trips.values()].map(expandTrip);
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
