/** Checks a converted SUMO network against the pack: every graph edge present, connectivity kept. */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import { largestComponentShare, stronglyConnectedComponents } from '../../src/city/road-graph.js';
import { graphEdgeIndex } from './sumo-network.js';

/** The drivable part of a SUMO network: its normal edges and the turns between them. */
export interface SumoNet {
  /** Ids of normal (non-internal) edges. */
  edges: string[];
  /** Turns as pairs of normal edge ids (from, to), one per lane-to-lane connection. */
  connections: [string, string][];
}

/** Streams a .net.xml and keeps its normal edges and their connections. */
export async function readSumoNet(netFile: string): Promise<SumoNet> {
  const edges: string[] = [];
  const connections: [string, string][] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'edge' && tag.attributes.function === undefined) edges.push(String(tag.attributes.id));
    else if (tag.name === 'connection') {
      const from = String(tag.attributes.from);
      // Connections out of internal edges (":junction_0") are the inside of a junction, not a turn.
      if (!from.startsWith(':')) connections.push([from, String(tag.attributes.to)]);
    }
  });
  for await (const chunk of createReadStream(netFile, { encoding: 'utf8' })) parser.write(chunk as string);
  parser.close();
  return { edges, connections };
}

/** How well the SUMO network matches the pack's graph. */
export interface NetworkCheck {
  graphEdges: number;
  /** Graph edges found in the net under their id g<i>. */
  convertedEdges: number;
  missingEdges: number[];
  /** Share of graph length in the largest strongly connected component of the pack's graph. */
  graphLargestComponentShare: number;
  /** The same share in SUMO, where connectivity runs through turns (edges are vertices, connections arcs). */
  sumoLargestComponentShare: number;
}

/** Compares a SUMO network with the graph it was built from. */
export function checkNetwork(graph: Pick<RoadGraphFile, 'nodes' | 'edges'>, net: SumoNet): NetworkCheck {
  const edgeCount = graph.edges.from.length;
  const present = new Uint8Array(edgeCount);
  for (const id of net.edges) {
    const index = graphEdgeIndex(id);
    if (index >= 0 && index < edgeCount) present[index] = 1;
  }
  const missingEdges: number[] = [];
  for (let e = 0; e < edgeCount; e++) if (!present[e]) missingEdges.push(e);
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of net.connections) {
    const i = graphEdgeIndex(a);
    const j = graphEdgeIndex(b);
    if (i >= 0 && j >= 0) {
      from.push(i);
      to.push(j);
    }
  }
  const component = stronglyConnectedComponents(edgeCount, from, to);
  const lengthByComponent = new Map<number, number>();
  let total = 0;
  for (let e = 0; e < edgeCount; e++) {
    const length = graph.edges.lengthM[e]!;
    total += length;
    if (present[e]) lengthByComponent.set(component[e]!, (lengthByComponent.get(component[e]!) ?? 0) + length);
  }
  return {
    graphEdges: edgeCount,
    convertedEdges: edgeCount - missingEdges.length,
    missingEdges,
    graphLargestComponentShare: largestComponentShare(graph),
    sumoLargestComponentShare: total === 0 ? 0 : Math.max(0, ...lengthByComponent.values()) / total,
  };
}
