/**
 * Residual flow network in compressed sparse row form, backed by typed arrays.
 *
 * Every edge `i` added with {@link FlowNetworkBuilder.addEdge} becomes two arcs: a forward arc
 * (`edgeArc[i]`) carrying the capacity and cost, and a reverse arc (`rev[edgeArc[i]]`) with
 * capacity 0 and the negated cost. Arcs leaving node `u` are `start[u] .. start[u + 1] - 1`.
 * The flow on edge `i` is the residual capacity of its reverse arc.
 */

export const MAX_CAPACITY = 0x7fffffff;

export interface ResidualGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Arc range per node: arcs of `u` are `start[u] .. start[u + 1] - 1`. Length `nodeCount + 1`. */
  readonly start: Int32Array;
  /** Head node of each arc. */
  readonly to: Int32Array;
  /** Index of the paired (reverse) arc. */
  readonly rev: Int32Array;
  /** Residual capacity of each arc; mutated by the flow algorithms. */
  readonly cap: Int32Array;
  /** Cost per unit of flow on each arc (reverse arcs carry the negated cost). */
  readonly cost: Float64Array;
  /** Capacity of each arc before any flow was pushed (reverse arcs: 0). */
  readonly initialCap: Int32Array;
  /** Forward arc of each edge, in insertion order. */
  readonly edgeArc: Int32Array;
}

/** Collects edges, then lays them out as a {@link ResidualGraph}. */
export class FlowNetworkBuilder {
  private tails: Int32Array;
  private heads: Int32Array;
  private caps: Int32Array;
  private costs: Float64Array;
  private count = 0;

  /** `edgeHint` pre-sizes the edge buffers (they grow as needed). */
  constructor(
    readonly nodeCount: number,
    edgeHint = 16,
  ) {
    if (!Number.isSafeInteger(nodeCount) || nodeCount < 0) {
      throw new RangeError(`nodeCount must be a non-negative integer (got ${nodeCount})`);
    }
    const size = Math.max(1, Math.floor(edgeHint));
    this.tails = new Int32Array(size);
    this.heads = new Int32Array(size);
    this.caps = new Int32Array(size);
    this.costs = new Float64Array(size);
  }

  get edgeCount(): number {
    return this.count;
  }

  /** Adds a directed edge and returns its index. */
  addEdge(from: number, to: number, capacity: number, cost = 0): number {
    this.checkNode(from, 'from');
    this.checkNode(to, 'to');
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY) {
      throw new RangeError(`edge capacity must be an integer in [0, ${MAX_CAPACITY}] (got ${capacity})`);
    }
    if (!Number.isFinite(cost)) {
      throw new RangeError(`edge cost must be finite (got ${cost})`);
    }
    if (this.count === this.tails.length) this.grow();
    const i = this.count++;
    this.tails[i] = from;
    this.heads[i] = to;
    this.caps[i] = capacity;
    this.costs[i] = cost;
    return i;
  }

  build(): ResidualGraph {
    const n = this.nodeCount;
    const m = this.count;
    const { tails, heads, caps, costs } = this;
    const start = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      start[tails[i]! + 1]!++;
      start[heads[i]! + 1]!++;
    }
    for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
    const fill = start.slice(0, n);
    const to = new Int32Array(2 * m);
    const rev = new Int32Array(2 * m);
    const cap = new Int32Array(2 * m);
    const cost = new Float64Array(2 * m);
    const edgeArc = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const u = tails[i]!;
      const v = heads[i]!;
      const a = fill[u]!++;
      const b = fill[v]!++;
      to[a] = v;
      to[b] = u;
      rev[a] = b;
      rev[b] = a;
      cap[a] = caps[i]!;
      cost[a] = costs[i]!;
      cost[b] = -costs[i]!;
      edgeArc[i] = a;
    }
    return { nodeCount: n, edgeCount: m, start, to, rev, cap, cost, initialCap: cap.slice(), edgeArc };
  }

  private grow(): void {
    const size = this.tails.length * 2;
    const tails = new Int32Array(size);
    const heads = new Int32Array(size);
    const caps = new Int32Array(size);
    const costs = new Float64Array(size);
    tails.set(this.tails);
    heads.set(this.heads);
    caps.set(this.caps);
    costs.set(this.costs);
    this.tails = tails;
    this.heads = heads;
    this.caps = caps;
    this.costs = costs;
  }

  private checkNode(node: number, name: string): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodeCount) {
      throw new RangeError(`edge ${name} must be a node index in [0, ${this.nodeCount}) (got ${node})`);
    }
  }
}

/** Flow currently carried by edge `edge` (its reverse arc's residual capacity). */
export function edgeFlow(g: ResidualGraph, edge: number): number {
  return g.cap[g.rev[g.edgeArc[edge]!]!]!;
}

/** Restores every arc to its initial capacity (removes all flow). */
export function resetFlow(g: ResidualGraph): void {
  g.cap.set(g.initialCap);
}

/** Sets the residual capacity of edge `edge` to 0 (call on a graph without flow on that edge). */
export function disableEdge(g: ResidualGraph, edge: number): void {
  g.cap[g.edgeArc[edge]!] = 0;
}
