/** Along-road distances of every edge of a road graph, computed once per graph object. */
import type { RoadGraphFile } from '../protocol/city-pack';
import { metresBetween } from './local-frame';

/** Distance from each edge's first vertex to each of its vertices (m). */
export interface EdgeLengths {
  /** Vertex k of edge e is at `along[base[e] + k]`; the edge's length is its last vertex's. */
  base: Uint32Array;
  along: Float64Array;
}

const byGraph = new WeakMap<object, EdgeLengths>();

/** The along-road distances of `graph`'s edges, cached per graph object (a pack's graph is loaded once). */
export function edgeLengths(graph: Pick<RoadGraphFile, 'edges' | 'shape'>): EdgeLengths {
  const cached = byGraph.get(graph);
  if (cached) return cached;
  const { shapeStart, shapeCount } = graph.edges;
  const { lon, lat } = graph.shape;
  const base = new Uint32Array(shapeStart.length);
  let total = 0;
  for (let e = 0; e < shapeStart.length; e++) {
    base[e] = total;
    total += shapeCount[e]!;
  }
  const along = new Float64Array(total);
  for (let e = 0; e < shapeStart.length; e++) {
    const start = shapeStart[e]!;
    for (let k = 1; k < shapeCount[e]!; k++) along[base[e]! + k] = along[base[e]! + k - 1]! + metresBetween(lon[start + k - 1]!, lat[start + k - 1]!, lon[start + k]!, lat[start + k]!);
  }
  const lengths = { base, along };
  byGraph.set(graph, lengths);
  return lengths;
}
