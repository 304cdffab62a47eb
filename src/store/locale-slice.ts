/** Locale slice: the language of every visible string. */
import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_LOCALE, type Locale } from '../i18n/strings';
import type { AppState } from './app-store';

/** Locale state and actions. */
export interface LocaleSlice {
  locale: Locale;
  /** Switches the language. */
  setLocale: (locale: Locale) => void;
}

/** Creates the locale slice. */
export const createLocaleSlice: StateCreator<AppState, [], [], LocaleSlice> = (set) => ({
  locale: DEFAULT_LOCALE,
  setLocale: (locale) => set({ locale }),
});
