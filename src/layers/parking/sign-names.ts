/**
 * Names on parking signs, engine-free. A lot is named by the pack's place at its spot (per-locale
 * names), else by the feed. A district sign is never nameless: its largest named lot, else the street
 * it stands on, else the nearest named place, else the city.
 */
import { metresToSegment, nearestWithin } from '../../city/local-frame';
import { hasName, localName, type LocalNames } from '../../i18n/local-name';
import type { Locale } from '../../i18n/strings';
import type { RoadGraphFile } from '../../protocol/city-pack';
import { MAIN_ROADS, type Lot } from './parking-signs';

/** A named point of the pack (a place). */
export interface NamedPoint {
  lon: number;
  lat: number;
  names: LocalNames;
}

/** The nearest named point within `maxM`, or null. */
export function nearestNamed(points: readonly NamedPoint[], lon: number, lat: number, maxM: number): NamedPoint | null {
  return nearestWithin(
    points,
    (point) => [point.lon, point.lat],
    lon,
    lat,
    maxM,
    (point) => hasName(point.names),
  );
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
    if (!names || !hasName(names)) continue;
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
