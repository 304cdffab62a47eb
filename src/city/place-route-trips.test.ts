import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema, roadGraphSchema, type RoadGraphFile } from '../protocol/city-pack';
import { TRIP_CATEGORIES, type RouteTrip, type SampledTrip } from '../protocol/feed';
import { decodeRoutes, encodeTripWindow, positionInWindow, reviveTripWindow, type TripWindow } from '../protocol/feed-wire';
import { edgeLengths } from './edge-lengths';
import { placeRouteTrips } from './place-route-trips';
import { expandRouteTrip } from './route-trip';

const packDir = join(import.meta.dirname, '..', '..', 'tiles', 'shanghai-bund');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(packDir, 'manifest.json'), 'utf8')));
const demo = roadGraphSchema.parse(JSON.parse(readFileSync(join(packDir, manifest.files.graph), 'utf8')));
const T0 = Date.UTC(2026, 0, 5, 0, 0);
const T1 = T0 + 15 * 60_000;

/** The path this replaces: routes decoded to objects, expanded, re-encoded with the server's encoder after the sampled trips. */
function expandedAsBefore(window: TripWindow, graph: Pick<RoadGraphFile, 'edges' | 'shape'>, sampled: SampledTrip[]): TripWindow {
  const routes = decodeRoutes(window).flatMap((route) => {
    try {
      return [expandRouteTrip(route, graph)];
    } catch {
      return [];
    }
  });
  return encodeTripWindow([...sampled, ...routes], window.t0, window.t1, window.origin);
}

/** Seeded random walks on the demo graph, starting from well before the window to after it, some with zero-length stays. */
function walks(graph: RoadGraphFile, n: number): RouteTrip[] {
  let seed = 7;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Map<number, number[]>();
  graph.edges.from.forEach((from, e) => out.set(from, [...(out.get(from) ?? []), e]));
  return Array.from({ length: n }, (_, i) => {
    let edge = Math.floor(random() * graph.edges.from.length);
    let t = T0 - 20 * 60_000 + random() * 40 * 60_000;
    const edges: number[] = [];
    const enter: number[] = [];
    for (let s = 0, steps = 1 + Math.floor(random() * 15); s < steps; s++) {
      edges.push(edge);
      enter.push(Math.round(t));
      t += random() < 0.1 ? 0 : graph.edges.freeFlowS[edge]! * 1000 * (1 + 3 * random());
      const next = out.get(graph.edges.to[edge]!);
      if (!next) break;
      edge = next[Math.floor(random() * next.length)]!;
    }
    return { id: `r${i}`, category: TRIP_CATEGORIES[i % TRIP_CATEGORIES.length]!, edges, enter, end: Math.round(t) };
  });
}

function expectSameWindow(placed: TripWindow, before: TripWindow): void {
  expect(placed.routes).toBeUndefined();
  expect(placed.ids).toEqual(before.ids);
  expect([...placed.categories]).toEqual([...before.categories]);
  expect([...placed.offsets]).toEqual([...before.offsets]);
  expect(placed.times.length).toBe(before.times.length);
  // Float tolerance: the along-road lengths are summed once per graph rather than once per trip.
  for (let k = 0; k < before.times.length; k++) expect(Math.abs(placed.times[k]! - before.times[k]!)).toBeLessThanOrEqual(1e-6 * Math.abs(before.times[k]!));
  for (let k = 0; k < before.positions.length; k++) expect(Math.abs(placed.positions[k]! - before.positions[k]!)).toBeLessThan(1e-9);
}

const origin = manifest.centre;
const sampled: SampledTrip = { id: 's1', category: 'bus', times: [T0 - 5000, T0 + 40_000, T1 + 5000], coords: [121.49, 31.24, 121.495, 31.241, 121.5, 31.242] };

describe('placeRouteTrips', () => {
  it('places the demo graph’s route trips where expanding and re-encoding them did, after the sampled trips', () => {
    const routes = walks(demo, 600);
    const window = reviveTripWindow(encodeTripWindow([sampled], T0, T1, origin, routes));
    const placed = placeRouteTrips(window, demo);
    const before = expandedAsBefore(window, demo, [sampled]);
    expect(placed.ids[0]).toBe('s1');
    // Some walks end before the window or start after it and are left out, as the encoder leaves them out.
    expect(before.ids.length).toBeGreaterThan(150);
    expect(before.ids.length).toBeLessThan(routes.length);
    expectSameWindow(placed, before);
    for (const t of [T0, T0 + 1, T0 + 299_999, T0 + 450_000, T1]) {
      for (let i = 0; i < placed.ids.length; i += 7) {
        const a = positionInWindow(placed, i, t);
        const b = positionInWindow(before, i, t);
        if (a === null || b === null) expect(a).toBe(b);
        else expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(1e-7);
      }
    }
  });

  it('keeps one sample either side of the window for a trip that started before it and ends after it', () => {
    const route: RouteTrip = { id: 'long', category: 'truck', edges: [0, 1, 2, 3], enter: [T0 - 600_000, T0 - 200_000, T0 + 200_000, T1 + 100_000], end: T1 + 600_000 };
    const window = reviveTripWindow(encodeTripWindow([], T0, T1, origin, [route]));
    const placed = placeRouteTrips(window, demo);
    expectSameWindow(placed, expandedAsBefore(window, demo, []));
    expect(placed.times[0]!).toBeLessThan(0);
    expect(placed.times[1]!).toBeGreaterThan(0);
    expect(placed.times[placed.times.length - 1]!).toBeGreaterThan((T1 - T0) / 1000);
    expect(placed.times[placed.times.length - 2]!).toBeLessThan((T1 - T0) / 1000);
  });

  it('starts a trip at a junction reached exactly at the window’s start, and ends it at one reached exactly at its end', () => {
    const route: RouteTrip = { id: 'edges', category: 'car', edges: [0, 1, 2, 3], enter: [T0 - 450_000, T0, T0 + 450_000, T1], end: T1 + 450_000 };
    const window = reviveTripWindow(encodeTripWindow([], T0, T1, origin, [route]));
    const placed = placeRouteTrips(window, demo);
    expectSameWindow(placed, expandedAsBefore(window, demo, []));
    expect(placed.times[0]).toBe(0);
    expect(placed.times[placed.times.length - 1]).toBe((T1 - T0) / 1000);
  });

  it('draws a trip shorter than a millisecond as two samples at its start', () => {
    const route: RouteTrip = { id: 'blink', category: 'car', edges: [5, 6], enter: [T0 + 1000, T0 + 1000], end: T0 + 1000 };
    const window = reviveTripWindow(encodeTripWindow([], T0, T1, origin, [route]));
    const placed = placeRouteTrips(window, demo);
    expectSameWindow(placed, expandedAsBefore(window, demo, []));
    expect([...placed.times]).toEqual([1, 1.001].map(Math.fround));
  });

  it('leaves out a route naming an edge the graph does not have, and keeps the others', () => {
    const good: RouteTrip = { id: 'good', category: 'taxi', edges: [10], enter: [T0 + 1000], end: T0 + 60_000 };
    const bad: RouteTrip = { id: 'bad', category: 'car', edges: [10, demo.edges.from.length + 3], enter: [T0, T0 + 30_000], end: T0 + 60_000 };
    const window = reviveTripWindow(encodeTripWindow([sampled], T0, T1, origin, [bad, good]));
    const placed = placeRouteTrips(window, demo);
    expect(placed.ids).toEqual(['s1', 'good']);
    expectSameWindow(placed, expandedAsBefore(window, demo, [sampled]));
  });

  it('returns a window without routes, or with none under way, as it is', () => {
    const plain = reviveTripWindow(encodeTripWindow([sampled], T0, T1, origin));
    expect(placeRouteTrips(plain, demo)).toBe(plain);
    const empty = reviveTripWindow(encodeTripWindow([], T0, T1, origin, [{ id: 'later', category: 'car', edges: [1], enter: [T1 + 1000], end: T1 + 9000 }]));
    expect(empty.routes).toBeUndefined();
    expect(placeRouteTrips(empty, demo)).toBe(empty);
    expect(placeRouteTrips(empty, demo).ids).toEqual([]);
  });

  it('measures each graph’s edges once', () => {
    expect(edgeLengths(demo)).toBe(edgeLengths(demo));
    const { base, along } = edgeLengths(demo);
    // The along-road length of an edge agrees with the builder's length for it.
    for (const e of [0, 100, 1000]) expect(along[base[e]! + demo.edges.shapeCount[e]! - 1]!).toBeCloseTo(demo.edges.lengthM[e]!, -1);
  });
});

// Two edges: 0 runs east along three vertices, 1 runs north from its end.
const tiny = {
  edges: { shapeStart: [0, 3], shapeCount: [3, 2] } as never,
  shape: { lon: [121.0, 121.001, 121.002, 121.002, 121.002], lat: [31.0, 31.0, 31.0, 31.0, 31.001] },
};
const tinyRoute: RouteTrip = { id: 'r1', category: 'taxi', edges: [0, 1], enter: [1000, 21_000], end: 31_000 };
const tinySampled: SampledTrip = { id: 's1', category: 'bus', times: [0, 40_000], coords: [121.0, 31.001, 121.002, 31.001] };

describe('placeRouteTrips on a two-edge graph', () => {
  it('places route trips exactly where the server would have, after the sampled ones', () => {
    const compact = reviveTripWindow(encodeTripWindow([tinySampled], 0, 40_000, [121.001, 31.0005], [tinyRoute]));
    const expanded = placeRouteTrips(compact, tiny);
    const serverSide = encodeTripWindow([tinySampled, expandRouteTrip(tinyRoute, tiny)], 0, 40_000, [121.001, 31.0005]);
    expect(expanded.ids).toEqual(['s1', 'r1']);
    expect(expanded.routes).toBeUndefined();
    for (const t of [0, 1000, 11_000, 20_999, 21_000, 25_000, 31_000]) {
      for (const i of [0, 1]) expect(positionInWindow(expanded, i, t)).toEqual(positionInWindow(serverSide, i, t));
    }
    expect([...expanded.categories]).toEqual([...serverSide.categories]);
  });

  it('is far smaller on the wire than the same trips as samples', () => {
    const longRoute: RouteTrip = { id: 'long', category: 'car', edges: Array.from({ length: 40 }, (_, i) => i % 2), enter: Array.from({ length: 40 }, (_, i) => i * 10_000), end: 400_000 };
    const compact = encodeTripWindow([], 0, 400_000, [121, 31], [longRoute]);
    const samples = encodeTripWindow([expandRouteTrip({ ...longRoute }, tiny)], 0, 400_000, [121, 31]);
    const bytes = (w: typeof compact) => w.times.byteLength + w.positions.byteLength + (w.routes ? w.routes.edges.byteLength + w.routes.enter.byteLength : 0);
    expect(bytes(compact)).toBeLessThan(bytes(samples) / 2);
  });

  it('leaves out a route naming an edge the graph does not have, and returns a window without routes as it is', () => {
    const bad = encodeTripWindow([], 0, 10_000, [121, 31], [{ ...tinyRoute, id: 'bad', edges: [7], enter: [0], end: 5000 }]);
    expect(placeRouteTrips(bad, tiny).ids).toEqual([]);
    const plain = encodeTripWindow([tinySampled], 0, 10_000, [121, 31]);
    expect(placeRouteTrips(plain, tiny)).toBe(plain);
  });
});
