import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetworkBuilder, edgeFlow, maxFlow, minCostFlow } from '../../src/assign/index.js';

interface RawEdge {
  from: number;
  to: number;
  cap: number;
  cost: number;
}

/** Textbook reference: successive shortest paths with Bellman-Ford, one path at a time. */
function referenceMinCostFlow(n: number, edges: readonly RawEdge[], s: number, t: number, limit: number) {
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    out[e.from]!.push(to.length);
    to.push(e.to), cap.push(e.cap), cost.push(e.cost);
    out[e.to]!.push(to.length);
    to.push(e.from), cap.push(0), cost.push(-e.cost);
  }
  let flow = 0;
  let total = 0;
  while (flow < limit) {
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (const a of out[u]!) {
          if (cap[a]! > 0 && dist[u]! + cost[a]! < dist[to[a]!]! - 1e-12) {
            dist[to[a]!] = dist[u]! + cost[a]!;
            via[to[a]!] = a;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[t] === Infinity) break;
    let push = limit - flow;
    for (let v = t; v !== s; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
    for (let v = t; v !== s; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push;
      cap[via[v]! ^ 1]! += push;
    }
    flow += push;
    total += push * dist[t]!;
  }
  return { flow, cost: total };
}

const graphArb = (dag: boolean) =>
  fc
    .integer({ min: 2, max: 7 })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(
          fc
            .record({
              from: fc.integer({ min: 0, max: n - 1 }),
              to: fc.integer({ min: 0, max: n - 1 }),
              cap: fc.integer({ min: 0, max: 4 }),
              cost: dag
                ? fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -5, max: 5, noNaN: true }))
                : fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })),
            })
            .filter((e) => (dag ? e.from < e.to : e.from !== e.to)),
          { maxLength: 18 },
        ),
        limit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      }),
    );

function solve(n: number, edges: readonly RawEdge[], limit: number | undefined) {
  const b = new FlowNetworkBuilder(n);
  for (const e of edges) b.addEdge(e.from, e.to, e.cap, e.cost);
  const g = b.build();
  const r = minCostFlow(g, 0, n - 1, limit === undefined ? {} : { flowLimit: limit });
  // Flow conservation and capacity on every edge.
  const balance = new Array<number>(n).fill(0);
  edges.forEach((e, i) => {
    const f = edgeFlow(g, i);
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(e.cap);
    balance[e.from]! -= f;
    balance[e.to]! += f;
  });
  for (let v = 1; v < n - 1; v++) expect(balance[v]).toBe(0);
  expect(balance[n - 1]).toBe(r.flow);
  return r;
}

describe('minCostFlow', () => {
  it('matches a Bellman-Ford reference on random graphs with cycles (non-negative costs)', () => {
    fc.assert(
      fc.property(graphArb(false), ({ n, edges, limit }) => {
        const r = solve(n, edges, limit);
        const ref = referenceMinCostFlow(n, edges, 0, n - 1, limit ?? Infinity);
        expect(r.flow).toBe(ref.flow);
        expect(Math.abs(r.cost - ref.cost)).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('matches a Bellman-Ford reference on random DAGs with negative costs', () => {
    fc.assert(
      fc.property(graphArb(true), ({ n, edges, limit }) => {
        const r = solve(n, edges, limit);
        const ref = referenceMinCostFlow(n, edges, 0, n - 1, limit ?? Infinity);
        expect(r.flow).toBe(ref.flow);
        expect(Math.abs(r.cost - ref.cost)).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects negative-cost cycles and bad arguments', () => {
    const b = new FlowNetworkBuilder(4);
    b.addEdge(0, 1, 1, 0);
    b.addEdge(1, 2, 1, -3);
    b.addEdge(2, 1, 1, 1);
    b.addEdge(2, 3, 1, 0);
    expect(() => minCostFlow(b.build(), 0, 3)).toThrow(RangeError);
    expect(() => minCostFlow(new FlowNetworkBuilder(2).build(), 0, 0)).toThrow(RangeError);
    expect(() => new FlowNetworkBuilder(2).addEdge(0, 2, 1)).toThrow(RangeError);
    expect(() => new FlowNetworkBuilder(2).addEdge(0, 1, 1.5)).toThrow(RangeError);
    expect(() => new FlowNetworkBuilder(2).addEdge(0, 1, 1, NaN)).toThrow(RangeError);
  });
});

describe('maxFlow', () => {
  it('agrees with the reference flow value', () => {
    fc.assert(
      fc.property(graphArb(false), ({ n, edges }) => {
        const b = new FlowNetworkBuilder(n);
        for (const e of edges) b.addEdge(e.from, e.to, e.cap, e.cost);
        expect(maxFlow(b.build(), 0, n - 1)).toBe(referenceMinCostFlow(n, edges, 0, n - 1, Infinity).flow);
      }),
      { numRuns: 300 },
    );
  });
});
