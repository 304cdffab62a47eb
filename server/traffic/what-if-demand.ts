/** A what-if's trips: the baseline's trips in the window, scaled, moved off closed roads, plus event trips. */
import { SeededRandom } from '../synthetic/seeded-random.js';
import type { EdgeActivity } from './activity-points.js';
import { vehicleCategory, type DemandTrip } from './demand.js';
import { localProjection } from './traffic-city.js';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';

/** Edge midpoints in local metres, for nearest-edge look-ups. */
export function edgeMidpoints(graph: Pick<RoadGraphFile, 'edges' | 'shape'>, centre: [number, number]): [number, number][] {
  const project = localProjection(centre[0], centre[1]);
  return graph.edges.from.map((_, e) => {
    const mid = graph.edges.shapeStart[e]! + (graph.edges.shapeCount[e]! >> 1);
    return project(graph.shape.lon[mid]!, graph.shape.lat[mid]!);
  });
}

/** The `count` candidate edges nearest to a point (local metres), leaving out `excluded` ones (closed roads). */
export function nearestCandidates(activity: EdgeActivity, midpoints: [number, number][], x: number, y: number, count: number, excluded: ReadonlySet<number> = new Set()): number[] {
  return activity.edges
    .filter((edge) => !excluded.has(edge))
    .map((edge) => ({ edge, d: (midpoints[edge]![0] - x) ** 2 + (midpoints[edge]![1] - y) ** 2 }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((c) => c.edge);
}

/**
 * Scales a list of trips: below 1 each trip stays with probability `scale`; above 1 every trip
 * stays and a share `scale − 1` gets a twin leaving within five minutes of it, between the same places.
 */
export function scaleTrips(trips: DemandTrip[], scale: number, seed: number): DemandTrip[] {
  const random = new SeededRandom(seed);
  const out: DemandTrip[] = [];
  for (const trip of trips) {
    const r = random.next();
    const jitter = (random.next() - 0.5) * 600;
    if (scale < 1) {
      if (r < scale) out.push(trip);
      continue;
    }
    out.push(trip);
    let extra = scale - 1;
    for (let copy = 1; extra > 0; copy++, extra -= 1) {
      if (extra >= 1 || r < extra) out.push({ ...trip, id: `${trip.id}x${copy}`, depart: Math.max(0, Math.round(trip.depart + jitter * copy)) });
    }
  }
  return out.sort((a, b) => a.depart - b.depart || (a.id < b.id ? -1 : 1));
}

/** Moves trip ends that lie on closed edges to the nearest open candidate edge (the driver parks round the corner). */
export function moveOffClosures(trips: DemandTrip[], closed: ReadonlySet<number>, activity: EdgeActivity, midpoints: [number, number][]): DemandTrip[] {
  if (closed.size === 0) return trips;
  const replacement = new Map<number, number>();
  const open = (edge: number): number => {
    if (!closed.has(edge)) return edge;
    if (!replacement.has(edge)) replacement.set(edge, nearestCandidates(activity, midpoints, midpoints[edge]![0], midpoints[edge]![1], 1, closed)[0]!);
    return replacement.get(edge)!;
  };
  return trips.map((trip) => ({ ...trip, from: open(trip.from), to: open(trip.to) })).filter((trip) => trip.from !== trip.to);
}

/** Extra trips to an event: departures spread evenly over [startS, endS), from homes and workplaces, to the few edges around the venue. */
export function eventTrips(activity: EdgeActivity, venueEdges: number[], count: number, startS: number, endS: number, seed: number, prefix: string): DemandTrip[] {
  const random = new SeededRandom(seed);
  const weights = activity.edges.map((_, i) => activity.weights.home[i]! + activity.weights.work[i]!);
  const trips: DemandTrip[] = [];
  for (let k = 0; k < count; k++) {
    const depart = Math.floor(startS + random.next() * (endS - startS));
    const from = activity.edges[random.weighted(weights)]!;
    const to = venueEdges[random.int(venueEdges.length)]!;
    const category = vehicleCategory(random, Math.floor(depart / 3600) % 24);
    if (from !== to) trips.push({ id: `${prefix}-${k + 1}`, depart, from, to, category, purpose: 'errand' });
  }
  return trips;
}
