/** Shifts a lon/lat polyline sideways by metres (right of travel positive), so two directions of one street draw apart. */
import { METRES_PER_DEGREE } from '../../city/local-frame';

/** The polyline moved `metres` to the right of its direction of travel (mitred by averaging the two segment normals). */
export function offsetLine(lon: ArrayLike<number>, lat: ArrayLike<number>, start: number, count: number, metres: number): [number, number][] {
  const kx = METRES_PER_DEGREE * Math.cos((lat[start]! * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  const normal = (i: number): [number, number] => {
    const dx = (lon[start + i + 1]! - lon[start + i]!) * kx;
    const dy = (lat[start + i + 1]! - lat[start + i]!) * ky;
    const length = Math.hypot(dx, dy);
    return length > 0 ? [dy / length, -dx / length] : [0, 0];
  };
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const a = i > 0 ? normal(i - 1) : null;
    const b = i < count - 1 ? normal(i) : null;
    let nx = (a?.[0] ?? 0) + (b?.[0] ?? 0);
    let ny = (a?.[1] ?? 0) + (b?.[1] ?? 0);
    const length = Math.hypot(nx, ny);
    if (length > 0) {
      nx /= length;
      ny /= length;
    }
    out.push([lon[start + i]! + (nx * metres) / kx, lat[start + i]! + (ny * metres) / ky]);
  }
  return out;
}
