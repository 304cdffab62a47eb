/**
 * Where a room's clock starts when CLOCK_START is not set: a daytime hour of the recording's first
 * local day, so the hall does not open on a night city with empty roads.
 */
import { localDate, zoneOffsetMs } from '../../src/city/time-zone.js';

/** The local hour the clock opens at by default (CLOCK_START_HOUR). */
export const DEFAULT_START_HOUR = 8;

/** The instant the zone's wall clock reads `hour`:00 on a local date (YYYY-MM-DD). */
export function localHourInstant(date: string, hour: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour);
  // The offset at the local hour can differ from the one at the UTC guess across a DST change: settle twice.
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/**
 * `hour`:00 local of the first day of `span` in `timeZone`; the span's start when that hour is not
 * inside the span (a recording that starts later in the day, or a short one); null for live only.
 */
export function defaultClockStart(span: { startMs: number; endMs: number } | null, timeZone: string, hour = DEFAULT_START_HOUR): number | null {
  if (!span) return null;
  const start = localHourInstant(localDate(span.startMs, timeZone), hour, timeZone);
  return start >= span.startMs && start < span.endMs ? start : span.startMs;
}
