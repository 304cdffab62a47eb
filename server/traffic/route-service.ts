/**
 * The smart traffic guide's route service, engine-free: fastest path on the pack graph where each
 * edge costs its current travel time — length over the latest TrafficFlowObserved speed of that edge,
 * its free-flow time where there is none — with the route's free-flow time beside it.
 */
import { METRES_PER_DEGREE } from '../../src/city/local-frame.js';
import { createRoutingGraph, shortestPath, type RoutingGraph } from '../../src/city/shortest-path.js';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import type { TrafficFlowObserved } from '../../src/protocol/entities.js';
import type { RouteReply } from '../../src/protocol/guide.js';

/** Slowest speed (km/h) an observed edge is costed at, so a standing queue is slow but passable. */
export const MIN_SPEED_KPH = 3;
/** How far (m) a point may lie from the nearest junction and still be snapped to it. */
export const MAX_SNAP_M = 800;

/** The graph prepared for routing once. */
export interface RouteGraph {
  graph: Pick<RoadGraphFile, 'nodes' | 'edges' | 'shape'>;
  routing: RoutingGraph;
  /** Nodes with at least one edge (a junction a car can start from or reach). */
  routable: Int32Array;
}

/** Indexes a pack graph for routing. */
export function createRouteGraph(graph: Pick<RoadGraphFile, 'nodes' | 'edges' | 'shape'>): RouteGraph {
  const routing = createRoutingGraph(graph.nodes.lon.length, graph.edges.from, graph.edges.to);
  const touched = new Uint8Array(graph.nodes.lon.length);
  for (let e = 0; e < graph.edges.from.length; e++) touched[graph.edges.from[e]!] = touched[graph.edges.to[e]!] = 1;
  const routable: number[] = [];
  touched.forEach((t, node) => t && routable.push(node));
  return { graph, routing, routable: Int32Array.from(routable) };
}

/** Current travel time (s) of every edge from the latest observation of each (by dateObserved). */
export function edgeTravelTimes(graph: Pick<RoadGraphFile, 'edges'>, flows: Iterable<TrafficFlowObserved>): Float64Array {
  const count = graph.edges.from.length;
  const times = Float64Array.from(graph.edges.freeFlowS);
  const seen = new Array<string | undefined>(count);
  for (const flow of flows) {
    const match = /^g(\d+)$/.exec(flow.refRoadSegment) ?? /:g(\d+)$/.exec(flow.id);
    if (!match || flow.averageVehicleSpeed === undefined) continue;
    const edge = Number(match[1]);
    if (edge >= count) continue;
    if (seen[edge] !== undefined && seen[edge]! > flow.dateObserved) continue;
    seen[edge] = flow.dateObserved;
    // Never faster than free flow: a sparse sample of a few fast cars does not shorten the road.
    const observed = graph.edges.lengthM[edge]! / (Math.max(MIN_SPEED_KPH, flow.averageVehicleSpeed) / 3.6);
    times[edge] = Math.max(graph.edges.freeFlowS[edge]!, observed);
  }
  return times;
}

/** The routable node nearest to a point and its distance (m). */
export function snapToNode(route: RouteGraph, lon: number, lat: number): { node: number; distanceM: number } {
  const { lon: lons, lat: lats } = route.graph.nodes;
  const kx = Math.cos((lat * Math.PI) / 180);
  let best = -1;
  let bestD = Infinity;
  for (const node of route.routable) {
    const d = Math.hypot((lons[node]! - lon) * kx, lats[node]! - lat);
    if (d < bestD) {
      bestD = d;
      best = node;
    }
  }
  return { node: best, distanceM: bestD * METRES_PER_DEGREE };
}

/** The fastest route between two points under `travelS` (seconds per edge), or an error to show. */
export function planRoute(route: RouteGraph, travelS: Float64Array, from: [number, number], to: [number, number], t: number): RouteReply {
  if (route.routable.length === 0) return { ok: false, error: 'the city has no roads to route on' };
  const start = snapToNode(route, from[0], from[1]);
  const end = snapToNode(route, to[0], to[1]);
  if (start.distanceM > MAX_SNAP_M) return { ok: false, error: `the start is ${Math.round(start.distanceM)} m from the nearest road junction (at most ${MAX_SNAP_M} m)` };
  if (end.distanceM > MAX_SNAP_M) return { ok: false, error: `the destination is ${Math.round(end.distanceM)} m from the nearest road junction (at most ${MAX_SNAP_M} m)` };
  if (start.node === end.node) return { ok: false, error: 'start and destination are at the same junction' };
  const path = shortestPath(route.routing, start.node, end.node, (edge) => travelS[edge]!);
  if (!path) return { ok: false, error: 'the destination cannot be reached by road from the start' };
  const { edges, shape } = route.graph;
  const coordinates: [number, number][] = [];
  let lengthM = 0;
  let freeFlowS = 0;
  for (const edge of path.edges) {
    lengthM += edges.lengthM[edge]!;
    freeFlowS += edges.freeFlowS[edge]!;
    const first = edges.shapeStart[edge]!;
    for (let k = coordinates.length === 0 ? 0 : 1; k < edges.shapeCount[edge]!; k++) coordinates.push([shape.lon[first + k]!, shape.lat[first + k]!]);
  }
  return { ok: true, t, fromNode: start.node, toNode: end.node, edges: path.edges, coordinates, lengthM, travelS: path.cost, freeFlowS };
}
