/**
 * The table model as columns over the snapshot (issue 9): sheet rows of items and indicators in typed arrays,
 * column numbers from the layout, and only the per-item strings that are shown (key, name; group and department
 * as indexes into a string table). Cells are read through the SheetGrid by (row, column) when grading; nothing
 * per row is an object.
 */
import type { SheetGrid } from "./sheet-grid";
import type { TableLayout } from "./table-model";
import type { StringTable } from "./string-table";

/** Year key of a value: the fiscal year, or "single" for a table with one target/actual column. */
export type YearKey = number | "single";

/** A data-looking row that could not be read as an item (listed, never dropped). */
export interface SkippedRow {
  sheet: string;
  row: number;
  reason: string;
  reasonJa: string;
}

/** The year-bearing value columns of a table: per year key, the column it is read from (the last one wins). */
export interface YearColumns {
  keys: YearKey[];
  cols: Int32Array;
}

export interface ColumnarTable {
  layout: TableLayout;
  grid: SheetGrid;
  sheet: string;
  /** Shared by every table of one review: group / department names as indexes. */
  strings: StringTable;

  itemCount: number;
  /** Zero-based sheet row of each item's first row. */
  itemRow: Int32Array;
  itemKey: string[];
  itemName: string[];
  /** Index into `strings`, or -1 for none. */
  itemGroup: Int32Array;
  itemDepartment: Int32Array;
  /** Grade columns (role selfGrade, layout order) and, per item × grade column, the row of its first non-blank cell (-1: blank). */
  gradeCols: Int32Array;
  itemGradeRow: Int32Array;
  /** CSR: the indicators of item i are indicatorStart[i] … indicatorStart[i + 1] − 1. */
  indicatorStart: Int32Array;

  indicatorCount: number;
  indicatorRow: Int32Array;
  indicatorName: string[];
  indicatorUnit: (string | null)[];
  indicatorDirection: (string | null)[];
  /** The row the indicator's targets / actuals are read from (-1: none). */
  targetRow: Int32Array;
  actualRow: Int32Array;
  /** How many target / actual cells the indicator has (a merged continuation of a pair is not one). */
  targetCount: Uint8Array;
  actualCount: Uint8Array;

  /** Target and actual columns per year key (row-per-item), or the year columns (pairs, for both). */
  targets: YearColumns;
  actuals: YearColumns;
  /** Baseline column, or -1. */
  baselineCol: number;
  unreadRows: SkippedRow[];
  /** Totals sentences below the table (「A評価8件、B評価7件」): the counts the sheet states, compared with ours. */
  statedCounts: StatedCounts[];
}

export interface StatedCounts {
  /** Zero-based sheet row. */
  row: number;
  text: string;
  counts: Record<string, number>;
}

/**
 * The column of a year key that holds a value for this indicator row, or -1: the year's own column, else a
 * yearless column (「毎年95%」 applies to every year). A merged continuation in a pairs table is no cell.
 */
export function columnOfYear(table: ColumnarTable, which: YearColumns, row: number, key: YearKey): number {
  if (row < 0) return -1;
  const col = yearColumn(which, key);
  if (col < 0) return -1;
  if (table.layout.kind === "pairs" && table.grid.isContinuation(row, col)) return -1;
  return col;
}

/** The column a year key is read from in any row (before merged continuations are ruled out), or -1. */
export function yearColumn(which: YearColumns, key: YearKey): number {
  let col = -1;
  let single = -1;
  for (let i = 0; i < which.keys.length; i++) {
    const k = which.keys[i];
    if (k === key) col = which.cols[i]!;
    else if (k === "single") single = which.cols[i]!;
  }
  if (col < 0 && key !== "single") col = single;
  return col;
}

/** Year keys that at least one indicator of the table has a cell for: targets' years first, then actuals'. */
export function yearKeysOfTable(table: ColumnarTable): YearKey[] {
  const out: YearKey[] = [];
  for (const [which, rows] of [
    [table.targets, table.targetRow],
    [table.actuals, table.actualRow],
  ] as const) {
    for (let k = 0; k < which.keys.length; k++) {
      const key = which.keys[k]!;
      if (out.includes(key)) continue;
      for (let i = 0; i < table.indicatorCount; i++) {
        const r = rows[i]!;
        if (r >= 0 && !(table.layout.kind === "pairs" && table.grid.isContinuation(r, which.cols[k]!))) {
          out.push(key);
          break;
        }
      }
    }
  }
  return out;
}
