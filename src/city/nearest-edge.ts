/** The road graph edge nearest a point (engine-free): distance to each edge's polyline in local metres. */
import { METRES_PER_DEGREE } from './local-frame';
import type { RoadGraphFile } from '../protocol/city-pack';

/** Distance (m) from a point to segment a–b, all in local metres. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const f = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + f * dx), py - (ay + f * dy));
}

/** Distance (m) from lon/lat to the polyline of `edge`. */
export function edgeDistance(graph: Pick<RoadGraphFile, 'edges' | 'shape'>, edge: number, lon: number, lat: number): number {
  const kx = Math.cos((lat * Math.PI) / 180) * METRES_PER_DEGREE;
  const first = graph.edges.shapeStart[edge]!;
  const { lon: lons, lat: lats } = graph.shape;
  let best = Infinity;
  for (let k = first; k + 1 < first + graph.edges.shapeCount[edge]!; k++) {
    best = Math.min(best, segmentDistance(0, 0, (lons[k]! - lon) * kx, (lats[k]! - lat) * METRES_PER_DEGREE, (lons[k + 1]! - lon) * kx, (lats[k + 1]! - lat) * METRES_PER_DEGREE));
  }
  return best;
}

/** The nearest edge within `maxM` metres of lon/lat and its distance, or null. */
export function nearestEdge(graph: Pick<RoadGraphFile, 'edges' | 'shape'>, lon: number, lat: number, maxM = 60): { edge: number; distanceM: number } | null {
  let best = -1;
  let bestD = maxM;
  for (let edge = 0; edge < graph.edges.shapeStart.length; edge++) {
    const d = edgeDistance(graph, edge, lon, lat);
    if (d < bestD) {
      bestD = d;
      best = edge;
    }
  }
  return best < 0 ? null : { edge: best, distanceM: bestD };
}

/** The edge running the other way between the same two junctions (the other carriageway of a two-way road), or null. */
export function reverseEdge(graph: Pick<RoadGraphFile, 'edges'>, edge: number): number | null {
  const { from, to } = graph.edges;
  for (let other = 0; other < from.length; other++) if (other !== edge && from[other] === to[edge] && to[other] === from[edge]) return other;
  return null;
}

/** The polyline of an edge as [lon, lat] points. */
export function edgeLine(graph: Pick<RoadGraphFile, 'edges' | 'shape'>, edge: number): [number, number][] {
  const first = graph.edges.shapeStart[edge]!;
  const line: [number, number][] = [];
  for (let k = first; k < first + graph.edges.shapeCount[edge]!; k++) line.push([graph.shape.lon[k]!, graph.shape.lat[k]!]);
  return line;
}
