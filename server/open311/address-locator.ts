/**
 * Where an Open311 `address_string` lies, from the city pack alone (no geocoder, offline): the pack's
 * named places and streets are looked for in the address. The longest name found wins — a longer
 * name is the more specific one — and two streets that meet count as their crossing; a place beats
 * a crossing, a crossing a street when they tie. A street is placed at its middle edge.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import type { CityPack } from '../city/city-pack.js';

/** [longitude, latitude], WGS84. */
export type LonLat = [number, number];

/** Finds the point an address names, or null when it names nothing the pack knows. */
export type AddressLocator = (address: string) => LonLat | null;

/** The names of a pack feature as its files carry them; a name made up from the category is no name. */
export interface FeatureNames {
  name: string | null;
  name_zh: string | null;
  name_en: string | null;
  name_zh_source: string | null;
  name_en_source: string | null;
}

/** A single character ("路", "St") names nothing. */
const MIN_NAME_CHARACTERS = 2;
const ASCII_WORD = /[a-z0-9]/;

/** Case, width and spacing folded, as names and addresses are compared. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function namesOf(names: FeatureNames): string[] {
  const all = [names.name, names.name_zh_source === 'category' ? null : names.name_zh, names.name_en_source === 'category' ? null : names.name_en];
  return [...new Set(all.filter((n): n is string => !!n).map(normaliseName))].filter((n) => [...n].length >= MIN_NAME_CHARACTERS);
}

/** Whether `name` occurs in `address` as a whole word where it is Latin ("Row 1 Road" is not in "Row 10 Road"). */
function occursIn(address: string, name: string): boolean {
  for (let at = address.indexOf(name); at >= 0; at = address.indexOf(name, at + 1)) {
    const joinsBefore = ASCII_WORD.test(address[at - 1] ?? '') && ASCII_WORD.test(name[0]!);
    const joinsAfter = ASCII_WORD.test(address[at + name.length] ?? '') && ASCII_WORD.test(name.at(-1)!);
    if (!joinsBefore && !joinsAfter) return true;
  }
  return false;
}

/** The longest of `names` found in the address, in characters; 0 when none is. */
function matchLength(address: string, names: string[]): number {
  return Math.max(0, ...names.filter((name) => occursIn(address, name)).map((name) => [...name].length));
}

interface Street {
  names: string[];
  edges: number[];
  nodes: Set<number>;
}

function edgeMiddle(graph: RoadGraphFile, edge: number): LonLat {
  const k = graph.edges.shapeStart[edge]! + (graph.edges.shapeCount[edge]! >> 1);
  return [graph.shape.lon[k]!, graph.shape.lat[k]!];
}

/** The middle of a street: the middle of its edge nearest the mean of its edges' middles. */
function streetMiddle(graph: RoadGraphFile, street: Street): LonLat {
  const middles = street.edges.map((edge) => edgeMiddle(graph, edge));
  const lon = middles.reduce((sum, p) => sum + p[0], 0) / middles.length;
  const lat = middles.reduce((sum, p) => sum + p[1], 0) / middles.length;
  return middles.reduce((best, p) => ((p[0] - lon) ** 2 + (p[1] - lat) ** 2 < (best[0] - lon) ** 2 + (best[1] - lat) ** 2 ? p : best));
}

/** Builds the locator of a pack: its places and graph, and the names of the roads its edges lie on (roads.geojson, in order). */
export function createAddressLocator(pack: Pick<CityPack, 'places' | 'graph'>, roads: FeatureNames[]): AddressLocator {
  const { graph } = pack;
  const places = pack.places.map((place) => ({ names: namesOf(place.properties), at: [place.lon, place.lat] as LonLat })).filter((p) => p.names.length > 0);
  // One street per first name: the OSM ways of a street share it.
  const streets = new Map<string, Street>();
  graph.edges.road.forEach((road, edge) => {
    const names = roads[road] ? namesOf(roads[road]) : [];
    if (names.length === 0) return;
    const street = streets.get(names[0]!) ?? { names: [], edges: [], nodes: new Set<number>() };
    street.names = [...new Set([...street.names, ...names])];
    street.edges.push(edge);
    street.nodes.add(graph.edges.from[edge]!).add(graph.edges.to[edge]!);
    streets.set(names[0]!, street);
  });

  return (address) => {
    const text = normaliseName(address);
    // Rank: characters matched, then place (2) over crossing (1) over street (0).
    let best: { length: number; rank: number; at: () => LonLat } | null = null;
    const consider = (length: number, rank: number, at: () => LonLat) => {
      if (length > 0 && (!best || length > best.length || (length === best.length && rank > best.rank))) best = { length, rank, at };
    };
    for (const place of places) consider(matchLength(text, place.names), 2, () => place.at);
    const named = [...streets.values()].map((street) => ({ street, length: matchLength(text, street.names) })).filter((s) => s.length > 0);
    for (const { street, length } of named) consider(length, 0, () => streetMiddle(graph, street));
    for (let i = 0; i < named.length; i++) {
      for (let j = i + 1; j < named.length; j++) {
        const shared = [...named[i]!.street.nodes].find((node) => named[j]!.street.nodes.has(node));
        if (shared !== undefined) consider(named[i]!.length + named[j]!.length, 1, () => [graph.nodes.lon[shared]!, graph.nodes.lat[shared]!]);
      }
    }
    return best === null ? null : (best as { at: () => LonLat }).at();
  };
}

const namesSchema = z.object({
  name: z.string().nullable(),
  name_zh: z.string().nullable(),
  name_en: z.string().nullable(),
  name_zh_source: z.string().nullable(),
  name_en_source: z.string().nullable(),
});
const roadNamesSchema = z.object({ features: z.array(z.object({ properties: namesSchema })) });

/** Reads the names of a pack's roads (tiles/<id>/roads.geojson) and builds its locator. */
export async function loadAddressLocator(tilesDir: string, pack: Pick<CityPack, 'manifest' | 'places' | 'graph'>): Promise<AddressLocator> {
  const path = join(tilesDir, pack.manifest.id, pack.manifest.files.roads);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the roads of city '${pack.manifest.id}': ${(error as Error).message}`, { cause: error });
  }
  return createAddressLocator(
    pack,
    roadNamesSchema.parse(raw).features.map((f) => f.properties),
  );
}
