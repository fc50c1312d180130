/**
 * Interned strings shared by the tables of one review: a group or department name is stored once and referred to
 * by index, so that per-item columns are numbers and the summary can count by index.
 */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  /** The last string looked up: rows of one group repeat it, so most look-ups skip the hash. */
  private lastString: string | null = null;
  private lastIndex = -1;

  intern(s: string): number {
    if (s === this.lastString) return this.lastIndex;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    this.lastString = s;
    this.lastIndex = i;
    return i;
  }

  /** The string of an index; null for -1 (none). */
  at(i: number): string | null {
    return i < 0 ? null : this.strings[i]!;
  }
}
