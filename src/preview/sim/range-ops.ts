/**
 * What Range properties and methods do to the model: reading values/text/formats over a
 * rectangle, writing values with Excel's input parsing, formats, merges, clearing, shifting.
 */
import { MAX_COLS, MAX_ROWS, contains, intersects, isEntireColumns, isEntireRows, rectCells, rectCols, rectRows, type Rect } from "./address";
import { excelJsColorToHex, hexToArgb, normalizeColor } from "./colors";
import { simError } from "./errors";
import { coerceInput } from "./input";
import { CellErrorValue, pointsToWidth, widthToPoints, type Cell, type CellStyle, type SheetModel } from "./model";
import { formatNumber, formatText } from "../../core/format/number-format";
import { plainCellReference } from "./references";

/* eslint-disable @typescript-eslint/no-explicit-any */

export class RangeTarget {
  constructor(
    readonly sheet: SheetModel,
    readonly rect: Rect,
  ) {}
  get deleted(): boolean {
    return this.sheet.deleted;
  }
}

export class AreasTarget {
  constructor(
    readonly sheet: SheetModel,
    readonly rects: Rect[],
  ) {}
  get deleted(): boolean {
    return this.sheet.deleted;
  }
}

export const DEFAULT_FONT = { name: "Calibri", size: 11, color: "#000000" };

// ------------------------------------------------------------------ reading cells

/**
 * The value a cell shows. Formulas are not calculated, except a formula that is one cell
 * reference on a named sheet, which reads that cell now (so a reference to a generated sheet
 * shows what the last recompute wrote there, and #REF! once the sheet is gone).
 */
export function shownValue(sheet: SheetModel, cell: Cell | undefined): Cell["v"] {
  if (!cell) return null;
  if (cell.f) {
    const ref = plainCellReference(cell.f);
    if (ref) {
      const target = sheet.wb.sheetByName(ref.sheet);
      if (!target) return new CellErrorValue("#REF!");
      const t = target.getCell(ref.row, ref.col);
      return t && t.v !== null ? t.v : 0; // a reference to an empty cell shows 0
    }
  }
  return cell.v;
}

function cellValueOut(cell: Cell | undefined, sheet?: SheetModel): string | number | boolean {
  if (!cell) return "";
  const v = sheet ? shownValue(sheet, cell) : cell.v;
  if (v === null) return "";
  if (v instanceof CellErrorValue) return v.code;
  return v;
}

function grid<T>(rect: Rect, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rectRows(rect));
  const nc = rectCols(rect);
  for (let i = 0; i < out.length; i++) {
    const row = new Array<T>(nc);
    const r = rect.r0 + i;
    for (let j = 0; j < nc; j++) row[j] = fn(r, rect.c0 + j);
    out[i] = row;
  }
  return out;
}

function guardSize(rect: Rect, what: string): void {
  if (rectCells(rect) > 5_000_000) {
    throw simError("GeneralException", `Reading ${what} of ${rectCells(rect)} cells: Excel does not return more than 5,000,000 cells per request; read the range in blocks.`);
  }
}

export function readValues(t: RangeTarget): (string | number | boolean)[][] {
  guardSize(t.rect, "values");
  const rows = t.sheet.rows;
  return grid(t.rect, (r, c) => {
    const row = rows[r];
    return cellValueOut(row ? row[c] : undefined, t.sheet);
  });
}

export function readFormulas(t: RangeTarget): (string | number | boolean)[][] {
  guardSize(t.rect, "formulas");
  const rows = t.sheet.rows;
  return grid(t.rect, (r, c) => {
    const cell = rows[r]?.[c];
    if (cell && cell.f) return `=${cell.f}`;
    return cellValueOut(cell);
  });
}

export function readValueTypes(t: RangeTarget): string[][] {
  guardSize(t.rect, "valueTypes");
  const rows = t.sheet.rows;
  return grid(t.rect, (r, c) => {
    const v = rows[r]?.[c]?.v;
    if (v === null || v === undefined) return "Empty";
    if (typeof v === "string") return v === "" ? "Empty" : "String";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "Error";
  });
}

export function readNumberFormat(t: RangeTarget): string[][] {
  guardSize(t.rect, "numberFormat");
  const sheet = t.sheet;
  return grid(t.rect, (r, c) => sheet.styleAt(r, c)?.numFmt ?? "General");
}

export function cellText(sheet: SheetModel, r: number, c: number): string {
  const cell = sheet.getCell(r, c);
  if (!cell) return "";
  const v = shownValue(sheet, cell);
  if (v === null) return "";
  const fmt = (cell.s ?? sheet.styleAt(r, c))?.numFmt;
  if (typeof v === "number") return formatNumber(v, fmt, { date1904: sheet.wb.date1904 });
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof CellErrorValue) return v.code;
  return formatText(v, fmt);
}

export function readText(t: RangeTarget): string[][] {
  guardSize(t.rect, "text");
  return grid(t.rect, (r, c) => cellText(t.sheet, r, c));
}

// ------------------------------------------------------------------ writing cells

function checkShape(value: unknown, rect: Rect, what: string): { scalar: boolean } {
  if (!Array.isArray(value)) return { scalar: true };
  const nr = rectRows(rect);
  const nc = rectCols(rect);
  const ok = value.length === nr && value.every((row) => Array.isArray(row) && row.length === nc);
  if (!ok) {
    const got = `${value.length} x ${Array.isArray(value[0]) ? (value[0] as unknown[]).length : "?"}`;
    throw simError("InvalidArgument", `The ${what} array (${got}) does not match the size of the range (${nr} x ${nc}).`);
  }
  return { scalar: false };
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

/** Writes values or formulas: Excel's input parsing (formulas, numbers, dates) unless the cell is text ("@"). */
export function writeValues(t: RangeTarget, value: unknown, what: "values" | "formulas"): void {
  const { rect, sheet } = t;
  const { scalar } = checkShape(value, rect, what);
  if (scalar && Array.isArray(value)) throw simError("InvalidArgument");
  // Excel holds at most 32,767 characters (UTF-16 units) in a cell: a longer string fails the whole write.
  const tooLong = (v: unknown) => typeof v === "string" && v.length > MAX_CELL_CHARS;
  if (scalar ? tooLong(value) : (value as unknown[][]).some((row) => row.some(tooLong)))
    throw simError("InvalidArgument", `A cell holds at most ${MAX_CELL_CHARS} characters.`);
  const date1904 = sheet.wb.date1904;
  sheet.touch();
  const rows = value as unknown[][];
  const styleCache = new Map<CellStyle | undefined, Map<string, CellStyle>>();
  const merges = sheet.merges.filter((m) => intersects(m, rect));
  for (let i = 0; i < rectRows(rect); i++) {
    const r = rect.r0 + i;
    for (let j = 0; j < rectCols(rect); j++) {
      const c = rect.c0 + j;
      const raw = scalar ? value : rows[i][j];
      if (raw === null || raw === undefined) continue;
      if (merges.length) {
        const m = merges.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1);
        if (m && (m.r0 !== r || m.c0 !== c)) continue; // only the anchor of a merged area holds a value
      }
      const old = sheet.getCell(r, c);
      const style = old?.s ?? sheet.styleAt(r, c);
      const co = coerceInput(raw, style?.numFmt === "@", date1904);
      if (!co) continue;
      let s = old?.s ?? (style ? style : undefined);
      if (co.autoFormat && (!s?.numFmt || s.numFmt === "General")) {
        let byFmt = styleCache.get(s);
        if (!byFmt) styleCache.set(s, (byFmt = new Map()));
        let ns = byFmt.get(co.autoFormat);
        if (!ns) byFmt.set(co.autoFormat, (ns = { ...(s ?? {}), numFmt: co.autoFormat }));
        s = ns;
      }
      const cell: Cell = { v: co.v, ...(co.f ? { f: co.f } : {}), ...(s ? { s } : {}), ...(old?.link ? { link: old.link } : {}) };
      sheet.setCell(r, c, cell);
    }
  }
}

export function writeNumberFormat(t: RangeTarget, value: unknown): void {
  const { rect, sheet } = t;
  const { scalar } = checkShape(value, rect, "numberFormat");
  const rows = value as unknown[][];
  if (scalar) {
    if (typeof value !== "string") throw simError("InvalidArgument", "numberFormat must be a string or a 2-D array of strings.");
    const fmt = value === "" || value === "General" ? undefined : value;
    updateStyles(sheet, rect, (s) => withNumFmt(s, fmt));
    return;
  }
  sheet.touch();
  for (let i = 0; i < rectRows(rect); i++) {
    for (let j = 0; j < rectCols(rect); j++) {
      const raw = rows[i][j];
      if (raw === null || raw === undefined) continue;
      if (typeof raw !== "string" && typeof raw !== "number") throw simError("InvalidArgument", "Number formats must be strings.");
      const f = String(raw);
      const fmt = f === "" || f === "General" ? undefined : f;
      const r = rect.r0 + i, c = rect.c0 + j;
      const old = sheet.getCell(r, c);
      const s = withNumFmt(old?.s ?? sheet.styleAt(r, c), fmt);
      sheet.setCell(r, c, { ...(old ?? { v: null }), s } as Cell);
    }
  }
}

function withNumFmt(s: CellStyle | undefined, fmt: string | undefined): CellStyle | undefined {
  const out: CellStyle = { ...(s ?? {}) };
  if (fmt) out.numFmt = fmt;
  else delete out.numFmt;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Applies fn to the style of every cell in rect (memoised per distinct style). Entire columns /
 * rows change the column / row style and the stored cells only, as Excel does.
 */
export function updateStyles(sheet: SheetModel, rect: Rect, fn: (s: CellStyle | undefined) => CellStyle | undefined): void {
  sheet.touch();
  const memo = new Map<CellStyle | undefined, CellStyle | undefined>();
  const apply = (s: CellStyle | undefined) => {
    if (memo.has(s)) return memo.get(s);
    const n = fn(s);
    const norm = n && Object.keys(n).length ? n : undefined;
    memo.set(s, norm);
    return norm;
  };
  const entireCols = isEntireColumns(rect);
  const entireRows = isEntireRows(rect);
  if (entireCols || entireRows) {
    if (entireCols && !entireRows) {
      for (let c = rect.c0; c <= rect.c1; c++) sheet.setColInfo(c, { style: apply(sheet.cols.get(c)?.style) });
    } else {
      for (let r = rect.r0; r <= rect.r1; r++) if (entireRows && rectRows(rect) <= 100000) sheet.setRowInfo(r, { style: apply(sheet.rowInfo.get(r)?.style) });
    }
    const updates: [number, number, Cell][] = [];
    sheet.forEachCell(rect, (r, c, cell) => updates.push([r, c, cell]));
    for (const [r, c, cell] of updates) sheet.setCell(r, c, { ...cell, s: apply(cell.s) } as Cell);
    return;
  }
  if (rectCells(rect) > 4_000_000) throw simError("GeneralException", "Formatting more than 4,000,000 individual cells in one call is not supported by the simulated host.");
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const old = sheet.getCell(r, c);
      const base = old?.s ?? sheet.styleAt(r, c);
      const s = apply(base);
      if (!old && !s) continue;
      sheet.setCell(r, c, { ...(old ?? { v: null }), s } as Cell);
    }
  }
}

/** The value every cell in rect shares, or null when they differ (Office's convention for formats). */
export function uniform<T>(sheet: SheetModel, rect: Rect, pick: (s: CellStyle | undefined, r: number, c: number) => T): T | null {
  let first = true;
  let value: T | null = null;
  const see = (v: T) => {
    if (first) {
      value = v;
      first = false;
      return true;
    }
    return v === value;
  };
  if (rectCells(rect) <= 1_000_000) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (!see(pick(sheet.styleAt(r, c), r, c))) return null;
    return value;
  }
  // Huge ranges: stored cells, plus column styles for the rest.
  let differs = false;
  sheet.forEachCell(rect, (r, c, cell) => {
    if (!differs && !see(pick(cell.s ?? sheet.styleAt(r, c), r, c))) differs = true;
  });
  if (differs) return null;
  for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 16383); c++) if (!see(pick(sheet.cols.get(c)?.style, rect.r0, c))) return null;
  return value;
}

// ------------------------------------------------------------------ font / fill / alignment

export const fontProps = {
  name: (s?: CellStyle) => (s?.font?.name as string) ?? DEFAULT_FONT.name,
  size: (s?: CellStyle) => (s?.font?.size as number) ?? DEFAULT_FONT.size,
  color: (s?: CellStyle) => excelJsColorToHex(s?.font?.color) ?? DEFAULT_FONT.color,
  bold: (s?: CellStyle) => !!s?.font?.bold,
  italic: (s?: CellStyle) => !!s?.font?.italic,
  strikethrough: (s?: CellStyle) => !!s?.font?.strike,
  underline: (s?: CellStyle) => {
    const u = s?.font?.underline;
    if (!u) return "None";
    if (u === true || u === "single") return "Single";
    if (u === "double") return "Double";
    if (u === "singleAccounting") return "SingleAccountant";
    if (u === "doubleAccounting") return "DoubleAccountant";
    return "Single";
  },
};

export function setFont(sheet: SheetModel, rect: Rect, prop: keyof typeof fontProps, value: unknown): void {
  let patch: Record<string, unknown>;
  switch (prop) {
    case "name":
      if (typeof value !== "string" || !value) throw simError("InvalidArgument", "font.name must be a non-empty string.");
      patch = { name: value };
      break;
    case "size":
      if (typeof value !== "number" || !(value >= 1 && value <= 409)) throw simError("InvalidArgument", "font.size must be between 1 and 409.");
      patch = { size: value };
      break;
    case "color":
      patch = { color: { argb: hexToArgb(normalizeColor(value)) } };
      break;
    case "bold":
    case "italic":
    case "strikethrough":
      if (typeof value !== "boolean") throw simError("InvalidArgument", `font.${prop} must be a boolean.`);
      patch = { [prop === "strikethrough" ? "strike" : prop]: value };
      break;
    case "underline": {
      const map: Record<string, unknown> = { None: false, Single: true, Double: "double", SingleAccountant: "singleAccounting", DoubleAccountant: "doubleAccounting" };
      if (typeof value !== "string" || !(value in map)) throw simError("InvalidArgument", `"${String(value)}" is not a valid underline style.`);
      patch = { underline: map[value] };
      break;
    }
  }
  updateStyles(sheet, rect, (s) => ({ ...(s ?? {}), font: { ...(s?.font ?? {}), ...patch } }));
}

export function fillColor(s?: CellStyle): string {
  const f = s?.fill;
  if (!f || f.type !== "pattern" || !f.pattern || f.pattern === "none") return "#FFFFFF";
  return excelJsColorToHex(f.fgColor) ?? excelJsColorToHex(f.bgColor) ?? "#FFFFFF";
}

export function setFill(sheet: SheetModel, rect: Rect, color: unknown | null): void {
  if (color === null) {
    updateStyles(sheet, rect, (s) => {
      const o = { ...(s ?? {}) };
      delete o.fill;
      return o;
    });
    return;
  }
  const argb = hexToArgb(normalizeColor(color));
  const fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  updateStyles(sheet, rect, (s) => ({ ...(s ?? {}), fill }));
}

const H_TO_X: Record<string, string | undefined> = { General: undefined, Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed" };
const V_TO_X: Record<string, string | undefined> = { Top: "top", Center: "middle", Bottom: undefined, Justify: "justify", Distributed: "distributed" };

export const alignProps = {
  horizontalAlignment: (s?: CellStyle) => {
    const h = s?.alignment?.horizontal;
    return (Object.keys(H_TO_X).find((k) => H_TO_X[k] === h) ?? "General") as string;
  },
  verticalAlignment: (s?: CellStyle) => {
    const v = s?.alignment?.vertical;
    if (!v || v === "bottom") return "Bottom";
    return (Object.keys(V_TO_X).find((k) => V_TO_X[k] === v) ?? "Bottom") as string;
  },
  wrapText: (s?: CellStyle) => !!s?.alignment?.wrapText,
  indentLevel: (s?: CellStyle) => (s?.alignment?.indent as number) ?? 0,
  textOrientation: (s?: CellStyle) => (typeof s?.alignment?.textRotation === "number" ? s.alignment.textRotation : 0),
  shrinkToFit: (s?: CellStyle) => !!s?.alignment?.shrinkToFit,
};

export function setAlignment(sheet: SheetModel, rect: Rect, prop: keyof typeof alignProps, value: unknown): void {
  let key: string;
  let v: unknown;
  switch (prop) {
    case "horizontalAlignment":
      if (typeof value !== "string" || !(value in H_TO_X)) throw simError("InvalidArgument", `"${String(value)}" is not a horizontal alignment.`);
      key = "horizontal";
      v = H_TO_X[value];
      break;
    case "verticalAlignment":
      if (typeof value !== "string" || !(value in V_TO_X)) throw simError("InvalidArgument", `"${String(value)}" is not a vertical alignment.`);
      key = "vertical";
      v = V_TO_X[value];
      break;
    case "wrapText":
    case "shrinkToFit":
      if (typeof value !== "boolean") throw simError("InvalidArgument", `${prop} must be a boolean.`);
      key = prop;
      v = value || undefined;
      break;
    case "indentLevel":
      if (typeof value !== "number" || value < 0 || value > 250) throw simError("InvalidArgument", "indentLevel must be 0–250.");
      key = "indent";
      v = value || undefined;
      break;
    case "textOrientation":
      if (typeof value !== "number" || value < -90 || value > 180) throw simError("InvalidArgument", "textOrientation must be -90…90 or 180.");
      key = "textRotation";
      v = value || undefined;
      break;
  }
  updateStyles(sheet, rect, (s) => {
    const a = { ...(s?.alignment ?? {}) } as Record<string, unknown>;
    if (v === undefined) delete a[key];
    else a[key] = v;
    const o: CellStyle = { ...(s ?? {}), alignment: a };
    if (!Object.keys(a).length) delete o.alignment;
    return o;
  });
}

// ------------------------------------------------------------------ borders

export const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];

const STYLE_TO_X: Record<string, Record<string, string>> = {
  Continuous: { Hairline: "hair", Thin: "thin", Medium: "medium", Thick: "thick" },
  Dash: { Hairline: "dashed", Thin: "dashed", Medium: "mediumDashed", Thick: "mediumDashed" },
  DashDot: { Hairline: "dashDot", Thin: "dashDot", Medium: "mediumDashDot", Thick: "mediumDashDot" },
  DashDotDot: { Hairline: "dashDotDot", Thin: "dashDotDot", Medium: "mediumDashDotDot", Thick: "mediumDashDotDot" },
  Dot: { Hairline: "dotted", Thin: "dotted", Medium: "dotted", Thick: "dotted" },
  Double: { Hairline: "double", Thin: "double", Medium: "double", Thick: "double" },
  SlantDashDot: { Hairline: "slantDashDot", Thin: "slantDashDot", Medium: "slantDashDot", Thick: "slantDashDot" },
};
const X_TO_STYLE: Record<string, [string, string]> = {
  hair: ["Continuous", "Hairline"], thin: ["Continuous", "Thin"], medium: ["Continuous", "Medium"], thick: ["Continuous", "Thick"],
  dashed: ["Dash", "Thin"], mediumDashed: ["Dash", "Medium"], dashDot: ["DashDot", "Thin"], mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"], mediumDashDotDot: ["DashDotDot", "Medium"], dotted: ["Dot", "Thin"], double: ["Double", "Thick"],
  slantDashDot: ["SlantDashDot", "Medium"],
};

interface Side {
  key: "top" | "bottom" | "left" | "right" | "diagonal";
  cells: Rect | null;
}

function sideOf(rect: Rect, index: BorderIndex): Side {
  switch (index) {
    case "EdgeTop":
      return { key: "top", cells: { ...rect, r1: rect.r0 } };
    case "EdgeBottom":
      return { key: "bottom", cells: { ...rect, r0: rect.r1 } };
    case "EdgeLeft":
      return { key: "left", cells: { ...rect, c1: rect.c0 } };
    case "EdgeRight":
      return { key: "right", cells: { ...rect, c0: rect.c1 } };
    case "InsideVertical":
      return { key: "right", cells: rect.c1 > rect.c0 ? { ...rect, c1: rect.c1 - 1 } : null };
    case "InsideHorizontal":
      return { key: "bottom", cells: rect.r1 > rect.r0 ? { ...rect, r1: rect.r1 - 1 } : null };
    default:
      return { key: "diagonal", cells: rect };
  }
}

export function readBorder(sheet: SheetModel, rect: Rect, index: BorderIndex, what: "style" | "weight" | "color"): unknown {
  const side = sideOf(rect, index);
  if (!side.cells) return what === "style" ? "None" : what === "weight" ? "Thin" : "#000000";
  return uniform(sheet, side.cells, (s) => {
    const b = s?.border?.[side.key];
    if (side.key === "diagonal") {
      const d = s?.border?.diagonal;
      const on = d && (index === "DiagonalDown" ? d.down : d.up);
      if (!on) return what === "style" ? "None" : what === "weight" ? "Thin" : "#000000";
    }
    if (!b || !b.style) return what === "style" ? "None" : what === "weight" ? "Thin" : "#000000";
    if (what === "color") return excelJsColorToHex(b.color) ?? "#000000";
    const m = X_TO_STYLE[b.style] ?? ["Continuous", "Thin"];
    return what === "style" ? m[0] : m[1];
  });
}

export function setBorder(sheet: SheetModel, rect: Rect, index: BorderIndex, what: "style" | "weight" | "color", value: unknown): void {
  const side = sideOf(rect, index);
  if (what === "style" && (typeof value !== "string" || !(value in STYLE_TO_X || value === "None"))) throw simError("InvalidArgument", `"${String(value)}" is not a border line style.`);
  if (what === "weight" && (typeof value !== "string" || !["Hairline", "Thin", "Medium", "Thick"].includes(value))) throw simError("InvalidArgument", `"${String(value)}" is not a border weight.`);
  const color = what === "color" ? hexToArgb(normalizeColor(value)) : null;
  if (!side.cells) return;
  updateStyles(sheet, side.cells, (s) => {
    const border = { ...(s?.border ?? {}) } as Record<string, any>;
    const cur = { ...(border[side.key] ?? {}) } as Record<string, any>;
    const [curStyle, curWeight] = cur.style ? X_TO_STYLE[cur.style] ?? ["Continuous", "Thin"] : ["None", "Thin"];
    if (what === "style") {
      if (value === "None") {
        delete border[side.key];
        if (side.key === "diagonal") {
          delete border.diagonal;
        }
        return { ...(s ?? {}), border };
      }
      cur.style = STYLE_TO_X[value as string][curWeight];
    } else if (what === "weight") {
      cur.style = STYLE_TO_X[curStyle === "None" ? "Continuous" : curStyle][value as string];
    } else {
      cur.color = { argb: color };
      if (!cur.style) cur.style = "thin";
    }
    if (side.key === "diagonal") {
      border.diagonal = { ...(border.diagonal ?? {}), ...cur, ...(index === "DiagonalDown" ? { down: true } : { up: true }) };
    } else border[side.key] = cur;
    return { ...(s ?? {}), border };
  });
}

// ------------------------------------------------------------------ widths and heights

export function readColumnWidth(sheet: SheetModel, rect: Rect): number | null {
  let w: number | null = null;
  for (let c = rect.c0; c <= rect.c1; c++) {
    const p = sheet.cols.get(c)?.hidden ? 0 : widthToPoints(sheet.colWidth(c));
    if (w === null) w = p;
    else if (w !== p) return null;
    if (c - rect.c0 > 16384) break;
  }
  return w;
}

export function setColumnWidth(sheet: SheetModel, rect: Rect, points: unknown): void {
  if (typeof points !== "number" || !(points >= 0) || points > 1800) throw simError("InvalidArgument", "columnWidth must be a number of points between 0 and 1800.");
  const width = pointsToWidth(points);
  for (let c = rect.c0; c <= rect.c1; c++) sheet.setColInfo(c, { width });
}

export function readRowHeight(sheet: SheetModel, rect: Rect): number | null {
  let h: number | null = null;
  if (rectRows(rect) > 100000) {
    const custom = [...sheet.rowInfo].filter(([r, i]) => r >= rect.r0 && r <= rect.r1 && i.height !== undefined);
    if (custom.some(([, i]) => i.height !== 15)) return null;
    return 15;
  }
  for (let r = rect.r0; r <= rect.r1; r++) {
    const p = sheet.rowInfo.get(r)?.hidden ? 0 : sheet.rowHeight(r);
    if (h === null) h = p;
    else if (h !== p) return null;
  }
  return h;
}

export function setRowHeight(sheet: SheetModel, rect: Rect, points: unknown): void {
  if (typeof points !== "number" || !(points >= 0) || points > 409) throw simError("InvalidArgument", "rowHeight must be a number of points between 0 and 409.");
  if (rectRows(rect) > 100000) throw simError("GeneralException", "Setting the height of more than 100,000 rows at once is not supported by the simulated host.");
  for (let r = rect.r0; r <= rect.r1; r++) sheet.setRowInfo(r, { height: points });
}

/** Display width of text in character cells (East Asian wide characters count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

export function autofitColumns(sheet: SheetModel, rect: Rect): void {
  const used = sheet.usedRect(false);
  if (!used) return;
  const area = { r0: Math.max(rect.r0, used.r0), r1: Math.min(rect.r1, used.r1), c0: rect.c0, c1: rect.c1 };
  if (area.r0 > area.r1) return;
  const widest = new Map<number, number>();
  sheet.forEachCell(area, (r, c) => {
    const m = sheet.mergeAt(r, c);
    if (m && (m.c0 !== m.c1)) return; // merged across columns: ignored by autofit
    const text = cellText(sheet, r, c);
    if (!text) return;
    const size = (sheet.styleAt(r, c)?.font?.size as number) ?? 11;
    const lines = text.split("\n");
    const w = Math.max(...lines.map(displayWidth)) * (size / 11) * ((sheet.styleAt(r, c)?.font?.bold ? 1.1 : 1));
    widest.set(c, Math.max(widest.get(c) ?? 0, w));
  });
  for (const [c, w] of widest) sheet.setColInfo(c, { width: Math.min(255, Math.ceil((w + 0.71) * 256) / 256) });
}

export function autofitRows(sheet: SheetModel, rect: Rect): void {
  const used = sheet.usedRect(false);
  if (!used) return;
  const area = { r0: Math.max(rect.r0, used.r0), r1: Math.min(rect.r1, used.r1), c0: Math.max(rect.c0, used.c0), c1: Math.min(rect.c1, used.c1) };
  if (area.r0 > area.r1 || area.c0 > area.c1) return;
  const tallest = new Map<number, number>();
  for (let r = area.r0; r <= area.r1; r++) tallest.set(r, 15);
  sheet.forEachCell(area, (r, c) => {
    const m = sheet.mergeAt(r, c);
    if (m && m.r0 !== m.r1) return;
    const text = cellText(sheet, r, c);
    const st = sheet.styleAt(r, c);
    const size = (st?.font?.size as number) ?? 11;
    let lines = text ? text.split("\n").length : 1;
    if (st?.alignment?.wrapText && text) {
      const colChars = Math.max(1, sheet.colWidth(c) - 0.71);
      lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * size) / 11 / colChars)), 0);
    }
    const h = Math.round(lines * 15 * (size / 11) * 4) / 4;
    tallest.set(r, Math.max(tallest.get(r) ?? 15, h));
  });
  for (const [r, h] of tallest) sheet.setRowInfo(r, { height: Math.min(409, h) });
}

/** Points from the sheet's left edge to column c. */
export function columnLeft(sheet: SheetModel, c: number): number {
  let x = 0;
  for (let i = 0; i < c; i++) x += sheet.cols.get(i)?.hidden ? 0 : widthToPoints(sheet.colWidth(i));
  return x;
}

/** Points from the sheet's top edge to row r. */
export function rowTop(sheet: SheetModel, r: number): number {
  let y = r * 15;
  for (const [i, info] of sheet.rowInfo) if (i < r) y += (info.hidden ? 0 : info.height ?? 15) - 15;
  return y;
}

// ------------------------------------------------------------------ merges

export function checkNoTableOverlap(sheet: SheetModel, rect: Rect, what: string): void {
  for (const t of sheet.wb.tables) {
    if (t.sheetId === sheet.id && intersects(t.rect, rect)) throw simError("InvalidOperation", `${what} is not possible on cells of the table "${t.name}".`);
  }
}

export function merge(sheet: SheetModel, rect: Rect, across: boolean): void {
  checkNoTableOverlap(sheet, rect, "Merging");
  const areas: Rect[] = [];
  if (across) for (let r = rect.r0; r <= rect.r1; r++) areas.push({ r0: r, r1: r, c0: rect.c0, c1: rect.c1 });
  else areas.push({ ...rect });
  sheet.touch();
  for (let area of areas) {
    if (area.r0 === area.r1 && area.c0 === area.c1) continue;
    // Grow to include merged areas it partly covers (as Excel does).
    let grown = true;
    while (grown) {
      grown = false;
      for (const m of sheet.merges) {
        if (intersects(m, area) && !contains(area, m)) {
          area = { r0: Math.min(area.r0, m.r0), c0: Math.min(area.c0, m.c0), r1: Math.max(area.r1, m.r1), c1: Math.max(area.c1, m.c1) };
          grown = true;
        }
      }
    }
    sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
    // Only the anchor keeps its value.
    const drop: [number, number, Cell][] = [];
    sheet.forEachCell(area, (r, c, cell) => {
      if ((r !== area.r0 || c !== area.c0) && (cell.v !== null || cell.f)) drop.push([r, c, cell]);
    });
    for (const [r, c, cell] of drop) sheet.setCell(r, c, { v: null, ...(cell.s ? { s: cell.s } : {}) });
    sheet.merges.push(area);
  }
}

export function unmerge(sheet: SheetModel, rect: Rect): void {
  sheet.touch();
  sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
}

// ------------------------------------------------------------------ clear, delete, insert

export function clear(sheet: SheetModel, rect: Rect, applyTo: string): void {
  const what = applyTo || "All";
  if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what)) throw simError("InvalidArgument", `"${what}" is not a ClearApplyTo value.`);
  sheet.touch();
  const cells: [number, number, Cell][] = [];
  sheet.forEachCell(rect, (r, c, cell) => cells.push([r, c, cell]));
  for (const [r, c, cell] of cells) {
    let n: Cell | undefined = cell;
    if (what === "All") n = undefined;
    else if (what === "Formats") n = { v: cell.v, ...(cell.f ? { f: cell.f } : {}), ...(cell.link ? { link: cell.link } : {}) };
    else if (what === "Contents" || what === "ResetContents") n = { v: null, ...(cell.s ? { s: cell.s } : {}), ...(cell.link ? { link: cell.link } : {}) };
    else {
      const { link: _l, ...rest } = cell;
      n = rest;
    }
    sheet.setCell(r, c, n);
  }
  if (what === "All" || what === "Formats") {
    sheet.merges = sheet.merges.filter((m) => !contains(rect, m));
    if (isEntireColumns(rect)) for (let c = rect.c0; c <= rect.c1; c++) if (sheet.cols.get(c)?.style) sheet.setColInfo(c, { style: undefined });
    if (isEntireRows(rect) && rectRows(rect) <= 100000) for (let r = rect.r0; r <= rect.r1; r++) if (sheet.rowInfo.get(r)?.style) sheet.setRowInfo(r, { style: undefined });
  }
}

/** Moves cells of the band (columns c0..c1 from row `from` down) by dr rows, or (rows r0..r1 from column `from`) by dc columns. */
function shiftCells(sheet: SheetModel, vertical: boolean, band: [number, number], from: number, delta: number): void {
  const moved: [number, number, Cell][] = [];
  const region: Rect = vertical ? { r0: from, r1: MAX_ROWS - 1, c0: band[0], c1: band[1] } : { r0: band[0], r1: band[1], c0: from, c1: MAX_COLS - 1 };
  sheet.forEachCell(region, (r, c, cell) => moved.push([r, c, cell]));
  for (const [r, c] of moved) sheet.setCell(r, c, undefined);
  for (const [r, c, cell] of moved) {
    const nr = vertical ? r + delta : r;
    const nc = vertical ? c : c + delta;
    if (nr < 0 || nc < 0) continue;
    if (nr >= MAX_ROWS || nc >= MAX_COLS) throw simError("NotImplemented" as never);
    sheet.setCell(nr, nc, cell);
  }
}

export function deleteCells(sheet: SheetModel, rect: Rect, shift: string): void {
  if (shift !== "Up" && shift !== "Left") throw simError("InvalidArgument", `"${shift}" is not a DeleteShiftDirection.`);
  const vertical = shift === "Up";
  shiftRegionChecks(sheet, rect, vertical);
  sheet.touch();
  clearRect(sheet, rect);
  const n = vertical ? rectRows(rect) : rectCols(rect);
  shiftCells(sheet, vertical, vertical ? [rect.c0, rect.c1] : [rect.r0, rect.r1], vertical ? rect.r1 + 1 : rect.c1 + 1, -n);
  shiftStructures(sheet, rect, vertical, -n);
}

export function insertCells(sheet: SheetModel, rect: Rect, shift: string): void {
  if (shift !== "Down" && shift !== "Right") throw simError("InvalidArgument", `"${shift}" is not an InsertShiftDirection.`);
  const vertical = shift === "Down";
  const n = vertical ? rectRows(rect) : rectCols(rect);
  // Cells pushed off the sheet would be lost: Excel refuses.
  const edge: Rect = vertical ? { r0: MAX_ROWS - n, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 } : { r0: rect.r0, r1: rect.r1, c0: MAX_COLS - n, c1: MAX_COLS - 1 };
  let offSheet = false;
  sheet.forEachCell(edge, () => (offSheet = true));
  if (offSheet) throw simError("InvalidOperation", "Inserting would push non-empty cells off the worksheet.");
  shiftRegionChecks(sheet, rect, vertical);
  sheet.touch();
  shiftCells(sheet, vertical, vertical ? [rect.c0, rect.c1] : [rect.r0, rect.r1], vertical ? rect.r0 : rect.c0, n);
  shiftStructures(sheet, { ...rect, ...(vertical ? { r1: rect.r0 - 1 } : { c1: rect.c0 - 1 }) }, vertical, n);
}

function clearRect(sheet: SheetModel, rect: Rect): void {
  const cells: [number, number][] = [];
  sheet.forEachCell(rect, (r, c) => cells.push([r, c]));
  for (const [r, c] of cells) sheet.setCell(r, c, undefined);
}

function bandOf(rect: Rect, vertical: boolean): Rect {
  return vertical ? { r0: rect.r0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 } : { r0: rect.r0, r1: rect.r1, c0: rect.c0, c1: MAX_COLS - 1 };
}

function shiftRegionChecks(sheet: SheetModel, rect: Rect, vertical: boolean): void {
  const band = bandOf(rect, vertical);
  for (const m of sheet.merges) {
    if (!intersects(m, band)) continue;
    const inside = vertical ? m.c0 >= rect.c0 && m.c1 <= rect.c1 : m.r0 >= rect.r0 && m.r1 <= rect.r1;
    const straddles = vertical ? m.r0 < rect.r0 || (m.r0 <= rect.r1 && m.r1 > rect.r1) : m.c0 < rect.c0 || (m.c0 <= rect.c1 && m.c1 > rect.c1);
    if (!inside || (straddles && intersects(m, rect))) throw simError("InvalidOperation", "This operation would change part of a merged cell.");
  }
  for (const t of sheet.wb.tables) {
    if (t.sheetId === sheet.id && intersects(t.rect, band)) throw simError("InvalidOperation", `Shifting cells through the table "${t.name}" is not supported by the simulated host.`);
  }
}

function shiftStructures(sheet: SheetModel, removed: Rect, vertical: boolean, delta: number): void {
  const after = vertical ? removed.r1 : removed.c1;
  const bandOk = (m: Rect) => (vertical ? m.c0 >= removed.c0 && m.c1 <= removed.c1 : m.r0 >= removed.r0 && m.r1 <= removed.r1);
  sheet.merges = sheet.merges
    .filter((m) => !(delta < 0 && contains(removed, m)))
    .map((m) => {
      const start = vertical ? m.r0 : m.c0;
      if (!bandOk(m) || start <= after) return m;
      return vertical ? { ...m, r0: m.r0 + delta, r1: m.r1 + delta } : { ...m, c0: m.c0 + delta, c1: m.c1 + delta };
    });
  const entire = vertical ? isEntireRows(removed) : isEntireColumns(removed);
  if (entire) {
    const src = vertical ? sheet.rowInfo : sheet.cols;
    const next = new Map<number, any>();
    for (const [i, info] of src) {
      if (i <= after) {
        if (!(delta < 0 && i >= (vertical ? removed.r0 : removed.c0))) next.set(i, info);
      } else next.set(i + delta, info);
    }
    if (vertical) sheet.rowInfo = next;
    else sheet.cols = next;
  }
}

export { widthToPoints, pointsToWidth };
