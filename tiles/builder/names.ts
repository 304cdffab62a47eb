/**
 * Chinese and English names of an OSM object, and where each came from (docs/city-pack.md, "Names").
 *
 * Chinese (zh-CN): name:zh-Hans, name:zh-CN, name:zh, a `name` in Chinese characters, name:zh-Hant,
 * name:zh-TW, name:zh-HK — first present — converted to simplified characters by OpenCC (t → cn).
 * An object known only by a Latin name is called by its category (学校), told apart by its street.
 * English: name:en, int_name or a Latin `name`; else the pinyin of the Chinese name; else the category.
 */
import * as OpenCC from 'opencc-js';
import type { LocalizedName, NameEnSource, NameZhSource } from '../../src/protocol/city-pack.js';
import type { CategoryTerm } from './name-terms.js';
import type { Tags } from './osm-reader.js';
import { pinyinName } from './pinyin-name.js';

const HAN = /\p{Script=Han}/u;
/** Two letters in a row: a word, not a code such as "S2" or "787" that reads the same in any language. */
const WORD = /\p{L}{2}/u;
/** A word in Latin letters, what English can show as it is. */
const LATIN_WORD = /\p{Script=Latin}{2}/u;

const ZH_TAGS = ['name:zh-Hans', 'name:zh-CN', 'name:zh', 'name', 'name:zh-Hant', 'name:zh-TW', 'name:zh-HK'];
const EN_TAGS = ['name:en', 'int_name', 'name'];

const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** The names of an object and their sources; all null when it has no name. */
export interface Names {
  /** `name` as tagged. */
  name: string | null;
  zh: string | null;
  en: string | null;
  zhSource: NameZhSource | null;
  enSource: NameEnSource | null;
}

/** Simplified characters for zh-CN (OpenCC traditional → mainland simplified). */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

const tag = (tags: Tags, key: string): string | null => tags[key]?.trim() || null;

/** What an object is called, given what it is (`term`) and, for a name from its category, the street it stands on. */
export function namesOf(tags: Tags, term: CategoryTerm, streetAt: () => LocalizedName | null = () => null): Names {
  const name = tag(tags, 'name');
  const anyName =
    name ??
    ZH_TAGS.concat(EN_TAGS)
      .map((k) => tag(tags, k))
      .find((v) => v !== null) ??
    null;
  if (anyName === null) return { name: null, zh: null, en: null, zhSource: null, enSource: null };
  if (!HAN.test(anyName) && !WORD.test(anyName) && !ZH_TAGS.concat(EN_TAGS).some((k) => k !== 'name' && tag(tags, k))) {
    return { name, zh: anyName, en: anyName, zhSource: 'osm', enSource: 'osm' };
  }

  let zh: string | null = null;
  let zhSource: NameZhSource | null = null;
  const taggedZh = ZH_TAGS.map((k) => tag(tags, k)).find((v): v is string => v !== null && HAN.test(v));
  if (taggedZh) {
    zh = toSimplified(taggedZh);
    zhSource = zh === taggedZh ? 'osm' : 'opencc';
  }

  let en: string;
  let enSource: NameEnSource;
  const taggedEn = EN_TAGS.map((k) => tag(tags, k)).find((v): v is string => v !== null && !HAN.test(v) && LATIN_WORD.test(v));
  if (taggedEn) {
    en = taggedEn;
    enSource = 'osm';
  } else if (zh) {
    en = pinyinName(zh);
    enSource = 'pinyin';
  } else {
    en = term.en;
    enSource = 'category';
  }

  if (!zh) {
    const street = streetAt();
    zh = street ? `${term.zh}（${street.zh}）` : term.zh;
    zhSource = 'category';
  }
  return { name, zh, en, zhSource, enSource };
}
