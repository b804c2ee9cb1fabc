/**
 * Compact bipartite multigraph of meetings: left vertices are experts, right vertices are
 * enterprises, both renumbered densely in order of first appearance.
 */
import type { MeetingPair } from './types.js';

export interface MeetingGraph {
  readonly leftCount: number;
  readonly rightCount: number;
  /** Dense left vertex (expert) of each edge. */
  readonly left: Int32Array;
  /** Dense right vertex (enterprise) of each edge. */
  readonly right: Int32Array;
  /** Original expert index of each left vertex. */
  readonly expertOf: number[];
  /** Original enterprise index of each right vertex. */
  readonly enterpriseOf: number[];
}

function densify(values: readonly number[], out: Int32Array): number[] {
  const ids = new Map<number, number>();
  const original: number[] = [];
  values.forEach((value, i) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = original.length;
      ids.set(value, id);
      original.push(value);
    }
    out[i] = id;
  });
  return original;
}

export function buildMeetingGraph(pairs: readonly MeetingPair[]): MeetingGraph {
  const left = new Int32Array(pairs.length);
  const right = new Int32Array(pairs.length);
  const expertOf = densify(
    pairs.map((p) => p.expert),
    left,
  );
  const enterpriseOf = densify(
    pairs.map((p) => p.enterprise),
    right,
  );
  return { leftCount: expertOf.length, rightCount: enterpriseOf.length, left, right, expertOf, enterpriseOf };
}

/** Degree of every vertex; left vertices first, then right vertices at offset `leftCount`. */
export function vertexDegrees(g: MeetingGraph, mask?: Uint8Array): Int32Array {
  const degree = new Int32Array(g.leftCount + g.rightCount);
  for (let e = 0; e < g.left.length; e++) {
    if (mask && !mask[e]) continue;
    degree[g.left[e]!]!++;
    degree[g.leftCount + g.right[e]!]!++;
  }
  return degree;
}

export function maxDegree(degree: Int32Array): number {
  let max = 0;
  for (const d of degree) max = Math.max(max, d);
  return max;
}
