/**
 * Exact min-cost maximum flow: successive shortest paths with node potentials and Dijkstra,
 * organised per supply arc (as in Jonker-Volgenant / Hungarian row-by-row augmentation).
 *
 * Phase 1: for every arc s -> v leaving the source, repeatedly augment along a shortest v -> sink
 *   path that avoids s, until the arc is saturated or the sink is unreachable from v (then it stays
 *   unreachable: no later augmenting path can enter v's reachable set). The result is a maximum
 *   flow, and reduced costs stay >= 0 on every arc not touching s, so it is a min-cost flow for
 *   its per-arc supplies.
 * Phase 2: cancel the remaining negative cycles, which must pass through s (they move supply from
 *   one source arc to another): repeatedly augment along the shortest cycle s -> ... -> s while its
 *   cost is negative. Afterwards the residual graph has no negative cycle, i.e. the flow has
 *   minimum cost among all maximum flows.
 *
 * Costs: any finite doubles, no negative-cost cycle. They are quantised to integers with a
 * power-of-two scale (see `quantize.ts`), so every comparison below is exact (no epsilon).
 * Capacities: integers (Int32).
 */
import { edgeFlow, type ResidualGraph } from './network.js';
import { sinkPotentials } from './potentials.js';
import { quantizeCosts } from './quantize.js';
import { createSearchState, shortestPath, type SearchState } from './search.js';

/** Potentials beyond this magnitude are recomputed from scratch to keep arithmetic exact. */
const POTENTIAL_LIMIT = 2 ** 49;

export interface MinCostFlowOptions {
  /** Stop after this many units (default: maximum flow). The flow is min-cost for its value. */
  flowLimit?: number;
}

export interface MinCostFlowResult {
  /** Units of flow pushed by this call. */
  flow: number;
  /** Total cost of the flow now in the graph, in the original (unscaled) cost units. */
  cost: number;
  /** Power-of-two factor the costs were multiplied by before rounding to integers. */
  scale: number;
  /** Number of shortest-path searches run. */
  searches: number;
}

interface Solver {
  readonly g: ResidualGraph;
  readonly cost: Float64Array;
  readonly potential: Float64Array;
  readonly st: SearchState;
  readonly source: number;
}

/**
 * Shifts potentials after a search whose target lies at reduced distance `reach`: settled nodes by
 * min(dist, reach), all others by reach (applied as a uniform offset, i.e. not at all). Returns
 * whether some potential grew too large; the caller then renormalises after augmenting.
 */
function updatePotentials(s: Solver, reach: number): boolean {
  const { st, potential } = s;
  let overflow = false;
  for (let i = 0; i < st.touchedCount; i++) {
    const v = st.touched[i]!;
    if (v >= potential.length || !st.settled[v]) continue;
    const h = potential[v]! + Math.min(st.dist[v]!, reach) - reach;
    potential[v] = h;
    if (Math.abs(h) > POTENTIAL_LIMIT) overflow = true;
  }
  return overflow;
}

function renormalise(s: Solver): void {
  sinkPotentials(s.g, s.cost, s.source, s.potential);
}

/** Pushes `limit` units (capped by the path) back from `end` along parent arcs to `origin`. */
function augment(s: Solver, origin: number, end: number, limit: number): number {
  const { g, st } = s;
  let push = limit;
  for (let v = end; v !== origin; ) {
    const a = st.parent[v]!;
    push = Math.min(push, g.cap[a]!);
    v = g.to[g.rev[a]!]!;
  }
  for (let v = end; v !== origin; ) {
    const a = st.parent[v]!;
    g.cap[a]! -= push;
    g.cap[g.rev[a]!]! += push;
    v = g.to[g.rev[a]!]!;
  }
  return push;
}

/** Phase 2 target: the virtual end behind arcs into the source, with non-negative reduced costs. */
function endPotential(s: Solver): number {
  const { g, cost, potential, source } = s;
  let best = Infinity;
  for (let a = g.start[source]!, stop = g.start[source + 1]!; a < stop; a++) {
    const b = g.rev[a]!; // arc into the source
    if (g.cap[b]! > 0) best = Math.min(best, cost[b]! + potential[g.to[a]!]!);
  }
  return best;
}

export function minCostFlow(
  g: ResidualGraph,
  source: number,
  sink: number,
  options: MinCostFlowOptions = {},
): MinCostFlowResult {
  if (source === sink) throw new RangeError('source and sink must differ');
  const limit = options.flowLimit ?? Infinity;
  if (!(limit >= 0)) throw new RangeError(`flowLimit must be >= 0 (got ${limit})`);
  const { cost, scale } = quantizeCosts(g);
  const s: Solver = {
    g,
    cost,
    potential: sinkPotentials(g, cost, source),
    st: createSearchState(g.nodeCount),
    source,
  };
  const { st, potential } = s;
  let flow = 0;
  let searches = 0;

  // Phase 1: saturate each source arc along shortest paths that avoid the source.
  const toSink = { sink, blocked: source, endPotential: 0 };
  for (let a0 = g.start[source]!, stop = g.start[source + 1]!; a0 < stop && flow < limit; a0++) {
    const v = g.to[a0]!;
    while (g.cap[a0]! > 0 && flow < limit) {
      searches++;
      if (shortestPath(g, cost, potential, st, v, toSink) < 0) break;
      const overflow = updatePotentials(s, st.dist[sink]!);
      const push = augment(s, v, sink, Math.min(g.cap[a0]!, limit - flow));
      g.cap[a0]! -= push;
      g.cap[g.rev[a0]!]! += push;
      flow += push;
      if (overflow) renormalise(s);
    }
  }

  // Phase 2: cancel negative cycles through the source (re-distribute supply between its arcs).
  const virtualEnd = g.nodeCount;
  for (;;) {
    const endPot = endPotential(s);
    if (endPot === Infinity) break;
    searches++;
    if (shortestPath(g, cost, potential, st, source, { sink: -1, blocked: -1, endPotential: endPot }) < 0) break;
    const cycleCost = st.dist[virtualEnd]! - potential[source]! + endPot;
    if (cycleCost >= 0) break;
    const last = st.parent[virtualEnd]!;
    const overflow = updatePotentials(s, st.dist[g.to[g.rev[last]!]!]!);
    augment(s, source, virtualEnd, Infinity);
    if (overflow) renormalise(s);
  }

  let total = 0;
  for (let i = 0; i < g.edgeCount; i++) {
    const f = edgeFlow(g, i);
    if (f !== 0) total += f * g.cost[g.edgeArc[i]!]!;
  }
  return { flow, cost: total, scale, searches };
}
