/**
 * A day of travel demand: how many trips start in each hour (a weekday traffic-count profile),
 * why (commuting in the morning, back home in the evening, errands at midday, through traffic all
 * day), where they start and end (activity points by purpose), and in which vehicle. Seeded, so
 * the same city and seed always give the same trips; SUMO routes them.
 */
import { HOURLY_TRIP_PROFILE } from '../synthetic/car-trips.js';
import { SeededRandom } from '../synthetic/seeded-random.js';
import type { TripCategory } from '../../src/protocol/feed.js';
import type { ActivityKind, EdgeActivity } from './activity-points.js';
import { sumoEdgeId } from './sumo-network.js';

/** Why a trip is made; decides its origin and destination kinds. */
export const TRIP_PURPOSES = ['commute-in', 'commute-out', 'errand', 'through', 'other'] as const;
export type TripPurpose = (typeof TRIP_PURPOSES)[number];

/** One trip to simulate: SUMO times are seconds after the run's start. */
export interface DemandTrip {
  id: string;
  /** Seconds after the recording's start. */
  depart: number;
  from: number;
  to: number;
  category: TripCategory;
  purpose: TripPurpose;
}

/** Share of trips by purpose in each local hour: [commute-in, commute-out, errand, through, other]. */
export function purposeMix(localHour: number): number[] {
  if (localHour >= 6 && localHour <= 9) return [0.55, 0.03, 0.05, 0.22, 0.15];
  if (localHour >= 10 && localHour <= 15) return [0.06, 0.06, 0.4, 0.23, 0.25];
  if (localHour >= 16 && localHour <= 19) return [0.03, 0.55, 0.07, 0.2, 0.15];
  if (localHour >= 20 && localHour <= 23) return [0.02, 0.2, 0.2, 0.23, 0.35];
  return [0.02, 0.15, 0.03, 0.35, 0.45]; // the night: late returns, taxis, through traffic
}

/** Origin and destination activity kinds (with weights) by purpose. */
export const PURPOSE_ENDS: Record<Exclude<TripPurpose, 'through'>, { from: Partial<Record<ActivityKind, number>>; to: Partial<Record<ActivityKind, number>> }> = {
  'commute-in': { from: { home: 1 }, to: { work: 1, school: 0.5, parking: 0.6 } },
  'commute-out': { from: { work: 1, school: 0.5, parking: 0.6 }, to: { home: 1 } },
  errand: { from: { home: 1, work: 0.5 }, to: { shop: 1, service: 1, leisure: 0.5, parking: 0.4 } },
  other: { from: { home: 1, work: 1, shop: 0.5, service: 0.3, leisure: 0.3, parking: 0.3 }, to: { home: 1, work: 1, shop: 0.5, service: 0.3, leisure: 0.3, parking: 0.3 } },
};

/** Vehicle mix: taxis are a big share of Shanghai's central traffic; vans deliver in the daytime. */
export function vehicleCategory(random: SeededRandom, localHour: number): TripCategory {
  const r = random.next();
  if (r < 0.15) return 'taxi';
  if (r < 0.15 + (localHour >= 8 && localHour <= 17 ? 0.08 : 0.02)) return 'delivery';
  return 'car';
}

/** SUMO vehicle types, one per trip category, with SUMO's own vehicle classes. */
export const VEHICLE_TYPES_XML = [
  '  <vType id="car" vClass="passenger" speedDev="0.1"/>',
  '  <vType id="taxi" vClass="taxi" speedDev="0.1"/>',
  '  <vType id="delivery" vClass="delivery" length="6.5" speedDev="0.1"/>',
].join('\n');

/** Options of a day's demand. */
export interface DemandOptions {
  /** Trips over 24 hours. */
  trips: number;
  seed: number;
  /** Local hour of the day at SUMO time 0 (the recording's start). */
  startHour?: number;
  /** Only trips departing in [fromS, toS) (default the whole day). */
  fromS?: number;
  toS?: number;
}

/** Weighted sums per candidate edge for a set of kinds. */
function mixWeights(activity: EdgeActivity, kinds: Partial<Record<ActivityKind, number>>): Float64Array {
  const out = new Float64Array(activity.edges.length);
  for (const [kind, factor] of Object.entries(kinds) as [ActivityKind, number][]) {
    const weights = activity.weights[kind];
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    if (total === 0) continue;
    // Each kind gets its factor's share whatever its raw total, so one huge car park cannot swamp the homes.
    for (let i = 0; i < weights.length; i++) out[i]! += (factor * weights[i]!) / total;
  }
  return out;
}

/** A sampler that draws an index by weight in O(log n). */
function sampler(weights: ArrayLike<number>): (random: SeededRandom) => number {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i]!;
  return (random) => {
    if (sum === 0) return random.int(weights.length);
    const r = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Expected share of the day's trips starting in each local hour (sums to 1). */
export function hourlyShares(): number[] {
  const total = HOURLY_TRIP_PROFILE.reduce((a, b) => a + b, 0);
  return HOURLY_TRIP_PROFILE.map((p) => p / total);
}

/** Generates the day's trips, sorted by departure. */
export function generateDemand(activity: EdgeActivity, options: DemandOptions): DemandTrip[] {
  const random = new SeededRandom(options.seed);
  const shares = hourlyShares();
  const startHour = options.startHour ?? 0;
  const fromS = options.fromS ?? 0;
  const toS = options.toS ?? 86_400;
  const samplers = new Map<string, (random: SeededRandom) => number>();
  for (const [purpose, ends] of Object.entries(PURPOSE_ENDS)) {
    samplers.set(`${purpose}:from`, sampler(mixWeights(activity, ends.from)));
    samplers.set(`${purpose}:to`, sampler(mixWeights(activity, ends.to)));
  }
  const trips: DemandTrip[] = [];
  let serial = 0;
  for (let hour = 0; hour < 24; hour++) {
    const localHour = (startHour + hour) % 24;
    const count = Math.round(options.trips * shares[localHour]!);
    const mix = purposeMix(localHour);
    for (let k = 0; k < count; k++) {
      // Every draw happens whatever the window, so a window's trips are the same as the full day's.
      const depart = Math.floor((hour + random.next()) * 3600);
      let purpose = TRIP_PURPOSES[random.weighted(mix)]!;
      const category = vehicleCategory(random, localHour);
      let from: number;
      let to: number;
      if (purpose === 'through' && activity.entries.length > 0 && activity.exits.length > 0) {
        from = activity.entries[random.int(activity.entries.length)]!;
        to = activity.exits[random.int(activity.exits.length)]!;
      } else {
        if (purpose === 'through') purpose = 'other';
        const key = purpose as Exclude<TripPurpose, 'through'>;
        from = activity.edges[samplers.get(`${key}:from`)!(random)]!;
        to = activity.edges[samplers.get(`${key}:to`)!(random)]!;
      }
      serial++;
      if (from === to || depart < fromS || depart >= toS) continue;
      trips.push({ id: `v${serial}`, depart, from, to, category, purpose });
    }
  }
  return trips.sort((a, b) => a.depart - b.depart || (a.id < b.id ? -1 : 1));
}

/** The trips as a SUMO route file (`<trip>` elements SUMO routes itself at insertion). */
export function tripsXml(trips: DemandTrip[]): string {
  const lines = ['<routes>', VEHICLE_TYPES_XML];
  for (const trip of trips) {
    lines.push(
      `  <trip id="${trip.id}" type="${trip.category}" depart="${trip.depart.toFixed(2)}" from="${sumoEdgeId(trip.from)}" to="${sumoEdgeId(trip.to)}" departLane="best" departSpeed="max" departPos="random_free" arrivalPos="random"/>`,
    );
  }
  lines.push('</routes>');
  return `${lines.join('\n')}\n`;
}
