/**
 * Dijkstra on reduced costs for the successive-shortest-path min-cost flow.
 *
 * Two targets are supported:
 * - `sink >= 0`: shortest path from `source` to `sink`, never entering `blocked`;
 * - `sink === -1` (cycle mode): shortest cycle leaving `source` and returning to it. Arcs back into
 *   the source lead to a virtual end node (index `nodeCount`) with potential `endPotential`.
 * Only touched nodes are reset between searches, so a search costs O(explored), not O(n).
 */
import { IndexedMinHeap } from './heap.js';
import type { ResidualGraph } from './network.js';

export interface SearchState {
  /** Reduced distance label per node (+ virtual end); Infinity when untouched. */
  readonly dist: Float64Array;
  /** Arc through which each node was reached. */
  readonly parent: Int32Array;
  readonly settled: Uint8Array;
  readonly touched: Int32Array;
  touchedCount: number;
  readonly heap: IndexedMinHeap;
}

export function createSearchState(nodeCount: number): SearchState {
  return {
    dist: new Float64Array(nodeCount + 1).fill(Infinity),
    parent: new Int32Array(nodeCount + 1).fill(-1),
    settled: new Uint8Array(nodeCount + 1),
    touched: new Int32Array(nodeCount + 1),
    touchedCount: 0,
    heap: new IndexedMinHeap(nodeCount + 1),
  };
}

function reset(st: SearchState): void {
  for (let i = 0; i < st.touchedCount; i++) {
    const v = st.touched[i]!;
    st.dist[v] = Infinity;
    st.settled[v] = 0;
    st.parent[v] = -1;
  }
  st.touchedCount = 0;
  st.heap.clear();
}

function relax(st: SearchState, v: number, label: number, arc: number): void {
  const old = st.dist[v]!;
  if (label >= old) return;
  if (old === Infinity) st.touched[st.touchedCount++] = v;
  st.dist[v] = label;
  st.parent[v] = arc;
  st.heap.push(v, label);
}

export interface SearchTarget {
  /** Sink node, or -1 for cycle mode. */
  readonly sink: number;
  /** Node never entered in sink mode (-1: none). */
  readonly blocked: number;
  /** Potential of the virtual end node in cycle mode. */
  readonly endPotential: number;
}

/** Runs Dijkstra from `source`; returns the settled target (sink or virtual end), or -1. */
export function shortestPath(
  g: ResidualGraph,
  cost: Float64Array,
  potential: Float64Array,
  st: SearchState,
  source: number,
  target: SearchTarget,
): number {
  reset(st);
  const { start, to, cap } = g;
  const { dist, settled, heap } = st;
  const cycle = target.sink < 0;
  const end = cycle ? g.nodeCount : target.sink;
  relax(st, source, 0, -1);
  while (heap.size > 0) {
    const u = heap.pop();
    settled[u] = 1;
    if (u === end) return end;
    const du = dist[u]! + potential[u]!;
    for (let a = start[u]!, stop = start[u + 1]!; a < stop; a++) {
      if (cap[a]! <= 0) continue;
      const v = to[a]!;
      if (v === source) {
        if (cycle && u !== source) relax(st, end, du + cost[a]! - target.endPotential, a);
        continue;
      }
      if (settled[v] || v === target.blocked) continue;
      relax(st, v, du + cost[a]! - potential[v]!, a);
    }
  }
  return -1;
}
