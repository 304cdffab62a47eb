/** Builds a city pack from an OpenStreetMap XML extract: the whole pipeline, stage by stage. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { largestComponentShare } from '../../src/city/road-graph.js';
import { isTimeZone, zoneForLongitude } from '../../src/city/time-zone.js';
import { CITY_PACK_FORMAT, type CityManifest, type LocalizedName } from '../../src/protocol/city-pack.js';
import { writePackAtomically, type PackFiles } from './atomic-output.js';
import { BuildError } from './build-error.js';
import { extractBuildings } from './buildings.js';
import { createLocalFrame } from '../../src/city/local-frame.js';
import { extractGround } from './ground.js';
import { namesOf } from './names.js';
import type { AreaWarnings } from './osm-areas.js';
import { readOsm, type OsmDocument } from './osm-reader.js';
import { extractPlaces } from './places.js';
import type { Progress } from './progress.js';
import { buildRoadGraph, extractRoads, roadKilometres } from './roads.js';
import { createStreetIndex } from './street-index.js';
import { buildQuadtree, countLeaves, writeTileset } from './tileset.js';
import { findViews } from './views.js';
import { FILE_ID_RULE, isFileId } from '../../src/protocol/ids.js';

/** What to build. */
export interface BuildOptions {
  source: string;
  id: string;
  /** Folder that holds packs; the pack goes to `<outRoot>/<id>`. */
  outRoot: string;
  name?: Partial<LocalizedName>;
  /** IANA time zone of the city; default a fixed-offset zone from its longitude. */
  timeZone?: string;
  /** Datum the source is in, if not WGS84; recorded in the manifest, never applied. */
  sourceDatum?: string;
  maxBuildingsPerTile?: number;
  /** Build time to record; defaults to now. */
  builtAt?: Date;
  progress: Progress;
}

/** What a build produced, for the summary line. */
export interface BuildSummary {
  manifest: CityManifest;
  bytes: number;
  seconds: number;
  warnings: AreaWarnings;
}

const PLACE_RANK = ['city', 'town', 'borough', 'suburb', 'quarter', 'neighbourhood', 'locality'];

function displayName(doc: OsmDocument, id: string, given: Partial<LocalizedName> | undefined): LocalizedName {
  const place = doc.points
    .filter((p) => PLACE_RANK.includes(p.tags.place ?? '') && p.tags.name)
    .sort((a, b) => PLACE_RANK.indexOf(a.tags.place!) - PLACE_RANK.indexOf(b.tags.place!) || a.id - b.id)[0];
  const names = place ? namesOf(place.tags, { zh: id, en: id }) : { zh: null, en: null };
  return { zh: given?.zh ?? names.zh ?? id, en: given?.en ?? names.en ?? id };
}

const json = (value: unknown): string => `${JSON.stringify(value)}\n`;
const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
};

/** Runs every stage and writes the pack atomically; throws BuildError on bad input. */
export async function buildCity(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { progress } = options;
  if (!isFileId(options.id)) throw new BuildError(`city id '${options.id}' must be ${FILE_ID_RULE}`);
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) throw new BuildError(`'${options.timeZone}' is not an IANA time zone (e.g. Asia/Shanghai)`);

  progress.stage('read', 100);
  const doc = await readOsm(options.source, (done, total) => progress.update(Math.round((done / total) * 100)));
  const sourceBytes = await readFile(options.source);
  const sha256 = createHash('sha256').update(sourceBytes).digest('hex');
  const [west, south, east, north] = doc.bounds;
  const frame = createLocalFrame((west + east) / 2, (south + north) / 2);
  const warnings: AreaWarnings = { missingNodes: 0, unclosedRings: 0 };

  // Roads first: buildings and places known only by a category are told apart by their street.
  progress.stage('roads', 2);
  const roads = extractRoads(doc);
  progress.update(1);
  const graph = buildRoadGraph(doc, roads.features, roads.nodeIds);
  progress.update(2);
  const streetAt = createStreetIndex(roads.features, frame);

  progress.stage('buildings', 1);
  const buildings = extractBuildings(doc, frame, warnings, streetAt);
  if (buildings.length === 0) throw new BuildError(`'${options.source}' holds no buildings; a city pack needs at least one`);
  progress.update(1);

  progress.stage('ground', 2);
  const ground = extractGround(doc, warnings);
  progress.update(1);
  const places = extractPlaces(doc, frame, warnings, streetAt);
  progress.update(2);

  const root = buildQuadtree(buildings, options.maxBuildingsPerTile ?? 150);
  progress.stage('tiles', countLeaves(root));
  const tiles = await writeTileset(root, frame, (done) => progress.update(done));

  const views = findViews(
    doc.bounds,
    frame,
    buildings,
    ground,
    places.filter((p) => p.properties.name !== null || p.properties.category === 'park'),
  );
  const files: PackFiles = new Map();
  const manifest: CityManifest = {
    format: CITY_PACK_FORMAT,
    id: options.id,
    name: displayName(doc, options.id, options.name),
    bbox: [west, south, east, north],
    centre: [frame.originLon, frame.originLat],
    timeZone: options.timeZone ?? zoneForLongitude(frame.originLon),
    crs: {
      coordinates: 'EPSG:4326',
      sourceDatum: options.sourceDatum ?? 'WGS84',
      note:
        options.sourceDatum && options.sourceDatum.toUpperCase() !== 'WGS84'
          ? `The source was declared to be in ${options.sourceDatum}; its coordinates were copied unchanged, not shifted to WGS84.`
          : 'OpenStreetMap coordinates are WGS84; no datum shift was applied.',
    },
    defaultView: views[0]!,
    views,
    files: { tileset: 'tileset.json', roads: 'roads.geojson', graph: 'graph.json', ground: 'ground.geojson', places: 'places.geojson' },
    counts: {
      buildings: buildings.length,
      buildingsByUse: countBy(buildings, (b) => b.useClass),
      buildingsByHeightSource: countBy(buildings, (b) => b.heightSource),
      roads: roads.features.length,
      roadKm: Number(roadKilometres(roads.features).toFixed(2)),
      graphNodes: graph.nodes.lon.length,
      graphEdges: graph.edges.from.length,
      graphLargestComponentShare: Number(largestComponentShare(graph).toFixed(4)),
      places: places.length,
      placesByCategory: countBy(places, (p) => p.properties.category),
      water: ground.filter((g) => g.properties.kind === 'water').length,
      green: ground.filter((g) => g.properties.kind === 'green').length,
      tiles: tiles.leaves,
    },
    maxHeight: Math.max(...buildings.map((b) => b.height)),
    source: { file: basename(options.source), sha256, bytes: sourceBytes.byteLength, generator: doc.generator },
    builtAt: (options.builtAt ?? new Date()).toISOString(),
    builder: `sandtable city-pack builder, format ${CITY_PACK_FORMAT}`,
    attribution: { text: '© OpenStreetMap contributors', licence: 'ODbL 1.0', url: 'https://www.openstreetmap.org/copyright' },
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('tileset.json', `${JSON.stringify(tiles.tileset, null, 1)}\n`);
  for (const tile of tiles.files) files.set(tile.path, tile.bytes);
  files.set('roads.geojson', json({ type: 'FeatureCollection', features: roads.features }));
  files.set('graph.json', json(graph));
  files.set('ground.geojson', json({ type: 'FeatureCollection', features: ground }));
  files.set('places.geojson', json({ type: 'FeatureCollection', features: places }));

  progress.stage('write', 1);
  const bytes = await writePackAtomically(join(options.outRoot, options.id), files);
  progress.update(1);
  progress.end();
  return { manifest, bytes, seconds: (performance.now() - started) / 1000, warnings };
}
