/**
 * Distances inside one city on a local flat approximation (equirectangular, WGS84 equatorial radius):
 * within 0.2 % of the great circle across a district, and far cheaper in a loop.
 */

/** Metres per degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = (Math.PI * 6_378_137) / 180;

/** Metres between two lon/lat points. */
export function metresBetween(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return Math.hypot((lon2 - lon1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180), lat2 - lat1) * METRES_PER_DEGREE;
}

/** Metres from a point to the segment a–b. */
export function metresToSegment(lon: number, lat: number, aLon: number, aLat: number, bLon: number, bLat: number): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const px = (lon - aLon) * k;
  const py = lat - aLat;
  const dx = (bLon - aLon) * k;
  const dy = bLat - aLat;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / length2)) : 0;
  return Math.hypot(px - t * dx, py - t * dy) * METRES_PER_DEGREE;
}

/** The item nearest to lon/lat within `maxM` (ties: the first), among those `accept` takes; null if none. */
export function nearestWithin<T>(items: readonly T[], lonLatOf: (item: T) => readonly [number, number], lon: number, lat: number, maxM: number, accept: (item: T) => boolean = () => true): T | null {
  let best: T | null = null;
  let bestM = maxM;
  for (const item of items) {
    if (!accept(item)) continue;
    const [itemLon, itemLat] = lonLatOf(item);
    const d = metresBetween(lon, lat, itemLon, itemLat);
    if (d < bestM || (best === null && d <= bestM)) {
      best = item;
      bestM = d;
    }
  }
  return best;
}
