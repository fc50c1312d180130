/**
 * ExcelJS workbook → WorkbookSnapshot (core/model/snapshot.ts): per sheet the
 * block from the top-left to the bottom-right non-empty cell, with raw values,
 * displayed text (format-number.ts) and number formats, plus merged areas.
 */
import ExcelJS from "exceljs";
import type { CellRect, RawValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../core/model/snapshot";
import { cellToRaw } from "./cell-value";
import { formatValue } from "../core/format/number-format";

const MERGE = ExcelJS.ValueType.Merge;
const FORMULA = ExcelJS.ValueType.Formula;

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

function columnName(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
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

/** Largest block a snapshot holds for one sheet (e.g. 100,000 rows × 20 columns). */
export const MAX_BLOCK_CELLS = 2_000_000;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Shrink a block that is too big to hold (a stray value in XFD1048576 next to a
 * table in A1:L2500): drop the outermost row or column of the sparser direction
 * until the block fits. Returns the block and whether anything was dropped.
 */
function fitBlock(box: Box, rs: number[], cs: number[], vs: RawValue[], limit: number): { box: Box; trimmed: boolean } {
  const area = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  if (area(box) <= limit) return { box, trimmed: false };
  const rowSet = new Set<number>();
  const colSet = new Set<number>();
  for (let k = 0; k < rs.length; k++) {
    if (vs[k] === null) continue;
    rowSet.add(rs[k]!);
    colSet.add(cs[k]!);
  }
  const rows = [...rowSet].sort((a, b) => a - b);
  const cols = [...colSet].sort((a, b) => a - b);
  let ri = rows.length - 1;
  let ci = cols.length - 1;
  const b = { ...box };
  while (area(b) > limit && (ri > 0 || ci > 0)) {
    const rowSparseness = (b.bottom - b.top + 1) / (ri + 1);
    const colSparseness = (b.right - b.left + 1) / (ci + 1);
    if ((rowSparseness >= colSparseness && ri > 0) || ci === 0) b.bottom = rows[--ri]!;
    else b.right = cols[--ci]!;
  }
  if (area(b) > limit) {
    // one row or one column with a huge span: keep its first part
    b.bottom = Math.min(b.bottom, b.top + Math.max(0, Math.floor(limit / (b.right - b.left + 1)) - 1));
    b.right = Math.min(b.right, b.left + limit - 1);
  }
  // tighten to the values that are left inside
  const tight = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  for (let k = 0; k < rs.length; k++) {
    const r = rs[k]!;
    const c = cs[k]!;
    if (vs[k] === null || r < b.top || r > b.bottom || c < b.left || c > b.right) continue;
    if (r < tight.top) tight.top = r;
    if (r > tight.bottom) tight.bottom = r;
    if (c < tight.left) tight.left = c;
    if (c > tight.right) tight.right = c;
  }
  return { box: tight.bottom < 0 ? b : tight, trimmed: true };
}

export function snapshotWorksheet(
  ws: ExcelJS.Worksheet,
  date1904: boolean,
  onWarning?: (message: string) => void,
  maxCells = MAX_BLOCK_CELLS,
): SheetSnapshot {
  // One pass over the stored cells, remembering what lies in the block.
  const rs: number[] = [];
  const cs: number[] = [];
  const vs: RawValue[] = [];
  const fs: string[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // formulas saved without their result (written by a tool that does not calculate): read as empty cells
  let uncalculated = 0;
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
      if (cell.type === FORMULA && cell.result === undefined) uncalculated++;
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

  if (uncalculated > 0)
    onWarning?.(
      `シート「${ws.name}」の数式 ${uncalculated} 個に計算結果がありません。再計算されていません。Excel で開いて保存してください（空のセルとして読みました） / ${uncalculated} formula(s) of sheet "${ws.name}" have no saved result (the workbook was not recalculated): open it in Excel and save it (read as empty cells)`,
    );
  const base = {
    name: ws.name,
    visibility: visibilityOf(ws.state),
    merges: mergesOf(ws),
  };
  if (bottom < 0) {
    return { ...base, origin: { row: 0, col: 0 }, values: [[null]], text: [[""]], numberFormat: [["General"]] };
  }
  const fitted = fitBlock({ top, left, bottom, right }, rs, cs, vs, maxCells);
  if (fitted.trimmed) {
    ({ top, left, bottom, right } = fitted.box);
    const read = `${columnName(left)}${top + 1}:${columnName(right)}${bottom + 1}`;
    onWarning?.(
      `シート「${ws.name}」の表から遠く離れたセルは読み込みませんでした（読み込んだ範囲 ${read}） / ` +
        `cells of sheet "${ws.name}" far outside its table were ignored (read ${read})`,
    );
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
  /** Told about cells that were left out (see MAX_BLOCK_CELLS). */
  onWarning?: (message: string) => void;
}

export function snapshotWorkbook(wb: ExcelJS.Workbook, options: SnapshotOptions): WorkbookSnapshot {
  const date1904 = wb.properties?.date1904 === true;
  const sheets: SheetSnapshot[] = [];
  for (const ws of wb.worksheets) {
    // every sheet, the settings sheet included: the core leaves out the ones provably ours
    if (options.skip?.(ws.name)) continue;
    sheets.push(snapshotWorksheet(ws, date1904, options.onWarning));
  }
  return { source: options.source, sheets };
}
