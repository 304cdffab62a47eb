/** Loads a city pack from disk for the server, validating every file against the pack schemas. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { manifestSchema, placePropertiesSchema, roadGraphSchema, type CityManifest, type PlaceProperties, type RoadGraphFile } from '../../src/protocol/city-pack.js';

/** A place as the server uses it. */
export interface Place {
  lon: number;
  lat: number;
  properties: PlaceProperties;
}

/** What the server reads of a pack. */
export interface CityPack {
  manifest: CityManifest;
  places: Place[];
  graph: RoadGraphFile;
}

const placesSchema = z.object({
  features: z.array(z.object({ geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }), properties: placePropertiesSchema })),
});

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read '${path}': ${(error as Error).message}`, { cause: error });
  }
}

/** Reads tiles/<id>/: manifest, places and road graph. */
export async function loadCityPack(tilesDir: string, id: string): Promise<CityPack> {
  const dir = join(tilesDir, id);
  const manifest = manifestSchema.parse(await readJson(join(dir, 'manifest.json')));
  const places = placesSchema.parse(await readJson(join(dir, manifest.files.places)));
  const graph = roadGraphSchema.parse(await readJson(join(dir, manifest.files.graph)));
  return {
    manifest,
    places: places.features.map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], properties: f.properties })),
    graph,
  };
}
