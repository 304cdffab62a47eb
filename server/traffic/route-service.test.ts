import { describe, expect, it } from 'vitest';
import { createRoutingGraph, shortestPath } from '../../src/city/shortest-path.js';
import type { TrafficFlowObserved } from '../../src/protocol/entities.js';
import { createRouteGraph, edgeTravelTimes, MAX_SNAP_M, planRoute } from './route-service.js';

// A square 0→1→3 (top) and 0→2→3 (bottom), ~111 m sides, plus an island node 4 with its own edge 4→5.
const D = 0.001;
const graph = {
  nodes: { lon: [0, D, 0, D, 0.02, 0.021], lat: [0, 0, -D, -D, 0, 0], osmNode: [0, 1, 2, 3, 4, 5] },
  edges: {
    from: [0, 1, 0, 2, 4],
    to: [1, 3, 2, 3, 5],
    lengthM: [100, 100, 110, 110, 100],
    freeFlowS: [10, 10, 11, 11, 10],
    speedKph: [36, 36, 36, 36, 36],
    lanes: [1, 1, 1, 1, 1],
    road: [0, 0, 1, 1, 2],
    shapeStart: [0, 2, 4, 6, 8],
    shapeCount: [2, 2, 2, 2, 2],
  },
  shape: { lon: [0, D, D, D, 0, 0, 0, D, 0.02, 0.021], lat: [0, 0, 0, -D, 0, -D, -D, -D, 0, 0] },
};
const flow = (edge: number, speed: number, at = '2014-06-12T08:00:00.000Z'): TrafficFlowObserved => ({
  id: `urn:ngsi-ld:TrafficFlowObserved:x:g${edge}`,
  type: 'TrafficFlowObserved',
  dateObserved: at,
  refRoadSegment: `g${edge}`,
  averageVehicleSpeed: speed,
});

describe('route service', () => {
  const route = createRouteGraph(graph);

  it('costs observed edges by length over speed, never below free flow, and the rest at free flow', () => {
    const times = edgeTravelTimes(graph, [flow(0, 3.6), flow(1, 200), flow(2, 0)]);
    expect(times[0]).toBeCloseTo(100);
    expect(times[1]).toBe(10); // faster than free flow counts as free flow
    expect(times[2]).toBeCloseTo(110 / (3 / 3.6)); // a standstill is costed at the minimum speed
    expect(times[3]).toBe(11);
  });

  it('takes the latest observation of an edge', () => {
    const times = edgeTravelTimes(graph, [flow(0, 3.6, '2014-06-12T08:05:00.000Z'), flow(0, 36, '2014-06-12T08:00:00.000Z')]);
    expect(times[0]).toBeCloseTo(100);
  });

  it('agrees with shortestPath and switches to the other side when the top is jammed', () => {
    const free = planRoute(route, edgeTravelTimes(graph, []), [0, 0], [D, -D], 0);
    const reference = shortestPath(createRoutingGraph(6, graph.edges.from, graph.edges.to), 0, 3, (e) => graph.edges.freeFlowS[e]!);
    expect(free.ok && free.edges).toEqual(reference!.edges);
    expect(free.ok && free.travelS).toBe(20);
    const jammed = planRoute(route, edgeTravelTimes(graph, [flow(0, 5)]), [0, 0], [D, -D], 0);
    expect(jammed.ok && jammed.edges).toEqual([2, 3]);
    expect(jammed.ok && [jammed.travelS, jammed.freeFlowS, jammed.lengthM]).toEqual([22, 22, 220]);
    expect(jammed.ok && jammed.coordinates).toEqual([
      [0, 0],
      [0, -D],
      [D, -D],
    ]);
  });

  it('says why when there is no route', () => {
    const times = edgeTravelTimes(graph, []);
    expect(planRoute(route, times, [0, 0], [0.02, 0], 0)).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be reached/) });
    expect(planRoute(route, times, [0, 0], [0.00001, 0], 0)).toMatchObject({ ok: false, error: expect.stringMatching(/same junction/) });
    expect(planRoute(route, times, [1, 1], [D, -D], 0)).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`at most ${MAX_SNAP_M}`)) });
  });
});
