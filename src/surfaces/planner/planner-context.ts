/** What every console panel needs: the stores, the server link, the pack's places and the translate function. */
import type { ClockController } from '../../connection/clock-controller';
import type { NamedDay } from '../../weather/named-days-file';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StringKey } from '../../i18n/strings';
import { translate } from '../../i18n/translate';
import type { AppStore } from '../../store/app-store';
import { useAppState } from '../../ui/use-app-state';
import type { PlannerLink } from './planner-link';
import type { PlannerStore } from './planner-store';

/** A place an event can be held at. */
export interface EventPlace {
  osmId: string;
  name: string;
}

/** The console's shared handles. */
export interface PlannerContextValue {
  app: AppStore;
  store: PlannerStore;
  link: PlannerLink;
  places: EventPlace[];
  dayStartMs: number;
  /** Days bookmarked in the city's weather series (days.json), empty when it has none. */
  namedDays: NamedDay[];
  /** The room's clock requests (play, pause, rate, seek). */
  clock: ClockController;
  /** The city's IANA time zone, from the pack manifest. */
  timeZone: string;
}

export const PlannerContext = createContext<PlannerContextValue | null>(null);

/** The console's handles (inside <PlannerContext.Provider>). */
export function usePlannerContext(): PlannerContextValue {
  const value = useContext(PlannerContext);
  if (!value) throw new Error('usePlannerContext outside the planner console');
  return value;
}

/** `t(key, params)` in the page's locale. */
export function usePlannerTranslate(): (key: StringKey, params?: Record<string, string | number>) => string {
  const { app } = usePlannerContext();
  const locale = useAppState(app, (s) => s.locale);
  return (key, params) => translate(locale, key, params);
}

/** "07:00" for hour 7 of the demo day. */
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
