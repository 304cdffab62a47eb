import { describe, expect, it } from 'vitest';
import { encodeTripWindow, positionInWindow } from '../../protocol/feed-wire';
import type { SampledTrip } from '../../protocol/feed';
import { METRES_PER_DEGREE } from '../../city/local-frame';
import { createVehicleFrame, VEHICLE_STRIDE, vehiclesAt } from './vehicle-positions';

const ORIGIN: [number, number] = [121.5, 31.2];
const T0 = 1_000_000;
const kx = METRES_PER_DEGREE * Math.cos((31.2 * Math.PI) / 180);
// East along 0.001° for 10 s, then north for 10 s.
const eastThenNorth: SampledTrip = { id: 'a', category: 'bus', times: [T0, T0 + 10_000, T0 + 20_000], coords: [121.5, 31.2, 121.501, 31.2, 121.501, 31.201] };
const stopped: SampledTrip = { id: 'b', category: 'taxi', times: [T0, T0 + 5_000, T0 + 10_000], coords: [121.5, 31.2, 121.5, 31.2, 121.5, 31.2005] };

describe('vehiclesAt', () => {
  const window = encodeTripWindow([eastThenNorth, stopped], T0, T0 + 20_000, ORIGIN);

  it('interpolates along a segment and heads along it', () => {
    const frame = createVehicleFrame(8);
    expect(vehiclesAt(window, T0 + 5_000, frame)).toBe(2);
    const a = frame.attributes;
    expect(a[0]).toBeCloseTo(0.0005 * kx, 1);
    expect(a[1]).toBeCloseTo(0, 3);
    expect(a[2]).toBeCloseTo(0, 5); // east
    expect(a[3]).toBe(2); // bus
  });

  it('agrees with positionInWindow at every instant, edge boundaries included', () => {
    const frame = createVehicleFrame(8);
    for (const dt of [0, 1, 9_999, 10_000, 10_001, 15_000, 19_999, 20_000]) {
      vehiclesAt(window, T0 + dt, frame);
      const expected = positionInWindow(window, 0, T0 + dt)!;
      expect(frame.attributes[0]! / kx + ORIGIN[0]).toBeCloseTo(expected[0], 6);
      expect(frame.attributes[1]! / METRES_PER_DEGREE + ORIGIN[1]).toBeCloseTo(expected[1], 6);
    }
  });

  it('turns at the junction: north after the boundary sample', () => {
    const frame = createVehicleFrame(8);
    vehiclesAt(window, T0 + 10_000, frame);
    expect(frame.attributes[2]).toBeCloseTo(Math.PI / 2, 5);
    vehiclesAt(window, T0 + 9_999, frame);
    expect(frame.attributes[2]).toBeCloseTo(0, 5);
  });

  it('keeps the heading of the next moving segment while stopped', () => {
    const frame = createVehicleFrame(8);
    vehiclesAt(window, T0 + 2_000, frame);
    expect(frame.attributes[VEHICLE_STRIDE + 2]).toBeCloseTo(Math.PI / 2, 5);
  });

  it('shows a trip from its first to its last sample, not outside', () => {
    const frame = createVehicleFrame(8);
    expect(vehiclesAt(window, T0 - 1, frame)).toBe(0);
    expect(vehiclesAt(window, T0 + 10_000, frame)).toBe(2);
    expect(vehiclesAt(window, T0 + 10_001, frame)).toBe(1);
    expect(vehiclesAt(window, T0 + 20_000, frame)).toBe(1);
    expect(vehiclesAt(window, T0 + 20_001, frame)).toBe(0);
  });

  it('interpolates across the window edge using the sample kept outside it', () => {
    // The window starts mid-trip: encodeTripWindow keeps the sample before t0.
    const late = encodeTripWindow([eastThenNorth], T0 + 5_000, T0 + 12_000, ORIGIN);
    const frame = createVehicleFrame(2);
    vehiclesAt(late, T0 + 5_000, frame);
    expect(frame.attributes[0]).toBeCloseTo(0.0005 * kx, 1);
  });

  it('never writes past its capacity and counts what it dropped', () => {
    const frame = createVehicleFrame(1);
    const before = frame.attributes;
    expect(vehiclesAt(window, T0 + 1_000, frame)).toBe(1);
    expect(frame.dropped).toBe(1);
    expect(frame.attributes).toBe(before);
    expect(frame.attributes.length).toBe(VEHICLE_STRIDE);
  });
});
