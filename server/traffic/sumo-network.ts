/**
 * The city pack's road graph as a SUMO network: one SUMO edge `g<i>` per graph edge i (the id is
 * the mapping), one SUMO node `n<j>` per graph node, written as plain XML and converted with
 * netconvert using options that neither remove nor merge edges, so vehicles drive exactly the
 * roads the pack draws.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import { runSumoProgram } from './sumo-process.js';
import { localProjection, type RoadInfo, type TrafficCity } from './traffic-city.js';

/** SUMO edge priority by OSM highway class (higher wins at unsignalised junctions); links one below their road. */
export const ROAD_PRIORITY: Readonly<Record<string, number>> = {
  motorway: 14,
  trunk: 13,
  primary: 12,
  secondary: 11,
  tertiary: 10,
  unclassified: 8,
  residential: 7,
  living_street: 6,
  service: 5,
};

/** Classes whose crossings get traffic lights. */
export const SIGNALISED_CLASSES: ReadonlySet<string> = new Set(['motorway', 'trunk', 'primary', 'secondary']);

/** The class a link road belongs to ("primary_link" → "primary"). */
export const baseClass = (roadClass: string): string => roadClass.replace(/_link$/, '');

/** SUMO priority of a road. */
export function roadPriority(road: RoadInfo | undefined): number {
  if (!road) return 4;
  const base = ROAD_PRIORITY[baseClass(road.class)] ?? 4;
  return road.class.endsWith('_link') ? base - 1 : base;
}

/** The SUMO edge id of graph edge i. */
export const sumoEdgeId = (edge: number): string => `g${edge}`;

/** The graph edge index of a SUMO edge id, or -1 for an edge that is not one of ours (internal, closure detour…). */
export function graphEdgeIndex(sumoId: string): number {
  const match = /^g(\d+)$/.exec(sumoId);
  return match ? Number(match[1]) : -1;
}

/**
 * Nodes that get a traffic light: where at least two different major roads (trunk, primary,
 * secondary, or their links; told apart by name, else by OSM way) meet and at least three
 * distinct neighbouring nodes are connected — a real crossing, not a road splitting at a driveway
 * or a change of name along one street.
 */
export function trafficLightNodes(graph: Pick<RoadGraphFile, 'nodes' | 'edges'>, roads: RoadInfo[]): Set<number> {
  const nodeCount = graph.nodes.lon.length;
  const majorRoads: Set<string>[] = Array.from({ length: nodeCount }, () => new Set());
  const neighbours: Set<number>[] = Array.from({ length: nodeCount }, () => new Set());
  const { from, to, road } = graph.edges;
  for (let e = 0; e < from.length; e++) {
    const info = roads[road[e]!];
    const a = from[e]!;
    const b = to[e]!;
    neighbours[a]!.add(b);
    neighbours[b]!.add(a);
    if (info && SIGNALISED_CLASSES.has(baseClass(info.class))) {
      const key = info.name ?? `road-${road[e]}`;
      majorRoads[a]!.add(key);
      majorRoads[b]!.add(key);
    }
  }
  const lights = new Set<number>();
  for (let n = 0; n < nodeCount; n++) if (majorRoads[n]!.size >= 2 && neighbours[n]!.size >= 3) lights.add(n);
  return lights;
}

/** SUMO plain XML of the network. */
export interface PlainNetwork {
  nodesXml: string;
  edgesXml: string;
  trafficLights: number;
}

const fixed = (value: number): string => value.toFixed(2);

/** Changes a what-if makes to the network. */
export interface NetworkChanges {
  /** Graph edges left out of the network: closed roads. */
  closed?: ReadonlySet<number>;
  /** Every speed limit × this (bad weather). */
  speedFactor?: number;
}

/** Writes the graph as SUMO plain nodes and edges, in metres around the city's centre. */
export function plainNetwork(city: Pick<TrafficCity, 'graph' | 'roads' | 'manifest'>, changes: NetworkChanges = {}): PlainNetwork {
  const closed = changes.closed ?? new Set<number>();
  const speedFactor = changes.speedFactor ?? 1;
  const { graph, roads } = city;
  const project = localProjection(city.manifest.centre[0], city.manifest.centre[1]);
  const lights = trafficLightNodes(graph, roads);
  const degree = new Int32Array(graph.nodes.lon.length);
  for (let e = 0; e < graph.edges.from.length; e++) {
    degree[graph.edges.from[e]!]!++;
    degree[graph.edges.to[e]!]!++;
  }
  const nodes = ['<nodes>'];
  for (let n = 0; n < graph.nodes.lon.length; n++) {
    const [x, y] = project(graph.nodes.lon[n]!, graph.nodes.lat[n]!);
    // Dead ends and bends are left to netconvert; crossings are priority unless signalised.
    const type = lights.has(n) ? ' type="traffic_light"' : degree[n]! >= 3 ? ' type="priority"' : '';
    nodes.push(`  <node id="n${n}" x="${fixed(x)}" y="${fixed(y)}"${type}/>`);
  }
  nodes.push('</nodes>');
  const edges = ['<edges>'];
  const { from, to, lengthM, speedKph, lanes, road, shapeStart, shapeCount } = graph.edges;
  for (let e = 0; e < from.length; e++) {
    if (closed.has(e)) continue;
    const points: string[] = [];
    for (let k = shapeStart[e]!; k < shapeStart[e]! + shapeCount[e]!; k++) {
      const [x, y] = project(graph.shape.lon[k]!, graph.shape.lat[k]!);
      points.push(`${fixed(x)},${fixed(y)}`);
    }
    // The pack's length is kept so SUMO's travel times and our vehicle-km agree with the map.
    const length = Math.max(0.1, lengthM[e]!);
    edges.push(
      `  <edge id="${sumoEdgeId(e)}" from="n${from[e]}" to="n${to[e]}" priority="${roadPriority(roads[road[e]!])}" numLanes="${lanes[e]}" speed="${fixed((speedKph[e]! / 3.6) * speedFactor)}" length="${fixed(length)}" shape="${points.join(' ')}"/>`,
    );
  }
  edges.push('</edges>');
  return { nodesXml: `${nodes.join('\n')}\n`, edgesXml: `${edges.join('\n')}\n`, trafficLights: lights.size };
}

/**
 * netconvert options. Defaults already keep every edge (no --geometry.remove, --edges.join,
 * --junctions.join or --remove-edges.isolated); tls.join makes the four signals of a dual
 * carriageway crossing one controller, so its phases do not fight each other.
 */
export const NETCONVERT_OPTIONS = [
  '--offset.disable-normalization',
  'true',
  '--tls.join',
  'true',
  '--tls.join-dist',
  '30',
  '--tls.default-type',
  'static',
  '--junctions.corner-detail',
  '0',
  '--no-warnings',
  'true',
];

/** Files of a converted network. */
export interface NetworkFiles {
  netFile: string;
  nodesFile: string;
  edgesFile: string;
  trafficLights: number;
  seconds: number;
}

/** Writes the plain XML into `dir` and converts it to `dir/city.net.xml`. */
export async function convertNetwork(city: Pick<TrafficCity, 'graph' | 'roads' | 'manifest' | 'id'>, dir: string, signal?: AbortSignal, changes: NetworkChanges = {}): Promise<NetworkFiles> {
  const network = plainNetwork(city, changes);
  const nodesFile = join(dir, 'city.nod.xml');
  const edgesFile = join(dir, 'city.edg.xml');
  const netFile = join(dir, 'city.net.xml');
  await writeFile(nodesFile, network.nodesXml);
  await writeFile(edgesFile, network.edgesXml);
  await writeFile(join(dir, 'mapping.json'), `${JSON.stringify({ city: city.id, rule: 'SUMO edge g<i> is graph edge i; SUMO node n<j> is graph node j', roadOfEdge: city.graph.edges.road })}\n`);
  const result = await runSumoProgram('netconvert', ['--node-files', nodesFile, '--edge-files', edgesFile, '--output-file', netFile, ...NETCONVERT_OPTIONS], { signal, timeoutMs: 300_000 });
  return { netFile, nodesFile, edgesFile, trafficLights: network.trafficLights, seconds: result.seconds };
}
