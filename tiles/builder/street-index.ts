/** The named street nearest a point, to tell apart features that share a name (or have only a category). */
import type { LocalizedName } from '../../src/protocol/city-pack.js';
import type { LocalFrame } from '../../src/city/local-frame.js';
import type { RoadFeature } from './roads.js';

/** How far (m) a street may be and still be "the street it stands on". */
export const STREET_REACH_M = 250;

interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  name: LocalizedName;
}

function distanceToSegment(x: number, y: number, s: Segment): number {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.ax) * dx + (y - s.ay) * dy) / length2));
  return Math.hypot(x - (s.ax + t * dx), y - (s.ay + t * dy));
}

/** Finds the nearest named road within reach of a point; a grid of reach-sized cells keeps it quick. */
export function createStreetIndex(roads: RoadFeature[], frame: LocalFrame, reachM = STREET_REACH_M): (lon: number, lat: number) => LocalizedName | null {
  const cells = new Map<string, Segment[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (const road of roads) {
    const { name_zh: zh, name_en: en } = road.properties;
    if (!zh || !en) continue;
    const name = { zh, en };
    const points = road.geometry.coordinates.map(([lon, lat]) => frame.toLocal(lon, lat));
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const segment = { ax, ay, bx, by, name };
      const seen = new Set<string>();
      // A segment goes into every cell its bounding box touches.
      for (let cx = Math.floor(Math.min(ax, bx) / reachM); cx <= Math.floor(Math.max(ax, bx) / reachM); cx++) {
        for (let cy = Math.floor(Math.min(ay, by) / reachM); cy <= Math.floor(Math.max(ay, by) / reachM); cy++) {
          const k = key(cx, cy);
          if (seen.has(k)) continue;
          seen.add(k);
          const list = cells.get(k) ?? [];
          list.push(segment);
          cells.set(k, list);
        }
      }
    }
  }
  return (lon, lat) => {
    const [x, y] = frame.toLocal(lon, lat);
    const cx = Math.floor(x / reachM);
    const cy = Math.floor(y / reachM);
    let best: { distance: number; name: LocalizedName } | null = null;
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        for (const segment of cells.get(key(i, j)) ?? []) {
          const distance = distanceToSegment(x, y, segment);
          if (distance <= reachM && (!best || distance < best.distance)) best = { distance, name: segment.name };
        }
      }
    }
    return best?.name ?? null;
  };
}
