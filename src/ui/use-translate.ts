/** Preact hook: `t(key, params)` in the store's current locale. */
import { translate } from '../i18n/translate';
import type { StringKey } from '../i18n/strings';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';

/** The translate function bound to the current locale. */
export function useTranslate(): (key: StringKey, params?: Record<string, string | number>) => string {
  const { store } = useHud();
  const locale = useAppState(store, (s) => s.locale);
  return (key, params) => translate(locale, key, params);
}
