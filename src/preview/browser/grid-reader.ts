/**
 * What the preview's spreadsheet view shows, read through the simulated host's own Office.js
 * API (the same calls an add-in would make): the sheet list, and for one sheet the displayed
 * text of its used block from A1 and its merged areas.
 */
import type { SimulatedExcel } from "../simulated-excel";

export interface SheetTab {
  id: string;
  name: string;
  visibility: string;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface GridData {
  sheet: string;
  text: string[][];
  merges: Rect[];
  /** Rows or columns beyond what is shown. */
  clipped: boolean;
}

export const MAX_ROWS = 400;
export const MAX_COLS = 40;

export async function readTabs(sim: SimulatedExcel): Promise<SheetTab[]> {
  return sim.Excel.run(async (ctx: Excel.RequestContext) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/id,items/name,items/visibility");
    await ctx.sync();
    return sheets.items.map((s) => ({ id: s.id, name: s.name, visibility: String(s.visibility) }));
  });
}

export async function readActiveSheet(sim: SimulatedExcel): Promise<string | null> {
  return sim.Excel.run(async (ctx: Excel.RequestContext) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await ctx.sync();
    return ws.name;
  });
}

function parseRange(address: string): Rect | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]!);
  return { r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? col(m[3]) : c0 };
}

export async function readGrid(sim: SimulatedExcel, sheet: string): Promise<GridData> {
  const merged = sim.Office.context.requirements.isSetSupported("ExcelApi", "1.13");
  return sim.Excel.run(async (ctx: Excel.RequestContext) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRangeOrNullObject();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    if (used.isNullObject) return { sheet, text: [[""]], merges: [], clipped: false };
    const rows = used.rowIndex + used.rowCount;
    const cols = used.columnIndex + used.columnCount;
    const shownRows = Math.min(rows, MAX_ROWS);
    const shownCols = Math.min(cols, MAX_COLS);
    const range = ws.getRangeByIndexes(0, 0, shownRows, shownCols);
    range.load("text");
    const areas = merged ? range.getMergedAreasOrNullObject() : null;
    areas?.load("address");
    await ctx.sync();
    const merges: Rect[] = [];
    if (areas && !areas.isNullObject) {
      // "'Sheet, name'!A1:B2, 'Sheet, name'!C3:D4": each area is the address after a "!" (names may hold commas).
      for (const m of areas.address.matchAll(/!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)(?=, |$)/gi)) {
        const r = parseRange(m[1]!);
        if (r) merges.push(r);
      }
    }
    return { sheet, text: range.text, merges, clipped: rows > shownRows || cols > shownCols };
  });
}

/** Writes what a user typed into one cell (as typed input: Excel parses it). */
export async function writeCell(sim: SimulatedExcel, sheet: string, row: number, col: number, text: string): Promise<void> {
  await sim.Excel.run(async (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.getItem(sheet).getCell(row, col).values = [[text]];
    await ctx.sync();
  });
}
