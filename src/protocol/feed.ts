/**
 * Feed events: what happens in the city, in sim time. A recording is a time-ordered list of them,
 * a live source produces them, and the world state at an instant is what they add up to.
 */
import { z } from 'zod';
import { entitySchema, type Entity } from './entities.js';

/** Kinds of moving object, each drawn in its own colour. */
export const TRIP_CATEGORIES = ['car', 'taxi', 'bus', 'truck', 'delivery', 'bicycle', 'pedestrian'] as const;
export const tripCategorySchema = z.enum(TRIP_CATEGORIES);
export type TripCategory = z.infer<typeof tripCategorySchema>;

/**
 * A moving object's whole trip as samples: times (epoch ms, increasing) and a flat lon/lat list of
 * the same count. It is on the map from its first time to its last.
 */
export const sampledTripSchema = z
  .object({
    id: z.string().min(1).max(128),
    category: tripCategorySchema,
    times: z.array(z.number().finite()).min(2).max(100_000),
    coords: z.array(z.number().finite()).min(4).max(200_000),
  })
  .refine((trip) => trip.coords.length === trip.times.length * 2, { message: 'coords must hold one lon/lat pair per time' })
  .refine((trip) => trip.times.every((t, i) => i === 0 || t > trip.times[i - 1]!), { message: 'times must increase' });
export type SampledTrip = z.infer<typeof sampledTripSchema>;

/**
 * A trip on the city's road graph, the compact form a traffic simulator gives: the edges (indices
 * into the pack's graph.json) in order, the time it enters each, and when it leaves the last. The
 * vehicle is placed along each edge's polyline at constant speed between entry and exit.
 */
export const routeTripSchema = z
  .object({
    id: z.string().min(1).max(128),
    category: tripCategorySchema,
    edges: z.array(z.number().int().nonnegative()).min(1).max(100_000),
    enter: z.array(z.number().finite()).min(1).max(100_000),
    end: z.number().finite(),
  })
  .refine((trip) => trip.enter.length === trip.edges.length, { message: 'one entry time per edge' })
  .refine((trip) => trip.enter.every((t, i) => i === 0 || t >= trip.enter[i - 1]!) && trip.end > trip.enter[trip.enter.length - 1]!, {
    message: 'entry times must not decrease and the trip must end after its last entry',
  });
export type RouteTrip = z.infer<typeof routeTripSchema>;

/** Either form of trip. */
export const tripSchema = z.union([sampledTripSchema, routeTripSchema]);
export type Trip = z.infer<typeof tripSchema>;

/** An entity's new state. */
export const upsertEventSchema = z.object({ op: z.literal('upsert'), t: z.number().finite(), entity: entitySchema });
/** An entity gone. */
export const removeEventSchema = z.object({ op: z.literal('remove'), t: z.number().finite(), id: z.string().min(1).max(256) });
/** One event: an entity's new state, an entity gone, or a trip starting. `t` is sim time, epoch ms. */
export const feedEventSchema = z.discriminatedUnion('op', [upsertEventSchema, removeEventSchema, z.object({ op: z.literal('trip'), t: z.number().finite(), trip: tripSchema })]);
export type FeedEvent = z.infer<typeof feedEventSchema>;

/** The world at one instant: every entity's latest state and the trips under way. */
export interface WorldState {
  t: number;
  entities: Map<string, Entity>;
  trips: Map<string, Trip>;
}

/** An empty world at time t. */
export function emptyWorld(t: number): WorldState {
  return { t, entities: new Map(), trips: new Map() };
}

/** When a trip ends (its last sample time). */
export const tripEnd = (trip: Trip): number => ('times' in trip ? trip.times[trip.times.length - 1]! : trip.end);

/**
 * Applies events (sorted by t, all after world.t) to a world, moving it to time `t`: upserts
 * replace an entity whole, removes drop it, trips join while under way and leave when they end.
 */
export function advanceWorld(world: WorldState, events: Iterable<FeedEvent>, t: number): WorldState {
  for (const event of events) {
    if (event.op === 'upsert') world.entities.set(event.entity.id, event.entity);
    else if (event.op === 'remove') world.entities.delete(event.id);
    else if (tripEnd(event.trip) > t) world.trips.set(event.trip.id, event.trip);
  }
  for (const [id, trip] of world.trips) if (tripEnd(trip) <= t) world.trips.delete(id);
  world.t = t;
  return world;
}

/** A deep copy of a world, so a cached state can be advanced without changing the cache. */
export function cloneWorld(world: WorldState): WorldState {
  return { t: world.t, entities: new Map(world.entities), trips: new Map(world.trips) };
}
