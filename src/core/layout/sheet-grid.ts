/**
 * A sheet snapshot seen as a grid in sheet coordinates, with merged areas
 * resolved: every cell of a merge reads the merge's top-left value, and the
 * grid can tell whether a cell is a merge continuation.
 */
import type { CellRect, RawValue, SheetSnapshot } from "../model/snapshot";
import { cleanText } from "../japanese/normalize-text";

export class SheetGrid {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** For each cell inside a merge (except the master): the master's coordinates. */
  private readonly mergeMaster = new Map<number, number>();
  private readonly mergeOf = new Map<number, CellRect>();
  /** The snapshot's arrays, held directly: every cell read goes through them. */
  private readonly values: RawValue[][];
  private readonly texts: string[][];
  private readonly formats: string[][];
  private hasMerges = false;

  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    this.bottom = this.top + sheet.values.length - 1;
    this.right = this.left + (sheet.values[0]?.length ?? 0) - 1;
    this.values = sheet.values;
    this.texts = sheet.text;
    this.formats = sheet.numberFormat;
    for (const m of sheet.merges ?? []) {
      const master = this.key(m.top, m.left);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const k = this.key(r, c);
          this.mergeOf.set(k, m);
          if (k !== master) {
            this.mergeMaster.set(k, master);
            this.hasMerges = true;
          }
        }
      }
    }
  }

  private key(r: number, c: number): number {
    return r * 20000 + c;
  }

  get rowCount(): number {
    return this.bottom - this.top + 1;
  }

  /** The raw value, following merges to their top-left cell. */
  value(r: number, c: number): RawValue {
    const m = this.masterKey(r, c);
    if (m < 0) return this.values[r - this.top]?.[c - this.left] ?? null;
    return this.values[Math.floor(m / 20000) - this.top]?.[(m % 20000) - this.left] ?? null;
  }

  /** The raw value of this very cell, not following merges. */
  ownValue(r: number, c: number): RawValue {
    return this.values[r - this.top]?.[c - this.left] ?? null;
  }

  text(r: number, c: number): string {
    const m = this.masterKey(r, c);
    const t =
      m < 0
        ? this.texts[r - this.top]?.[c - this.left]
        : this.texts[Math.floor(m / 20000) - this.top]?.[(m % 20000) - this.left];
    if (t !== undefined && t !== "") return t;
    const v = this.value(r, c);
    return v === null ? "" : String(v);
  }

  format(r: number, c: number): string {
    const m = this.masterKey(r, c);
    if (m < 0) return this.formats[r - this.top]?.[c - this.left] ?? "General";
    return this.formats[Math.floor(m / 20000) - this.top]?.[(m % 20000) - this.left] ?? "General";
  }

  /** Clean display text of a cell (merges followed). */
  label(r: number, c: number): string {
    return cleanText(this.text(r, c));
  }

  merge(r: number, c: number): CellRect | undefined {
    return this.mergeOf.get(this.key(r, c));
  }

  isContinuation(r: number, c: number): boolean {
    return this.hasMerges && this.mergeMaster.has(this.key(r, c));
  }

  /** The key of the merge's top-left cell when (r, c) continues a merge, else -1 (no pair array per read). */
  private masterKey(r: number, c: number): number {
    if (!this.hasMerges) return -1;
    return this.mergeMaster.get(this.key(r, c)) ?? -1;
  }

  /** Non-empty own cells of a row (merge continuations excluded). */
  ownCells(r: number): number[] {
    const row = this.sheet.values[r - this.top];
    const out: number[] = [];
    if (!row) return out;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) out.push(this.left + i);
    }
    return out;
  }
}
