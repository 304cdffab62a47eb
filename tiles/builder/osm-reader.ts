/** Reads an OpenStreetMap XML 0.6 file into memory, strictly: any malformed input is a BuildError. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { BuildError } from './build-error.js';

/** OSM tags of one element. */
export type Tags = Readonly<Record<string, string>>;

/** An OSM way: its node references in order, and its tags. */
export interface OsmWay {
  id: number;
  nodes: number[];
  tags: Tags;
}

/** One member of an OSM relation. */
export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

/** An OSM relation. */
export interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: Tags;
}

/** A tagged OSM node (untagged nodes only live in the coordinate table). */
export interface OsmPoint {
  id: number;
  lon: number;
  lat: number;
  tags: Tags;
}

/** A whole extract in memory. */
export interface OsmDocument {
  /** Node id → [lon, lat]. */
  coords: Map<number, [number, number]>;
  points: OsmPoint[];
  ways: Map<number, OsmWay>;
  relations: Map<number, OsmRelation>;
  /** From <bounds>, else the extent of the nodes; [west, south, east, north]. */
  bounds: [number, number, number, number];
  generator: string;
}

/** Progress callback: bytes read so far out of total. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

function numberAttribute(attributes: Record<string, string>, name: string, element: string, line: number): number {
  const raw = attributes[name];
  const value = raw === undefined ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) {
    throw new BuildError(`line ${line}: <${element}> has no valid ${name}="…"`);
  }
  return value;
}

/** Parses the extract at `path`; rejects with a BuildError whose message is one line. */
export async function readOsm(path: string, onProgress?: ReadProgress): Promise<OsmDocument> {
  let totalBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new BuildError(`'${path}' is not a file`);
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof BuildError) throw error;
    throw new BuildError(`cannot read extract '${path}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (totalBytes === 0) throw new BuildError(`'${path}' is empty`);

  const coords = new Map<number, [number, number]>();
  const points: OsmPoint[] = [];
  const ways = new Map<number, OsmWay>();
  const relations = new Map<number, OsmRelation>();
  let bounds: [number, number, number, number] | null = null;
  let generator = '';
  let rootSeen = false;

  // The element being read, so that <tag>, <nd> and <member> attach to it.
  let tags: Record<string, string> | null = null;
  let current: { kind: 'node'; id: number; lon: number; lat: number } | { kind: 'way'; way: OsmWay } | { kind: 'relation'; relation: OsmRelation } | null = null;

  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    const line = parser.line;
    if (!rootSeen) {
      if (tag.name !== 'osm') throw new BuildError(`'${path}' is not an OpenStreetMap XML file (its root element is <${tag.name}>, not <osm>)`);
      rootSeen = true;
      generator = a.generator ?? '';
      return;
    }
    switch (tag.name) {
      case 'bounds':
        bounds = [
          numberAttribute(a, 'minlon', 'bounds', line),
          numberAttribute(a, 'minlat', 'bounds', line),
          numberAttribute(a, 'maxlon', 'bounds', line),
          numberAttribute(a, 'maxlat', 'bounds', line),
        ];
        break;
      case 'node': {
        const id = numberAttribute(a, 'id', 'node', line);
        const lon = numberAttribute(a, 'lon', 'node', line);
        const lat = numberAttribute(a, 'lat', 'node', line);
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new BuildError(`line ${line}: node ${id} lies outside WGS84 (lon ${lon}, lat ${lat})`);
        coords.set(id, [lon, lat]);
        current = { kind: 'node', id, lon, lat };
        tags = {};
        break;
      }
      case 'way':
        current = { kind: 'way', way: { id: numberAttribute(a, 'id', 'way', line), nodes: [], tags: {} } };
        tags = {};
        break;
      case 'relation':
        current = { kind: 'relation', relation: { id: numberAttribute(a, 'id', 'relation', line), members: [], tags: {} } };
        tags = {};
        break;
      case 'tag':
        if (tags && a.k !== undefined) tags[a.k] = a.v ?? '';
        break;
      case 'nd':
        if (current?.kind === 'way') current.way.nodes.push(numberAttribute(a, 'ref', 'nd', line));
        break;
      case 'member':
        if (current?.kind === 'relation') {
          const type = a.type;
          if (type === 'node' || type === 'way' || type === 'relation') {
            current.relation.members.push({ type, ref: numberAttribute(a, 'ref', 'member', line), role: a.role ?? '' });
          }
        }
        break;
      default:
        break; // changesets, notes and unknown elements carry nothing a pack needs
    }
  });
  parser.on('closetag', (tag) => {
    if (!current || tag.name !== current.kind) return;
    const finished = current;
    const finishedTags = tags ?? {};
    current = null;
    tags = null;
    if (finished.kind === 'node') {
      if (Object.keys(finishedTags).length > 0) points.push({ id: finished.id, lon: finished.lon, lat: finished.lat, tags: finishedTags });
    } else if (finished.kind === 'way') {
      finished.way.tags = finishedTags;
      ways.set(finished.way.id, finished.way);
    } else {
      finished.relation.tags = finishedTags;
      relations.set(finished.relation.id, finished.relation);
    }
  });

  let bytesRead = 0;
  try {
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      bytesRead += Buffer.byteLength(chunk);
      onProgress?.(Math.min(bytesRead, totalBytes), totalBytes);
    }
    parser.close();
  } catch (error) {
    if (error instanceof BuildError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BuildError(`'${path}' is truncated or malformed XML (${message})`);
  }
  if (!rootSeen) throw new BuildError(`'${path}' is not an OpenStreetMap XML file (no <osm> element)`);

  return { coords, points, ways, relations, bounds: bounds ?? extentOf(coords), generator };
}

function extentOf(coords: Map<number, [number, number]>): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of coords.values()) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  if (!Number.isFinite(west)) throw new BuildError('the extract holds no nodes');
  return [west, south, east, north];
}
