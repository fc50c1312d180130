/**
 * A map for the one or two entries a row's cells have (the year of a target, the column of a grade): the first
 * entry lives in the object itself, further ones in an array; a Map's hash table per row is what it saves.
 * Same meaning as Map for what the table model uses: get, has, set, size, keys and iteration in insertion order.
 */
export class SmallMap<K, V> {
  private firstKey: K | undefined = undefined;
  private firstValue: V | undefined = undefined;
  private count = 0;
  private more: [K, V][] | null = null;

  get size(): number {
    return this.count;
  }

  private index(key: K): number {
    if (this.count === 0) return -1;
    if (this.firstKey === key) return 0;
    if (this.more) for (let i = 0; i < this.more.length; i++) if (this.more[i]![0] === key) return i + 1;
    return -1;
  }

  has(key: K): boolean {
    return this.index(key) >= 0;
  }

  get(key: K): V | undefined {
    const i = this.index(key);
    if (i < 0) return undefined;
    return i === 0 ? this.firstValue : this.more![i - 1]![1];
  }

  set(key: K, value: V): this {
    const i = this.index(key);
    if (i === 0) this.firstValue = value;
    else if (i > 0) this.more![i - 1]![1] = value;
    else if (this.count === 0) {
      this.firstKey = key;
      this.firstValue = value;
      this.count = 1;
    } else {
      (this.more ??= []).push([key, value]);
      this.count++;
    }
    return this;
  }

  /** The i-th key / value in insertion order (0 ≤ i < size): index loops read them without an iterator. */
  keyAt(i: number): K {
    return (i === 0 ? this.firstKey : this.more![i - 1]![0]) as K;
  }

  valueAt(i: number): V {
    return (i === 0 ? this.firstValue : this.more![i - 1]![1]) as V;
  }

  *keys(): IterableIterator<K> {
    for (const [k] of this) yield k;
  }

  *[Symbol.iterator](): IterableIterator<[K, V]> {
    if (this.count === 0) return;
    yield [this.firstKey as K, this.firstValue as V];
    if (this.more) for (const [k, v] of this.more) yield [k, v];
  }
}
