import { describe, expect, it } from 'vitest';
import type { EdgeActivity } from './activity-points.js';
import type { DemandTrip } from './demand.js';
import { moveOffClosures, scaleTrips } from './what-if-demand.js';

const trips = (n: number): DemandTrip[] => Array.from({ length: n }, (_, i) => ({ id: `v${i}`, depart: i * 10, from: i % 5, to: (i + 2) % 5, category: 'car', purpose: 'other' }));
// Five edges along a line, 100 m apart.
const midpoints: [number, number][] = [0, 1, 2, 3, 4].map((i) => [i * 100, 0]);
const activity = { edges: [0, 1, 2, 3, 4] } as EdgeActivity;

describe('what-if demand', () => {
  it('moves trip ends off closed edges to the nearest open one', () => {
    const moved = moveOffClosures(trips(50), new Set([2]), activity, midpoints);
    expect(moved.length).toBeGreaterThan(0);
    for (const trip of moved) {
      expect(trip.from).not.toBe(2);
      expect(trip.to).not.toBe(2);
      expect(trip.from).not.toBe(trip.to);
    }
    expect(moved.find((t) => t.id === 'v2')!.from).toBe(1); // 1 and 3 are equally near; the first wins
  });

  it('scales demand down and up around the asked share', () => {
    const base = trips(4000);
    const half = scaleTrips(base, 0.5, 1);
    expect(half.length / base.length).toBeGreaterThan(0.45);
    expect(half.length / base.length).toBeLessThan(0.55);
    const more = scaleTrips(base, 1.5, 1);
    expect(more.length / base.length).toBeGreaterThan(1.45);
    expect(more.length / base.length).toBeLessThan(1.55);
    expect(new Set(more.map((t) => t.id)).size).toBe(more.length);
    expect(more.every((t, i) => i === 0 || t.depart >= more[i - 1]!.depart)).toBe(true);
    expect(scaleTrips(base, 2, 1).length).toBe(2 * base.length);
  });
});
