/**
 * Shared pieces of the Excel adapter's integration tests: fixtures through
 * the simulated host, a comparable digest of a workbook, fixed clock.
 */
import path from "path";
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { createExcelPort, type ExcelWorkbookPort } from "../../../src/excel/excel-port";
import type { ExcelPortOptions } from "../../../src/excel/excel-host";
import { recompute, type RecomputeOptions } from "../../../src/core/recompute";

export const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
export const NOW = () => new Date("2024-04-01T09:00:00Z");
export const TOKORO = "tokorozawa-r3-list.xlsx";
export const SUITA = "suita-5year-plan.xlsx";

export async function loadWorkbook(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, name));
  return wb;
}

export interface SimOptions {
  excelApiLevel?: number;
  maxBatchBytes?: number;
  failAtSync?: number;
}

export async function simOf(wb: ExcelJS.Workbook, options: SimOptions = {}): Promise<SimulatedExcel> {
  return SimulatedExcel.fromExcelJs(wb, options);
}

export async function simOfFixture(name: string, options: SimOptions = {}): Promise<SimulatedExcel> {
  return simOf(await loadWorkbook(name), options);
}

export function portOf(sim: SimulatedExcel, options: ExcelPortOptions = {}): ExcelWorkbookPort {
  let n = 0;
  return createExcelPort(
    { Excel: sim.Excel, Office: sim.Office },
    // Repeatable temporary names: "t00001", "t00002"…
    { token: () => `t${String(++n).padStart(5, "0")}`, ...options },
  );
}

export async function recomputeIn(
  sim: SimulatedExcel,
  options: RecomputeOptions = {},
  portOptions: ExcelPortOptions = {},
) {
  const port = portOf(sim, portOptions);
  const result = await recompute(port, { now: NOW, ...options });
  return { port, result };
}

/** Everything about one cell that a user could see or that the file stores. */
function cellDigest(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  const style = cell.style ?? {};
  return {
    type: cell.type,
    value: v instanceof Date ? { date: v.toISOString() } : v,
    numFmt: cell.numFmt ?? null,
    font: style.font ?? null,
    fill: style.fill ?? null,
    border: style.border ?? null,
    alignment: style.alignment ?? null,
    protection: style.protection ?? null,
  };
}

export interface SheetDigest {
  name: string;
  state: string;
  merges: string[];
  columns: (number | null)[];
  cells: Record<string, unknown>;
}

export function sheetDigest(ws: ExcelJS.Worksheet): SheetDigest {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = cellDigest(cell);
    });
  });
  const columns: (number | null)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) columns.push(ws.getColumn(c).width ?? null);
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).sort();
  return { name: ws.name, state: ws.state, merges, columns, cells };
}

export function workbookDigest(wb: ExcelJS.Workbook, only?: (name: string) => boolean): SheetDigest[] {
  return wb.worksheets.filter((ws) => !only || only(ws.name)).map(sheetDigest);
}

export async function digestOf(sim: SimulatedExcel, only?: (name: string) => boolean): Promise<SheetDigest[]> {
  return workbookDigest(await sim.toExcelJs(), only);
}

/**
 * A progress table of `rows` items in the bench layout (every sixth item self-graded "-", i.e. not evaluated),
 * whose item 2 has the longest name a cell holds: 32,767 UTF-16 units, ending in a surrogate pair.
 */
export function longListWorkbook(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("事業一覧");
  const out: unknown[][] = [["令和5年度 進捗状況"], [], ["No", "事業名", "担当課", "評価指標", "目標", "実績", "自己評価"]];
  for (let i = 0; i < rows; i++) {
    const target = 100 + (i % 50) * 10;
    const actual = Math.round(target * (0.3 + ((i * 37) % 100) / 100));
    out.push([i + 1, `事業${i + 1}`, `課${i % 40}`, `指標${i % 7}`, `${target}件`, `${actual}件`, ["A", "B", "C", "D", "B", "-"][i % 6]]);
  }
  out[4]![1] = "x".repeat(32765) + "𠮷";
  out.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  return wb;
}
