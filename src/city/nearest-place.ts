/** The named place nearest a point, so a route's ends can say where they are ("Home · Gucheng Park"). */
import { localName, type NamedFeature } from '../i18n/local-name';
import { metresBetween } from './local-frame';
import type { Locale } from '../i18n/strings';

/** A place with a position and its names. */
export interface NamedPlace {
  lonLat: [number, number];
  names: NamedFeature;
}

/** A tap this close (m) to a place is at that place. */
export const AT_PLACE_M = 150;

/** The locale's name of the nearest named place within `reachM` of the point, or null. */
export function nearestPlaceName(places: NamedPlace[], [lon, lat]: [number, number], locale: Locale, reachM = AT_PLACE_M): string | null {
  let best: { distance: number; name: string } | null = null;
  for (const place of places) {
    const name = localName(place.names, locale);
    if (!name) continue;
    const distance = metresBetween(lon, lat, place.lonLat[0], place.lonLat[1]);
    if (distance <= reachM && (!best || distance < best.distance)) best = { distance, name };
  }
  return best?.name ?? null;
}
