/**
 * The travel guide's default home → work pair, so the wall shows a route from the start. Rule: home
 * is the westernmost named park (a walk in the park stands for a neighbourhood), work the easternmost
 * named mall or government office (the business side); on the Bund pack that is a trip from Puxi to
 * Lujiazui under the river, the commute the demo is about. Null when the pack lacks either.
 */
import type { PlaceCategory } from '../protocol/city-pack.js';

/** A place as the rule reads it. */
export interface CommutePlace {
  lonLat: [number, number];
  category: PlaceCategory;
  named: boolean;
}

/** The default pair, or null. */
export function defaultCommute(places: CommutePlace[]): { home: [number, number]; work: [number, number] } | null {
  const named = places.filter((p) => p.named);
  const homes = named.filter((p) => p.category === 'park').sort((a, b) => a.lonLat[0] - b.lonLat[0]);
  const works = named.filter((p) => p.category === 'mall' || p.category === 'government').sort((a, b) => b.lonLat[0] - a.lonLat[0]);
  const home = homes[0];
  const work = works.find((p) => !home || p.lonLat[0] > home.lonLat[0]);
  return home && work ? { home: home.lonLat, work: work.lonLat } : null;
}
