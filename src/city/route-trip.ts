/**
 * Turns one trip on the road graph (edges + entry times) into a SampledTrip: the object form, for the
 * feed bench's routes-as-samples run and as the reference placeRouteTrips (what the browser runs on a
 * whole window) is checked against.
 */
import type { RoadGraphFile } from '../protocol/city-pack.js';
import type { RouteTrip, SampledTrip } from '../protocol/feed.js';
import { metresBetween } from './local-frame.js';

/**
 * Samples every vertex of every edge: within an edge the vehicle moves at constant speed from its
 * entry time to the next edge's entry (or the trip's end), so it reaches each junction exactly when
 * the simulator says it entered the next edge.
 */
export function expandRouteTrip(trip: RouteTrip, graph: Pick<RoadGraphFile, 'edges' | 'shape'>): SampledTrip {
  const times: number[] = [];
  const coords: number[] = [];
  const push = (t: number, lon: number, lat: number): void => {
    // A zero-length stay (two entries at one instant) adds no sample: times must increase.
    if (times.length > 0 && t <= times[times.length - 1]!) return;
    times.push(t);
    coords.push(lon, lat);
  };
  trip.edges.forEach((edge, i) => {
    const start = graph.edges.shapeStart[edge];
    const count = graph.edges.shapeCount[edge];
    if (start === undefined || count === undefined) throw new Error(`trip ${trip.id} names edge ${edge}, which the graph does not have`);
    const t0 = trip.enter[i]!;
    const t1 = trip.enter[i + 1] ?? trip.end;
    const cumulative = [0];
    for (let k = 1; k < count; k++) {
      cumulative.push(cumulative[k - 1]! + metresBetween(graph.shape.lon[start + k - 1]!, graph.shape.lat[start + k - 1]!, graph.shape.lon[start + k]!, graph.shape.lat[start + k]!));
    }
    const length = cumulative[count - 1]! || 1;
    for (let k = i === 0 ? 0 : 1; k < count; k++) push(Math.round(t0 + ((t1 - t0) * cumulative[k]!) / length), graph.shape.lon[start + k]!, graph.shape.lat[start + k]!);
  });
  if (times.length < 2) {
    // A trip shorter than a millisecond still needs two samples to be drawn.
    const lon = coords[0] ?? graph.shape.lon[graph.edges.shapeStart[trip.edges[0]!]!]!;
    const lat = coords[1] ?? graph.shape.lat[graph.edges.shapeStart[trip.edges[0]!]!]!;
    return { id: trip.id, category: trip.category, times: [trip.enter[0]!, Math.max(trip.end, trip.enter[0]! + 1)], coords: [lon, lat, lon, lat] };
  }
  return { id: trip.id, category: trip.category, times, coords };
}
