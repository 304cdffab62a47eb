/**
 * Names on parking signs, engine-free. A lot is named by the pack's place at its spot (per-locale
 * names), else by the feed. A district sign is never nameless: its largest named lot, else the street
 * it stands on, else the nearest named place, else the city.
 */
import { localName, type LocalNames } from '../../i18n/local-name';
import type { Locale } from '../../i18n/strings';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { MAIN_ROADS, type Lot } from './parking-signs';

/** A named point of the pack (a place). */
export interface NamedPoint {
  lon: number;
  lat: number;
  names: LocalNames;
}

const METRES_PER_DEGREE = (Math.PI * 6_378_137) / 180;

function metresBetween(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return Math.hypot((lon2 - lon1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180), lat2 - lat1) * METRES_PER_DEGREE;
}

/** Metres from a point to the segment a–b (local flat approximation, fine within a city). */
function metresToSegment(lon: number, lat: number, aLon: number, aLat: number, bLon: number, bLat: number): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const px = (lon - aLon) * k;
  const py = lat - aLat;
  const dx = (bLon - aLon) * k;
  const dy = bLat - aLat;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / length2)) : 0;
  return Math.hypot(px - t * dx, py - t * dy) * METRES_PER_DEGREE;
}

/** The nearest named point within `maxM`, or null. */
export function nearestNamed(points: readonly NamedPoint[], lon: number, lat: number, maxM: number): NamedPoint | null {
  let best: NamedPoint | null = null;
  let bestM = maxM;
  for (const point of points) {
    if (!(point.names.name || point.names.name_zh || point.names.name_en)) continue;
    const d = metresBetween(lon, lat, point.lon, point.lat);
    if (d <= bestM) {
      best = point;
      bestM = d;
    }
  }
  return best;
}

/**
 * The names of the street nearest to a point within `maxM`: a main road wins over a side street
 * within `mainRoadBonusM`, as a level-1 sign stands on the main road.
 */
export function nearestStreet(
  graph: Pick<RoadGraphFile, 'nodes' | 'edges'>,
  edgeClass: readonly string[],
  edgeNames: readonly LocalNames[],
  lon: number,
  lat: number,
  maxM = 400,
  mainRoadBonusM = 40,
): LocalNames | null {
  let best: LocalNames | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  const { lon: nodeLon, lat: nodeLat } = graph.nodes;
  for (let e = 0; e < graph.edges.from.length; e++) {
    const names = edgeNames[e];
    if (!names || !(names.name || names.name_zh || names.name_en)) continue;
    const a = graph.edges.from[e]!;
    const b = graph.edges.to[e]!;
    const d = metresToSegment(lon, lat, nodeLon[a]!, nodeLat[a]!, nodeLon[b]!, nodeLat[b]!);
    if (d > maxM) continue;
    const score = d - (MAIN_ROADS.has(edgeClass[e]!) ? mainRoadBonusM : 0);
    if (score < bestScore) {
      best = names;
      bestScore = score;
    }
  }
  return best;
}

/** A lot's name in the locale: the pack's parking place at its spot (within `matchM`), else the feed's. */
export function lotName(locale: Locale, lot: Pick<Lot, 'lon' | 'lat' | 'name'>, parkingPlaces: readonly NamedPoint[], matchM = 30): string | null {
  const place = nearestNamed(parkingPlaces, lot.lon, lot.lat, matchM);
  return (place && localName(place.names, locale)) || lot.name || null;
}

/** What a district sign can be named after, best first. */
export interface DistrictNameSources {
  /** The district's lots with their names in the locale (null when unnamed). */
  lots: { name: string | null; total: number }[];
  /** The street the sign stands on. */
  street: LocalNames | null;
  /** The named place nearest to the district. */
  place: LocalNames | null;
  /** The city, the last resort. */
  city: LocalNames;
}

/** The name a district sign shows: never empty. */
export function districtName(locale: Locale, sources: DistrictNameSources): string {
  const lot = sources.lots.filter((l) => l.name).sort((a, b) => b.total - a.total)[0];
  return lot?.name || (sources.street && localName(sources.street, locale)) || (sources.place && localName(sources.place, locale)) || localName(sources.city, locale) || '—';
}
