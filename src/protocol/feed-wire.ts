/**
 * The feed on the socket: joining a room with a role, world snapshots and deltas, trajectory
 * windows (typed arrays, so thousands of vehicles cost a few kilobytes), visitor actions and the
 * error reply every rejected message gets: their schemas (src/protocol/socket-events.ts lists the
 * events). Shared by the server hub and every surface.
 */
import { z } from 'zod';
import { entitySchema } from './entities.js';
import { removeEventSchema, TRIP_CATEGORIES, upsertEventSchema, type RouteTrip, type SampledTrip } from './feed.js';

/** Roles a client joins with; only operator and planner may change the clock or scenarios. */
export const ROLES = ['wall', 'kiosk', 'planner', 'operator'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that must present a token. */
export const PRIVILEGED_ROLES: readonly Role[] = ['planner', 'operator'];

/** How the refusal of a join to a room that is not open starts; the browser recognises it by this. */
const NO_ROOM_PREFIX = 'there is no room';

/** The refusal sent to a wall or kiosk that asks for a room that is not open (only staff open rooms). */
export function noRoomRefusal(name: string, halls: readonly string[]): string {
  return `${NO_ROOM_PREFIX} "${name}" on this server (its halls: ${halls.join(', ') || 'none'}); an operator or planner opens other rooms`;
}

/** Whether a join's refusal says the room is not open (see noRoomRefusal). */
export const isNoRoomRefusal = (error: string): boolean => error.startsWith(`${NO_ROOM_PREFIX} "`);

/** A room is one exhibition hall; its name is a short slug. */
export const roomNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a room name is 1–32 lower-case letters, digits or dashes');

export const joinRequestSchema = z
  .object({
    room: roomNameSchema,
    role: roleSchema,
    token: z.string().max(256).optional(),
  })
  .strict();
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** What a kiosk visitor may do; it is shown on the room's wall. */
export const visitorActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cast-view'), viewId: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('select'), id: z.string().min(1).max(256) }).strict(),
  z.object({ kind: z.literal('show-layer'), layer: z.string().min(1).max(64), visible: z.boolean() }).strict(),
]);
export type VisitorAction = z.infer<typeof visitorActionSchema>;

/** Route trips of a window: edge indices of the pack's graph.json and entry times. Typed arrays as the server sends them (msgpack gives them back as buffers: reviveTripWindow). */
export const routeWindowSchema = z.object({
  ids: z.array(z.string()),
  categories: z.instanceof(Uint8Array),
  /** Route i's edges are edges[offsets[i] .. offsets[i+1]). */
  offsets: z.instanceof(Uint32Array),
  edges: z.instanceof(Uint32Array),
  /** Seconds after t0 at which each edge is entered (negative: before the window). */
  enter: z.instanceof(Float32Array),
  /** Seconds after t0 at which each route ends. */
  end: z.instanceof(Float32Array),
});
export type RouteWindow = z.infer<typeof routeWindowSchema>;

/** A moving-object window: every trip under way in [t0, t1], as flat typed arrays. */
export const tripWindowSchema = z.object({
  t0: z.number(),
  t1: z.number(),
  /** Positions are offsets from this lon/lat, so float32 keeps sub-metre precision. */
  origin: z.tuple([z.number(), z.number()]),
  ids: z.array(z.string()),
  /** Index into TRIP_CATEGORIES per trip. */
  categories: z.instanceof(Uint8Array),
  /** Trip i's samples are [offsets[i], offsets[i+1]). */
  offsets: z.instanceof(Uint32Array),
  /** Seconds after t0 per sample. */
  times: z.instanceof(Float32Array),
  /** Δlon, Δlat degrees per sample. */
  positions: z.instanceof(Float32Array),
  /** Trips on the road graph, sent as their route: the client places them along the pack's edges. */
  routes: routeWindowSchema.optional(),
});
export type TripWindow = z.infer<typeof tripWindowSchema>;

/** The whole world of a room at one instant. */
export const feedSnapshotSchema = z.object({ room: z.string(), t: z.number(), entities: z.array(entitySchema), trips: tripWindowSchema });
export type FeedSnapshot = z.infer<typeof feedSnapshotSchema>;

/** What changed in a room between two instants (entity events only; trips travel as windows). */
export const feedDeltaSchema = z.object({ room: z.string(), from: z.number(), to: z.number(), events: z.array(z.discriminatedUnion('op', [upsertEventSchema, removeEventSchema])) });
export type FeedDelta = z.infer<typeof feedDeltaSchema>;

/** The reply to a message the server rejected. */
export const errorReplySchema = z.object({ event: z.string(), error: z.string() });
export type ErrorReply = z.infer<typeof errorReplySchema>;

/**
 * Cuts the part of each trip inside [t0, t1] into a window, keeping one sample on either side so
 * the client can interpolate right up to the window's edges.
 */
export function encodeTripWindow(trips: Iterable<SampledTrip>, t0: number, t1: number, origin: [number, number], routeTrips: Iterable<RouteTrip> = []): TripWindow {
  const ids: string[] = [];
  const categories: number[] = [];
  const offsets: number[] = [0];
  const times: number[] = [];
  const positions: number[] = [];
  for (const trip of trips) {
    const n = trip.times.length;
    if (trip.times[n - 1]! < t0 || trip.times[0]! > t1) continue;
    let first = 0;
    while (first + 1 < n && trip.times[first + 1]! <= t0) first++;
    let last = n - 1;
    while (last - 1 >= 0 && trip.times[last - 1]! >= t1) last--;
    ids.push(trip.id);
    categories.push(TRIP_CATEGORIES.indexOf(trip.category));
    for (let i = first; i <= last; i++) {
      times.push((trip.times[i]! - t0) / 1000);
      positions.push(trip.coords[2 * i]! - origin[0], trip.coords[2 * i + 1]! - origin[1]);
    }
    offsets.push(times.length);
  }
  const window: TripWindow = {
    t0,
    t1,
    origin,
    ids,
    categories: Uint8Array.from(categories),
    offsets: Uint32Array.from(offsets),
    times: Float32Array.from(times),
    positions: Float32Array.from(positions),
  };
  const routes = encodeRoutes(routeTrips, t0, t1);
  if (routes.ids.length > 0) window.routes = routes;
  return window;
}

/** The route trips under way in [t0, t1], whole (a route is a few dozen bytes). */
function encodeRoutes(trips: Iterable<RouteTrip>, t0: number, t1: number): RouteWindow {
  const ids: string[] = [];
  const categories: number[] = [];
  const offsets: number[] = [0];
  const edges: number[] = [];
  const enter: number[] = [];
  const end: number[] = [];
  for (const trip of trips) {
    if (trip.end < t0 || trip.enter[0]! > t1) continue;
    ids.push(trip.id);
    categories.push(TRIP_CATEGORIES.indexOf(trip.category));
    edges.push(...trip.edges);
    for (const t of trip.enter) enter.push((t - t0) / 1000);
    offsets.push(edges.length);
    end.push((trip.end - t0) / 1000);
  }
  return {
    ids,
    categories: Uint8Array.from(categories),
    offsets: Uint32Array.from(offsets),
    edges: Uint32Array.from(edges),
    enter: Float32Array.from(enter),
    end: Float32Array.from(end),
  };
}

/** The route trips of a window as RouteTrip objects again (times back to epoch ms). */
export function decodeRoutes(window: TripWindow): RouteTrip[] {
  const r = window.routes;
  if (!r) return [];
  return r.ids.map((id, i) => {
    const from = r.offsets[i]!;
    const to = r.offsets[i + 1]!;
    return {
      id,
      category: TRIP_CATEGORIES[r.categories[i]!] ?? 'car',
      edges: Array.from(r.edges.subarray(from, to)),
      enter: Array.from(r.enter.subarray(from, to), (s) => window.t0 + s * 1000),
      end: window.t0 + r.end[i]! * 1000,
    };
  });
}

/** Copies binary that arrived as an ArrayBuffer, a Buffer or any view into a fresh, aligned typed array. */
export function asTypedArray<T extends Float32Array | Uint32Array | Uint8Array>(value: ArrayBuffer | ArrayBufferView | [number, ArrayBuffer], Kind: { new (buffer: ArrayBuffer): T }): T {
  // notepack sends a typed array as msgpack ext type 0; its browser decoder hands that back as [0, ArrayBuffer].
  if (Array.isArray(value)) value = value[1];
  const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy);
}

/** Rebuilds a window's typed arrays after transport (msgpack gives binary back as buffers). */
export function reviveTripWindow(raw: TripWindow): TripWindow {
  const window: TripWindow = {
    ...raw,
    categories: asTypedArray(raw.categories, Uint8Array),
    offsets: asTypedArray(raw.offsets, Uint32Array),
    times: asTypedArray(raw.times, Float32Array),
    positions: asTypedArray(raw.positions, Float32Array),
  };
  if (raw.routes) {
    window.routes = {
      ids: raw.routes.ids,
      categories: asTypedArray(raw.routes.categories, Uint8Array),
      offsets: asTypedArray(raw.routes.offsets, Uint32Array),
      edges: asTypedArray(raw.routes.edges, Uint32Array),
      enter: asTypedArray(raw.routes.enter, Float32Array),
      end: asTypedArray(raw.routes.end, Float32Array),
    };
  } else delete window.routes;
  return window;
}

/** Position of trip i of a window at sim time t (epoch ms), linearly interpolated; null when not under way. */
export function positionInWindow(window: TripWindow, i: number, t: number): [number, number] | null {
  const start = window.offsets[i]!;
  const end = window.offsets[i + 1]!;
  const s = (t - window.t0) / 1000;
  if (end - start < 1 || s < window.times[start]! || s > window.times[end - 1]!) return null;
  let k = start;
  while (k + 1 < end && window.times[k + 1]! < s) k++;
  const k1 = Math.min(k + 1, end - 1);
  const span = window.times[k1]! - window.times[k]!;
  const f = span > 0 ? (s - window.times[k]!) / span : 0;
  return [
    window.origin[0] + window.positions[2 * k]! + f * (window.positions[2 * k1]! - window.positions[2 * k]!),
    window.origin[1] + window.positions[2 * k + 1]! + f * (window.positions[2 * k1 + 1]! - window.positions[2 * k + 1]!),
  ];
}
