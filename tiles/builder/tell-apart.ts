/**
 * Places of one category that share a name: pieces of one place (a park mapped as four areas, a
 * bus stop on both sides of the road) stand close together and keep the one name, so a list shows
 * them once, and so do pieces spread along one street; different places of that name on different
 * streets get their street: 公园（银城中路）, 公园（滨江大道）.
 */
import type { LocalFrame } from '../../src/city/local-frame.js';
import type { PlaceFeature, StreetAt } from './places.js';

/** Places of one category and name within this many metres of each other (chained) are one place. */
export const SAME_PLACE_M = 400;

/** Groups of indices whose points are chained within `reachM` (single linkage). */
export function clusterByDistance(points: [number, number][], reachM: number): number[][] {
  const cluster = new Int32Array(points.length).fill(-1);
  const clusters: number[][] = [];
  for (let seed = 0; seed < points.length; seed++) {
    if (cluster[seed] !== -1) continue;
    const members = [seed];
    cluster[seed] = clusters.length;
    for (let k = 0; k < members.length; k++) {
      const [x, y] = points[members[k]!]!;
      for (let j = 0; j < points.length; j++) {
        if (cluster[j] === -1 && Math.hypot(points[j]![0] - x, points[j]![1] - y) <= reachM) {
          cluster[j] = clusters.length;
          members.push(j);
        }
      }
    }
    clusters.push(members);
  }
  return clusters;
}

/** Adds the street to the zh and en names of same-named places that are different places (in place). */
export function tellApart(places: PlaceFeature[], frame: LocalFrame, streetAt: StreetAt): void {
  for (const key of ['name_zh', 'name_en'] as const) {
    const groups = new Map<string, PlaceFeature[]>();
    for (const place of places) {
      const name = place.properties[key];
      if (name === null) continue;
      const group = `${place.properties.category}\u0000${name}`;
      groups.set(group, [...(groups.get(group) ?? []), place]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const clusters = clusterByDistance(
        group.map((p) => frame.toLocal(...p.geometry.coordinates)),
        SAME_PLACE_M,
      );
      if (clusters.length < 2) continue;
      const streets = clusters.map((members) => streetAt(...group[members[0]!]!.geometry.coordinates));
      // Pieces spread along one street (a riverside park beside its promenade) stay one place.
      if (new Set(streets.map((s) => s?.zh ?? '')).size < 2) continue;
      clusters.forEach((members, c) => {
        const street = streets[c];
        if (!street) return;
        for (const index of members) {
          const properties = group[index]!.properties;
          const streetName = key === 'name_zh' ? street.zh : street.en;
          if (properties[key]!.includes(streetName)) continue;
          properties[key] = key === 'name_zh' ? `${properties[key]}（${streetName}）` : `${properties[key]} (${streetName})`;
        }
      });
    }
  }
}
