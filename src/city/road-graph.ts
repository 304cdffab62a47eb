/** Engine-free analysis of a city pack's directed road graph. */
import type { RoadGraphFile } from '../protocol/city-pack.js';
import { createRoutingGraph } from './shortest-path.js';

/**
 * Strongly connected components (Tarjan, iterative so a long road does not overflow the stack).
 * Returns the component index of every node.
 */
export function stronglyConnectedComponents(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): Int32Array {
  // The router's compressed-row index: node v's edges are edgeOrder[start[v] .. start[v + 1]).
  const { rowStart: start, edgeOrder } = createRoutingGraph(nodeCount, from, to);

  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const component = new Int32Array(nodeCount).fill(-1);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;
  let components = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(start[root]!);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const v = callNode[callNode.length - 1]!;
      const e = callEdge[callEdge.length - 1]!;
      if (e < start[v + 1]!) {
        callEdge[callEdge.length - 1] = e + 1;
        const w = to[edgeOrder[e]!]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(start[w]!);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      const parent = callNode[callNode.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** Share of total edge length whose both ends lie in the largest (by length) strongly connected component. */
export function largestComponentShare(graph: Pick<RoadGraphFile, 'nodes' | 'edges'>): number {
  const { from, to, lengthM } = graph.edges;
  const component = stronglyConnectedComponents(graph.nodes.lon.length, from, to);
  const lengthByComponent = new Map<number, number>();
  let total = 0;
  for (let e = 0; e < from.length; e++) {
    total += lengthM[e]!;
    const c = component[from[e]!]!;
    if (c === component[to[e]!]) lengthByComponent.set(c, (lengthByComponent.get(c) ?? 0) + lengthM[e]!);
  }
  if (total === 0) return 0;
  return Math.max(0, ...lengthByComponent.values()) / total;
}
