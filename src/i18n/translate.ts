/** Looks strings up in the table and fills their placeholders. */
import { LOCALES, STRINGS, type Locale, type StringKey } from './strings';

/** The text of a key in a locale, with `{name}` placeholders replaced from `params`. */
export function translate(locale: Locale, key: StringKey, params: Record<string, string | number> = {}): string {
  const text: string = STRINGS[key][locale];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the locale from a `?lang=` value; the wall is Chinese first, so anything unknown is zh-CN. */
export function pickLocale(requested: string | null): Locale {
  if (!requested) return 'zh-CN';
  const exact = LOCALES.find((l) => l.toLowerCase() === requested.toLowerCase());
  if (exact) return exact;
  return /^en\b/i.test(requested) ? 'en' : 'zh-CN';
}

/** A localized name pick: the locale's own name, else the other, else the fallback. */
export function pickName(locale: Locale, names: { zh?: string | null; en?: string | null; any?: string | null }, fallback: string): string {
  const first = locale === 'en' ? names.en : names.zh;
  const second = locale === 'en' ? names.zh : names.en;
  return first || names.any || second || fallback;
}
