/**
 * Heuristic slot assignment when experts have restricted availability (bipartite list edge
 * colouring; maximising the number of placed meetings is NP-hard in general).
 *
 * Meetings are placed most-constrained first. A meeting takes a slot free on both sides and
 * allowed for its expert; otherwise an ejection chain is searched depth-first: put the meeting in
 * an allowed slot, evict the (one or two) meetings occupying it, and re-place each of those the
 * same way. Each meeting is evicted at most once per attempt, so an attempt costs O(meetings x
 * slots). Alternating-path (Kempe) swaps are the special case of single evictions between two
 * slots. Failed meetings are retried after the others, and a few re-orderings are tried; the
 * best colouring is kept. Never double-books, never leaves availability.
 */
import { vertexDegrees, type MeetingGraph } from './bipartitegraph.js';
import { maxDegreeBoundedSubgraph } from './degreecap.js';
import { mulberry32 as random } from '../util/random.js';

export interface ListColouringInput {
  readonly graph: MeetingGraph;
  /** Number of slots (colours 0 .. slotCount-1). */
  readonly slotCount: number;
  /** Per left vertex: allowed[c] = 1 when slot c is allowed; null = every slot allowed. */
  readonly allowed: readonly (Uint8Array | null)[];
  /** Extra re-ordered attempts when meetings remain unplaced (default 8). */
  readonly restarts?: number;
}

const MAX_CHAIN_DEPTH = 256;

/** One greedy + ejection-chain pass in the given order; returns the slot per edge (-1: none). */
function colourInOrder(input: ListColouringInput, order: readonly number[]): Int32Array {
  const { graph: g, slotCount: L, allowed } = input;
  const colours = new Int32Array(g.left.length).fill(-1);
  const at = new Int32Array((g.leftCount + g.rightCount) * L).fill(-1);
  const rightBase = g.leftCount;
  const seen = new Int32Array(g.left.length);
  const log: number[] = []; // (edge, previous colour) pairs for rollback
  let attempt = 0;

  const ok = (x: number, c: number): boolean => {
    const list = allowed[x];
    return list === null || list === undefined || list[c] === 1;
  };
  const apply = (e: number, c: number): void => {
    const old = colours[e]!;
    const u = g.left[e]! * L;
    const v = (rightBase + g.right[e]!) * L;
    if (old >= 0) at[u + old] = at[v + old] = -1;
    if (c >= 0) at[u + c] = at[v + c] = e;
    colours[e] = c;
  };
  const setColour = (e: number, c: number): void => {
    log.push(e, colours[e]!);
    apply(e, c);
  };
  const rollback = (mark: number): void => {
    while (log.length > mark) {
      const old = log.pop()!;
      apply(log.pop()!, old);
    }
  };

  const place = (e: number, depth: number): boolean => {
    const u = g.left[e]!;
    const uBase = u * L;
    const vBase = (rightBase + g.right[e]!) * L;
    for (let c = 0; c < L; c++) {
      if (ok(u, c) && at[uBase + c] === -1 && at[vBase + c] === -1) {
        setColour(e, c);
        return true;
      }
    }
    if (depth >= MAX_CHAIN_DEPTH) return false;
    for (let evictions = 1; evictions <= 2; evictions++) {
      for (let c = 0; c < L; c++) {
        if (!ok(u, c)) continue;
        const f1 = at[uBase + c]!;
        const f2 = at[vBase + c]!;
        const kicks = [f1, f2].filter((f, i) => f !== -1 && (i === 0 || f !== f1));
        if (kicks.length !== evictions || kicks.some((f) => seen[f] === attempt)) continue;
        for (const f of kicks) seen[f] = attempt;
        const mark = log.length;
        for (const f of kicks) setColour(f, -1);
        setColour(e, c);
        if (kicks.every((f) => place(f, depth + 1))) return true;
        rollback(mark);
      }
    }
    return false;
  };

  const failed: number[] = [];
  for (const e of order) {
    attempt++;
    seen[e] = attempt;
    if (!place(e, 0)) failed.push(e);
    log.length = 0;
  }
  for (const e of failed) {
    attempt++;
    seen[e] = attempt;
    place(e, 0);
    log.length = 0;
  }
  return colours;
}


function unplaced(colours: Int32Array): number {
  let count = 0;
  for (const c of colours) if (c < 0) count++;
  return count;
}

/** Returns the slot of each edge, -1 where none was found. */
export function listColourBipartite(input: ListColouringInput): Int32Array {
  const { graph: g, slotCount: L, allowed } = input;
  const degree = vertexDegrees(g);
  const freedom = (x: number): number => {
    const list = allowed[x];
    if (!list) return L;
    let count = 0;
    for (let c = 0; c < L; c++) count += list[c] === 1 ? 1 : 0;
    return count;
  };
  // Meetings of a maximum set respecting the degree bounds (expert: its free slots, enterprise:
  // all slots) go first; the others are only added where room is left.
  const cap = new Int32Array(degree.length).fill(L);
  for (let x = 0; x < g.leftCount; x++) cap[x] = freedom(x);
  const selected = maxDegreeBoundedSubgraph(g, cap);
  const slack = Array.from({ length: g.leftCount }, (_, x) => cap[x]! - degree[x]!);
  const edges = Array.from({ length: g.left.length }, (_, e) => e);
  const byConstraint = (key: Float64Array) => (x: number, y: number) =>
    selected[y]! - selected[x]! ||
    slack[g.left[x]!]! - slack[g.left[y]!]! ||
    degree[g.leftCount + g.right[y]!]! - degree[g.leftCount + g.right[x]!]! ||
    key[x]! - key[y]!;
  const byRandom = (key: Float64Array) => (x: number, y: number) => selected[y]! - selected[x]! || key[x]! - key[y]!;

  let best = colourInOrder(input, [...edges].sort(byConstraint(Float64Array.from(edges))));
  const next = random(0x5eed + g.left.length);
  // No colouring can place more meetings than the degree-bounded maximum: stop when it is reached.
  const floor = g.left.length - selected.reduce((n, k) => n + k, 0);
  for (let r = 0; r < (input.restarts ?? 8) && unplaced(best) > floor; r++) {
    const key = Float64Array.from(edges, () => next());
    const colours = colourInOrder(input, [...edges].sort(r % 2 === 0 ? byRandom(key) : byConstraint(key)));
    if (unplaced(colours) < unplaced(best)) best = colours;
  }
  return best;
}
