/**
 * `a` itself when it holds at least `min` entries, else a copy of it doubled in length until it
 * does (the entries past `a.length` zero). `a` must not be empty.
 */
export function enlarge<T extends Int32Array | Uint8Array | Float64Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = a.length;
  while (n < min) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}

type Typed = Int32Array | Uint8Array | Float64Array;

/**
 * Short typed arrays handed out as views of larger blocks. V8 keeps a typed array of more than 64
 * bytes off the JavaScript heap, and making one costs ~0.4–1.4 µs (against ~0.05 µs for a view);
 * a build made several per profile. A block is freed once none of its views is referenced, so
 * arrays that are kept (pending documents) and arrays that are thrown away soon should come from
 * different arenas: a kept view holds its whole block.
 */
export class Arena<T extends Typed> {
  private block: T;
  private used = 0;

  constructor(
    private readonly make: new (n: number) => T,
    private readonly blockLength = 16_384,
  ) {
    this.block = new make(0);
  }

  /** A zero-filled array of n entries (a view of a block, or an array of its own when n is large). */
  alloc(n: number): T {
    if (n > this.blockLength >> 3) return new this.make(n);
    if (this.used + n > this.block.length) {
      this.block = new this.make(this.blockLength);
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + n) as T;
    this.used += n;
    return view;
  }
}
