/** Local time in a city's IANA time zone, engine-free (Intl only). */

/** The zone's offset from UTC at instant t, ms (positive east of Greenwich). */
export function zoneOffsetMs(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(t);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant local midnight begins on a date (YYYY-MM-DD) in the zone. */
export function localMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // The offset at local midnight can differ from the offset at UTC midnight across a DST change: settle twice.
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/** The local date (YYYY-MM-DD) of instant t in the zone. */
export function localDate(t: number, timeZone: string): string {
  return new Date(t + zoneOffsetMs(t, timeZone)).toISOString().slice(0, 10);
}

/** Whether the runtime knows the zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A fixed-offset IANA zone for a longitude (15° per hour), for a city whose zone was not given. */
export function zoneForLongitude(lon: number): string {
  const hours = Math.round(lon / 15);
  // IANA's Etc zones count the other way: UTC+8 is "Etc/GMT-8".
  return hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
