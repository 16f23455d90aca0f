/**
 * Several maps read as one, without copying them: what an archive's loaded chunks are to the
 * viewer. `get` takes the first map that has the key, or, with `combine`, every value for it
 * combined. Iteration visits each key once, in the maps' order.
 */
export class MergedMap<K, V> implements ReadonlyMap<K, V> {
  constructor(private readonly maps: ReadonlyArray<ReadonlyMap<K, V>>, private readonly combine?: (values: V[]) => V) {}

  get(key: K): V | undefined {
    if (!this.combine) {
      for (const m of this.maps) {
        const v = m.get(key);
        if (v !== undefined || m.has(key)) return v;
      }
      return undefined;
    }
    const values: V[] = [];
    for (const m of this.maps) if (m.has(key)) values.push(m.get(key)!);
    return values.length ? this.combine(values) : undefined;
  }

  has(key: K): boolean {
    return this.maps.some((m) => m.has(key));
  }

  get size(): number {
    let n = 0;
    for (const _ of this.keys()) n += 1;
    return n;
  }

  *keys(): MapIterator<K> {
    const seen = new Set<K>();
    for (const m of this.maps) for (const k of m.keys()) if (!seen.has(k)) { seen.add(k); yield k; }
  }

  *values(): MapIterator<V> {
    for (const k of this.keys()) yield this.get(k)!;
  }

  *entries(): MapIterator<[K, V]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
