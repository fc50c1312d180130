/**
 * Item key → item index for one table: an open-addressing hash table over an Int32Array, sized once from the
 * table's row count (a Map grows and rehashes as 50,000 keys arrive; this allocates one array per table).
 */
export class KeyIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** keys: the table's item keys by index, read back to compare on a hash match. */
  constructor(
    capacity: number,
    private readonly keys: readonly string[],
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private static hash(s: string): number {
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  /** The index of key, or -1 after remembering that `index` is its index (insert when absent). */
  getOrAdd(key: string, index: number): number {
    let i = KeyIndex.hash(key) & this.mask;
    for (;;) {
      const at = this.slots[i]!;
      if (at < 0) {
        this.slots[i] = index;
        return -1;
      }
      if (this.keys[at] === key) return at;
      i = (i + 1) & this.mask;
    }
  }
}
