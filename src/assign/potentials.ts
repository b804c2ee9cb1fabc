/**
 * Node potentials that make every reduced cost `cost[a] + h[u] - h[v]` non-negative on residual
 * arcs not touching `excluded` (the source, whose arcs the min-cost flow treats separately).
 *
 * h[v] = -min(0, cost of the cheapest residual path starting at v): a Johnson reweighting toward
 * a virtual sink, computed with queue-based Bellman-Ford on integer costs (exact). Anchoring at
 * path *ends* makes the best arc out of every supply node, and every arc into the real sink,
 * tight, so the first shortest-path searches stop almost immediately.
 */
import type { ResidualGraph } from './network.js';

export function sinkPotentials(
  g: ResidualGraph,
  cost: Float64Array,
  excluded: number,
  into: Float64Array = new Float64Array(g.nodeCount),
): Float64Array {
  const n = g.nodeCount;
  const { start, to, rev, cap } = g;
  const reach = into.fill(0); // reach[v] = min(0, cheapest path from v)
  const queue = new Int32Array(n + 1);
  const queued = new Uint8Array(n);
  const relaxations = new Int32Array(n);
  let head = 0;
  let size = 0;
  for (let v = 0; v < n; v++) {
    if (v === excluded) continue;
    queue[size++] = v;
    queued[v] = 1;
  }
  while (size > 0) {
    const w = queue[head]!;
    head = head === n ? 0 : head + 1;
    size--;
    queued[w] = 0;
    const rw = reach[w]!;
    for (let a = start[w]!, end = start[w + 1]!; a < end; a++) {
      const u = to[a]!;
      const b = rev[a]!; // arc u -> w
      if (u === excluded || cap[b]! <= 0) continue;
      const nd = cost[b]! + rw;
      if (nd >= reach[u]!) continue;
      reach[u] = nd;
      if (++relaxations[u]! > n) throw new RangeError('the flow network has a negative-cost cycle');
      if (queued[u]) continue;
      queued[u] = 1;
      queue[(head + size) % (n + 1)] = u;
      size++;
    }
  }
  for (let v = 0; v < n; v++) reach[v] = reach[v] === 0 ? 0 : -reach[v]!;
  return reach;
}
