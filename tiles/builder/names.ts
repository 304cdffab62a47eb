/** Chinese and English names of an OSM object, from its name tags. */
import type { Tags } from './osm-reader.js';

const HAN = /\p{Script=Han}/u;

/** name (as tagged), zh and en; zh/en fall back on `name` when it is written in that script. */
export interface Names {
  name: string | null;
  zh: string | null;
  en: string | null;
}

/** The names of an object; null where the tags do not say. */
export function namesOf(tags: Tags): Names {
  const name = tags.name?.trim() || null;
  const zh = tags['name:zh'] ?? tags['name:zh-Hans'] ?? tags['name:zh-CN'] ?? (name && HAN.test(name) ? name : null);
  const en = tags['name:en'] ?? tags.int_name ?? (name && !HAN.test(name) ? name : null);
  return { name, zh: zh?.trim() || null, en: en?.trim() || null };
}
