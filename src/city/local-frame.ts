/**
 * The one local frame of a city: lon/lat degrees as metres east/north of an origin on a flat
 * (equirectangular) approximation, and distances on it. Within 0.2 % of the great circle across a
 * district and far cheaper in a loop. The browser, the server and the pack builder all measure with
 * this one Earth radius, so what each places in metres (buildings, roads, vehicles, SUMO's network)
 * lines up with the others.
 */

/** Mean Earth radius (IUGG), m. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Metres per degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

/** Projects lon/lat degrees to metres east/north of an origin, and back. */
export interface LocalFrame {
  readonly originLon: number;
  readonly originLat: number;
  toLocal(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

/** A local frame with its origin at (originLon, originLat); longitude is scaled at the origin's latitude. */
export function createLocalFrame(originLon: number, originLat: number): LocalFrame {
  const metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((originLat * Math.PI) / 180);
  return {
    originLon,
    originLat,
    toLocal: (lon, lat) => [(lon - originLon) * metresPerDegreeLon, (lat - originLat) * METRES_PER_DEGREE],
    toLonLat: (x, y) => [originLon + x / metresPerDegreeLon, originLat + y / METRES_PER_DEGREE],
  };
}

/** Metres between two lon/lat points (longitude scaled at their mean latitude). */
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

/** Great-circle distance in metres between two lon/lat points (haversine), for lengths that span more than a district. */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
