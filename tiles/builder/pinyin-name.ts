/**
 * English for a Chinese name that OSM gives no English for: Hanyu Pinyin without tones (pinyin-pro),
 * capitalised and written in words (十六铺 → Shiliupu, see properWords), with the generic terms of
 * GENERIC_TERMS translated (黄浦公园 → Huangpu Park). Polyphones follow pinyin-pro's dictionary.
 */
import { pinyin } from 'pinyin-pro';
import { GENERIC_TERMS, type GenericTerm } from './name-terms.js';

const HAN_RUN = /\p{Script=Han}+/gu;
/** A direction (and a section number) before a road's generic term: 中山东一路 → Zhongshan Dongyi Road. */
const DIRECTION_SUFFIX = /[东西南北中][一二三四五六七八九十]*$/u;

const TERMS = [...GENERIC_TERMS].sort((a, b) => b.zh.length - a.zh.length);
const words = new Intl.Segmenter('zh', { granularity: 'word' });

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** One word of pinyin for some Chinese characters, with an apostrophe before a syllable that starts with a, o or e (Yan'an). */
function pinyinWord(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array' });
  return capitalise(syllables.map((s, i) => (i > 0 && /^[aoeāáǎàōóǒòēéěè]/.test(s) ? `'${s}` : s)).join(''));
}

/**
 * The words of a name proper, at ICU's word boundaries: a run of single characters is one word
 * (陆家嘴 → Lujiazui), and a lone single character joins the word before it, or after it when first
 * (十六|铺 → Shiliupu, 上海|东方 → Shanghai Dongfang).
 */
function properWords(text: string): string[] {
  const segments = [...words.segment(text)].map((s) => s.segment);
  const groups: string[] = [];
  let singles = '';
  const flush = () => {
    if (singles.length === 1 && groups.length > 0) groups[groups.length - 1] += singles;
    else if (singles) groups.push(singles);
    singles = '';
  };
  for (const segment of segments) {
    if (segment.length === 1) {
      singles += segment;
      continue;
    }
    const lone = singles.length === 1 && groups.length === 0 ? singles : '';
    flush();
    if (lone) groups[groups.length - 1] += segment;
    else groups.push(segment);
  }
  flush();
  return groups.map(pinyinWord);
}

/** A name proper, with a direction before a road's term split off as its own word. */
function properPart(text: string, beforeTerm: GenericTerm | null): string[] {
  const direction = beforeTerm && ['路', '街', '大街', '大道'].includes(beforeTerm.zh) ? DIRECTION_SUFFIX.exec(text)?.[0] : undefined;
  if (direction && direction.length < text.length) return [...properWords(text.slice(0, -direction.length)), pinyinWord(direction)];
  return properWords(text);
}

/** The English words of one run of Chinese characters; after a number or a Latin word it may start with a generic term (787公交站). */
function hanRunWords(run: string, afterOther: boolean): string[] {
  const out: string[] = [];
  let proper = '';
  for (let i = 0; i < run.length;) {
    const term = proper || (afterOther && i === 0) ? TERMS.find((t) => run.startsWith(t.zh, i) && (!t.endOnly || i + t.zh.length === run.length)) : undefined;
    if (term) {
      out.push(...properPart(proper, term), term.en);
      proper = '';
      i += term.zh.length;
    } else {
      proper += run[i];
      i += 1;
    }
  }
  if (proper) out.push(...properPart(proper, null));
  return out;
}

/** The pinyin English of a name that holds Chinese characters; what is not Chinese stays, full-width forms made ASCII. */
export function pinyinName(name: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of name.matchAll(HAN_RUN)) {
    const before = name.slice(last, match.index).normalize('NFKC');
    parts.push(before, ...hanRunWords(match[0], /[\p{L}\p{N}]\s*$/u.test(before)));
    last = match.index + match[0].length;
  }
  parts.push(name.slice(last).normalize('NFKC'));
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/([([]) /g, '$1')
    .replace(/ ([)\],.;:!?])/g, '$1')
    .trim();
}
