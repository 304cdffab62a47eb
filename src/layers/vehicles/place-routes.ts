/**
 * Windows may carry trips compactly as routes (edges + entry times, see feed-wire.ts); the vehicles
 * layer places them on the pack's graph once, when the window arrives, and appends them to the
 * sampled part, so the per-frame loop sees one kind of trip.
 */
import { expandRouteTrip } from '../../city/route-trip';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { decodeRoutes, encodeTripWindow, type TripWindow } from '../../protocol/feed-wire';

/** The window with its route trips placed along the graph; the same window when it has none. */
export function placeRoutes(window: TripWindow, graph: Pick<RoadGraphFile, 'edges' | 'shape'>): TripWindow {
  if (!window.routes || window.routes.ids.length === 0) return window;
  const placed = encodeTripWindow(
    decodeRoutes(window).map((trip) => expandRouteTrip(trip, graph)),
    window.t0,
    window.t1,
    window.origin,
  );
  const samples = window.times.length;
  const offsets = new Uint32Array(window.ids.length + placed.ids.length + 1);
  offsets.set(window.offsets);
  for (let i = 1; i < placed.offsets.length; i++) offsets[window.ids.length + i] = samples + placed.offsets[i]!;
  const join = <T extends Float32Array | Uint8Array>(a: T, b: T, Kind: { new (length: number): T }): T => {
    const out = new Kind(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    t0: window.t0,
    t1: window.t1,
    origin: window.origin,
    ids: [...window.ids, ...placed.ids],
    categories: join(window.categories, placed.categories, Uint8Array),
    offsets,
    times: join(window.times, placed.times, Float32Array),
    positions: join(window.positions, placed.positions, Float32Array),
  };
}
