/**
 * The flow network of an assignment problem:
 * source -> need (capacity = demand) -> expert (capacity 1, cost = -score) -> sink (capacity).
 * Demands and capacities are clipped to the node's number of candidate edges, which changes no
 * feasible assignment and keeps capacities within Int32.
 */
import { FlowNetworkBuilder, edgeFlow, type ResidualGraph } from './network.js';
import type { AssignmentProblem } from './types.js';

export interface AssignmentNetwork {
  readonly graph: ResidualGraph;
  readonly source: number;
  readonly sink: number;
  /** Network edge index of each problem edge (same order as `problem.edges`). */
  readonly edgeOf: Int32Array;
}

export function buildAssignmentNetwork(p: AssignmentProblem): AssignmentNetwork {
  const needCount = p.needs.length;
  const expertCount = p.experts.length;
  const needDegree = new Int32Array(needCount);
  const expertDegree = new Int32Array(expertCount);
  for (const e of p.edges) {
    needDegree[e.need]!++;
    expertDegree[e.expert]!++;
  }
  const source = 0;
  const sink = 1;
  const needNode = 2;
  const expertNode = 2 + needCount;
  const builder = new FlowNetworkBuilder(2 + needCount + expertCount, needCount + p.edges.length + expertCount);
  p.needs.forEach((need, i) => {
    builder.addEdge(source, needNode + i, Math.min(need.demand, needDegree[i]!));
  });
  const edgeOf = new Int32Array(p.edges.length);
  p.edges.forEach((e, k) => {
    edgeOf[k] = builder.addEdge(needNode + e.need, expertNode + e.expert, 1, -e.score);
  });
  p.experts.forEach((expert, j) => {
    builder.addEdge(expertNode + j, sink, Math.min(expert.capacity, expertDegree[j]!));
  });
  return { graph: builder.build(), source, sink, edgeOf };
}

/** Indexes of the problem edges that carry flow. */
export function assignedEdges(net: AssignmentNetwork): number[] {
  const used: number[] = [];
  for (let k = 0; k < net.edgeOf.length; k++) {
    if (edgeFlow(net.graph, net.edgeOf[k]!) > 0) used.push(k);
  }
  return used;
}
