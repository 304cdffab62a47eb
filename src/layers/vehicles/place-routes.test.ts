import { describe, expect, it } from 'vitest';
import { encodeTripWindow } from '../../protocol/feed-wire';
import type { RouteTrip, SampledTrip } from '../../protocol/feed';
import { placeRoutes } from './place-routes';
import { createVehicleFrame, vehiclesAt } from './vehicle-positions';

const T0 = 1_000_000;
// One edge east along 0.001°, entered at T0 and left 10 s later.
const graph = {
  edges: { from: [0], to: [1], lengthM: [95], freeFlowS: [10], speedKph: [36], lanes: [1], road: [0], shapeStart: [0], shapeCount: [2] },
  shape: { lon: [121.5, 121.501], lat: [31.2, 31.2] },
};
const sampled: SampledTrip = { id: 's', category: 'bus', times: [T0, T0 + 10_000], coords: [121.5, 31.2, 121.5, 31.201] };
const route: RouteTrip = { id: 'r', category: 'taxi', edges: [0], enter: [T0], end: T0 + 10_000 };

describe('placeRoutes', () => {
  it('appends route trips placed on the graph after the sampled ones', () => {
    const window = encodeTripWindow([sampled], T0, T0 + 10_000, [121.5, 31.2], [route]);
    const placed = placeRoutes(window, graph);
    expect(placed.ids).toEqual(['s', 'r']);
    expect([...placed.offsets]).toEqual([0, 2, 4]);
    const frame = createVehicleFrame(4);
    expect(vehiclesAt(placed, T0 + 5_000, frame)).toBe(2);
    expect(frame.attributes[4 + 3]).toBe(1); // taxi
    expect(frame.attributes[4 + 2]).toBeCloseTo(0, 5); // heading east
  });
  it('returns a window without routes as it is', () => {
    const window = encodeTripWindow([sampled], T0, T0 + 10_000, [121.5, 31.2]);
    expect(placeRoutes(window, graph)).toBe(window);
  });
});
