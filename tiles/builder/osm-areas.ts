/** Turns closed ways and multipolygon relations into polygons with holes (lon/lat degrees). */
import type { OsmDocument, OsmWay, Tags } from './osm-reader.js';
import { cleanRing, pointInRing, signedArea, type Point2, type Ring } from './geometry/ring.js';

/** One polygon of an area: an outer ring and its holes, lon/lat. */
export interface LonLatPolygon {
  outer: Ring;
  holes: Ring[];
}

/** An OSM object that is an area: a closed way, or a multipolygon relation. */
export interface OsmArea {
  /** "way/123" or "relation/456". */
  osmId: string;
  tags: Tags;
  polygons: LonLatPolygon[];
}

/** Counts of what could not be assembled, reported in the build summary. */
export interface AreaWarnings {
  missingNodes: number;
  unclosedRings: number;
}

/** Keys whose presence makes a closed way an area even without area=yes. */
function isAreaByDefault(tags: Tags): boolean {
  if (tags.area === 'no') return false;
  if (tags.area === 'yes') return true;
  // Closed highways, barriers and waterways are lines (roundabouts, fences, canals) unless area=yes.
  if (tags.highway || tags.barrier || tags.waterway || tags.railway) return tags.waterway === 'riverbank';
  return true;
}

/** The coordinates of a node list; missing references are dropped and counted. */
function resolve(doc: OsmDocument, nodes: number[], warnings: AreaWarnings): Point2[] {
  const out: Point2[] = [];
  for (const id of nodes) {
    const c = doc.coords.get(id);
    if (c) out.push(c);
    else warnings.missingNodes++;
  }
  return out;
}

/** Joins way node lists end to end into closed rings (node ids); leftovers are unclosed. */
export function joinRings(wayNodeLists: number[][]): { rings: number[][]; unclosed: number } {
  const pool = wayNodeLists.filter((nodes) => nodes.length >= 2).map((nodes) => [...nodes]);
  const rings: number[][] = [];
  let unclosed = 0;
  while (pool.length > 0) {
    let ring = pool.shift()!;
    let grown = true;
    while (ring[0] !== ring[ring.length - 1] && grown) {
      grown = false;
      const end = ring[ring.length - 1];
      for (let i = 0; i < pool.length; i++) {
        const candidate = pool[i]!;
        if (candidate[0] === end) ring = ring.concat(candidate.slice(1));
        else if (candidate[candidate.length - 1] === end) ring = ring.concat([...candidate].reverse().slice(1));
        else continue;
        pool.splice(i, 1);
        grown = true;
        break;
      }
    }
    if (ring.length >= 4 && ring[0] === ring[ring.length - 1]) rings.push(ring);
    else unclosed++;
  }
  return { rings, unclosed };
}

function closedWayPolygon(doc: OsmDocument, way: OsmWay, warnings: AreaWarnings): LonLatPolygon | null {
  const ring = cleanRing(resolve(doc, way.nodes, warnings));
  return ring.length >= 3 && signedArea(ring) !== 0 ? { outer: ring, holes: [] } : null;
}

/** Every area in the document whose tags pass `wanted`, in a deterministic order (ways, then relations, by id). */
export function collectAreas(doc: OsmDocument, wanted: (tags: Tags) => boolean, warnings: AreaWarnings): OsmArea[] {
  const areas: OsmArea[] = [];
  const wayIds = [...doc.ways.keys()].sort((a, b) => a - b);
  for (const id of wayIds) {
    const way = doc.ways.get(id)!;
    if (way.nodes.length < 4 || way.nodes[0] !== way.nodes[way.nodes.length - 1]) continue;
    if (!wanted(way.tags) || !isAreaByDefault(way.tags)) continue;
    const polygon = closedWayPolygon(doc, way, warnings);
    if (polygon) areas.push({ osmId: `way/${id}`, tags: way.tags, polygons: [polygon] });
  }

  const relationIds = [...doc.relations.keys()].sort((a, b) => a - b);
  for (const id of relationIds) {
    const relation = doc.relations.get(id)!;
    const type = relation.tags.type;
    if (type !== 'multipolygon' && type !== 'boundary') continue;
    if (!wanted(relation.tags)) continue;
    const byRole = (role: 'outer' | 'inner'): number[][] =>
      relation.members
        .filter((m) => m.type === 'way' && (m.role === role || (role === 'outer' && m.role === '')))
        .map((m) => doc.ways.get(m.ref)?.nodes)
        .filter((nodes): nodes is number[] => nodes !== undefined);
    const outers = joinRings(byRole('outer'));
    const inners = joinRings(byRole('inner'));
    warnings.unclosedRings += outers.unclosed + inners.unclosed;
    const outerRings = outers.rings.map((r) => cleanRing(resolve(doc, r, warnings))).filter((r) => r.length >= 3);
    const innerRings = inners.rings.map((r) => cleanRing(resolve(doc, r, warnings))).filter((r) => r.length >= 3);
    const polygons: LonLatPolygon[] = outerRings.map((outer) => ({ outer, holes: [] }));
    for (const hole of innerRings) {
      const owner = polygons.find((p) => pointInRing(hole[0]!, p.outer));
      owner?.holes.push(hole);
    }
    if (polygons.length > 0) areas.push({ osmId: `relation/${id}`, tags: relation.tags, polygons });
  }
  return areas;
}
