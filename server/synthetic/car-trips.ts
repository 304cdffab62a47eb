/**
 * Synthetic car trips on the city's real road graph: departures follow a weekday traffic-count
 * shape (morning and evening peaks, night trough); destinations lean towards the city's places
 * (car parks, malls, schools, hospitals, offices of government); each car takes the fastest path
 * and drives it at the free-flow speed scaled down in the peaks. A stand-in for the SUMO traffic
 * twin, whose recordings replace it with the same trip fields.
 */
import { createRoutingGraph, shortestPath } from '../../src/city/shortest-path.js';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import type { FeedEvent, TripCategory } from '../../src/protocol/feed.js';
import type { Place } from '../city/city-pack.js';
import type { SeededRandom } from './seeded-random.js';

/** Share of a day's trips starting in each local hour (weekday urban traffic-count shape), per cent. */
export const HOURLY_TRIP_PROFILE = [0.8, 0.5, 0.3, 0.3, 0.5, 1.2, 3.5, 7.5, 8.5, 6.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.5, 6.5, 8.5, 8.0, 5.5, 4.0, 3.0, 2.0, 1.4];
/** Speed as a share of free flow, per local hour (slower in the peaks). */
export const HOURLY_SPEED_FACTOR = [0.9, 0.9, 0.9, 0.9, 0.9, 0.85, 0.7, 0.5, 0.45, 0.6, 0.7, 0.7, 0.7, 0.7, 0.7, 0.65, 0.55, 0.45, 0.5, 0.65, 0.75, 0.8, 0.85, 0.9];

const PLACE_PULL: Record<string, number> = { parking: 3, mall: 3, school: 2, hospital: 2, government: 1.5, library: 1, park: 1 };
const HOUR = 3_600_000;

function nearestNode(graph: RoadGraphFile, lon: number, lat: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let n = 0; n < graph.nodes.lon.length; n++) {
    const d = (graph.nodes.lon[n]! - lon) ** 2 + (graph.nodes.lat[n]! - lat) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = n;
    }
  }
  return best;
}

/** Trip events for `perDay` trips a day over [startMs, endMs). */
export function generateCarTrips(random: SeededRandom, graph: RoadGraphFile, places: Place[], startMs: number, endMs: number, perDay: number, utcOffsetHours: number): FeedEvent[] {
  const routing = createRoutingGraph(graph.nodes.lon.length, graph.edges.from, graph.edges.to);
  const attractors = places.filter((p) => PLACE_PULL[p.properties.category]).map((p) => ({ node: nearestNode(graph, p.lon, p.lat), weight: PLACE_PULL[p.properties.category]! }));
  const attractorWeights = attractors.map((a) => a.weight);
  const events: FeedEvent[] = [];
  let serial = 0;
  for (let hourStart = startMs; hourStart < endMs; hourStart += HOUR) {
    const localHour = new Date(hourStart + utcOffsetHours * HOUR).getUTCHours();
    const expected = (perDay * HOURLY_TRIP_PROFILE[localHour]!) / 100;
    const speedFactor = HOURLY_SPEED_FACTOR[localHour]!;
    for (let t = hourStart + random.exponential(HOUR / expected); t < hourStart + HOUR && t < endMs; t += random.exponential(HOUR / expected)) {
      const origin = random.int(routing.nodeCount);
      const destination = attractors.length > 0 && random.next() < 0.5 ? attractors[random.weighted(attractorWeights)]!.node : random.int(routing.nodeCount);
      const path = origin === destination ? null : shortestPath(routing, origin, destination, (e) => graph.edges.freeFlowS[e]!);
      if (!path || path.edges.length === 0) continue;
      const times: number[] = [];
      const coords: number[] = [];
      let clock = Math.round(t);
      for (const edge of path.edges) {
        const start = graph.edges.shapeStart[edge]!;
        const count = graph.edges.shapeCount[edge]!;
        const seconds = graph.edges.freeFlowS[edge]! / speedFactor;
        const lengths = [0];
        for (let k = 1; k < count; k++) {
          const dx = (graph.shape.lon[start + k]! - graph.shape.lon[start + k - 1]!) * Math.cos((graph.shape.lat[start]! * Math.PI) / 180);
          const dy = graph.shape.lat[start + k]! - graph.shape.lat[start + k - 1]!;
          lengths.push(lengths[k - 1]! + Math.hypot(dx, dy));
        }
        const total = lengths[count - 1]! || 1;
        for (let k = times.length === 0 ? 0 : 1; k < count; k++) {
          const at = clock + Math.round((lengths[k]! / total) * seconds * 1000);
          if (times.length > 0 && at <= times[times.length - 1]!) continue;
          times.push(at);
          coords.push(Number(graph.shape.lon[start + k]!.toFixed(6)), Number(graph.shape.lat[start + k]!.toFixed(6)));
        }
        clock += Math.round(seconds * 1000);
      }
      if (times.length < 2) continue;
      serial++;
      const category: TripCategory = random.next() < 0.12 ? 'taxi' : random.next() < 0.06 ? 'delivery' : 'car';
      events.push({ op: 'trip', t: times[0]!, trip: { id: `car-${serial}`, category, times, coords } });
    }
  }
  return events;
}
