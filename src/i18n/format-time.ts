/** Formats the city clock for the HUD in the city's own time zone. */
import type { Locale } from './strings';

/** Date and time strings of an instant at a fixed UTC offset. */
export function formatCityTime(timeMs: number, utcOffsetHours: number, locale: Locale): { date: string; time: string; zone: string } {
  // Shift the instant and format as UTC: a fixed offset needs no time-zone database.
  const shifted = new Date(timeMs + utcOffsetHours * 3_600_000);
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(shifted);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(shifted);
  const sign = utcOffsetHours < 0 ? '−' : '+';
  return { date, time, zone: `UTC${sign}${Math.abs(utcOffsetHours)}` };
}
