/** Where the seek bar's labels go: local hours across a day or two, local dates across a longer replay. */
import { localDate, zoneOffsetMs } from '../city/time-zone';
import type { ClockExtent } from '../protocol/clock';

/** One label of the bar: its instant, where it sits (0…1 along the bar) and its text. */
export interface TimelineTick {
  t: number;
  fraction: number;
  label: string;
}

const HOUR_MS = 3_600_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local wall-clock hours (HH:00) or dates (MM-DD) along `extent` in `timeZone`, evenly spaced, at most `maxTicks` of them so they never crowd. */
export function timelineTicks(extent: ClockExtent, timeZone: string, maxTicks = 9): TimelineTick[] {
  const length = extent.endMs - extent.startMs;
  const hours = length / HOUR_MS;
  const byDay = hours > 48;
  // Steps of 1, 2, 3, 6 or 12 hours (or whole days) so at most maxTicks labels fit (the closing label included).
  const step = byDay ? Math.max(1, Math.ceil(hours / 24 / (maxTicks - 1))) * 24 : ([1, 2, 3, 6, 12, 24].find((s) => hours / s + 1 <= maxTicks) ?? 24);
  const ticks: TimelineTick[] = [];
  // The first local hour boundary at or after the start (zones with half-hour offsets included).
  let t = extent.startMs + ((HOUR_MS - ((extent.startMs + zoneOffsetMs(extent.startMs, timeZone)) % HOUR_MS)) % HOUR_MS);
  for (; t <= extent.endMs; t += HOUR_MS) {
    const localHour = Math.floor(((t + zoneOffsetMs(t, timeZone)) % 86_400_000) / HOUR_MS);
    if (byDay ? localHour !== 0 || Math.round((t - extent.startMs) / 86_400_000) % (step / 24) !== 0 : localHour % step !== 0) continue;
    const label = byDay ? localDate(t, timeZone).slice(5) : `${pad(localHour)}:00`;
    ticks.push({ t, fraction: (t - extent.startMs) / length, label });
  }
  return ticks;
}
