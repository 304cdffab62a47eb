/** Ground layers: water, green areas and the city outline as GeoJSON (RFC 7946 winding). */
import type { GroundProperties } from '../../src/protocol/city-pack.js';
import { orient, type Ring } from './geometry/ring.js';
import { featureTerm } from './name-terms.js';
import { namesOf } from './names.js';
import { collectAreas, type AreaWarnings, type LonLatPolygon } from './osm-areas.js';
import type { OsmDocument, Tags } from './osm-reader.js';

type Position = [number, number];
/** A ground feature: a polygon, several, or a line (a river drawn as a centre line). */
export interface GroundFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: 'LineString'; coordinates: Position[] };
  properties: GroundProperties;
}

const GREEN_LANDUSE = new Set(['grass', 'forest', 'meadow', 'recreation_ground', 'village_green', 'cemetery', 'orchard', 'allotments']);
const GREEN_LEISURE = new Set(['park', 'garden', 'nature_reserve', 'golf_course', 'common']);
const GREEN_NATURAL = new Set(['wood', 'scrub', 'grassland', 'heath', 'wetland']);
const WATER_LINES = new Set(['river', 'canal', 'stream']);

/** Which ground kind an area's tags make it, and its subkind, or null. */
export function groundKindOf(tags: Tags): Pick<GroundProperties, 'kind' | 'subkind'> | null {
  if (tags.natural === 'water') return { kind: 'water', subkind: tags.water ?? 'water' };
  if (tags.waterway === 'riverbank') return { kind: 'water', subkind: 'river' };
  if (tags.landuse === 'reservoir' || tags.landuse === 'basin') return { kind: 'water', subkind: tags.landuse };
  if (tags.leisure === 'swimming_pool') return { kind: 'water', subkind: 'swimming_pool' };
  if (GREEN_LEISURE.has(tags.leisure ?? '')) return { kind: 'green', subkind: tags.leisure! };
  if (GREEN_LANDUSE.has(tags.landuse ?? '')) return { kind: 'green', subkind: tags.landuse! };
  if (GREEN_NATURAL.has(tags.natural ?? '')) return { kind: 'green', subkind: tags.natural! };
  return null;
}

const pickNames = (tags: Tags): Pick<GroundProperties, 'name' | 'name_zh' | 'name_en' | 'name_zh_source' | 'name_en_source'> => {
  const names = namesOf(tags, featureTerm(tags));
  return { name: names.name, name_zh: names.zh, name_en: names.en, name_zh_source: names.zhSource, name_en_source: names.enSource };
};

const closed = (ring: Ring): Position[] => [...ring, ring[0]!];
const polygonCoordinates = (p: LonLatPolygon): Position[][] => [closed(orient(p.outer, true)), ...p.holes.map((h) => closed(orient(h, false)))];

/** Water and green areas, river centre lines, and the outline of the extract. */
export function extractGround(doc: OsmDocument, warnings: AreaWarnings): GroundFeature[] {
  const features: GroundFeature[] = [];
  for (const area of collectAreas(doc, (tags) => groundKindOf(tags) !== null, warnings)) {
    const kind = groundKindOf(area.tags)!;
    const properties: GroundProperties = { ...kind, osm_id: area.osmId, ...pickNames(area.tags) };
    const geometry: GroundFeature['geometry'] =
      area.polygons.length === 1 ? { type: 'Polygon', coordinates: polygonCoordinates(area.polygons[0]!) } : { type: 'MultiPolygon', coordinates: area.polygons.map(polygonCoordinates) };
    features.push({ type: 'Feature', geometry, properties });
  }
  const wayIds = [...doc.ways.keys()].sort((a, b) => a - b);
  for (const id of wayIds) {
    const way = doc.ways.get(id)!;
    if (!WATER_LINES.has(way.tags.waterway ?? '')) continue;
    const coordinates = way.nodes.map((n) => doc.coords.get(n)).filter((c): c is [number, number] => c !== undefined);
    if (coordinates.length < 2) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: { kind: 'water', subkind: `${way.tags.waterway}_line`, osm_id: `way/${id}`, ...pickNames(way.tags) },
    });
  }
  const [w, s, e, n] = doc.bounds;
  features.push({
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
    properties: { kind: 'outline', subkind: 'bounds', osm_id: null, name: null, name_zh: null, name_en: null, name_zh_source: null, name_en_source: null },
  });
  return features;
}
