/**
 * Bottleneck threshold for the 'fair' objective.
 *
 * Given the maximum number of fillable slots F, finds the largest score t such that the candidate
 * edges with score >= t still admit a flow of value F. Max-flow value is monotone in t, so a binary
 * search over the distinct scores with a Dinic feasibility check is exact.
 */
import type { AssignmentNetwork } from './bipartite.js';
import { maxFlow } from './maxflow.js';
import { disableEdge, resetFlow } from './network.js';
import type { AssignmentEdge } from './types.js';

/** Resets the network to zero flow with every candidate edge scoring below `threshold` removed. */
export function restrictToThreshold(
  net: AssignmentNetwork,
  edges: readonly AssignmentEdge[],
  threshold: number,
): void {
  resetFlow(net.graph);
  edges.forEach((e, k) => {
    if (e.score < threshold) disableEdge(net.graph, net.edgeOf[k]!);
  });
}

/** Largest t keeping `filled` slots fillable; undefined when `filled` is 0. Leaves `net` dirty. */
export function bottleneckThreshold(
  net: AssignmentNetwork,
  edges: readonly AssignmentEdge[],
  filled: number,
): number | undefined {
  if (filled === 0) return undefined;
  const scores = [...new Set(edges.map((e) => e.score))].sort((a, b) => b - a);
  const feasible = (t: number): boolean => {
    restrictToThreshold(net, edges, t);
    return maxFlow(net.graph, net.source, net.sink, filled) === filled;
  };
  // Invariant: scores[hi] is feasible (all edges), scores[lo - 1] is not (or lo = 0).
  let lo = 0;
  let hi = scores.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (feasible(scores[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return scores[hi];
}
