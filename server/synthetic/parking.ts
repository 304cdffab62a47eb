/**
 * Synthetic occupancy of the city's parking lots (OffStreetParking), every 5 minutes: each lot
 * mixes a commuter profile (full in office hours) and a resident profile (full at night) in a
 * seeded proportion, plus slowly varying noise; occupancy stays within [0, capacity]. Replaced by
 * the simulated arrivals of the traffic twin, or by a live parking-guidance feed with these fields.
 */
import { placeEntityId, type OffStreetParking } from '../../src/protocol/entities.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import type { Place } from '../city/city-pack.js';
import type { SeededRandom } from './seeded-random.js';

/** Share of spaces taken by commuters, per local hour. */
export const COMMUTER_PROFILE = [0.05, 0.05, 0.05, 0.05, 0.05, 0.08, 0.2, 0.45, 0.75, 0.9, 0.93, 0.92, 0.85, 0.9, 0.93, 0.9, 0.8, 0.55, 0.3, 0.2, 0.15, 0.1, 0.08, 0.06];
/** Share of spaces taken by residents, per local hour. */
export const RESIDENT_PROFILE = [0.9, 0.92, 0.93, 0.93, 0.92, 0.88, 0.8, 0.62, 0.45, 0.38, 0.36, 0.37, 0.4, 0.38, 0.37, 0.4, 0.48, 0.62, 0.75, 0.82, 0.86, 0.88, 0.89, 0.9];

const STEP = 5 * 60_000;

/** Occupancy events for every parking place in [startMs, endMs). */
export function generateParking(random: SeededRandom, places: Place[], city: string, startMs: number, endMs: number, utcOffsetHours: number): FeedEvent[] {
  const lots = places.filter((p) => p.properties.category === 'parking' && (p.properties.capacity ?? 0) > 0);
  const mixes = lots.map(() => 0.3 + 0.6 * random.next());
  const noise = lots.map(() => 0);
  const events: FeedEvent[] = [];
  const first = Math.ceil(startMs / STEP) * STEP;
  for (let t = first; t < endMs; t += STEP) {
    const hours = (((t / 3_600_000 + utcOffsetHours) % 24) + 24) % 24;
    const h0 = Math.floor(hours);
    const f = hours - h0;
    const at = (profile: number[]): number => profile[h0]! * (1 - f) + profile[(h0 + 1) % 24]! * f;
    lots.forEach((lot, i) => {
      noise[i] = noise[i]! * 0.9 + random.normal() * 0.02; // an AR(1) wander of a few per cent
      const share = Math.min(1, Math.max(0, mixes[i]! * at(COMMUTER_PROFILE) + (1 - mixes[i]!) * at(RESIDENT_PROFILE) + noise[i]!));
      const total = lot.properties.capacity!;
      const occupied = Math.round(share * total);
      const available = total - occupied;
      const entity: OffStreetParking = {
        id: placeEntityId('OffStreetParking', city, lot.properties.osm_id),
        type: 'OffStreetParking',
        name: lot.properties.name_zh ?? lot.properties.name ?? undefined, // simplified Chinese; the browser shows the pack's name in the visitor's language
        location: { type: 'Point', coordinates: [lot.lon, lot.lat] },
        dateObserved: new Date(t).toISOString(),
        totalSpotNumber: total,
        availableSpotNumber: available,
        occupancy: Number((occupied / total).toFixed(3)),
        status: [available === 0 ? 'full' : available < total * 0.1 ? 'almostFull' : 'spacesAvailable'],
      };
      if (entity.name === undefined) delete entity.name;
      events.push({ op: 'upsert', t, entity });
    });
  }
  return events;
}
