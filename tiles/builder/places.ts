/** Points of interest with a normalised category, from tagged nodes and from areas. */
import type { LocalizedName, PlaceCategory, PlaceProperties } from '../../src/protocol/city-pack.js';
import type { LocalFrame } from '../../src/city/local-frame.js';
import { ringCentroid, signedArea } from './geometry/ring.js';
import { placeTerm } from './name-terms.js';
import { namesOf } from './names.js';
import { collectAreas, type AreaWarnings } from './osm-areas.js';
import type { OsmDocument, Tags } from './osm-reader.js';
import { tellApart } from './tell-apart.js';

/** Planning figure for surface parking, m² per space including aisles. */
export const SQUARE_METRES_PER_SPACE = 25;
/** Spaces assumed for a parking lot mapped only as a point. */
export const DEFAULT_PARKING_CAPACITY = 50;

/** A GeoJSON Point feature of a place. */
export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PlaceProperties;
}

const RULES: [PlaceCategory, (t: Tags) => string | null][] = [
  ['police', (t) => (t.amenity === 'police' ? 'amenity=police' : null)],
  [
    'government',
    (t) =>
      t.amenity === 'townhall' || t.amenity === 'courthouse'
        ? `amenity=${t.amenity}`
        : t.office === 'government'
          ? 'office=government'
          : t.government
            ? `government=${t.government}`
            : t.building === 'government' && t.name
              ? 'building=government'
              : null,
  ],
  ['hospital', (t) => (t.amenity === 'hospital' || t.amenity === 'clinic' ? `amenity=${t.amenity}` : t.healthcare === 'hospital' ? 'healthcare=hospital' : null)],
  ['school', (t) => (['school', 'kindergarten', 'university', 'college'].includes(t.amenity ?? '') ? `amenity=${t.amenity}` : null)],
  ['library', (t) => (t.amenity === 'library' ? 'amenity=library' : null)],
  ['mall', (t) => (t.shop === 'mall' || t.shop === 'department_store' ? `shop=${t.shop}` : null)],
  ['park', (t) => (t.leisure === 'park' ? 'leisure=park' : null)],
  ['parking', (t) => (t.amenity === 'parking' ? 'amenity=parking' : null)],
  [
    'bus_stop',
    (t) =>
      t.highway === 'bus_stop' ? 'highway=bus_stop' : t.amenity === 'bus_station' ? 'amenity=bus_station' : t.public_transport === 'platform' && t.bus === 'yes' ? 'public_transport=platform' : null,
  ],
];

/** The category of a tagged object and the tag that decided it, or null when it is not a place. */
export function classifyPlace(tags: Tags): { category: PlaceCategory; tag: string } | null {
  for (const [category, rule] of RULES) {
    const tag = rule(tags);
    if (tag) return { category, tag };
  }
  return null;
}

/** Parking capacity: the capacity tag; else area / 25 m² per space (× storeys for a car park building); else 50. */
export function parkingCapacity(tags: Tags, areaM2: number | null): Pick<PlaceProperties, 'capacity' | 'capacity_source'> {
  const tagged = Number(tags.capacity);
  if (tags.capacity !== undefined && Number.isInteger(tagged) && tagged >= 0) return { capacity: tagged, capacity_source: 'tag' };
  if (areaM2 !== null && areaM2 > 0) {
    const multiStorey = tags.parking === 'multi-storey' || tags.building === 'parking';
    const storeys = multiStorey ? Math.max(1, Number.parseInt(tags['building:levels'] ?? '3', 10) || 3) : 1;
    return { capacity: Math.max(1, Math.floor((areaM2 / SQUARE_METRES_PER_SPACE) * storeys)), capacity_source: 'area' };
  }
  return { capacity: DEFAULT_PARKING_CAPACITY, capacity_source: 'default' };
}

/** The named street nearest a point, or null. */
export type StreetAt = (lon: number, lat: number) => LocalizedName | null;

function placeFeature(osmId: string, tags: Tags, lonLat: [number, number], area: number | null, streetAt: StreetAt): PlaceFeature | null {
  const match = classifyPlace(tags);
  if (!match) return null;
  const names = namesOf(tags, placeTerm(match.category, match.tag), () => streetAt(...lonLat));
  const parking = match.category === 'parking' ? parkingCapacity(tags, area) : { capacity: null, capacity_source: null };
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: lonLat },
    properties: {
      osm_id: osmId,
      ...match,
      name: names.name,
      name_zh: names.zh,
      name_en: names.en,
      name_zh_source: names.zhSource,
      name_en_source: names.enSource,
      ...parking,
      area: area === null ? null : Math.round(area),
    },
  };
}

/** All places of the extract, sorted by category, then OSM id, with shared names told apart (tellApart). */
export function extractPlaces(doc: OsmDocument, frame: LocalFrame, warnings: AreaWarnings, streetAt: StreetAt = () => null): PlaceFeature[] {
  const places: PlaceFeature[] = [];
  for (const point of doc.points) {
    const feature = placeFeature(`node/${point.id}`, point.tags, [point.lon, point.lat], null, streetAt);
    if (feature) places.push(feature);
  }
  for (const area of collectAreas(doc, (tags) => classifyPlace(tags) !== null, warnings)) {
    const projected = area.polygons.map((p) => ({
      outer: p.outer.map(([lon, lat]) => frame.toLocal(lon, lat)),
      holes: p.holes.map((h) => h.map(([lon, lat]) => frame.toLocal(lon, lat))),
    }));
    const areaM2 = projected.reduce((s, p) => s + Math.abs(signedArea(p.outer)) - p.holes.reduce((h, r) => h + Math.abs(signedArea(r)), 0), 0);
    const largest = projected.reduce((best, p) => (Math.abs(signedArea(p.outer)) > Math.abs(signedArea(best.outer)) ? p : best));
    const [x, y] = ringCentroid(largest.outer);
    const feature = placeFeature(area.osmId, area.tags, frame.toLonLat(x, y), areaM2, streetAt);
    if (feature) places.push(feature);
  }
  const order = (p: PlaceFeature): string => `${p.properties.category} ${p.properties.osm_id}`;
  places.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  tellApart(places, frame, streetAt);
  return places;
}
