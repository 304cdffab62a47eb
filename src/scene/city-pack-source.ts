/** Fetches and validates a city pack's manifest and GeoJSON layers from the server. */
import { manifestSchema, type CityManifest } from '../protocol/city-pack';
import { publicConfigSchema, type PublicConfig } from '../protocol/events';

/** A loaded pack: its manifest and where its files live. */
export interface CityPack {
  id: string;
  manifest: CityManifest;
  /** URL of the pack folder, ending in a slash. */
  baseUrl: string;
}

/** A GeoJSON feature with the geometry kinds packs use. */
export interface PackFeature<P> {
  type: 'Feature';
  geometry:
    | { type: 'Point'; coordinates: [number, number] }
    | { type: 'LineString'; coordinates: [number, number][] }
    | { type: 'Polygon'; coordinates: [number, number][][] }
    | { type: 'MultiPolygon'; coordinates: [number, number][][][] };
  properties: P;
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The server's public config (default city, pack list). */
export async function fetchPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return publicConfigSchema.parse(await fetchJson('/api/config', signal));
}

/** Loads and validates the manifest of a pack. */
export async function fetchCityPack(id: string, signal?: AbortSignal): Promise<CityPack> {
  const baseUrl = `/tiles/${encodeURIComponent(id)}/`;
  const manifest = manifestSchema.parse(await fetchJson(`${baseUrl}manifest.json`, signal));
  return { id, manifest, baseUrl };
}

/** Loads a FeatureCollection of a pack; keeps only features with a geometry (a bad one is dropped, not fatal). */
export async function fetchPackFeatures<P>(pack: CityPack, file: string, signal?: AbortSignal): Promise<PackFeature<P>[]> {
  const body = (await fetchJson(pack.baseUrl + file, signal)) as { type?: string; features?: unknown };
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) throw new Error(`${file}: not a FeatureCollection`);
  return (body.features as PackFeature<P>[]).filter(
    (f) => f && typeof f === 'object' && f.geometry && Array.isArray(f.geometry.coordinates) && f.properties,
  );
}
