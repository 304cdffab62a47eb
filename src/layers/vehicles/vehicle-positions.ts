/**
 * Engine-free core of the vehicles layer: every vehicle of a trajectory window at one sim time,
 * written into preallocated arrays (local metres east/north of the window's origin, heading, category),
 * so the renderer uploads one buffer per frame and nothing is allocated while vehicles move.
 */
import { METRES_PER_DEGREE } from '../../city/local-frame';
import type { TripWindow } from '../../protocol/feed-wire';

/** Vehicles at one instant, in arrays sized once for `capacity` vehicles. */
export interface VehicleFrame {
  readonly capacity: number;
  /** Vehicles written by the last `vehiclesAt`. */
  count: number;
  /** Per vehicle: east m, north m, heading (radians counter-clockwise from east), category index. */
  readonly attributes: Float32Array;
  /** Trips under way that did not fit (capacity reached) in the last call. */
  dropped: number;
}

/** Floats per vehicle in `VehicleFrame.attributes`. */
export const VEHICLE_STRIDE = 4;

/** Allocates a frame for at most `capacity` vehicles. */
export function createVehicleFrame(capacity: number): VehicleFrame {
  return { capacity, count: 0, attributes: new Float32Array(capacity * VEHICLE_STRIDE), dropped: 0 };
}

/** Index of the last sample of [start, end) whose time is ≤ s (binary search; times increase). */
function sampleBefore(times: Float32Array, start: number, end: number, s: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Writes every trip of `window` under way at sim time `t` (epoch ms) into `frame`; returns the count.
 * A trip is under way from its first to its last sample inclusive (as `positionInWindow`). The heading
 * is that of the segment being driven; on a zero-length segment (a stop) the nearest moving segment's.
 */
export function vehiclesAt(window: TripWindow, t: number, frame: VehicleFrame): number {
  const s = (t - window.t0) / 1000;
  const { offsets, times, positions, categories } = window;
  const kx = METRES_PER_DEGREE * Math.cos((window.origin[1] * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  const out = frame.attributes;
  const trips = window.ids.length;
  let count = 0;
  let dropped = 0;
  for (let i = 0; i < trips; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (end - start < 1 || s < times[start]! || s > times[end - 1]!) continue;
    if (count === frame.capacity) {
      dropped++;
      continue;
    }
    const k = sampleBefore(times, start, end, s);
    const k1 = k + 1 < end ? k + 1 : k;
    const span = times[k1]! - times[k]!;
    const f = span > 0 ? (s - times[k]!) / span : 0;
    const x0 = positions[2 * k]!;
    const y0 = positions[2 * k + 1]!;
    const x1 = positions[2 * k1]!;
    const y1 = positions[2 * k1 + 1]!;
    const o = count * VEHICLE_STRIDE;
    out[o] = (x0 + f * (x1 - x0)) * kx;
    out[o + 1] = (y0 + f * (y1 - y0)) * ky;
    out[o + 2] = headingNear(positions, start, end, k, kx, ky);
    out[o + 3] = categories[i]!;
    count++;
  }
  frame.count = count;
  frame.dropped = dropped;
  return count;
}

/** Heading of segment k→k+1, or of the nearest non-zero segment after, then before; 0 if the trip never moves. */
function headingNear(positions: Float32Array, start: number, end: number, k: number, kx: number, ky: number): number {
  for (let j = Math.min(k, end - 2); j + 1 < end; j++) {
    const dx = (positions[2 * j + 2]! - positions[2 * j]!) * kx;
    const dy = (positions[2 * j + 3]! - positions[2 * j + 1]!) * ky;
    if (dx !== 0 || dy !== 0) return Math.atan2(dy, dx);
  }
  for (let j = Math.min(k, end - 2) - 1; j >= start; j--) {
    const dx = (positions[2 * j + 2]! - positions[2 * j]!) * kx;
    const dy = (positions[2 * j + 3]! - positions[2 * j + 1]!) * ky;
    if (dx !== 0 || dy !== 0) return Math.atan2(dy, dx);
  }
  return 0;
}
