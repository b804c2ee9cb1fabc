/**
 * Largest set of meetings in which every vertex x (expert or enterprise) has at most `cap[x]`
 * meetings — a bipartite b-matching solved exactly by max-flow. With a uniform cap k this is
 * exactly the largest set that fits in k slots (König), so it maximises the meetings scheduled
 * under a slot limit; with availability it is a necessary condition used to pick meetings.
 */
import type { MeetingGraph } from './bipartitegraph.js';
import { maxFlow } from './maxflow.js';
import { FlowNetworkBuilder, edgeFlow, MAX_CAPACITY } from './network.js';

/** `cap` lists left vertices, then right vertices. Returns a mask of kept edges. */
export function maxDegreeBoundedSubgraph(g: MeetingGraph, cap: ArrayLike<number>): Uint8Array {
  const source = 0;
  const sink = 1;
  const builder = new FlowNetworkBuilder(2 + g.leftCount + g.rightCount);
  const limit = (x: number): number => Math.min(cap[x]!, MAX_CAPACITY);
  for (let x = 0; x < g.leftCount; x++) builder.addEdge(source, 2 + x, limit(x));
  for (let y = 0; y < g.rightCount; y++) builder.addEdge(2 + g.leftCount + y, sink, limit(g.leftCount + y));
  const first = builder.edgeCount;
  for (let e = 0; e < g.left.length; e++) builder.addEdge(2 + g.left[e]!, 2 + g.leftCount + g.right[e]!, 1);
  const network = builder.build();
  maxFlow(network, source, sink);
  const keep = new Uint8Array(g.left.length);
  for (let e = 0; e < g.left.length; e++) keep[e] = edgeFlow(network, first + e) > 0 ? 1 : 0;
  return keep;
}
