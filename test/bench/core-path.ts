/**
 * The core path the benchmarks time: detect + columnar read + grade into codes + count the summary (no sheet
 * plans, no reason text). reviewWorkbook runs the same steps and then materialises the items for its output.
 */
import { SheetGrid } from "../../src/core/layout/sheet-grid";
import { detectTable } from "../../src/core/layout/detect-header";
import { readColumnarTable } from "../../src/core/layout/read-columnar-table";
import type { ColumnarTable } from "../../src/core/layout/columnar-table";
import { StringTable } from "../../src/core/layout/string-table";
import { gradeTables } from "../../src/core/grading/grade-columnar";
import { countEvaluation } from "../../src/core/summary/count-grades";
import { DEFAULT_RULES } from "../../src/core/model/settings";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";

export function coreOnly(snap: WorkbookSnapshot): unknown {
  const tables: ColumnarTable[] = [];
  const strings = new StringTable();
  for (const sheet of snap.sheets) {
    const grid = new SheetGrid(sheet);
    const d = detectTable(grid);
    if (d.ok) tables.push(readColumnarTable(grid, d.layout, strings));
  }
  return gradeTables(tables, DEFAULT_RULES).map((e) => countEvaluation(e, DEFAULT_RULES));
}
