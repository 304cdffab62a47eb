/**
 * Three-level parking guidance, engine-free (the layout of city guidance systems: level 1 on the
 * main roads into a district, level 2 on the distributor roads near the lots, level 3 at each lot).
 *
 * Placement rule (docs/live-layers.md):
 *  - Lots are grouped into districts by single linkage: two lots within `districtRadiusM` share a district.
 *  - Level 1: one sign per district at the graph node on a main road (trunk/primary or their links)
 *    nearest to the district's capacity-weighted centre; districts landing on one node share the sign.
 *    It shows the district's free spaces in total.
 *  - Level 2: each lot is announced at the secondary-road node nearest to it within `level2MaxM`
 *    (none if farther); lots on one node share the sign, nearest first, at most `level2MaxLots`.
 *  - Level 3: at each lot, free / total, coloured by availability.
 */
import { metresBetween } from '../../city/local-frame';
import type { RoadGraphFile } from '../../protocol/city-pack';

/** A car park as the feed reports it. */
export interface Lot {
  id: string;
  name: string | null;
  lon: number;
  lat: number;
  total: number;
  available: number;
}

/** Availability classes of a lot or district. */
export type Availability = 'ample' | 'limited' | 'few' | 'full' | 'closed';

/** What a sign shows of some spaces. */
export interface SpacesDisplay {
  free: number;
  total: number;
  availability: Availability;
}

/** A sign at a graph node, naming the lots it covers (nearest first for level 2). */
export interface GuidanceSign {
  level: 1 | 2;
  node: number;
  lon: number;
  lat: number;
  lotIds: string[];
  /** Level 2: metres from the sign to each lot, same order as lotIds. */
  distancesM: number[];
}

/** Options of the placement. */
export interface SignPlanOptions {
  districtRadiusM: number;
  level2MaxM: number;
  level2MaxLots: number;
}

export const SIGN_PLAN_DEFAULTS: SignPlanOptions = { districtRadiusM: 800, level2MaxM: 400, level2MaxLots: 2 };

/** Highway classes of level-1 (main) and level-2 (secondary) roads. */
export const MAIN_ROADS = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link']);
export const SECONDARY_ROADS = new Set(['secondary', 'secondary_link']);

/** Share of free spaces from which a lot counts as ample, limited, few. */
export const AMPLE_SHARE = 0.3;
export const LIMITED_SHARE = 0.1;

/** Colour of each availability class. */
export const AVAILABILITY_COLOURS: Record<Availability, string> = {
  ample: '#16a34a',
  limited: '#ca8a04',
  few: '#ea580c',
  full: '#dc2626',
  closed: '#64748b',
};

/** Free and total spaces as shown: never negative, never more free than total, whole numbers. */
export function spacesDisplay(total: number, available: number): SpacesDisplay {
  const capacity = Number.isFinite(total) ? Math.max(0, Math.round(total)) : 0;
  const free = Number.isFinite(available) ? Math.min(capacity, Math.max(0, Math.round(available))) : 0;
  if (capacity === 0) return { free: 0, total: 0, availability: 'closed' };
  const share = free / capacity;
  const availability: Availability = free === 0 ? 'full' : share >= AMPLE_SHARE ? 'ample' : share >= LIMITED_SHARE ? 'limited' : 'few';
  return { free, total: capacity, availability };
}

/** Sum of several lots' spaces, each clamped first. */
export function districtDisplay(lots: Pick<Lot, 'total' | 'available'>[]): SpacesDisplay {
  let free = 0;
  let total = 0;
  for (const lot of lots) {
    const one = spacesDisplay(lot.total, lot.available);
    free += one.free;
    total += one.total;
  }
  return spacesDisplay(total, free);
}

/** Districts: indices of lots grouped by single linkage within `radiusM`. */
export function groupDistricts(lots: Pick<Lot, 'lon' | 'lat'>[], radiusM: number): number[][] {
  const district = new Int32Array(lots.length).fill(-1);
  const groups: number[][] = [];
  for (let seed = 0; seed < lots.length; seed++) {
    if (district[seed] !== -1) continue;
    const group = [seed];
    district[seed] = groups.length;
    for (let k = 0; k < group.length; k++) {
      const a = lots[group[k]!]!;
      for (let j = 0; j < lots.length; j++) {
        if (district[j] !== -1) continue;
        if (metresBetween(a.lon, a.lat, lots[j]!.lon, lots[j]!.lat) <= radiusM) {
          district[j] = groups.length;
          group.push(j);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

/** Nodes touched by an edge whose class is in `classes`. */
export function nodesOnRoads(graph: Pick<RoadGraphFile, 'edges'>, edgeClass: readonly string[], classes: Set<string>): number[] {
  const nodes = new Set<number>();
  for (let e = 0; e < graph.edges.from.length; e++) {
    if (!classes.has(edgeClass[e]!)) continue;
    nodes.add(graph.edges.from[e]!);
    nodes.add(graph.edges.to[e]!);
  }
  return [...nodes].sort((a, b) => a - b);
}

function nearestNode(graph: Pick<RoadGraphFile, 'nodes'>, candidates: number[], lon: number, lat: number): { node: number; distanceM: number } | null {
  let best: { node: number; distanceM: number } | null = null;
  for (const node of candidates) {
    const d = metresBetween(lon, lat, graph.nodes.lon[node]!, graph.nodes.lat[node]!);
    if (!best || d < best.distanceM) best = { node, distanceM: d };
  }
  return best;
}

/** Places the level-1 and level-2 signs for a set of lots (see the rule at the top of the file). */
export function planParkingSigns(graph: Pick<RoadGraphFile, 'nodes' | 'edges'>, edgeClass: readonly string[], lots: Lot[], options: SignPlanOptions = SIGN_PLAN_DEFAULTS): GuidanceSign[] {
  const signs: GuidanceSign[] = [];
  const mainNodes = nodesOnRoads(graph, edgeClass, MAIN_ROADS);
  const level1 = new Map<number, GuidanceSign>();
  for (const group of groupDistricts(lots, options.districtRadiusM)) {
    let weight = 0;
    let lon = 0;
    let lat = 0;
    for (const i of group) {
      const w = Math.max(1, lots[i]!.total);
      weight += w;
      lon += lots[i]!.lon * w;
      lat += lots[i]!.lat * w;
    }
    const near = nearestNode(graph, mainNodes, lon / weight, lat / weight);
    if (!near) continue;
    const sign = level1.get(near.node) ?? { level: 1, node: near.node, lon: graph.nodes.lon[near.node]!, lat: graph.nodes.lat[near.node]!, lotIds: [], distancesM: [] };
    for (const i of group) sign.lotIds.push(lots[i]!.id);
    level1.set(near.node, sign);
  }
  signs.push(...level1.values());

  const secondaryNodes = nodesOnRoads(graph, edgeClass, SECONDARY_ROADS).filter((node) => !level1.has(node));
  const level2 = new Map<number, { lotId: string; distanceM: number }[]>();
  for (const lot of lots) {
    const near = nearestNode(graph, secondaryNodes, lot.lon, lot.lat);
    if (!near || near.distanceM > options.level2MaxM) continue;
    const list = level2.get(near.node) ?? [];
    list.push({ lotId: lot.id, distanceM: near.distanceM });
    level2.set(near.node, list);
  }
  for (const [node, list] of [...level2].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.distanceM - b.distanceM);
    const kept = list.slice(0, options.level2MaxLots);
    signs.push({ level: 2, node, lon: graph.nodes.lon[node]!, lat: graph.nodes.lat[node]!, lotIds: kept.map((x) => x.lotId), distancesM: kept.map((x) => Math.round(x.distanceM)) });
  }
  return signs;
}
