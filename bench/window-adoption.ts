/**
 * The window adoption part of bench/traffic-render.bench.ts: the browser-side code the vehicles layer
 * runs when a trajectory window arrives (route trips placed on the pack's graph, shifted to the pack's
 * centre), timed in this process on windows cut from the demo day's SUMO recording as a room cuts them.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadCityPack } from '../server/city/city-pack.js';
import { ReplaySource } from '../server/sources/replay-source.js';
import type { RouteTrip, SampledTrip, Trip } from '../src/protocol/feed.js';
import { encodeTripWindow, type TripWindow } from '../src/protocol/feed-wire.js';
import { placeRouteTrips } from '../src/city/place-route-trips.js';
import { shiftToOrigin } from '../src/layers/vehicles/vehicles-layer.js';

/** What one window size costs to adopt. */
export interface AdoptionResult {
  label: string;
  routeTrips: number;
  samples: number;
  medianMs: number;
  meanMs: number;
  /** Bytes one adoption allocates (JS heap + typed-array buffers, measured after a full GC; median of 5). */
  allocatedBytes: number;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** What `run` leaves allocated, in bytes: a lower bound if a young-generation GC ran inside it. */
function allocatedBy(run: () => unknown): number {
  collectGarbage();
  const before = process.memoryUsage();
  const kept = run();
  const after = process.memoryUsage();
  void kept;
  return after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
}

/** Windows as a room at 60× cuts them (15 min ahead) at three hours of the demo day, each adopted `runs` times. */
export async function benchWindowAdoption(runs: number): Promise<AdoptionResult[]> {
  const root = join(import.meta.dirname, '..');
  const pack = await loadCityPack(join(root, 'tiles'), 'shanghai-bund');
  const source = await ReplaySource.open(join(root, 'tiles', 'recordings', 'shanghai-bund', 'traffic'));
  const { startMs } = source.span();
  const results: AdoptionResult[] = [];
  for (const hour of [3, 8, 18]) {
    const t0 = startMs + hour * 3_600_000 - 30_000;
    const t1 = t0 + 30_000 + 15 * 60_000;
    const trips = new Map<string, Trip>((await source.stateAt(t0)).trips);
    for (const event of await source.eventsBetween(t0, t1)) if (event.op === 'trip') trips.set(event.trip.id, event.trip);
    const sorted = [...trips.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const window = encodeTripWindow(
      sorted.filter((t): t is SampledTrip => 'times' in t),
      t0,
      t1,
      pack.manifest.centre,
      sorted.filter((t): t is RouteTrip => !('times' in t)),
    );
    const adopt = (w: TripWindow): TripWindow => shiftToOrigin(placeRouteTrips(w, pack.graph), pack.manifest.centre);
    let placed = adopt(window); // warm-up, and the size of what is drawn
    for (let i = 0; i < 3; i++) placed = adopt(window);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      placed = adopt(window);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const allocated = Array.from({ length: 5 }, () => allocatedBy(() => adopt(window))).sort((a, b) => a - b);
    results.push({
      label: `${String(hour).padStart(2, '0')}:00`,
      routeTrips: window.routes?.ids.length ?? 0,
      samples: placed.times.length,
      medianMs: times[Math.floor(times.length / 2)]!,
      meanMs: times.reduce((a, b) => a + b, 0) / times.length,
      allocatedBytes: allocated[2]!,
    });
  }
  await source.close();
  return results;
}
