/**
 * The one way the browser names a feature of the pack (a place, road, building or car park): the
 * name the pack made for the locale (docs/city-pack.md, "Names"), else the name as tagged, else the
 * other language's, for older packs and for live entities the pack does not know.
 */
import type { Locale } from './strings';

/** The name fields a feature may carry: pack properties, or a live entity's one name as `name`. */
export interface NamedFeature {
  name?: string | null;
  name_zh?: string | null;
  name_en?: string | null;
}

/** Alias used by the layers that name things in the scene. */
export type LocalNames = NamedFeature;

/** The feature's name in the locale; '' when it has none. */
export function localName(feature: NamedFeature, locale: Locale): string {
  const own = locale === 'en' ? feature.name_en : feature.name_zh;
  const other = locale === 'en' ? feature.name_zh : feature.name_en;
  return own || feature.name || other || '';
}

/**
 * The items of a list once per shown name, the first of each kept: the pack gives different places
 * of one name their street, so what still shares a name is one place mapped in pieces.
 */
export function uniqueByName<T>(items: T[], nameOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const name = nameOf(item);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** True when the feature has a name in some language. */
export function hasName(feature: NamedFeature): boolean {
  return Boolean(feature.name || feature.name_zh || feature.name_en);
}
