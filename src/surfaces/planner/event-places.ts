/** The places an event can draw trips to, as the planner's list shows them: named, in the locale, each once. */
import { localName, uniqueByName } from '../../i18n/local-name';
import type { Locale } from '../../i18n/strings';
import type { PlaceProperties } from '../../protocol/city-pack';
import type { EventPlace } from './planner-context';

/** Categories of places that draw crowds to an event. */
const EVENT_CATEGORIES: readonly string[] = ['park', 'mall', 'attraction', 'government', 'school', 'hospital', 'station', 'stadium', 'museum'];

/**
 * The list: one entry per shown name (a park mapped in four pieces is one park, and its largest piece
 * stands for it), sorted by name in the locale.
 */
export function eventPlaces(places: Pick<PlaceProperties, 'osm_id' | 'category' | 'name' | 'name_zh' | 'name_en' | 'area'>[], locale: Locale): EventPlace[] {
  const named = places
    .filter((p) => EVENT_CATEGORIES.includes(p.category))
    .map((p) => ({ osmId: p.osm_id, name: localName(p, locale), area: p.area ?? 0 }))
    .filter((p) => p.name !== '')
    .sort((a, b) => b.area - a.area || (a.osmId < b.osmId ? -1 : 1));
  return uniqueByName(named, (p) => p.name)
    .map(({ osmId, name }) => ({ osmId, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
