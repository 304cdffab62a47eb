/** Places a window's route trips along the pack's roads, once per window, on the client. */
import type { RoadGraphFile } from '../protocol/city-pack';
import { decodeRoutes, encodeTripWindow, type TripWindow } from '../protocol/feed-wire';
import { expandRouteTrip } from './route-trip';

function concat<T extends Float32Array | Uint8Array>(a: T, b: T, Kind: { new (length: number): T }): T {
  const out = new Kind(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The window with its route trips turned into samples along the graph's edge polylines and
 * appended to the sampled ones, so the renderer reads one form. Routes naming an edge the graph
 * does not have (a pack and a recording that do not belong together) are left out.
 */
export function expandWindowRoutes(window: TripWindow, graph: Pick<RoadGraphFile, 'edges' | 'shape'>): TripWindow {
  if (!window.routes || window.routes.ids.length === 0) return window;
  const sampled = decodeRoutes(window).flatMap((route) => {
    try {
      return [expandRouteTrip(route, graph)];
    } catch {
      return [];
    }
  });
  const extra = encodeTripWindow(sampled, window.t0, window.t1, window.origin);
  const base = window.times.length;
  const offsets = new Uint32Array(window.offsets.length + extra.offsets.length - 1);
  offsets.set(window.offsets);
  for (let i = 1; i < extra.offsets.length; i++) offsets[window.offsets.length - 1 + i] = base + extra.offsets[i]!;
  return {
    t0: window.t0,
    t1: window.t1,
    origin: window.origin,
    ids: [...window.ids, ...extra.ids],
    categories: concat(window.categories, extra.categories, Uint8Array),
    offsets,
    times: concat(window.times, extra.times, Float32Array),
    positions: concat(window.positions, extra.positions, Float32Array),
  };
}
