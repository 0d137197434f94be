// The scratch and index arrays of the clusterer and the tokeniser grow by doubling, each element kept.

type Growable = Int32Array | Float64Array | Uint8Array | Uint16Array;

/** `a` itself when it has at least `size` elements; else a copy in a new array of at least twice its length. */
export function grownTo<T extends Growable>(a: T, size: number): T {
  if (size <= a.length) return a;
  const grown = new (a.constructor as new (length: number) => T)(Math.max(size, a.length * 2));
  grown.set(a);
  return grown;
}
