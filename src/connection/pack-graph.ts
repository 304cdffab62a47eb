/** The pack's road graph (graph.json) and each edge's road class and names (roads.geojson), fetched and validated once per pack. */
import { packGraphOf, type PackGraph } from '../city/pack-graph';
import { roadGraphSchema, roadsFileSchema, type CityManifest } from '../protocol/city-pack';

export type { PackGraph } from '../city/pack-graph';

/** Where a pack's files are: its folder URL and its manifest's file names. */
export interface PackLocation {
  baseUrl: string;
  manifest: Pick<CityManifest, 'files'>;
}

const cache = new Map<string, Promise<PackGraph>>();

async function fetchValidated<T>(url: string, file: string, schema: { parse(data: unknown): T }): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  try {
    return schema.parse(await response.json());
  } catch (error) {
    throw new Error(`${file} is not a valid pack file: ${(error as Error).message}`, { cause: error });
  }
}

/** Loads the graph of a pack; every layer and surface asking for the same pack shares one fetch. */
export function fetchPackGraph(pack: PackLocation): Promise<PackGraph> {
  let pending = cache.get(pack.baseUrl);
  if (!pending) {
    const { graph, roads } = pack.manifest.files;
    pending = Promise.all([fetchValidated(pack.baseUrl + graph, graph, roadGraphSchema), fetchValidated(pack.baseUrl + roads, roads, roadsFileSchema)]).then(([file, roadsFile]) =>
      packGraphOf(file, roadsFile),
    );
    // A failed fetch is not cached: the next scene tries again.
    pending.catch(() => cache.delete(pack.baseUrl));
    cache.set(pack.baseUrl, pending);
  }
  return pending;
}
