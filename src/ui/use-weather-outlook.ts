/** Preact hook: the room's weather outlook from the server, fetched again when the sim hour or the room's weather day or override changes. */
import { useEffect, useState } from 'preact/hooks';
import { simTimeAt } from '../protocol/clock';
import { fetchWeatherOutlook } from '../connection/weather-outlook';
import type { OutlookHour } from '../protocol/guide';
import type { AppStore } from '../store/app-store';
import { useAppState } from './use-app-state';
import { useNow } from './use-now';

const HOUR_MS = 3_600_000;

/** Now and the next `hours` hours; empty until the first reply. */
export function useWeatherOutlook(store: AppStore, hours: number): OutlookHour[] {
  const clock = useAppState(store, (s) => s.clock);
  const room = useAppState(store, (s) => s.feed.room) ?? 'main';
  // A new weather day or override changes the hours ahead at once, not at the next hour.
  const roomWeather = useAppState(store, (s) => s.roomWeather);
  const now = useNow(5_000);
  const hour = clock.sync ? Math.floor(simTimeAt(clock.sync, now, clock.serverOffsetMs) / HOUR_MS) : null;
  const [outlook, setOutlook] = useState<OutlookHour[]>([]);
  useEffect(() => {
    if (hour === null) return;
    const abort = new AbortController();
    // A missing or invalid reply keeps the last outlook; the next hour tries again.
    void fetchWeatherOutlook(room, hours, abort.signal).then((hoursAhead) => {
      if (hoursAhead && !abort.signal.aborted) setOutlook(hoursAhead);
    });
    return () => abort.abort();
  }, [hour, room, hours, roomWeather]);
  return outlook;
}
