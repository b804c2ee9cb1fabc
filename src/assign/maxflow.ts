/**
 * Dinic's maximum flow on a {@link ResidualGraph} (mutates its residual capacities): BFS level
 * graph, then an iterative blocking flow with current-arc pointers.
 */
import type { ResidualGraph } from './network.js';

interface DinicScratch {
  readonly level: Int32Array;
  readonly iter: Int32Array;
  readonly queue: Int32Array;
  readonly path: Int32Array;
}

/** BFS from `s` over arcs with residual capacity; returns whether `t` is reached. */
function buildLevels(g: ResidualGraph, s: number, t: number, scratch: DinicScratch): boolean {
  const { level, iter, queue } = scratch;
  const { start, to, cap } = g;
  level.fill(-1);
  level[s] = 0;
  queue[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++]!;
    const lu = level[u]!;
    if (level[t]! >= 0 && lu >= level[t]!) break;
    for (let a = start[u]!, end = start[u + 1]!; a < end; a++) {
      const v = to[a]!;
      if (cap[a]! <= 0 || level[v]! >= 0) continue;
      level[v] = lu + 1;
      queue[tail++] = v;
    }
  }
  iter.set(start.subarray(0, g.nodeCount));
  return level[t]! >= 0;
}

/** Pushes a blocking flow of at most `limit` units along the level graph; returns the amount. */
function blockingFlow(g: ResidualGraph, s: number, t: number, scratch: DinicScratch, limit: number): number {
  const { level, iter, path } = scratch;
  const { start, to, rev, cap } = g;
  let total = 0;
  let depth = 0;
  let u = s;
  for (;;) {
    if (u === t) {
      let push = limit - total;
      for (let i = 0; i < depth; i++) push = Math.min(push, cap[path[i]!]!);
      for (let i = 0; i < depth; i++) {
        const a = path[i]!;
        cap[a]! -= push;
        cap[rev[a]!]! += push;
      }
      total += push;
      if (total >= limit) return total;
      let k = 0;
      while (cap[path[k]!]! > 0) k++;
      depth = k;
      u = to[rev[path[k]!]!]!;
      continue;
    }
    const end = start[u + 1]!;
    const next = level[u]! + 1;
    let a = iter[u]!;
    while (a < end && (cap[a]! <= 0 || level[to[a]!] !== next)) a++;
    iter[u] = a;
    if (a < end) {
      path[depth++] = a;
      u = to[a]!;
      continue;
    }
    if (u === s) return total;
    level[u] = -1;
    depth--;
    u = to[rev[path[depth]!]!]!;
    iter[u]!++;
  }
}

/**
 * Pushes a maximum flow (or `limit` units, if smaller) from `source` to `sink` on top of any flow
 * already in `g`, and returns the amount added.
 */
export function maxFlow(g: ResidualGraph, source: number, sink: number, limit = Infinity): number {
  if (source === sink) throw new RangeError('source and sink must differ');
  const n = g.nodeCount;
  const scratch: DinicScratch = {
    level: new Int32Array(n),
    iter: new Int32Array(n),
    queue: new Int32Array(n),
    path: new Int32Array(n),
  };
  let total = 0;
  while (total < limit && buildLevels(g, source, sink, scratch)) {
    total += blockingFlow(g, source, sink, scratch, limit - total);
  }
  return total;
}
