/** The synthetic city day: service requests, parking occupancy and car trips, merged in time order. */
import type { FeedEvent } from '../../src/protocol/feed.js';
import type { CityPack } from '../city/city-pack.js';
import { generateCarTrips } from './car-trips.js';
import { generateParking } from './parking.js';
import { SeededRandom } from './seeded-random.js';
import { generateServiceRequests } from './service-requests.js';

/** What a synthetic day can hold. */
export const SYNTHETIC_PARTS = ['requests', 'parking', 'trips'] as const;
export type SyntheticPart = (typeof SYNTHETIC_PARTS)[number];

/** How much happens in a synthetic day. */
export interface SyntheticOptions {
  /** Which generators run (default all): a city with a SUMO traffic recording takes only the requests. */
  parts?: readonly SyntheticPart[];
  seed: number;
  startMs: number;
  endMs: number;
  tripsPerDay: number;
  requestsPerDay: number;
  /** Local time offset of the city, hours (profiles are in local time). */
  utcOffsetHours: number;
}

/** Every event of the span, sorted by time (stable, so equal times keep generator order). */
export function generateSyntheticCity(pack: CityPack, options: SyntheticOptions): FeedEvent[] {
  const city = pack.manifest.id;
  const { startMs, endMs, utcOffsetHours } = options;
  const parts = new Set(options.parts ?? SYNTHETIC_PARTS);
  // Each generator draws from its own stream, so changing one leaves the others as they were.
  const events = [
    ...(parts.has('requests') ? generateServiceRequests(new SeededRandom(options.seed * 3 + 1), pack.graph, city, startMs, endMs, options.requestsPerDay, utcOffsetHours) : []),
    ...(parts.has('parking') ? generateParking(new SeededRandom(options.seed * 3 + 2), pack.places, city, startMs, endMs, utcOffsetHours) : []),
    ...(parts.has('trips') ? generateCarTrips(new SeededRandom(options.seed * 3 + 3), pack.graph, pack.places, startMs, endMs, options.tripsPerDay, utcOffsetHours) : []),
  ];
  return events
    .filter((event) => event.t < endMs)
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.t - b.event.t || a.order - b.order)
    .map((x) => x.event);
}
