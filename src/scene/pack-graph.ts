/** The pack's road graph (graph.json) and each edge's road class and names, fetched and validated once per pack. */
import type { LocalNames } from '../i18n/local-name';
import { roadGraphSchema, type RoadGraphFile, type RoadProperties } from '../protocol/city-pack';
import type { CityPack } from './city-pack-source';

/** The graph with the OSM highway class of every edge. */
export interface PackGraph {
  graph: RoadGraphFile;
  /** Highway class of edge i (from the road feature it lies on). */
  edgeClass: string[];
  /** Name fields of edge i's road (all null for an unnamed road). */
  edgeNames: LocalNames[];
}

const cache = new Map<string, Promise<PackGraph>>();

/** Loads the graph of a pack; every layer asking for the same pack shares one fetch. */
export function fetchPackGraph(pack: CityPack): Promise<PackGraph> {
  let pending = cache.get(pack.baseUrl);
  if (!pending) {
    pending = (async () => {
      const response = await fetch(pack.baseUrl + pack.manifest.files.graph);
      if (!response.ok) throw new Error(`${pack.manifest.files.graph}: HTTP ${response.status}`);
      const graph = roadGraphSchema.parse(await response.json());
      // Indexed as written: edges.road counts every feature, so no feature may be filtered out first.
      const roadsResponse = await fetch(pack.baseUrl + pack.manifest.files.roads);
      if (!roadsResponse.ok) throw new Error(`${pack.manifest.files.roads}: HTTP ${roadsResponse.status}`);
      const roads = ((await roadsResponse.json()) as { features?: { properties?: Partial<RoadProperties> }[] }).features ?? [];
      const names = (road: number): LocalNames => {
        const p = roads[road]?.properties;
        return { name: p?.name ?? null, name_zh: p?.name_zh ?? null, name_en: p?.name_en ?? null };
      };
      return { graph, edgeClass: graph.edges.road.map((road) => roads[road]?.properties?.class ?? 'unknown'), edgeNames: graph.edges.road.map(names) };
    })();
    // A failed fetch is not cached: the next scene tries again.
    pending.catch(() => cache.delete(pack.baseUrl));
    cache.set(pack.baseUrl, pending);
  }
  return pending;
}
