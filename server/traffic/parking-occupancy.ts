/**
 * Parking guidance from the simulation: each car park of the pack starts the day at a night
 * occupancy, gains a car when a simulated car ends its trip near it and loses one when a car starts
 * near it and came out of it: certainly when the lot is at least half full, less likely as it
 * empties (near an empty lot a departing car was parked on the street). A lot never holds more cars than spaces nor fewer than none: an arrival at a full lot
 * parks elsewhere (on the street, in a garage the pack does not know), a departure from an empty
 * one came from elsewhere.
 */
import { placeEntityId, type OffStreetParking } from '../../src/protocol/entities.js';
import type { FeedEvent, RouteTrip } from '../../src/protocol/feed.js';
import type { Place } from '../city/city-pack.js';
import { localProjection } from './traffic-city.js';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';

/** Share of spaces taken at the start of the day (residents' and overnight cars). */
export const NIGHT_OCCUPANCY = 0.35;
/** A trip ending (starting) within this many metres of a lot may park in (leave from) it. */
export const PARKING_CATCHMENT_M = 250;
/** Share of private cars and vans ending near a lot that park in it; taxis never park. */
export const PARKING_SHARE = 0.6;
/** How often occupancy is published, ms. */
export const PARKING_STEP_MS = 300_000;

/** A car park with its state. */
export interface ParkingLot {
  id: string;
  name: string | undefined;
  lon: number;
  lat: number;
  capacity: number;
  occupied: number;
}

/** Car parks of the pack with a capacity, at night occupancy. */
export function parkingLots(places: Place[], city: string): ParkingLot[] {
  return places
    .filter((p) => p.properties.category === 'parking' && (p.properties.capacity ?? 0) > 0)
    .map((p) => ({
      id: placeEntityId('OffStreetParking', city, p.properties.osm_id),
      name: p.properties.name_zh ?? p.properties.name ?? undefined, // simplified Chinese; the browser shows the pack's name in the visitor's language
      lon: p.lon,
      lat: p.lat,
      capacity: p.properties.capacity!,
      occupied: Math.round(p.properties.capacity! * NIGHT_OCCUPANCY),
    }));
}

/** A car entering (+1) or leaving (−1) a lot at an instant. */
export interface ParkingMovement {
  t: number;
  lot: number;
  delta: 1 | -1;
  /** A departure leaves the lot only when this draw (0…1) is below departureChance(lot) then. */
  draw?: number;
}

/** Chance that a car starting near a lot came out of it: 1 from half full, falling to 0 for an empty lot. */
export const departureChance = (lot: ParkingLot): number => Math.min(1, (2 * lot.occupied) / lot.capacity);

/** Applies one movement, clamped to [0, capacity]; returns whether it took effect. */
export function applyMovement(lot: ParkingLot, delta: 1 | -1): boolean {
  const next = lot.occupied + delta;
  if (next < 0 || next > lot.capacity) return false;
  lot.occupied = next;
  return true;
}

/** A stable pseudo-random share in [0, 1) from a trip id, so the same trip always parks the same way. */
export function idShare(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/** Which lot (index) each graph edge is a catchment of: the nearest lot within reach of its midpoint, or −1. */
export function lotOfEdge(graph: Pick<RoadGraphFile, 'edges' | 'shape'>, lots: ParkingLot[], centre: [number, number]): Int32Array {
  const project = localProjection(centre[0], centre[1]);
  const lotXY = lots.map((lot) => project(lot.lon, lot.lat));
  const out = new Int32Array(graph.edges.from.length).fill(-1);
  for (let e = 0; e < out.length; e++) {
    const mid = graph.edges.shapeStart[e]! + (graph.edges.shapeCount[e]! >> 1);
    const [x, y] = project(graph.shape.lon[mid]!, graph.shape.lat[mid]!);
    let best = PARKING_CATCHMENT_M ** 2;
    lotXY.forEach(([lx, ly], i) => {
      const d = (lx - x) ** 2 + (ly - y) ** 2;
      if (d < best) {
        best = d;
        out[e] = i;
      }
    });
  }
  return out;
}

/** The movements that trips cause: departures from and arrivals at lots, in time order. */
export function parkingMovements(trips: RouteTrip[], lotOf: Int32Array): ParkingMovement[] {
  const movements: ParkingMovement[] = [];
  for (const trip of trips) {
    if (trip.category === 'taxi' || trip.category === 'bus') continue;
    const share = idShare(trip.id);
    if (share >= PARKING_SHARE) continue;
    const startLot = lotOf[trip.edges[0]!]!;
    const endLot = lotOf[trip.edges[trip.edges.length - 1]!]!;
    if (startLot >= 0) movements.push({ t: trip.enter[0]!, lot: startLot, delta: -1, draw: idShare(`${trip.id}:leave`) });
    if (endLot >= 0) movements.push({ t: trip.end, lot: endLot, delta: 1 });
  }
  return movements.sort((a, b) => a.t - b.t || a.delta - b.delta);
}

/** Occupancy events every PARKING_STEP_MS from `startMs` to `endMs`, published when a lot's count changed. */
export function parkingEvents(lots: ParkingLot[], movements: ParkingMovement[], startMs: number, endMs: number): FeedEvent[] {
  const events: FeedEvent[] = [];
  const published = lots.map(() => -1);
  let next = 0;
  for (let t = startMs; t <= endMs; t += PARKING_STEP_MS) {
    while (next < movements.length && movements[next]!.t <= t) {
      const movement = movements[next++]!;
      const lot = lots[movement.lot]!;
      if (movement.delta === -1 && (movement.draw ?? 0) >= departureChance(lot)) continue;
      applyMovement(lot, movement.delta);
    }
    lots.forEach((lot, i) => {
      if (published[i] === lot.occupied) return;
      published[i] = lot.occupied;
      events.push({ op: 'upsert', t, entity: parkingEntity(lot, t) });
    });
  }
  return events;
}

/** A lot's state as an OffStreetParking entity. */
export function parkingEntity(lot: ParkingLot, t: number): OffStreetParking {
  const available = lot.capacity - lot.occupied;
  const entity: OffStreetParking = {
    id: lot.id,
    type: 'OffStreetParking',
    location: { type: 'Point', coordinates: [lot.lon, lot.lat] },
    dateObserved: new Date(t).toISOString(),
    totalSpotNumber: lot.capacity,
    availableSpotNumber: available,
    occupancy: Number((lot.occupied / lot.capacity).toFixed(3)),
    status: ['open', available === 0 ? 'full' : available < lot.capacity * 0.1 ? 'almostFull' : 'spacesAvailable'],
  };
  if (lot.name !== undefined) entity.name = lot.name;
  return entity;
}
