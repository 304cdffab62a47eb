/** Fetches a city pack's manifest and GeoJSON layers from the server, validated on arrival. */
import { z } from 'zod';
import { groundPropertiesSchema, manifestSchema, placePropertiesSchema, roadPropertiesSchema, type CityManifest } from '../protocol/city-pack';
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

const position = z.tuple([z.number(), z.number()]);
/** The geometry kinds packs use. */
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);
/** Each feature file of a pack, by its name in the manifest, with the schema of its properties. */
const FEATURE_PROPERTIES = { roads: roadPropertiesSchema, ground: groundPropertiesSchema, places: placePropertiesSchema } as const;
const featureCollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** Loads a FeatureCollection of a pack (roads, ground or places) and validates each feature with its file's schema; a bad one is dropped, not fatal. */
export async function fetchPackFeatures<P>(pack: CityPack, file: string, signal?: AbortSignal): Promise<PackFeature<P>[]> {
  const kind = (Object.keys(FEATURE_PROPERTIES) as (keyof typeof FEATURE_PROPERTIES)[]).find((key) => pack.manifest.files[key] === file);
  if (!kind) throw new Error(`${file}: not a feature file of the pack`);
  const body = featureCollectionSchema.safeParse(await fetchJson(pack.baseUrl + file, signal));
  if (!body.success) throw new Error(`${file}: not a FeatureCollection`);
  const feature = z.object({ type: z.literal('Feature'), geometry: geometrySchema, properties: FEATURE_PROPERTIES[kind] });
  // The features as they came (the schema only vouches for them), so no property is stripped.
  return body.data.features.filter((f) => feature.safeParse(f).success) as PackFeature<P>[];
}
