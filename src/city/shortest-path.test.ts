import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoutingGraph, shortestPath } from './shortest-path.js';

/** Bellman–Ford: the brute-force reference for non-negative costs. */
function bruteForce(n: number, from: number[], to: number[], cost: number[], source: number): number[] {
  const distance = new Array<number>(n).fill(Infinity);
  distance[source] = 0;
  for (let round = 0; round < n; round++) {
    for (let e = 0; e < from.length; e++) distance[to[e]!] = Math.min(distance[to[e]!]!, distance[from[e]!]! + cost[e]!);
  }
  return distance;
}

describe('shortestPath', () => {
  it('finds the same cost as a brute-force search, along a path that is connected and costs what it says', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 15 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 40 }),
              fc.integer({ min: 0, max: n - 1 }),
              fc.integer({ min: 0, max: n - 1 }),
            ),
          ),
        ([n, edges, source, target]) => {
          const from = edges.map((e) => e[0]);
          const to = edges.map((e) => e[1]);
          const cost = edges.map((e) => e[2]);
          const path = shortestPath(createRoutingGraph(n, from, to), source, target, (e) => cost[e]!);
          const expected = bruteForce(n, from, to, cost, source)[target]!;
          if (!Number.isFinite(expected)) {
            expect(path).toBeNull();
            return;
          }
          expect(path!.cost).toBeCloseTo(expected, 9);
          let at = source;
          let sum = 0;
          for (const e of path!.edges) {
            expect(from[e]).toBe(at);
            at = to[e]!;
            sum += cost[e]!;
          }
          expect(at).toBe(target);
          expect(sum).toBeCloseTo(path!.cost, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('routes around a closed edge', () => {
    // 0 → 1 → 3 is short; 0 → 2 → 3 is the detour.
    const graph = createRoutingGraph(4, [0, 1, 0, 2], [1, 3, 2, 3]);
    const costs = [1, 1, 5, 5];
    expect(shortestPath(graph, 0, 3, (e) => costs[e]!)!.edges).toEqual([0, 1]);
    expect(shortestPath(graph, 0, 3, (e) => (e === 1 ? Infinity : costs[e]!))!.edges).toEqual([2, 3]);
  });
});
