/** Indexed binary min-heap over node ids `0 .. size-1` with decrease-key, typed-array backed. */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private readonly key: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.key = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  clear(): void {
    for (let i = 0; i < this.length; i++) this.pos[this.heap[i]!] = -1;
    this.length = 0;
  }

  /** Inserts `node` with `key`, or lowers its key if it is already queued with a larger one. */
  push(node: number, key: number): void {
    let i = this.pos[node]!;
    if (i < 0) {
      i = this.length++;
      this.heap[i] = node;
      this.pos[node] = i;
    } else if (key >= this.key[node]!) {
      return;
    }
    this.key[node] = key;
    this.siftUp(i);
  }

  /** Removes and returns the node with the smallest key. The heap must not be empty. */
  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.length]!;
    if (this.length > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(index: number): void {
    const { heap, pos, key } = this;
    const node = heap[index]!;
    const k = key[node]!;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (key[p]! <= k) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private siftDown(index: number): void {
    const { heap, pos, key } = this;
    const n = this.length;
    const node = heap[index]!;
    const k = key[node]!;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && key[heap[child + 1]!]! < key[heap[child]!]!) child++;
      const c = heap[child]!;
      if (key[c]! >= k) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }
}
