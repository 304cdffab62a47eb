/**
 * A local east-north frame around a city's centre, in metres. An equirectangular projection is
 * accurate to well under a millimetre per metre over a city-sized extract (tens of km), which is
 * all the builder needs for areas, lengths and triangulation.
 */
const EARTH_RADIUS_M = 6_371_008.8; // mean radius (IUGG)

/** Projects lon/lat degrees to metres east/north of an origin, and back. */
export interface LocalFrame {
  readonly originLon: number;
  readonly originLat: number;
  toLocal(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

/** A local frame with its origin at (originLon, originLat). */
export function createLocalFrame(originLon: number, originLat: number): LocalFrame {
  const metresPerDegreeLat = (Math.PI / 180) * EARTH_RADIUS_M;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((originLat * Math.PI) / 180);
  return {
    originLon,
    originLat,
    toLocal: (lon, lat) => [(lon - originLon) * metresPerDegreeLon, (lat - originLat) * metresPerDegreeLat],
    toLonLat: (x, y) => [originLon + x / metresPerDegreeLon, originLat + y / metresPerDegreeLat],
  };
}

/** Great-circle distance in metres between two lon/lat points (haversine). */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
