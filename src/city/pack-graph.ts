/** A pack's road graph with the road class and names of every edge, from graph.json and roads.geojson (engine-free). */
import type { RoadGraphFile, RoadProperties, RoadsFile } from '../protocol/city-pack';

/** The name fields of a road (all null for an unnamed one). */
export type EdgeNames = Pick<RoadProperties, 'name' | 'name_zh' | 'name_en'>;

/** The graph with the OSM highway class of every edge. */
export interface PackGraph {
  graph: RoadGraphFile;
  /** Highway class of edge i (from the road feature it lies on). */
  edgeClass: string[];
  /** Name fields of edge i's road (all null for an unnamed road). */
  edgeNames: EdgeNames[];
}

const UNNAMED: EdgeNames = { name: null, name_zh: null, name_en: null };

/** Joins each edge to the road feature it lies on; an edge whose road the file lacks is of class 'unknown', unnamed. */
export function packGraphOf(graph: RoadGraphFile, roads: RoadsFile): PackGraph {
  // Indexed as written: edges.road counts every feature, so no feature may be filtered out first.
  const properties = (road: number): RoadProperties | undefined => roads.features[road]?.properties;
  return {
    graph,
    edgeClass: graph.edges.road.map((road) => properties(road)?.class ?? 'unknown'),
    edgeNames: graph.edges.road.map((road) => {
      const p = properties(road);
      return p ? { name: p.name, name_zh: p.name_zh, name_en: p.name_en } : UNNAMED;
    }),
  };
}
