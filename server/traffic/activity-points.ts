/**
 * Where trips start and end: weighted activity points (homes, workplaces, schools, shops, services,
 * leisure, car parks) from the pack's places and buildings, snapped to the drivable edges a
 * vehicle can depart from and arrive at.
 */
import type { PlaceCategory } from '../../src/protocol/city-pack.js';
import { stronglyConnectedComponents } from '../../src/city/road-graph.js';
import type { Place } from '../city/city-pack.js';
import { baseClass } from './sumo-network.js';
import { localProjection, type TrafficCity } from './traffic-city.js';

/** What people do at a place, which decides when trips go there. */
export const ACTIVITY_KINDS = ['home', 'work', 'school', 'shop', 'service', 'leisure', 'parking'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A place that draws or sends trips. */
export interface ActivityPoint {
  lon: number;
  lat: number;
  kind: ActivityKind;
  weight: number;
}

/** Weight of one place of each category: roughly the trips a day it draws compared with a home. */
export const PLACE_ACTIVITY: Partial<Record<PlaceCategory, { kind: ActivityKind; weight: number }>> = {
  mall: { kind: 'shop', weight: 400 },
  school: { kind: 'school', weight: 150 },
  hospital: { kind: 'service', weight: 300 },
  government: { kind: 'service', weight: 120 },
  police: { kind: 'service', weight: 30 },
  library: { kind: 'leisure', weight: 40 },
  park: { kind: 'leisure', weight: 40 },
};

/** Activity points of the pack's places; a car park weighs its capacity (a space is a car's destination). */
export function placeActivities(places: Place[]): ActivityPoint[] {
  const points: ActivityPoint[] = [];
  for (const place of places) {
    const category = place.properties.category;
    if (category === 'parking') {
      const capacity = place.properties.capacity ?? 0;
      if (capacity > 0) points.push({ lon: place.lon, lat: place.lat, kind: 'parking', weight: capacity });
      continue;
    }
    const activity = PLACE_ACTIVITY[category];
    if (activity) points.push({ lon: place.lon, lat: place.lat, ...activity });
  }
  return points;
}

/**
 * Background land use read from the roads, so every street can send and receive some trips even
 * where no building is classified: residential streets house people (weight per 100 m), main
 * roads are lined with shops and offices.
 */
export function roadActivities(city: Pick<TrafficCity, 'graph' | 'roads'>): ActivityPoint[] {
  const { graph, roads } = city;
  const points: ActivityPoint[] = [];
  for (let e = 0; e < graph.edges.from.length; e++) {
    const roadClass = baseClass(roads[graph.edges.road[e]!]?.class ?? '');
    const kind: ActivityKind | null = ['residential', 'living_street', 'service', 'unclassified'].includes(roadClass)
      ? 'home'
      : ['primary', 'secondary', 'tertiary'].includes(roadClass)
        ? 'work'
        : null;
    if (!kind) continue;
    const mid = graph.edges.shapeStart[e]! + (graph.edges.shapeCount[e]! >> 1);
    points.push({ lon: graph.shape.lon[mid]!, lat: graph.shape.lat[mid]!, kind, weight: graph.edges.lengthM[e]! / 100 });
  }
  return points;
}

/** Edges trips can start and end on, and each activity point's nearest such edge. */
export interface EdgeActivity {
  /** Candidate edges: in the largest strongly connected part (every other reachable), long enough to depart on, not closed. */
  edges: number[];
  /** Weight of each kind on each candidate edge, parallel to `edges`. */
  weights: Record<ActivityKind, Float64Array>;
  /** Edges entering the extract at its border (through traffic comes in here) and leaving it. */
  entries: number[];
  exits: number[];
}

/** Shortest edge a vehicle is asked to depart from or arrive at, metres. */
export const MIN_TERMINAL_EDGE_M = 20;

/** Snaps activity points to candidate edges (nearest edge midpoint) and finds the border edges. */
export function edgeActivity(city: Pick<TrafficCity, 'graph' | 'roads' | 'manifest'>, points: ActivityPoint[], closed: ReadonlySet<number> = new Set()): EdgeActivity {
  const { graph } = city;
  const { from, to, lengthM } = graph.edges;
  const component = stronglyConnectedComponents(graph.nodes.lon.length, from, to);
  const lengthByComponent = new Map<number, number>();
  for (let e = 0; e < from.length; e++) if (component[from[e]!] === component[to[e]!]) lengthByComponent.set(component[from[e]!]!, (lengthByComponent.get(component[from[e]!]!) ?? 0) + lengthM[e]!);
  const largest = [...lengthByComponent.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
  const edges: number[] = [];
  for (let e = 0; e < from.length; e++) {
    if (closed.has(e) || lengthM[e]! < MIN_TERMINAL_EDGE_M) continue;
    if (component[from[e]!] === largest && component[to[e]!] === largest) edges.push(e);
  }
  if (edges.length === 0) throw new Error('the road graph has no edge long enough to start a trip on');
  const project = localProjection(city.manifest.centre[0], city.manifest.centre[1]);
  const mids = edges.map((e) =>
    project(graph.shape.lon[graph.edges.shapeStart[e]! + (graph.edges.shapeCount[e]! >> 1)]!, graph.shape.lat[graph.edges.shapeStart[e]! + (graph.edges.shapeCount[e]! >> 1)]!),
  );
  const weights = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, new Float64Array(edges.length)])) as Record<ActivityKind, Float64Array>;
  for (const point of points) {
    const [x, y] = project(point.lon, point.lat);
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < mids.length; i++) {
      const d = (mids[i]![0] - x) ** 2 + (mids[i]![1] - y) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    weights[point.kind][best]! += point.weight;
  }
  // Border: the outer 6 % of the graph's extent; only main roads carry through traffic.
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  const nodeXY = graph.nodes.lon.map((lon, n) => project(lon, graph.nodes.lat[n]!));
  for (const [x, y] of nodeXY) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const margin = 0.06 * Math.max(maxX - minX, maxY - minY);
  const onBorder = (n: number): boolean => {
    const [x, y] = nodeXY[n]!;
    return x < minX + margin || x > maxX - margin || y < minY + margin || y > maxY - margin;
  };
  const entries: number[] = [];
  const exits: number[] = [];
  for (const e of edges) {
    const roadClass = baseClass(city.roads[graph.edges.road[e]!]?.class ?? '');
    if (!['motorway', 'trunk', 'primary', 'secondary', 'tertiary'].includes(roadClass)) continue;
    if (onBorder(from[e]!) && !onBorder(to[e]!)) entries.push(e);
    if (onBorder(to[e]!) && !onBorder(from[e]!)) exits.push(e);
  }
  return { edges, weights, entries, exits };
}
