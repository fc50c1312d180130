/**
 * Generated progress data for benchmarks: a row-per-item layout with a group
 * heading every 25 rows, targets / actuals as text with units, self grades.
 */
import type { SheetSnapshot, WorkbookSnapshot, RawValue } from "../../src/core/model/snapshot";

export const BENCH_HEADER = ["No", "事業名", "担当課", "評価指標", "目標", "実績", "自己評価"];

export function benchRow(i: number): RawValue[] {
  const target = 100 + (i % 50) * 10;
  const actual = Math.round(target * (0.3 + ((i * 37) % 100) / 100));
  const grades = ["A", "B", "C", "D", null, "-"];
  return [i + 1, `事業${i + 1}`, `課${i % 40}`, `指標${i % 7}`, `${target.toLocaleString("en-US")}件`, `${actual.toLocaleString("en-US")}件`, grades[i % 6]!];
}

export function benchSheetRows(rows: number, offset = 0): RawValue[][] {
  const out: RawValue[][] = [["令和5年度 進捗状況"], [], BENCH_HEADER.slice()];
  for (let i = 0; i < rows; i++) {
    if (i % 25 === 0) out.push([`基本方針${Math.floor(i / 25) % 5 + 1} グループ`]);
    out.push(benchRow(offset + i));
  }
  return out;
}

/** A snapshot without any library, for core-only timing. */
export function benchSnapshot(sheets: number, rowsPerSheet: number): WorkbookSnapshot {
  const out: SheetSnapshot[] = [];
  for (let s = 0; s < sheets; s++) {
    const rows = benchSheetRows(rowsPerSheet, s * rowsPerSheet);
    const width = BENCH_HEADER.length;
    const values = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? null : r[c]!)));
    out.push({
      name: `部${s + 1}`,
      visibility: "Visible",
      origin: { row: 0, col: 0 },
      values,
      text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
      numberFormat: values.map((r) => r.map(() => "General")),
      merges: [],
    });
  }
  return { source: "bench", sheets: out };
}
