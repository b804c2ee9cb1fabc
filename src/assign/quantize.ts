/**
 * Converts floating arc costs to exact integers (stored as doubles) for min-cost flow.
 *
 * Costs are multiplied by `scale = 2^k` and rounded to the nearest integer. `k` is the largest
 * exponent for which every quantity the solver forms (total cost, node potentials, reduced costs,
 * Dijkstra labels; all bounded by `maxAbsCost * (costedCapacity + 16 * (nodeCount + 1))` in
 * scaled units) stays below 2^50, so all later arithmetic is exact. The flow found is exactly
 * optimal for the rounded costs; versus the real costs it is suboptimal by at most
 * `flowValue * pathLength / scale` in the worst case, and by at most `units / scale` for a
 * bipartite assignment (one rounded edge per unit), i.e. ~1e-10 relative for typical sizes.
 */
import type { ResidualGraph } from './network.js';

const SAFE_EXPONENT = 50;

export interface QuantizedCosts {
  /** Integer-valued cost per arc (reverse arcs exactly negated). */
  readonly cost: Float64Array;
  /** Multiplier applied before rounding (a power of two). */
  readonly scale: number;
}

export function quantizeCosts(g: ResidualGraph): QuantizedCosts {
  const cost = new Float64Array(g.cost.length);
  let maxAbs = 0;
  let costedCapacity = 0;
  for (let i = 0; i < g.edgeCount; i++) {
    const a = g.edgeArc[i]!;
    const c = Math.abs(g.cost[a]!);
    if (c === 0) continue;
    if (c > maxAbs) maxAbs = c;
    costedCapacity += g.initialCap[a]!;
  }
  if (maxAbs === 0) return { cost, scale: 1 };
  // log2(2^50 / (maxAbs * (costedCapacity + 16 * (nodeCount + 1)))), computed without overflow.
  const headroom = SAFE_EXPONENT - Math.log2(maxAbs) - Math.log2(costedCapacity + 16 * (g.nodeCount + 1));
  const exponent = Math.max(-1074, Math.min(1023, Math.floor(headroom)));
  const scale = 2 ** exponent;
  for (let i = 0; i < g.edgeCount; i++) {
    const a = g.edgeArc[i]!;
    const q = Math.round(g.cost[a]! * scale);
    cost[a] = q;
    cost[g.rev[a]!] = q === 0 ? 0 : -q;
  }
  return { cost, scale };
}
