/**
 * Bounded top-k collection: keeps the k best items under `better(a, b)` (true when a ranks
 * before b). A min-heap on "worst of the kept" so each offer is O(log k).
 */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** The worst kept item, once k items are kept. */
  threshold(): T | undefined {
    return this.heap.length >= this.k ? this.heap[0] : undefined;
  }

  offer(item: T): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.k > 0 && this.better(item, h[0] as T)) {
      h[0] = item;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[p] as T, h[i] as T)) break;
      [h[p], h[i]] = [h[i] as T, h[p] as T];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.better(h[m] as T, h[l] as T)) m = l;
      if (r < h.length && this.better(h[m] as T, h[r] as T)) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i] as T, h[m] as T];
      i = m;
    }
  }
}
