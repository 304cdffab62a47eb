/**
 * Roads as GeoJSON and the routable, directed graph built from their drivable part.
 *
 * Defaults where OSM has no tag (documented in docs/city-pack.md): speeds follow Chinese urban
 * practice (arterials 60 km/h, secondary 50, branch roads 30–40; Road Traffic Safety Law
 * implementing regulations art. 45: 30 km/h on roads without a centre line, 40 with one lane
 * each way), and lanes follow the class.
 */
import { CITY_PACK_FORMAT, type RoadGraphFile, type RoadProperties } from '../../src/protocol/city-pack.js';
import { haversineMetres } from '../../src/city/local-frame.js';
import { featureTerm } from './name-terms.js';
import { namesOf } from './names.js';
import type { OsmDocument, OsmWay } from './osm-reader.js';

interface RoadClass {
  maxspeed: number;
  lanes: number;
  drivable: boolean;
  onewayByDefault?: boolean;
}

/** Every highway=* value the pack draws, with its defaults. */
export const ROAD_CLASSES: Record<string, RoadClass> = {
  motorway: { maxspeed: 100, lanes: 6, drivable: true, onewayByDefault: true },
  motorway_link: { maxspeed: 60, lanes: 1, drivable: true, onewayByDefault: true },
  trunk: { maxspeed: 80, lanes: 6, drivable: true },
  trunk_link: { maxspeed: 50, lanes: 1, drivable: true },
  primary: { maxspeed: 60, lanes: 4, drivable: true },
  primary_link: { maxspeed: 40, lanes: 1, drivable: true },
  secondary: { maxspeed: 50, lanes: 4, drivable: true },
  secondary_link: { maxspeed: 40, lanes: 1, drivable: true },
  tertiary: { maxspeed: 40, lanes: 2, drivable: true },
  tertiary_link: { maxspeed: 30, lanes: 1, drivable: true },
  unclassified: { maxspeed: 30, lanes: 2, drivable: true },
  residential: { maxspeed: 30, lanes: 2, drivable: true },
  road: { maxspeed: 30, lanes: 2, drivable: true },
  living_street: { maxspeed: 20, lanes: 1, drivable: true },
  service: { maxspeed: 20, lanes: 1, drivable: true },
  pedestrian: { maxspeed: 5, lanes: 1, drivable: false },
  footway: { maxspeed: 5, lanes: 1, drivable: false },
  steps: { maxspeed: 3, lanes: 1, drivable: false },
  path: { maxspeed: 5, lanes: 1, drivable: false },
  cycleway: { maxspeed: 15, lanes: 1, drivable: false },
  track: { maxspeed: 20, lanes: 1, drivable: false },
  bridleway: { maxspeed: 5, lanes: 1, drivable: false },
};

/** Parses maxspeed ("50", "50 km/h", "30 mph") into km/h, or null. */
export function parseMaxspeed(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(value);
  if (!match) return null;
  const speed = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? 1.609344 : 1);
  return speed > 0 ? speed : null;
}

function isDrivable(way: OsmWay, roadClass: RoadClass): boolean {
  const t = way.tags;
  if (!roadClass.drivable) return false;
  if (t.access === 'no' || t.motor_vehicle === 'no' || t.motorcar === 'no' || t.vehicle === 'no') return false;
  return t.area !== 'yes';
}

/** A GeoJSON LineString feature of a road. */
export interface RoadFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: RoadProperties;
}

/** The roads of an extract (every highway=* line the pack draws), in way-id order. */
export function extractRoads(doc: OsmDocument): { features: RoadFeature[]; nodeIds: number[][] } {
  const features: RoadFeature[] = [];
  const nodeIds: number[][] = [];
  const ids = [...doc.ways.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const way = doc.ways.get(id)!;
    const roadClass = ROAD_CLASSES[way.tags.highway ?? ''];
    if (!roadClass || way.tags.area === 'yes') continue;
    const t = way.tags;
    let nodes = way.nodes.filter((n) => doc.coords.has(n));
    if (nodes.length < 2) continue;
    const inferred: RoadProperties['inferred'] = [];
    // oneway=-1 runs against the drawing direction: reverse it so "oneway" always means "as drawn".
    if (t.oneway === '-1' || t.oneway === 'reverse') nodes = [...nodes].reverse();
    let oneway: boolean;
    if (t.oneway === 'yes' || t.oneway === 'true' || t.oneway === '1' || t.oneway === '-1' || t.oneway === 'reverse') oneway = true;
    else if (t.oneway === 'no' || t.oneway === 'false' || t.oneway === '0') oneway = false;
    else {
      oneway = roadClass.onewayByDefault === true || t.junction === 'roundabout' || t.junction === 'circular';
      inferred.push('oneway');
    }
    const taggedLanes = Number(t.lanes);
    const lanes = Number.isInteger(taggedLanes) && taggedLanes > 0 && taggedLanes < 20 ? taggedLanes : (inferred.push('lanes'), oneway ? Math.max(1, Math.ceil(roadClass.lanes / 2)) : roadClass.lanes);
    const maxspeed = parseMaxspeed(t.maxspeed) ?? (inferred.push('maxspeed'), roadClass.maxspeed);
    const names = namesOf(t, featureTerm(t));
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: nodes.map((n) => doc.coords.get(n)!) },
      properties: {
        osm_id: `way/${id}`,
        class: t.highway!,
        name: names.name,
        name_zh: names.zh,
        name_en: names.en,
        name_zh_source: names.zhSource,
        name_en_source: names.enSource,
        lanes,
        oneway,
        maxspeed,
        drivable: isDrivable(way, roadClass),
        bridge: t.bridge !== undefined && t.bridge !== 'no',
        tunnel: t.tunnel !== undefined && t.tunnel !== 'no',
        inferred,
      },
    });
    nodeIds.push(nodes);
  }
  return { features, nodeIds };
}

/** Builds the directed graph over drivable roads: a node wherever roads meet or end. */
export function buildRoadGraph(doc: OsmDocument, roads: RoadFeature[], nodeIds: number[][]): RoadGraphFile {
  const uses = new Map<number, number>();
  roads.forEach((road, r) => {
    if (!road.properties.drivable) return;
    const nodes = nodeIds[r]!;
    nodes.forEach((n, i) => uses.set(n, (uses.get(n) ?? 0) + (i === 0 || i === nodes.length - 1 ? 2 : 1)));
  });

  const graph: RoadGraphFile = {
    format: CITY_PACK_FORMAT,
    nodes: { lon: [], lat: [], osmNode: [] },
    edges: { from: [], to: [], lengthM: [], freeFlowS: [], speedKph: [], lanes: [], road: [], shapeStart: [], shapeCount: [] },
    shape: { lon: [], lat: [] },
  };
  const nodeIndex = new Map<number, number>();
  const graphNode = (osmNode: number): number => {
    let index = nodeIndex.get(osmNode);
    if (index === undefined) {
      index = graph.nodes.lon.length;
      nodeIndex.set(osmNode, index);
      const [lon, lat] = doc.coords.get(osmNode)!;
      graph.nodes.lon.push(lon);
      graph.nodes.lat.push(lat);
      graph.nodes.osmNode.push(osmNode);
    }
    return index;
  };
  const addEdge = (from: number, to: number, shape: [number, number][], road: number): void => {
    const p = roads[road]!.properties;
    let length = 0;
    for (let i = 1; i < shape.length; i++) length += haversineMetres(shape[i - 1]![0], shape[i - 1]![1], shape[i]![0], shape[i]![1]);
    const e = graph.edges;
    e.from.push(from);
    e.to.push(to);
    e.lengthM.push(Number(length.toFixed(2)));
    e.freeFlowS.push(Number((length / (p.maxspeed / 3.6)).toFixed(2)));
    e.speedKph.push(p.maxspeed);
    e.lanes.push(p.oneway ? p.lanes : Math.max(1, Math.floor(p.lanes / 2)));
    e.road.push(road);
    e.shapeStart.push(graph.shape.lon.length);
    e.shapeCount.push(shape.length);
    for (const [lon, lat] of shape) {
      graph.shape.lon.push(lon);
      graph.shape.lat.push(lat);
    }
  };

  roads.forEach((road, r) => {
    if (!road.properties.drivable) return;
    const nodes = nodeIds[r]!;
    let segmentStart = 0;
    for (let i = 1; i < nodes.length; i++) {
      const isJunction = i === nodes.length - 1 || (uses.get(nodes[i]!) ?? 0) >= 2;
      if (!isJunction) continue;
      const a = nodes[segmentStart]!;
      const b = nodes[i]!;
      if (a !== b) {
        const shape = nodes.slice(segmentStart, i + 1).map((n) => doc.coords.get(n)!);
        const from = graphNode(a);
        const to = graphNode(b);
        addEdge(from, to, shape, r);
        if (!road.properties.oneway) addEdge(to, from, [...shape].reverse(), r);
      }
      segmentStart = i;
    }
  });
  return graph;
}

/** Total length of the road features in kilometres. */
export function roadKilometres(roads: RoadFeature[]): number {
  let metres = 0;
  for (const road of roads) {
    const c = road.geometry.coordinates;
    for (let i = 1; i < c.length; i++) metres += haversineMetres(c[i - 1]![0], c[i - 1]![1], c[i]![0], c[i]![1]);
  }
  return metres / 1000;
}
