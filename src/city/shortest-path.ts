/** Fastest paths on a directed road graph (Dijkstra with a binary heap), engine-free. */

/** A graph in compressed-row form, built once from the pack's edge arrays. */
export interface RoutingGraph {
  nodeCount: number;
  /** Outgoing edges of node n are edgeOrder[rowStart[n] .. rowStart[n + 1]). */
  rowStart: Int32Array;
  edgeOrder: Int32Array;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

/** Indexes edges by their start node. */
export function createRoutingGraph(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): RoutingGraph {
  const rowStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < from.length; e++) rowStart[from[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) rowStart[n + 1]! += rowStart[n]!;
  const fill = rowStart.slice(0, nodeCount);
  const edgeOrder = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) edgeOrder[fill[from[e]!]!++] = e;
  return { nodeCount, rowStart, edgeOrder, from, to };
}

/** A path: the edges in order and its total cost. */
export interface Path {
  edges: number[];
  cost: number;
}

/** A min-heap of (cost, node) pairs. */
class Heap {
  private costs: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.costs.length;
  }

  push(cost: number, node: number): void {
    let i = this.costs.length;
    this.costs.push(cost);
    this.nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.costs[parent]! <= cost) break;
      this.costs[i] = this.costs[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.costs[i] = cost;
    this.nodes[i] = node;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.costs[0]!, this.nodes[0]!];
    const cost = this.costs.pop()!;
    const node = this.nodes.pop()!;
    const n = this.costs.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const child = left + 1 < n && this.costs[left + 1]! < this.costs[left]! ? left + 1 : left;
        if (this.costs[child]! >= cost) break;
        this.costs[i] = this.costs[child]!;
        this.nodes[i] = this.nodes[child]!;
        i = child;
      }
      this.costs[i] = cost;
      this.nodes[i] = node;
    }
    return top;
  }
}

/**
 * The cheapest path from `source` to `target` where edge e costs `cost(e)` (non-negative;
 * Infinity closes the edge), or null when the target cannot be reached.
 */
export function shortestPath(graph: RoutingGraph, source: number, target: number, cost: (edge: number) => number): Path | null {
  const distance = new Float64Array(graph.nodeCount).fill(Infinity);
  const via = new Int32Array(graph.nodeCount).fill(-1);
  const heap = new Heap();
  distance[source] = 0;
  heap.push(0, source);
  while (heap.size > 0) {
    const [d, node] = heap.pop();
    if (d > distance[node]!) continue;
    if (node === target) break;
    for (let k = graph.rowStart[node]!; k < graph.rowStart[node + 1]!; k++) {
      const edge = graph.edgeOrder[k]!;
      const next = graph.to[edge]!;
      const candidate = d + cost(edge);
      if (candidate < distance[next]!) {
        distance[next] = candidate;
        via[next] = edge;
        heap.push(candidate, next);
      }
    }
  }
  if (!Number.isFinite(distance[target]!)) return null;
  const edges: number[] = [];
  for (let node = target; node !== source; node = graph.from[via[node]!]!) edges.push(via[node]!);
  return { edges: edges.reverse(), cost: distance[target]! };
}
