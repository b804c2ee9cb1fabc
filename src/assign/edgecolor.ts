/**
 * Exact edge colouring of a bipartite multigraph with Δ (maximum degree) colours — König's
 * theorem — by alternating-path (Kempe chain) recolouring. For each edge (u, v): take a colour a
 * free at u and b free at v; if a is busy at v, swap a and b along the a/b path starting at v
 * (it cannot reach u in a bipartite graph), after which a is free at both ends.
 * O(E * (Δ + V)) time.
 */
import { maxDegree, vertexDegrees, type MeetingGraph } from './bipartitegraph.js';

export interface EdgeColouring {
  /** Colour of each edge; -1 for edges outside the mask. */
  readonly colours: Int32Array;
  readonly colourCount: number;
}

export function colourBipartiteEdges(g: MeetingGraph, mask?: Uint8Array): EdgeColouring {
  const m = g.left.length;
  const delta = maxDegree(vertexDegrees(g, mask));
  const colours = new Int32Array(m).fill(-1);
  // at[x * delta + c] = edge of colour c at vertex x (right vertices offset by leftCount), or -1.
  const at = new Int32Array((g.leftCount + g.rightCount) * delta).fill(-1);
  const chain: number[] = [];
  const endpoint = (e: number, side: 0 | 1): number => (side === 0 ? g.left[e]! : g.leftCount + g.right[e]!);
  const other = (e: number, x: number): number => {
    const u = endpoint(e, 0);
    return x === u ? endpoint(e, 1) : u;
  };
  const freeColour = (x: number): number => {
    for (let c = 0; c < delta; c++) if (at[x * delta + c] === -1) return c;
    throw new Error('edge colouring invariant violated: no free colour');
  };
  const paint = (e: number, c: number): void => {
    colours[e] = c;
    at[endpoint(e, 0) * delta + c] = e;
    at[endpoint(e, 1) * delta + c] = e;
  };

  for (let e = 0; e < m; e++) {
    if (mask && !mask[e]) continue;
    const u = endpoint(e, 0);
    const v = endpoint(e, 1);
    const a = freeColour(u);
    if (at[v * delta + a] !== -1) {
      const b = freeColour(v);
      chain.length = 0;
      for (let x = v, c = a, f = at[v * delta + a]!; f !== -1; ) {
        chain.push(f);
        x = other(f, x);
        c = c === a ? b : a;
        f = at[x * delta + c]!;
      }
      for (const f of chain) {
        at[endpoint(f, 0) * delta + colours[f]!] = -1;
        at[endpoint(f, 1) * delta + colours[f]!] = -1;
      }
      for (const f of chain) paint(f, colours[f] === a ? b : a);
    }
    paint(e, a);
  }
  return { colours, colourCount: delta };
}
