import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestComponentShare, stronglyConnectedComponents } from './road-graph.js';

/** Reachability by breadth-first search, the brute-force reference. */
function reachable(nodeCount: number, from: number[], to: number[], start: number): Set<number> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (let e = 0; e < from.length; e++) {
      if (from[e] === v && !seen.has(to[e]!)) {
        seen.add(to[e]!);
        queue.push(to[e]!);
      }
    }
  }
  return seen;
}

describe('stronglyConnectedComponents', () => {
  it('puts two nodes in one component exactly when each reaches the other (random graphs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 30 }))),
        ([n, edges]) => {
          const from = edges.map((e) => e[0]);
          const to = edges.map((e) => e[1]);
          const component = stronglyConnectedComponents(n, from, to);
          const reach = Array.from({ length: n }, (_, v) => reachable(n, from, to, v));
          for (let a = 0; a < n; a++) {
            for (let b = 0; b < n; b++) {
              expect(component[a] === component[b]).toBe(reach[a]!.has(b) && reach[b]!.has(a));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles a 100 000-node one-way ring without overflowing the stack', () => {
    const n = 100_000;
    const from = Array.from({ length: n }, (_, i) => i);
    const to = from.map((i) => (i + 1) % n);
    const component = stronglyConnectedComponents(n, from, to);
    expect(new Set(component).size).toBe(1);
  });
});

describe('largestComponentShare', () => {
  it('counts the length of edges inside the largest strongly connected component', () => {
    // 0 ⇄ 1 (two 100 m edges) and a one-way spur 1 → 2 of 50 m.
    const graph = { nodes: { lon: [0, 0, 0], lat: [0, 0, 0], osmNode: [1, 2, 3] }, edges: { from: [0, 1, 1], to: [1, 0, 2], lengthM: [100, 100, 50] } };
    expect(largestComponentShare(graph as never)).toBeCloseTo(200 / 250, 9);
  });
});
