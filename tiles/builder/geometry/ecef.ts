/** WGS84 geodetic ↔ Earth-centred Earth-fixed conversions and local east-north-up frames. */
const WGS84_A = 6_378_137.0;
const WGS84_E2 = 6.694_379_990_141_316e-3; // first eccentricity squared

/** Earth-centred, Earth-fixed coordinates in metres. */
export type Ecef = [number, number, number];

/** ECEF position of a WGS84 longitude/latitude (degrees) at a height above the ellipsoid (metres). */
export function geodeticToEcef(lon: number, lat: number, height: number): Ecef {
  const λ = (lon * Math.PI) / 180;
  const φ = (lat * Math.PI) / 180;
  const sinφ = Math.sin(φ);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinφ * sinφ);
  return [(n + height) * Math.cos(φ) * Math.cos(λ), (n + height) * Math.cos(φ) * Math.sin(λ), (n * (1 - WGS84_E2) + height) * sinφ];
}

/** A local east-north-up frame tangent to the ellipsoid at a point. */
export interface EnuFrame {
  /** ECEF metres → [east, north, up] metres in this frame. */
  fromEcef(p: Ecef): [number, number, number];
  /** The frame as a column-major 4×4 matrix (ENU → ECEF), the form a 3D Tiles `transform` takes. */
  matrix(): number[];
}

/** The east-north-up frame at lon/lat (degrees) on the ellipsoid. */
export function enuFrameAt(lon: number, lat: number): EnuFrame {
  const λ = (lon * Math.PI) / 180;
  const φ = (lat * Math.PI) / 180;
  const east: Ecef = [-Math.sin(λ), Math.cos(λ), 0];
  const north: Ecef = [-Math.sin(φ) * Math.cos(λ), -Math.sin(φ) * Math.sin(λ), Math.cos(φ)];
  const up: Ecef = [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)];
  const origin = geodeticToEcef(lon, lat, 0);
  const dot = (a: Ecef, b: Ecef): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return {
    fromEcef(p) {
      const d: Ecef = [p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]];
      return [dot(d, east), dot(d, north), dot(d, up)];
    },
    matrix: () => [...east, 0, ...north, 0, ...up, 0, ...origin, 1],
  };
}
