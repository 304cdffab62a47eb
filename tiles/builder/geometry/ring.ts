/** Planar ring helpers: a ring is an array of [x, y] without the closing repeat of the first point. */

/** A point in the plane (metres in a LocalFrame, or degrees where only topology matters). */
export type Point2 = [number, number];
/** A closed ring, first point not repeated at the end. */
export type Ring = Point2[];

/** Signed area (shoelace): positive when the ring runs counter-clockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    sum += (xj - xi) * (yj + yi);
  }
  return sum / 2;
}

/** The ring turned to run counter-clockwise when `ccw`, else clockwise. */
export function orient(ring: Ring, ccw: boolean): Ring {
  return signedArea(ring) > 0 === ccw ? ring : [...ring].reverse();
}

/** Drops a repeated closing point and consecutive duplicates. */
export function cleanRing(points: Point2[]): Ring {
  const out: Ring = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** Even-odd point-in-ring test. */
export function pointInRing(point: Point2, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Area-weighted centroid of a ring; falls back to the vertex mean for degenerate rings. */
export function ringCentroid(ring: Ring): Point2 {
  let area = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = ring[0] ?? [0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0] - ox;
    const yi = ring[i]![1] - oy;
    const xj = ring[j]![0] - ox;
    const yj = ring[j]![1] - oy;
    const cross = xj * yi - xi * yj;
    area += cross;
    cx += (xi + xj) * cross;
    cy += (yi + yj) * cross;
  }
  if (Math.abs(area) < 1e-12) {
    const n = Math.max(ring.length, 1);
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [ox + cx / (3 * area), oy + cy / (3 * area)];
}
