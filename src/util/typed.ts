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
