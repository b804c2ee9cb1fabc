/** Candidate edges grouped by need (CSR: edges of need i are `order[start[i] .. start[i+1]-1]`). */
import type { AssignmentEdge } from './types.js';

export interface EdgeGroups {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

export function groupEdgesByNeed(needCount: number, edges: readonly AssignmentEdge[]): EdgeGroups {
  const start = new Int32Array(needCount + 1);
  for (const e of edges) start[e.need + 1]!++;
  for (let i = 0; i < needCount; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, needCount);
  const order = new Int32Array(edges.length);
  edges.forEach((e, k) => {
    order[fill[e.need]!++] = k;
  });
  return { start, order };
}

/** Edge indexes of need `i`. */
export function edgesOfNeed(groups: EdgeGroups, i: number): Int32Array {
  return groups.order.subarray(groups.start[i]!, groups.start[i + 1]!);
}
