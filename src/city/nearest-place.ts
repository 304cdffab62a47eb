/** The named place nearest a point, so a route's ends can say where they are ("Home · Gucheng Park"). */
import { localName, type NamedFeature } from '../i18n/local-name';
import type { Locale } from '../i18n/strings';

/** A place with a position and its names. */
export interface NamedPlace {
  lonLat: [number, number];
  names: NamedFeature;
}

/** A tap this close (m) to a place is at that place. */
export const AT_PLACE_M = 150;

const METRES_PER_DEGREE = (Math.PI * 6_378_137) / 180;

/** The locale's name of the nearest named place within `reachM` of the point, or null. */
export function nearestPlaceName(places: NamedPlace[], [lon, lat]: [number, number], locale: Locale, reachM = AT_PLACE_M): string | null {
  let best: { distance: number; name: string } | null = null;
  for (const place of places) {
    const name = localName(place.names, locale);
    if (!name) continue;
    const distance = Math.hypot((place.lonLat[0] - lon) * Math.cos((lat * Math.PI) / 180), place.lonLat[1] - lat) * METRES_PER_DEGREE;
    if (distance <= reachM && (!best || distance < best.distance)) best = { distance, name };
  }
  return best?.name ?? null;
}
