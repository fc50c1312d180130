/**
 * SheetPlan → a new ExcelJS worksheet: values (strings always as plain
 * strings, never formulas), number formats, named styles (plan-styles.ts),
 * merges, column widths, frozen panes, internal links, tab colour, filter,
 * conditional formats and page setup.
 *
 * Tables: ExcelJS's addTable rewrites the cells and breaks easily, so a plan
 * table becomes an autoFilter over its range with the header style on its
 * first row. Charts: ExcelJS cannot write charts; the plan's chart data
 * block is ordinary cells, and the chart parts are added to the package
 * afterwards (src/xlsx/ooxml/). Every cell written gets the plan's font
 * family and size (a nameless font record prints in a serif fallback).
 */
import type ExcelJS from "exceljs";
import type { CellRect } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import { cellAddress, rectAddress } from "../core/a1-address";
export { cellAddress, columnLetters, quoteSheetName, rectAddress } from "../core/a1-address";
import { PLAN_STYLES, toArgb } from "./plan-styles";
import {
  cutCellText,
  conditionalFormatting,
  linkValue,
  pageSetupOf,
  planCellSteps,
  usableRowHeight,
} from "./plan-cell-steps";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Cells a plan may touch through formats; guards against a runaway range. */
const MAX_FORMAT_CELLS = 5_000_000;

/** Why a worksheet name is not allowed in Excel, or null when it is fine. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0) return "the sheet name is empty";
  if (name.length > 31) return `the sheet name "${name}" is longer than 31 characters`;
  if (/[*?:/\\[\]]/.test(name)) return `the sheet name "${name}" contains one of * ? : / \\ [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `the sheet name "${name}" begins or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return `the sheet name "${name}" contains a control character`;
  return null;
}

function rectProblem(r: unknown, what: string): string | null {
  const x = r as CellRect | null;
  if (!x || typeof x !== "object") return `${what}: missing range`;
  for (const k of ["top", "left", "bottom", "right"] as const) {
    if (!Number.isInteger(x[k]) || x[k] < 0) return `${what}: ${k} is not a row/column index`;
  }
  if (x.bottom < x.top || x.right < x.left) return `${what}: range is inverted`;
  if (x.bottom >= MAX_ROWS || x.right >= MAX_COLS) return `${what}: range is outside the sheet`;
  return null;
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Everything wrong with a plan that would make writing it fail or produce a broken file. */
export function validateSheetPlan(plan: SheetPlan): string[] {
  const errors: string[] = [];
  const where = `plan "${String(plan?.name)}"`;
  const nameProblem = sheetNameProblem(plan?.name);
  if (nameProblem) errors.push(`${where}: ${nameProblem}`);
  if (!Array.isArray(plan.rows)) errors.push(`${where}: rows is not an array`);
  else {
    if (plan.rows.length > MAX_ROWS) errors.push(`${where}: too many rows`);
    plan.rows.forEach((row, r) => {
      if (!Array.isArray(row)) {
        errors.push(`${where}: row ${r + 1} is not an array`);
        return;
      }
      if (row.length > MAX_COLS) errors.push(`${where}: row ${r + 1} has too many cells`);
      for (const v of row) {
        const t = typeof v;
        if (!(v === null || v === undefined || t === "string" || t === "number" || t === "boolean")) {
          errors.push(`${where}: row ${r + 1} holds a value that is not text, a number or a boolean`);
          break;
        }
      }
    });
  }
  let formatCells = 0;
  for (const f of plan.formats ?? []) {
    const p = rectProblem(f.range, `${where} format`);
    if (p) errors.push(p);
    else formatCells += (f.range.bottom - f.range.top + 1) * (f.range.right - f.range.left + 1);
    if (f.style !== undefined && !(f.style in PLAN_STYLES)) errors.push(`${where}: unknown style "${String(f.style)}"`);
    if (f.numberFormat !== undefined && (typeof f.numberFormat !== "string" || f.numberFormat.length > 255))
      errors.push(`${where}: bad number format`);
  }
  if (formatCells > MAX_FORMAT_CELLS) errors.push(`${where}: formats cover too many cells`);
  const merges = plan.merges ?? [];
  merges.forEach((m, i) => {
    const p = rectProblem(m, `${where} merge ${i + 1}`);
    if (p) errors.push(p);
  });
  if (!errors.some((e) => e.includes(" merge "))) {
    for (let i = 0; i < merges.length; i++)
      for (let j = i + 1; j < merges.length; j++)
        if (overlaps(merges[i]!, merges[j]!))
          errors.push(`${where}: merges ${rectAddress(merges[i]!)} and ${rectAddress(merges[j]!)} overlap`);
  }
  (plan.columnWidths ?? []).forEach((w, i) => {
    if (w !== null && w !== undefined && !(typeof w === "number" && Number.isFinite(w) && w >= 0 && w <= 255))
      errors.push(`${where}: width of column ${i + 1} is not 0–255`);
  });
  if (plan.freeze) {
    const { rows, cols } = plan.freeze;
    if (
      !Number.isInteger(rows) ||
      !Number.isInteger(cols) ||
      rows < 0 ||
      cols < 0 ||
      rows >= MAX_ROWS ||
      cols >= MAX_COLS
    )
      errors.push(`${where}: bad freeze panes`);
  }
  for (const l of plan.links ?? []) {
    if (
      !Number.isInteger(l.row) ||
      !Number.isInteger(l.col) ||
      l.row < 0 ||
      l.col < 0 ||
      l.row >= MAX_ROWS ||
      l.col >= MAX_COLS
    )
      errors.push(`${where}: link cell out of range`);
    if (typeof l.sheet !== "string" || l.sheet === "") errors.push(`${where}: link without a sheet`);
    if (typeof l.address !== "string" || !/^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/i.test(l.address))
      errors.push(`${where}: link address "${String(l.address)}" is not an A1 address`);
  }
  if (plan.table) {
    const p = rectProblem(plan.table.range, `${where} table`);
    if (p) errors.push(p);
  }
  for (const cf of plan.conditionalFormats ?? []) {
    const p = rectProblem(cf.range, `${where} conditional format`);
    if (p) errors.push(p);
  }
  if (plan.pageLayout?.printArea) {
    const p = rectProblem(plan.pageLayout.printArea, `${where} print area`);
    if (p) errors.push(p);
  }
  if (plan.rowHeights !== undefined && !Array.isArray(plan.rowHeights))
    errors.push(`${where}: rowHeights is not an array`);
  if (plan.pageLayout?.printTitleRows) {
    const { first, last } = plan.pageLayout.printTitleRows;
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first || last >= MAX_ROWS)
      errors.push(`${where}: bad print title rows`);
  }
  return errors;
}

function forEachCell(ws: ExcelJS.Worksheet, r: CellRect, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++) {
    const wsRow = ws.getRow(row + 1);
    for (let col = r.left; col <= r.right; col++) fn(wsRow.getCell(col + 1));
  }
}

/**
 * Cells that end with the same style share one style object. ExcelJS caches the
 * written style per object, so a fresh object per cell made writing 50,000 list
 * rows several times slower than writing the same cells read from a file.
 * Shared objects are never mutated: every change makes (or reuses) a new one.
 */
export class SharedStyles {
  private readonly ids = new WeakMap<object, number>();
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();
  private nextId = 1;

  private idOf(style: object): number {
    if (Object.keys(style).length === 0) return 0;
    let id = this.ids.get(style);
    if (id === undefined) this.ids.set(style, (id = this.nextId++));
    return id;
  }

  apply(cell: ExcelJS.Cell, opKey: string, op: (s: Partial<ExcelJS.Style>) => void): void {
    const prev = (cell.style ?? {}) as Partial<ExcelJS.Style>;
    const key = this.idOf(prev) + "|" + opKey;
    let next = this.cache.get(key);
    if (!next) {
      next = { ...prev };
      op(next);
      this.cache.set(key, next);
      this.ids.set(next, this.nextId++);
    }
    cell.style = next;
  }
}

/** A plan value as ExcelJS should store it; strings stay strings whatever they start with. */
export function cellValueOf(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return cutCellText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  return String(v);
}

/**
 * Write `plan` as a new worksheet named `sheetName` (default: the plan's name)
 * at the end of `wb`. The plan must have passed validateSheetPlan.
 */
export function writeSheetPlan(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  sheetName: string = plan.name,
): ExcelJS.Worksheet {
  const tab = toArgb(plan.tabColor);
  const ws = wb.addWorksheet(sheetName, {
    properties: tab ? { tabColor: { argb: tab } } : {},
  });

  // Column widths
  (plan.columnWidths ?? []).forEach((w, i) => {
    if (typeof w === "number" && Number.isFinite(w)) ws.getColumn(i + 1).width = w;
  });

  // Values. ExcelJS turns only {formula} objects into formulas; a string is
  // always stored as a string, so "=1+1" or "@x" stays text.
  plan.rows.forEach((row, r) => {
    if (!row || row.length === 0) return;
    const wsRow = ws.getRow(r + 1);
    row.forEach((v, c) => {
      const value = cellValueOf(v);
      if (value !== null) wsRow.getCell(c + 1).value = value;
    });
  });

  // Merges keep each cell's own style object, so formats below do not leak.
  for (const m of plan.merges ?? []) {
    if (m.top === m.bottom && m.left === m.right) continue;
    ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }

  const styles = new SharedStyles();
  const steps = planCellSteps(plan);
  if (plan.font) {
    plan.rows.forEach((row, r) => {
      if (!row || row.length === 0) return;
      const wsRow = ws.getRow(r + 1);
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) styles.apply(wsRow.getCell(c + 1), "base-font", steps.baseFont);
      });
    });
  }
  // Table → autoFilter over its range, header style on its first row.
  if (plan.table) {
    const t = plan.table.range;
    ws.autoFilter = { from: { row: t.top + 1, column: t.left + 1 }, to: { row: t.bottom + 1, column: t.right + 1 } };
    forEachCell(ws, { top: t.top, bottom: t.top, left: t.left, right: t.right }, (cell) =>
      styles.apply(cell, "table-header", steps.tableHeader),
    );
  }

  // Formats, in plan order (later ones win).
  for (const f of steps.formats) forEachCell(ws, f.range, (cell) => styles.apply(cell, f.key, f.op));

  // Links to the source rows, as internal hyperlinks.
  for (const l of plan.links ?? []) {
    const cell = ws.getCell(l.row + 1, l.col + 1);
    cell.value = linkValue(l);
    styles.apply(cell, "link", steps.link);
  }

  for (const cf of plan.conditionalFormats ?? []) {
    const options = conditionalFormatting(cf);
    if (options) ws.addConditionalFormatting(options);
  }

  // Frozen panes (never "tabSelected": the user's active sheet stays selected).
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    const { rows, cols } = plan.freeze;
    ws.views = [
      {
        state: "frozen",
        xSplit: cols,
        ySplit: rows,
        topLeftCell: cellAddress(rows, cols),
        activeCell: cellAddress(rows, cols),
      },
    ];
  }

  // Row heights that fit the wrapped text (the core computes them; LibreOffice never autofits .xlsx rows).
  (plan.rowHeights ?? []).forEach((h, r) => {
    if (usableRowHeight(h)) ws.getRow(r + 1).height = h;
  });

  // Page setup
  const pl = plan.pageLayout;
  const setup = pageSetupOf(plan);
  if (pl && setup) {
    Object.assign(ws.pageSetup, setup);
    // The footer holds codes (&P page, &N pages): written as they are, not escaped.
    if (pl.centerFooter) ws.headerFooter.oddFooter = `&C${pl.centerFooter}`;
    for (const b of pl.rowBreaksBefore ?? []) if (Number.isInteger(b) && b > 0) ws.getRow(b).addPageBreak();
  }
  return ws;
}
