/**
 * Independent optimality certificate for the 'total' objective: in the residual network of the
 * returned assignment there is (1) no augmenting source -> sink path (maximum number of filled
 * slots) and (2) no negative-cost cycle (maximum total for that number), checked with a plain
 * float Bellman-Ford (SPFA) with tolerance `tol`.
 */
import type { AssignmentProblem, AssignmentResult } from '../../src/assign/index.js';

interface Arc {
  from: number;
  to: number;
  cost: number;
}

export function residualArcs(p: AssignmentProblem, r: AssignmentResult): { n: number; arcs: Arc[] } {
  const N = p.needs.length;
  const s = 0;
  const t = 1;
  const need = (i: number): number => 2 + i;
  const expert = (j: number): number => 2 + N + j;
  const assigned = new Set(r.pairs.map((x) => `${x.need}:${x.expert}`));
  const perNeed = p.needs.map(() => 0);
  const perExpert = p.experts.map(() => 0);
  const degNeed = p.needs.map(() => 0);
  for (const x of r.pairs) {
    perNeed[x.need]!++;
    perExpert[x.expert]!++;
  }
  for (const e of p.edges) degNeed[e.need]!++;
  const arcs: Arc[] = [];
  p.needs.forEach((nd, i) => {
    if (perNeed[i]! < nd.demand) arcs.push({ from: s, to: need(i), cost: 0 });
    if (perNeed[i]! > 0) arcs.push({ from: need(i), to: s, cost: 0 });
  });
  for (const e of p.edges) {
    if (assigned.has(`${e.need}:${e.expert}`)) arcs.push({ from: expert(e.expert), to: need(e.need), cost: e.score });
    else arcs.push({ from: need(e.need), to: expert(e.expert), cost: -e.score });
  }
  p.experts.forEach((ex, j) => {
    if (perExpert[j]! < ex.capacity) arcs.push({ from: expert(j), to: t, cost: 0 });
    if (perExpert[j]! > 0) arcs.push({ from: t, to: expert(j), cost: 0 });
  });
  return { n: 2 + N + p.experts.length, arcs };
}

export function hasAugmentingPath(n: number, arcs: readonly Arc[]): boolean {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const a of arcs) out[a.from]!.push(a.to);
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u === 1) return true;
    for (const v of out[u]!) {
      if (!seen[v]) {
        seen[v] = 1;
        stack.push(v);
      }
    }
  }
  return false;
}

export function hasNegativeCycle(n: number, arcs: readonly Arc[], tol: number): boolean {
  const out: Arc[][] = Array.from({ length: n }, () => []);
  for (const a of arcs) out[a.from]!.push(a);
  const dist = new Float64Array(n);
  const count = new Int32Array(n);
  const inQueue = new Uint8Array(n).fill(1);
  const queue = Array.from({ length: n }, (_, i) => i);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    inQueue[u] = 0;
    for (const a of out[u]!) {
      if (dist[u]! + a.cost < dist[a.to]! - tol) {
        dist[a.to] = dist[u]! + a.cost;
        if (++count[a.to]! > n) return true;
        if (!inQueue[a.to]) {
          inQueue[a.to] = 1;
          queue.push(a.to);
        }
      }
    }
  }
  return false;
}
