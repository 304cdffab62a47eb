/**
 * The name a place, road or lot shows in a locale. Every label of the scene takes its name through
 * here, so a richer set of per-locale names in the pack changes one function.
 */
import type { Locale } from './strings';
import { pickName } from './translate';

/** The name fields a pack feature (place, road, ground) carries. */
export interface LocalNames {
  name?: string | null;
  name_zh?: string | null;
  name_en?: string | null;
}

/** The feature's name in the locale (its own language first, then OSM's, then the other), or null. */
export function localName(locale: Locale, names: LocalNames): string | null {
  return pickName(locale, { zh: names.name_zh, en: names.name_en, any: names.name }, '') || null;
}

/** True when the feature has a name in some language. */
export function hasName(names: LocalNames): boolean {
  return Boolean(names.name || names.name_zh || names.name_en);
}
