/** What the traffic pipeline reads of a city pack: the server's view of it plus each road's class and name. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createLocalFrame } from '../../src/city/local-frame.js';
import { loadCityPack, type CityPack } from '../city/city-pack.js';

/** The few road properties the network conversion needs. */
export interface RoadInfo {
  class: string;
  name: string | null;
}

/** A city pack with its roads, as the traffic pipeline uses it. */
export interface TrafficCity extends CityPack {
  id: string;
  roads: RoadInfo[];
}

const roadsSchema = z.object({
  features: z.array(z.object({ properties: z.object({ class: z.string(), name: z.string().nullable() }) })),
});

/** Reads tiles/<id>/ (manifest, places, graph, roads). */
export async function loadTrafficCity(tilesDir: string, id: string): Promise<TrafficCity> {
  const pack = await loadCityPack(tilesDir, id);
  const path = join(tilesDir, id, pack.manifest.files.roads);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read '${path}': ${(error as Error).message}`, { cause: error });
  }
  const roads = roadsSchema.parse(raw).features.map((f) => ({ class: f.properties.class, name: f.properties.name }));
  return { ...pack, id, roads };
}

/** Local metres east/north of the city's centre: the city's one local frame (src/city/local-frame.ts). */
export function localProjection(centreLon: number, centreLat: number): (lon: number, lat: number) => [number, number] {
  return createLocalFrame(centreLon, centreLat).toLocal;
}
