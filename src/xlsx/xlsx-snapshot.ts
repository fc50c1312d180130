/**
 * ExcelJS workbook → WorkbookSnapshot (core/model/snapshot.ts): per sheet the
 * block from the top-left to the bottom-right non-empty cell, with raw values,
 * displayed text (format-number.ts) and number formats, plus merged areas.
 */
import ExcelJS from "exceljs";
import type { CellRect, RawValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../core/model/snapshot";
import { SETTINGS_SHEET_NAME } from "../core/settings-store";
import { cellToRaw } from "./cell-value";
import { formatValue } from "./format-number";

const MERGE = ExcelJS.ValueType.Merge;

export function visibilityOf(state: string | undefined): SheetVisibility {
  if (state === "hidden") return "Hidden";
  if (state === "veryHidden") return "VeryHidden";
  return "Visible";
}

/** "B2:D4" (optionally with $ and a sheet prefix) → zero-based rect, or null. */
export function parseA1Range(ref: string): CellRect | null {
  const m = /^(?:.*!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = colIndex(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a sheet. ExcelJS keeps them in `_merges`; `model.merges` would serialise the whole sheet. */
export function mergesOf(ws: ExcelJS.Worksheet): CellRect[] {
  const internal = (ws as unknown as { _merges?: Record<string, RangeLike> })._merges;
  const out: CellRect[] = [];
  if (internal && typeof internal === "object") {
    for (const r of Object.values(internal)) {
      if (r && typeof r.top === "number")
        out.push({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 });
    }
  } else {
    for (const ref of ws.model.merges ?? []) {
      const rect = parseA1Range(ref);
      if (rect) out.push(rect);
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function numFmtOf(cell: ExcelJS.Cell): string {
  const f = cell.numFmt as unknown;
  return typeof f === "string" && f !== "" ? f : "General";
}

export function snapshotWorksheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  // One pass over the stored cells, remembering what lies in the block.
  const rs: number[] = [];
  const cs: number[] = [];
  const vs: RawValue[] = [];
  const fs: string[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell((cell, colNumber) => {
      const c = colNumber - 1;
      const fmt = numFmtOf(cell);
      if (cell.type === MERGE) {
        // a merged area's other cells are empty, as in Excel
        rs.push(r);
        cs.push(c);
        vs.push(null);
        fs.push(fmt);
        return;
      }
      const raw = cellToRaw(cell, date1904);
      const v = raw.value;
      rs.push(r);
      cs.push(c);
      vs.push(v);
      // A Date without a format is written by ExcelJS with the built-in short date (id 14).
      fs.push(raw.isDate && fmt === "General" ? "mm-dd-yy" : fmt);
      if (v === null) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });

  const base = {
    name: ws.name,
    visibility: visibilityOf(ws.state),
    merges: mergesOf(ws),
  };
  if (bottom < 0) {
    return { ...base, origin: { row: 0, col: 0 }, values: [[null]], text: [[""]], numberFormat: [["General"]] };
  }
  const nRows = bottom - top + 1;
  const nCols = right - left + 1;
  const values: RawValue[][] = new Array(nRows);
  const text: string[][] = new Array(nRows);
  const numberFormat: string[][] = new Array(nRows);
  for (let i = 0; i < nRows; i++) {
    values[i] = new Array<RawValue>(nCols).fill(null);
    text[i] = new Array<string>(nCols).fill("");
    numberFormat[i] = new Array<string>(nCols).fill("General");
  }
  const opts = { date1904 };
  for (let k = 0; k < rs.length; k++) {
    const r = rs[k]! - top;
    const c = cs[k]! - left;
    if (r < 0 || r >= nRows || c < 0 || c >= nCols) continue;
    const v = vs[k]!;
    const f = fs[k]!;
    values[r]![c] = v;
    numberFormat[r]![c] = f;
    if (v !== null) text[r]![c] = formatValue(v, f, opts);
  }
  return { ...base, origin: { row: top, col: left }, values, text, numberFormat };
}

export interface SnapshotOptions {
  /** Label for messages (file name). */
  source: string;
  /** Sheets to leave out besides the settings sheet. */
  skip?: (name: string) => boolean;
}

export function snapshotWorkbook(wb: ExcelJS.Workbook, options: SnapshotOptions): WorkbookSnapshot {
  const date1904 = wb.properties?.date1904 === true;
  const sheets: SheetSnapshot[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === SETTINGS_SHEET_NAME) continue;
    if (options.skip?.(ws.name)) continue;
    sheets.push(snapshotWorksheet(ws, date1904));
  }
  return { source: options.source, sheets };
}
