import { describe, expect, it } from 'vitest';
import { encodeTripWindow, positionInWindow, reviveTripWindow } from '../protocol/feed-wire';
import type { RouteTrip, SampledTrip } from '../protocol/feed';
import { expandWindowRoutes } from './expand-window';
import { expandRouteTrip } from './route-trip';

const graph = {
  edges: { shapeStart: [0, 3], shapeCount: [3, 2] } as never,
  shape: { lon: [121.0, 121.001, 121.002, 121.002, 121.002], lat: [31.0, 31.0, 31.0, 31.0, 31.001] },
};
const route: RouteTrip = { id: 'r1', category: 'taxi', edges: [0, 1], enter: [1000, 21_000], end: 31_000 };
const sampled: SampledTrip = { id: 's1', category: 'bus', times: [0, 40_000], coords: [121.0, 31.001, 121.002, 31.001] };

describe('expandWindowRoutes', () => {
  it('places route trips exactly where the server would have, after the sampled ones', () => {
    const compact = reviveTripWindow(encodeTripWindow([sampled], 0, 40_000, [121.001, 31.0005], [route]));
    const expanded = expandWindowRoutes(compact, graph);
    const serverSide = encodeTripWindow([sampled, expandRouteTrip(route, graph)], 0, 40_000, [121.001, 31.0005]);
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
    const samples = encodeTripWindow([expandRouteTrip({ ...longRoute }, graph)], 0, 400_000, [121, 31]);
    const bytes = (w: typeof compact) => w.times.byteLength + w.positions.byteLength + (w.routes ? w.routes.edges.byteLength + w.routes.enter.byteLength : 0);
    expect(bytes(compact)).toBeLessThan(bytes(samples) / 2);
  });

  it('leaves out a route naming an edge the graph does not have, and returns a window without routes as it is', () => {
    const bad = encodeTripWindow([], 0, 10_000, [121, 31], [{ ...route, id: 'bad', edges: [7], enter: [0], end: 5000 }]);
    expect(expandWindowRoutes(bad, graph).ids).toEqual([]);
    const plain = encodeTripWindow([sampled], 0, 10_000, [121, 31]);
    expect(expandWindowRoutes(plain, graph)).toBe(plain);
  });
});
