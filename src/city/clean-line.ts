/**
 * Engine-free clean-up of road lines before Cesium extrudes them: screen-space polylines join
 * segments with a miter, and a near-U-turn (a "spike" out and back) makes that miter near infinite,
 * painting a huge dark wedge over the city. Such lines are split at the spike; repeated points dropped.
 */

/** Turns sharper than this (degrees away from straight on) split the line. */
export const MAX_TURN_DEG = 150;

/** Splits a lon/lat line into parts without duplicate points or near-U-turns; parts have ≥ 2 points. */
export function cleanLine(coordinates: readonly [number, number][]): [number, number][][] {
  const points: [number, number][] = [];
  for (const point of coordinates) {
    const last = points.at(-1);
    if (!last || Math.abs(last[0] - point[0]) > 1e-9 || Math.abs(last[1] - point[1]) > 1e-9) points.push(point);
  }
  const parts: [number, number][][] = [];
  let current: [number, number][] = points.slice(0, 1);
  const cosLimit = Math.cos(((180 - MAX_TURN_DEG) * Math.PI) / 180);
  for (let i = 1; i < points.length; i++) {
    const point = points[i]!;
    const previous = points[i - 1]!;
    const next = points[i + 1];
    current.push(point);
    if (!next) break;
    // Longitude shrinks with latitude; scale it so angles are true on the ground.
    const kx = Math.cos((point[1] * Math.PI) / 180);
    const ax = (point[0] - previous[0]) * kx;
    const ay = point[1] - previous[1];
    const bx = (next[0] - point[0]) * kx;
    const by = next[1] - point[1];
    const cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
    if (cos < -cosLimit) {
      parts.push(current);
      current = [point];
    }
  }
  parts.push(current);
  return parts.filter((part) => part.length >= 2);
}
