import { describe, expect, it } from 'vitest';
import { positionInWindow, encodeTripWindow } from '../protocol/feed-wire.js';
import { expandRouteTrip } from './route-trip.js';

// Two edges: 0 runs east along three vertices, 1 runs north from its end.
const graph = {
  edges: { shapeStart: [0, 3], shapeCount: [3, 2] } as never,
  shape: { lon: [121.0, 121.001, 121.002, 121.002, 121.002], lat: [31.0, 31.0, 31.0, 31.0, 31.001] },
};

describe('expandRouteTrip', () => {
  it('reaches each junction at the next edge’s entry time and moves at constant speed within an edge', () => {
    const sampled = expandRouteTrip({ id: 'v', category: 'car', edges: [0, 1], enter: [1000, 21_000], end: 31_000 }, graph);
    expect(sampled.times).toEqual([1000, 11_000, 21_000, 31_000]);
    expect(sampled.coords).toEqual([121.0, 31.0, 121.001, 31.0, 121.002, 31.0, 121.002, 31.001]);
  });

  it('interpolates continuously across the edge boundary', () => {
    const sampled = expandRouteTrip({ id: 'v', category: 'car', edges: [0, 1], enter: [0, 20_000], end: 30_000 }, graph);
    const window = encodeTripWindow([sampled], 0, 30_000, [121, 31]);
    const before = positionInWindow(window, 0, 19_999)!;
    const at = positionInWindow(window, 0, 20_000)!;
    const after = positionInWindow(window, 0, 20_001)!;
    expect(at[0]).toBeCloseTo(121.002, 9);
    expect(at[1]).toBeCloseTo(31.0, 9);
    expect(Math.hypot(before[0] - at[0], before[1] - at[1])).toBeLessThan(1e-6);
    expect(Math.hypot(after[0] - at[0], after[1] - at[1])).toBeLessThan(1e-6);
    expect(after[1]).toBeGreaterThan(31.0); // now heading north
  });

  it('skips zero-length stays and refuses an edge the graph does not have', () => {
    const sampled = expandRouteTrip({ id: 'v', category: 'car', edges: [0, 1], enter: [0, 0], end: 5000 }, graph);
    expect(sampled.times.every((t, i) => i === 0 || t > sampled.times[i - 1]!)).toBe(true);
    expect(() => expandRouteTrip({ id: 'v', category: 'car', edges: [7], enter: [0], end: 10 }, graph)).toThrow(/edge 7/);
  });
});
