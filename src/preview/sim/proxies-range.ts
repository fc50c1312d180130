/**
 * Range, its format objects, RangeAreas / RangeCollection and conditional formats.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  boundingRect,
  checkRect,
  intersection,
  intersects,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  qualifiedAddress,
  rectCells,
  rectCols,
  rectRows,
  type Rect,
} from "./address";
import { normalizeColor } from "./colors";
import { simError } from "./errors";
import type { CellStyle, ConditionalFormatModel, SheetModel } from "./model";
import * as ops from "./range-ops";
import { AreasTarget, RangeTarget } from "./range-ops";
import { type SimOf, BatchContext, SimClientResult, SimObject, SimRequestContext, defineProxy, type Resolver } from "./runtime";

/* eslint-disable @typescript-eslint/no-explicit-any */

// Late-bound to avoid a circular import with proxies-sheet.ts.
export const sheetFactory: { make: (ctx: SimRequestContext, resolver: Resolver) => SimObject } = {
  make: () => {
    throw new Error("sheet factory not installed");
  },
};

export type RangeOrAddress = SimRange | string;

/** Resolves a Range-or-address argument at sync time, relative to `sheet`. */
export function rectArg(arg: unknown, sheet: SheetModel, b: BatchContext, what: string): Rect {
  if (arg instanceof SimRange) {
    const t = arg._targetNN(b) as RangeTarget;
    if (t.sheet !== sheet) throw simError("InvalidArgument", `${what}: the range must be on worksheet "${sheet.name}".`);
    return t.rect;
  }
  if (typeof arg === "string") {
    const p = parseAddress(arg);
    if (p.sheet !== null && p.sheet.toUpperCase() !== sheet.name.toUpperCase()) {
      throw simError("InvalidArgument", `${what}: "${arg}" is not on worksheet "${sheet.name}".`);
    }
    return p.rect;
  }
  throw simError("InvalidArgument", `${what}: expected a Range or an address string.`);
}

function int(x: unknown, what: string): number {
  if (typeof x !== "number" || !Number.isInteger(x)) throw simError("InvalidArgument", `${what} must be an integer.`);
  return x;
}

function rangeFrom(sheet: SheetModel, rect: Rect): RangeTarget {
  checkRect(rect);
  return new RangeTarget(sheet, rect);
}

// =============================================================================================
// Range

export class SimRange extends SimObject implements SimOf<Excel.Range, "address" | "rowCount" | "columnCount" | "rowIndex" | "columnIndex" | "text" | "valueTypes" | "getCell" | "getOffsetRange" | "getResizedRange" | "getRow" | "getColumn" | "getEntireColumn" | "getEntireRow" | "getUsedRange" | "getUsedRangeOrNullObject" | "getMergedAreasOrNullObject" | "merge" | "unmerge" | "clear" | "values" | "numberFormat" | "format" | "hyperlink" | "conditionalFormats" | "getIntersection" | "select"> {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly cellCount: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare values: any[][];
  declare readonly text: string[][];
  declare formulas: any[][];
  declare formulasLocal: any[][];
  declare numberFormat: any[][];
  declare numberFormatLocal: any[][];
  declare readonly valueTypes: Excel.Range["valueTypes"];
  declare hyperlink: { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string };
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare readonly hidden: boolean;
  declare rowHidden: boolean;
  declare columnHidden: boolean;
  declare readonly top: number;
  declare readonly left: number;
  declare readonly width: number;
  declare readonly height: number;
  declare readonly format: SimRangeFormat;
  declare readonly worksheet: any;
  declare readonly conditionalFormats: SimConditionalFormatCollection;

  private _sub(label: string, args: unknown[], fn: (t: RangeTarget, b: BatchContext) => RangeTarget | null, opts: { level?: number; orNull?: boolean } = {}): SimRange {
    return this._child(label, args, (res) => new SimRange(this.context, res), (b) => {
      const t = this._target(b) as RangeTarget | null;
      if (t === null) return null;
      const r = fn(t, b);
      if (r === null && !opts.orNull) throw simError("ItemNotFound", `${label} found no range.`);
      return r;
    }, { level: opts.level });
  }

  getCell(row: number, column: number): SimRange {
    return this._sub("getCell", [row, column], (t) => rangeFrom(t.sheet, { r0: t.rect.r0 + int(row, "row"), c0: t.rect.c0 + int(column, "column"), r1: t.rect.r0 + row, c1: t.rect.c0 + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._sub("getOffsetRange", [rowOffset, columnOffset], (t) => {
      const dr = int(rowOffset, "rowOffset"), dc = int(columnOffset, "columnOffset");
      return rangeFrom(t.sheet, { r0: t.rect.r0 + dr, r1: t.rect.r1 + dr, c0: t.rect.c0 + dc, c1: t.rect.c1 + dc });
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._sub("getResizedRange", [deltaRows, deltaColumns], (t) => {
      const r1 = t.rect.r1 + int(deltaRows, "deltaRows"), c1 = t.rect.c1 + int(deltaColumns, "deltaColumns");
      if (r1 < t.rect.r0 || c1 < t.rect.c0) throw simError("InvalidArgument", "The resized range would have no rows or columns.");
      return rangeFrom(t.sheet, { ...t.rect, r1, c1 });
    }, { level: 2 });
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    return this._sub("getAbsoluteResizedRange", [numRows, numColumns], (t) => {
      const nr = int(numRows, "numRows"), nc = int(numColumns, "numColumns");
      if (nr < 1 || nc < 1) throw simError("InvalidArgument", "numRows and numColumns must be at least 1.");
      return rangeFrom(t.sheet, { ...t.rect, r1: t.rect.r0 + nr - 1, c1: t.rect.c0 + nc - 1 });
    }, { level: 7 });
  }
  getRow(row: number): SimRange {
    return this._sub("getRow", [row], (t) => rangeFrom(t.sheet, { ...t.rect, r0: t.rect.r0 + int(row, "row"), r1: t.rect.r0 + row }));
  }
  getColumn(column: number): SimRange {
    return this._sub("getColumn", [column], (t) => rangeFrom(t.sheet, { ...t.rect, c0: t.rect.c0 + int(column, "column"), c1: t.rect.c0 + column }));
  }
  getEntireColumn(): SimRange {
    return this._sub("getEntireColumn", [], (t) => rangeFrom(t.sheet, { ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): SimRange {
    return this._sub("getEntireRow", [], (t) => rangeFrom(t.sheet, { ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getLastCell(): SimRange {
    return this._sub("getLastCell", [], (t) => rangeFrom(t.sheet, { r0: t.rect.r1, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }));
  }
  getLastRow(): SimRange {
    return this._sub("getLastRow", [], (t) => rangeFrom(t.sheet, { ...t.rect, r0: t.rect.r1 }));
  }
  getLastColumn(): SimRange {
    return this._sub("getLastColumn", [], (t) => rangeFrom(t.sheet, { ...t.rect, c0: t.rect.c1 }));
  }
  getRowsAbove(count = 1): SimRange {
    return this._sub("getRowsAbove", [count], (t) => rangeFrom(t.sheet, { ...t.rect, r0: t.rect.r0 - int(count, "count"), r1: t.rect.r0 - 1 }), { level: 2 });
  }
  getRowsBelow(count = 1): SimRange {
    return this._sub("getRowsBelow", [count], (t) => rangeFrom(t.sheet, { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + int(count, "count") }), { level: 2 });
  }
  getColumnsBefore(count = 1): SimRange {
    return this._sub("getColumnsBefore", [count], (t) => rangeFrom(t.sheet, { ...t.rect, c0: t.rect.c0 - int(count, "count"), c1: t.rect.c0 - 1 }), { level: 2 });
  }
  getColumnsAfter(count = 1): SimRange {
    return this._sub("getColumnsAfter", [count], (t) => rangeFrom(t.sheet, { ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + int(count, "count") }), { level: 2 });
  }
  getBoundingRect(anotherRange: RangeOrAddress): SimRange {
    return this._sub("getBoundingRect", [anotherRange], (t, b) => rangeFrom(t.sheet, boundingRect(t.rect, rectArg(anotherRange, t.sheet, b, "getBoundingRect"))));
  }
  getIntersection(anotherRange: RangeOrAddress): SimRange {
    return this._sub("getIntersection", [anotherRange], (t, b) => {
      const i = intersection(t.rect, rectArg(anotherRange, t.sheet, b, "getIntersection"));
      if (!i) throw simError("InvalidArgument", "The ranges do not intersect.");
      return rangeFrom(t.sheet, i);
    });
  }
  getIntersectionOrNullObject(anotherRange: RangeOrAddress): SimRange {
    return this._sub("getIntersectionOrNullObject", [anotherRange], (t, b) => {
      const i = intersection(t.rect, rectArg(anotherRange, t.sheet, b, "getIntersectionOrNullObject"));
      return i ? rangeFrom(t.sheet, i) : null;
    }, { level: 4, orNull: true });
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._sub("getUsedRange", [valuesOnly], (t) => {
      const u = t.sheet.usedRect(!!valuesOnly);
      const i = u && intersection(u, t.rect);
      if (!i) throw simError("ItemNotFound", "The range has no used cells.");
      return rangeFrom(t.sheet, i);
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this._sub("getUsedRangeOrNullObject", [valuesOnly], (t) => {
      const u = t.sheet.usedRect(!!valuesOnly);
      const i = u && intersection(u, t.rect);
      return i ? rangeFrom(t.sheet, i) : null;
    }, { level: 4, orNull: true });
  }

  /**
   * The merged areas whose top-left cell lies in this range (ExcelApi 1.13) — as Excel does it
   * (OfficeDev/office-js#3611: areas that only overlap the range are not returned); a null object
   * when there are none; fails past 512 areas (the error code of that failure is not documented;
   * GeneralException here).
   */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return this._child(
      "getMergedAreasOrNullObject",
      [],
      (res) => new SimRangeAreas(this.context, res),
      (b) => {
        const t = this._target(b) as RangeTarget | null;
        if (!t) return null;
        const r = t.rect;
        const areas = t.sheet.merges.filter((m) => m.r0 >= r.r0 && m.r0 <= r.r1 && m.c0 >= r.c0 && m.c0 <= r.c1);
        if (areas.length > 512) {
          // Excel's message and location for this failure are not documented and not stable: the generic
          // GeneralException, located at the sync, so that the add-in cannot come to depend on either.
          throw simError("GeneralException", undefined, "RequestContext.sync");
        }
        if (!areas.length) return null;
        const sorted = areas.slice().sort((a, c) => a.r0 - c.r0 || a.c0 - c.c0);
        return new AreasTarget(t.sheet, sorted);
      },
      { level: 13 },
    );
  }

  merge(across = false): void {
    this._method("merge", [across], (b) => ops.merge(this._rt(b).sheet, this._rt(b).rect, !!across), 2);
  }
  unmerge(): void {
    this._method("unmerge", [], (b) => ops.unmerge(this._rt(b).sheet, this._rt(b).rect), 2);
  }
  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    this._method("clear", [applyTo], (b) => ops.clear(this._rt(b).sheet, this._rt(b).rect, applyTo ?? "All"));
  }
  delete(shift: "Up" | "Left"): void {
    this._method("delete", [shift], (b) => ops.deleteCells(this._rt(b).sheet, this._rt(b).rect, shift));
  }
  insert(shift: "Down" | "Right"): SimRange {
    return this._child("insert", [shift], (res) => new SimRange(this.context, res), (b) => {
      const t = this._rt(b);
      ops.insertCells(t.sheet, t.rect, shift);
      return new RangeTarget(t.sheet, t.rect);
    }, { creates: true });
  }
  select(): void {
    this._method("select", [], (b) => {
      const t = this._rt(b);
      if (t.sheet.visibility !== "Visible") throw simError("InvalidOperation", "Cannot select cells of a hidden worksheet.");
      t.sheet.wb.activeSheetId = t.sheet.id;
    });
  }
  calculate(): void {
    this._method("calculate", [], (b) => void this._rt(b), 6);
  }

  /** @internal */
  _rt(b: BatchContext): RangeTarget {
    return this._targetNN(b) as RangeTarget;
  }
}

function setCellsGuard(t: RangeTarget): void {
  if (isEntireColumns(t.rect) || isEntireRows(t.rect) || rectCells(t.rect) > 5_000_000) {
    throw simError("InvalidArgument", "Values can only be written to ranges of at most 5,000,000 cells (not to entire rows or columns).");
  }
}

defineProxy(SimRange, "Range", {
  scalars: [
    { name: "address", get: (t: RangeTarget) => qualifiedAddress(t.sheet.name, t.rect) },
    { name: "addressLocal", get: (t: RangeTarget) => qualifiedAddress(t.sheet.name, t.rect) },
    { name: "cellCount", get: (t: RangeTarget) => rectCells(t.rect) },
    { name: "rowCount", get: (t: RangeTarget) => rectRows(t.rect) },
    { name: "columnCount", get: (t: RangeTarget) => rectCols(t.rect) },
    { name: "rowIndex", get: (t: RangeTarget) => t.rect.r0 },
    { name: "columnIndex", get: (t: RangeTarget) => t.rect.c0 },
    { name: "values", get: ops.readValues, set: (t: RangeTarget, v) => (setCellsGuard(t), ops.writeValues(t, v, "values")), wire: true },
    { name: "text", get: ops.readText },
    { name: "formulas", get: ops.readFormulas, set: (t: RangeTarget, v) => (setCellsGuard(t), ops.writeValues(t, v, "formulas")), wire: true },
    { name: "formulasLocal", get: ops.readFormulas, set: (t: RangeTarget, v) => (setCellsGuard(t), ops.writeValues(t, v, "formulas")), wire: true },
    { name: "numberFormat", get: ops.readNumberFormat, set: (t: RangeTarget, v) => ops.writeNumberFormat(t, v), wire: true },
    { name: "numberFormatLocal", get: ops.readNumberFormat, set: (t: RangeTarget, v) => ops.writeNumberFormat(t, v), wire: true, level: 7 },
    { name: "valueTypes", get: ops.readValueTypes },
    {
      name: "hyperlink",
      level: 7,
      get: (t: RangeTarget) => {
        const cell = t.sheet.getCell(t.rect.r0, t.rect.c0);
        if (!cell?.link) return {};
        return { ...cell.link, textToDisplay: ops.cellText(t.sheet, t.rect.r0, t.rect.c0) };
      },
      set: (t: RangeTarget, v) => setHyperlink(t, v),
    },
    { name: "isEntireColumn", level: 7, get: (t: RangeTarget) => isEntireColumns(t.rect) },
    { name: "isEntireRow", level: 7, get: (t: RangeTarget) => isEntireRows(t.rect) },
    {
      name: "hidden",
      level: 2,
      get: (t: RangeTarget) => {
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++) if (!t.sheet.rowInfo.get(r)?.hidden) {
          for (let c = t.rect.c0; c <= t.rect.c1; c++) if (!t.sheet.cols.get(c)?.hidden) return false;
        }
        return true;
      },
    },
    {
      name: "rowHidden",
      level: 2,
      get: (t: RangeTarget) => [...Array(Math.min(rectRows(t.rect), 100000)).keys()].every((i) => !!t.sheet.rowInfo.get(t.rect.r0 + i)?.hidden),
      set: (t: RangeTarget, v) => {
        if (typeof v !== "boolean") throw simError("InvalidArgument", "rowHidden must be a boolean.");
        if (rectRows(t.rect) > 100000) throw simError("GeneralException", "Hiding more than 100,000 rows at once is not supported by the simulated host.");
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.setRowInfo(r, { hidden: v || undefined });
      },
    },
    {
      name: "columnHidden",
      level: 2,
      get: (t: RangeTarget) => [...Array(rectCols(t.rect)).keys()].every((i) => !!t.sheet.cols.get(t.rect.c0 + i)?.hidden),
      set: (t: RangeTarget, v) => {
        if (typeof v !== "boolean") throw simError("InvalidArgument", "columnHidden must be a boolean.");
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.setColInfo(c, { hidden: v || undefined });
      },
    },
    { name: "top", level: 10, notInAll: true, get: (t: RangeTarget) => ops.rowTop(t.sheet, t.rect.r0) },
    { name: "left", level: 10, notInAll: true, get: (t: RangeTarget) => ops.columnLeft(t.sheet, t.rect.c0) },
    { name: "width", level: 10, notInAll: true, get: (t: RangeTarget) => ops.columnLeft(t.sheet, t.rect.c1 + 1) - ops.columnLeft(t.sheet, t.rect.c0) },
    { name: "height", level: 10, notInAll: true, get: (t: RangeTarget) => ops.rowTop(t.sheet, t.rect.r1 + 1) - ops.rowTop(t.sheet, t.rect.r0) },
  ],
  navs: [
    { name: "format", create: (p: SimRange) => new SimRangeFormat(p.context, (b) => p._target(b)) },
    { name: "worksheet", create: (p: SimRange) => sheetProxyOf(p) },
    { name: "conditionalFormats", level: 6, create: (p: SimRange) => new SimConditionalFormatCollection(p.context, (b) => p._target(b)) },
  ],
});

function sheetProxyOf(p: SimObject): SimObject {
  return sheetFactory.make(p.context, (b) => {
    const t = p._target(b) as { sheet: SheetModel } | null;
    return t ? t.sheet : null;
  });
}

function setHyperlink(t: RangeTarget, v: unknown): void {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw simError("InvalidArgument", "hyperlink must be an object { address?, documentReference?, textToDisplay?, screenTip? }.");
  const h = v as Record<string, unknown>;
  for (const k of Object.keys(h)) {
    if (!["address", "documentReference", "textToDisplay", "screenTip"].includes(k)) throw simError("InvalidArgument", `Unknown hyperlink field "${k}".`);
    if (h[k] !== undefined && h[k] !== null && typeof h[k] !== "string") throw simError("InvalidArgument", `hyperlink.${k} must be a string.`);
  }
  if (typeof h.textToDisplay === "string" && h.textToDisplay.length > ops.MAX_CELL_CHARS) throw simError("InvalidArgument", `A cell holds at most ${ops.MAX_CELL_CHARS} characters.`);
  const address = (h.address as string | undefined) || undefined;
  const documentReference = (h.documentReference as string | undefined) || undefined;
  if (!address && !documentReference) throw simError("InvalidArgument", "A hyperlink needs an address or a documentReference.");
  if (documentReference) {
    // The target must be a valid reference (sheet!cell or a cell on this sheet).
    try {
      parseAddress(documentReference);
    } catch {
      throw simError("InvalidArgument", `"${documentReference}" is not a valid document reference.`);
    }
  }
  const link = { ...(address ? { address } : {}), ...(documentReference ? { documentReference } : {}), ...(h.screenTip ? { screenTip: h.screenTip as string } : {}) };
  const { sheet, rect } = t;
  sheet.touch();
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const old = sheet.getCell(r, c);
      let v2 = old?.v ?? null;
      let f = old?.f;
      if (r === rect.r0 && c === rect.c0) {
        if (typeof h.textToDisplay === "string") {
          v2 = h.textToDisplay; // written as text, not parsed
          f = undefined;
        } else if (v2 === null && !f) v2 = address ?? documentReference ?? null;
      }
      sheet.setCell(r, c, { v: v2, ...(f ? { f } : {}), ...(old?.s ? { s: old.s } : {}), link });
    }
  }
}

// =============================================================================================
// RangeFormat, RangeFont, RangeFill, borders

export class SimRangeFormat extends SimObject implements SimOf<Excel.RangeFormat, "columnWidth" | "rowHeight" | "horizontalAlignment" | "verticalAlignment" | "wrapText" | "font" | "fill" | "borders" | "autofitRows"> {
  declare columnWidth: number;
  declare rowHeight: number;
  declare horizontalAlignment: "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";
  declare verticalAlignment: "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
  declare wrapText: boolean;
  declare indentLevel: number;
  declare textOrientation: number;
  declare shrinkToFit: boolean;
  declare useStandardWidth: boolean;
  declare useStandardHeight: boolean;
  declare readonly font: SimRangeFont;
  declare readonly fill: SimRangeFill;
  declare readonly borders: SimRangeBorderCollection;

  autofitColumns(): void {
    this._method("autofitColumns", [], (b) => {
      const t = this._targetNN(b) as RangeTarget;
      ops.autofitColumns(t.sheet, t.rect);
    }, 2);
  }
  autofitRows(): void {
    this._method("autofitRows", [], (b) => {
      const t = this._targetNN(b) as RangeTarget;
      ops.autofitRows(t.sheet, t.rect);
    }, 2);
  }
}

function alignSpec(name: keyof typeof ops.alignProps, level?: number) {
  return {
    name,
    level,
    get: (t: RangeTarget) => ops.uniform(t.sheet, t.rect, ops.alignProps[name] as (s?: CellStyle) => unknown),
    set: (t: RangeTarget, v: unknown) => ops.setAlignment(t.sheet, t.rect, name, v),
  };
}

defineProxy(SimRangeFormat, "RangeFormat", {
  scalars: [
    { name: "columnWidth", level: 2, get: (t: RangeTarget) => ops.readColumnWidth(t.sheet, t.rect), set: (t: RangeTarget, v) => ops.setColumnWidth(t.sheet, t.rect, v) },
    { name: "rowHeight", level: 2, get: (t: RangeTarget) => ops.readRowHeight(t.sheet, t.rect), set: (t: RangeTarget, v) => ops.setRowHeight(t.sheet, t.rect, v) },
    alignSpec("horizontalAlignment"),
    alignSpec("verticalAlignment"),
    alignSpec("wrapText"),
    alignSpec("indentLevel", 9),
    alignSpec("textOrientation", 7),
    alignSpec("shrinkToFit", 9),
    {
      name: "useStandardWidth",
      level: 7,
      get: (t: RangeTarget) => [...Array(Math.min(rectCols(t.rect), 16384)).keys()].every((i) => t.sheet.cols.get(t.rect.c0 + i)?.width === undefined),
      set: (t: RangeTarget, v) => {
        if (v === true) for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.setColInfo(c, { width: undefined });
      },
    },
    {
      name: "useStandardHeight",
      level: 7,
      get: (t: RangeTarget) => [...Array(Math.min(rectRows(t.rect), 100000)).keys()].every((i) => t.sheet.rowInfo.get(t.rect.r0 + i)?.height === undefined),
      set: (t: RangeTarget, v) => {
        if (v === true) for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++) t.sheet.setRowInfo(r, { height: undefined });
      },
    },
  ],
  navs: [
    { name: "font", create: (p: SimObject) => new SimRangeFont(p.context, (b) => p._target(b)) },
    { name: "fill", create: (p: SimObject) => new SimRangeFill(p.context, (b) => p._target(b)) },
    { name: "borders", create: (p: SimObject) => new SimRangeBorderCollection(p.context, (b) => p._target(b)) },
  ],
});

export class SimRangeFont extends SimObject implements SimOf<Excel.RangeFont, "name" | "size" | "color" | "bold" | "italic"> {
  declare name: string;
  declare size: number;
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  declare underline: "None" | "Single" | "Double" | "SingleAccountant" | "DoubleAccountant";
  declare strikethrough: boolean;
}

function fontSpec(name: keyof typeof ops.fontProps, level?: number) {
  return {
    name,
    level,
    get: (t: RangeTarget) => ops.uniform(t.sheet, t.rect, ops.fontProps[name] as (s?: CellStyle) => unknown),
    set: (t: RangeTarget, v: unknown) => ops.setFont(t.sheet, t.rect, name, v),
  };
}

defineProxy(SimRangeFont, "RangeFont", {
  scalars: [fontSpec("name"), fontSpec("size"), fontSpec("color"), fontSpec("bold"), fontSpec("italic"), fontSpec("underline"), fontSpec("strikethrough", 9)],
});

export class SimRangeFill extends SimObject implements SimOf<Excel.RangeFill, "color"> {
  declare color: string;
  clear(): void {
    this._method("clear", [], (b) => {
      const t = this._targetNN(b) as RangeTarget;
      ops.setFill(t.sheet, t.rect, null);
    });
  }
}
defineProxy(SimRangeFill, "RangeFill", {
  scalars: [{ name: "color", get: (t: RangeTarget) => ops.uniform(t.sheet, t.rect, ops.fillColor), set: (t: RangeTarget, v) => ops.setFill(t.sheet, t.rect, v) }],
});

export class SimRangeBorder extends SimObject implements SimOf<Excel.RangeBorder, "style" | "color"> {
  declare readonly sideIndex: string;
  declare style: "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
  declare weight: "Hairline" | "Thin" | "Medium" | "Thick";
  declare color: string;
}
interface BorderTarget {
  range: RangeTarget;
  index: ops.BorderIndex;
  deleted: boolean;
}
function borderTarget(range: RangeTarget, index: ops.BorderIndex): BorderTarget {
  return {
    range,
    index,
    get deleted() {
      return range.sheet.deleted;
    },
  };
}
defineProxy(SimRangeBorder, "RangeBorder", {
  scalars: [
    { name: "sideIndex", get: (t: BorderTarget) => t.index },
    { name: "style", get: (t: BorderTarget) => ops.readBorder(t.range.sheet, t.range.rect, t.index, "style"), set: (t: BorderTarget, v) => ops.setBorder(t.range.sheet, t.range.rect, t.index, "style", v) },
    { name: "weight", get: (t: BorderTarget) => ops.readBorder(t.range.sheet, t.range.rect, t.index, "weight"), set: (t: BorderTarget, v) => ops.setBorder(t.range.sheet, t.range.rect, t.index, "weight", v) },
    { name: "color", get: (t: BorderTarget) => ops.readBorder(t.range.sheet, t.range.rect, t.index, "color"), set: (t: BorderTarget, v) => ops.setBorder(t.range.sheet, t.range.rect, t.index, "color", v) },
  ],
});

export class SimRangeBorderCollection extends SimObject implements SimOf<Excel.RangeBorderCollection, "getItem"> {
  declare readonly items: SimRangeBorder[];
  declare readonly count: number;
  getItem(index: ops.BorderIndex): SimRangeBorder {
    if (!ops.BORDER_INDEXES.includes(index)) {
      // Office validates the enum at sync; keep the failure there.
      return this._child("getItem", [index], (res) => new SimRangeBorder(this.context, res), () => {
        throw simError("InvalidArgument", `"${String(index)}" is not a BorderIndex.`);
      });
    }
    return this._child("getItem", [index], (res) => new SimRangeBorder(this.context, res), (b) => {
      const t = this._target(b) as RangeTarget | null;
      return t ? borderTarget(t, index) : null;
    });
  }
  getItemAt(index: number): SimRangeBorder {
    return this._child("getItemAt", [index], (res) => new SimRangeBorder(this.context, res), (b) => {
      const t = this._target(b) as RangeTarget | null;
      const name = ops.BORDER_INDEXES[int(index, "index")];
      if (!name) throw simError("InvalidArgument", "Border index out of range.");
      return t ? borderTarget(t, name) : null;
    });
  }
}
defineProxy(SimRangeBorderCollection, "RangeBorderCollection", {
  scalars: [{ name: "count", get: () => ops.BORDER_INDEXES.length }],
  collection: {
    items: (t: RangeTarget) => ops.BORDER_INDEXES.map((i) => borderTarget(t, i)),
    makeItem: (p: SimObject, t) => {
      const o = new SimRangeBorder(p.context, () => t, true);
      o._cached = { t };
      return o;
    },
  },
});

// =============================================================================================
// RangeAreas and RangeCollection

export class SimRangeAreas extends SimObject implements SimOf<Excel.RangeAreas, "address"> {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare readonly areas: SimRangeCollection;
  declare readonly worksheet: any;
}
defineProxy(SimRangeAreas, "RangeAreas", {
  scalars: [
    { name: "address", get: (t: AreasTarget) => t.rects.map((r) => qualifiedAddress(t.sheet.name, r)).join(", ") },
    { name: "addressLocal", get: (t: AreasTarget) => t.rects.map((r) => qualifiedAddress(t.sheet.name, r)).join(", ") },
    { name: "areaCount", get: (t: AreasTarget) => t.rects.length },
    { name: "cellCount", get: (t: AreasTarget) => t.rects.reduce((n, r) => n + rectCells(r), 0) },
    { name: "isEntireColumn", get: (t: AreasTarget) => t.rects.every(isEntireColumns) },
    { name: "isEntireRow", get: (t: AreasTarget) => t.rects.every(isEntireRows) },
  ],
  navs: [
    { name: "areas", create: (p: SimObject) => new SimRangeCollection(p.context, (b) => p._target(b)) },
    { name: "worksheet", create: (p: SimObject) => sheetProxyOf(p) },
  ],
});

export class SimRangeCollection extends SimObject {
  declare readonly items: SimRange[];
  getCount(): SimClientResult<number> {
    return this._result("getCount", [], (b) => ((this._target(b) as AreasTarget | null)?.rects.length ?? 0));
  }
  getItemAt(index: number): SimRange {
    return this._child("getItemAt", [index], (res) => new SimRange(this.context, res), (b) => {
      const t = this._targetNN(b) as AreasTarget;
      const r = t.rects[int(index, "index")];
      if (!r) throw simError("ItemNotFound", `There is no area ${index}.`);
      return new RangeTarget(t.sheet, r);
    });
  }
}
defineProxy(SimRangeCollection, "RangeCollection", {
  collection: {
    items: (t: AreasTarget) => t.rects.map((r) => new RangeTarget(t.sheet, r)),
    makeItem: (p: SimObject, t) => {
      const o = new SimRange(p.context, () => t, true);
      o._cached = { t };
      return o;
    },
  },
});

// =============================================================================================
// Conditional formats

interface CfTarget {
  sheet: SheetModel;
  id: string;
  deleted: boolean;
}
function cfTarget(sheet: SheetModel, id: string): CfTarget {
  return {
    sheet,
    id,
    get deleted() {
      return sheet.deleted || !sheet.cfs.some((c) => c.id === id);
    },
  };
}
function cfModel(t: CfTarget): ConditionalFormatModel {
  const m = t.sheet.cfs.find((c) => c.id === t.id);
  if (!m) throw simError("ItemNotFound", "The conditional format was deleted.");
  return m;
}

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
const SUPPORTED_CF = ["ContainsText", "CellValue", "Custom"];
const TEXT_OPS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
const CELL_OPS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

export class SimConditionalFormatCollection extends SimObject implements SimOf<Excel.ConditionalFormatCollection, "add" | "clearAll"> {
  declare readonly items: SimConditionalFormat[];

  add(type: string): SimConditionalFormat {
    return this._child("add", [type], (res) => new SimConditionalFormat(this.context, res), (b) => {
      const t = this._targetNN(b) as RangeTarget;
      if (!CF_TYPES.includes(type)) throw simError("InvalidArgument", `"${type}" is not a ConditionalFormatType.`);
      if (!SUPPORTED_CF.includes(type)) throw simError("NotImplemented", `The simulated host models ContainsText, CellValue and Custom conditional formats, not ${type}.`);
      t.sheet.touch();
      const m: ConditionalFormatModel = { id: t.sheet.wb.nextId("{cf-") + "}", rect: { ...t.rect }, type, stopIfTrue: false, rule: null, format: {} };
      // New rules go on top, as in Excel.
      t.sheet.cfs.unshift(m);
      return cfTarget(t.sheet, m.id);
    }, { creates: true, level: 6 });
  }
  getCount(): SimClientResult<number> {
    return this._result("getCount", [], (b) => this._list(b).length, 6);
  }
  getItem(id: string): SimConditionalFormat {
    return this._child("getItem", [id], (res) => new SimConditionalFormat(this.context, res), (b) => {
      const t = this._targetNN(b) as RangeTarget;
      if (!this._list(b).some((m) => m.id === id)) throw simError("ItemNotFound", `No conditional format "${id}".`);
      return cfTarget(t.sheet, id);
    }, { level: 6 });
  }
  getItemAt(index: number): SimConditionalFormat {
    return this._child("getItemAt", [index], (res) => new SimConditionalFormat(this.context, res), (b) => {
      const t = this._targetNN(b) as RangeTarget;
      const m = this._list(b)[int(index, "index")];
      if (!m) throw simError("ItemNotFound", `No conditional format at ${index}.`);
      return cfTarget(t.sheet, m.id);
    }, { level: 6 });
  }
  clearAll(): void {
    this._method("clearAll", [], (b) => {
      const t = this._targetNN(b) as RangeTarget;
      t.sheet.touch();
      t.sheet.cfs = t.sheet.cfs.filter((m) => !intersects(m.rect, t.rect));
    }, 6);
  }
  /** @internal */
  _list(b: BatchContext): ConditionalFormatModel[] {
    const t = this._targetNN(b) as RangeTarget;
    return t.sheet.cfs.filter((m) => intersects(m.rect, t.rect));
  }
}
defineProxy(SimConditionalFormatCollection, "ConditionalFormatCollection", {
  collection: {
    items: (t: RangeTarget) => t.sheet.cfs.filter((m) => intersects(m.rect, t.rect)).map((m) => cfTarget(t.sheet, m.id)),
    makeItem: (p: SimObject, t) => {
      const o = new SimConditionalFormat(p.context, () => t, true);
      o._cached = { t };
      return o;
    },
  },
});

export class SimConditionalFormat extends SimObject implements SimOf<Excel.ConditionalFormat, "cellValue"> {
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  declare readonly textComparison: SimTextConditionalFormat;
  declare readonly cellValue: SimCellValueConditionalFormat;
  declare readonly custom: SimCustomConditionalFormat;
  delete(): void {
    this._method("delete", [], (b) => {
      const t = this._targetNN(b) as CfTarget;
      t.sheet.touch();
      t.sheet.cfs = t.sheet.cfs.filter((m) => m.id !== t.id);
    });
  }
  getRange(): SimRange {
    return this._child("getRange", [], (res) => new SimRange(this.context, res), (b) => {
      const t = this._targetNN(b) as CfTarget;
      return new RangeTarget(t.sheet, cfModel(t).rect);
    });
  }
}

function typedCf(p: SimObject, type: string): Resolver {
  return (b) => {
    const t = p._target(b) as CfTarget | null;
    if (!t) return null;
    const m = cfModel(t);
    if (m.type !== type) throw simError("InvalidArgument", `The conditional format is of type ${m.type}, not ${type}.`);
    return t;
  };
}

defineProxy(SimConditionalFormat, "ConditionalFormat", {
  scalars: [
    { name: "id", get: (t: CfTarget) => t.id },
    { name: "type", get: (t: CfTarget) => cfModel(t).type },
    {
      name: "priority",
      get: (t: CfTarget) => t.sheet.cfs.findIndex((m) => m.id === t.id),
      set: (t: CfTarget, v) => {
        const p = int(v, "priority");
        if (p < 0) throw simError("InvalidArgument", "priority must be ≥ 0.");
        t.sheet.touch();
        const m = cfModel(t);
        const rest = t.sheet.cfs.filter((x) => x.id !== t.id);
        rest.splice(Math.min(p, rest.length), 0, m);
        t.sheet.cfs = rest;
      },
    },
    {
      name: "stopIfTrue",
      get: (t: CfTarget) => cfModel(t).stopIfTrue,
      set: (t: CfTarget, v) => {
        if (typeof v !== "boolean") throw simError("InvalidArgument", "stopIfTrue must be a boolean.");
        t.sheet.touch();
        cfModel(t).stopIfTrue = v;
      },
    },
  ],
  navs: [
    { name: "textComparison", create: (p: SimObject) => new SimTextConditionalFormat(p.context, typedCf(p, "ContainsText")) },
    { name: "cellValue", create: (p: SimObject) => new SimCellValueConditionalFormat(p.context, typedCf(p, "CellValue")) },
    { name: "custom", create: (p: SimObject) => new SimCustomConditionalFormat(p.context, typedCf(p, "Custom")) },
  ],
});

export class SimTextConditionalFormat extends SimObject {
  declare rule: { operator: string; text: string };
  declare readonly format: SimConditionalRangeFormat;
}
defineProxy(SimTextConditionalFormat, "TextConditionalFormat", {
  scalars: [
    {
      name: "rule",
      get: (t: CfTarget) => cfModel(t).rule ?? { operator: "Contains", text: "" },
      set: (t: CfTarget, v) => {
        if (typeof v !== "object" || !v || !TEXT_OPS.includes(v.operator) || typeof v.text !== "string") {
          throw simError("InvalidArgument", `A text rule needs operator (${TEXT_OPS.join(", ")}) and text.`);
        }
        t.sheet.touch();
        cfModel(t).rule = { operator: v.operator, text: v.text };
      },
    },
  ],
  navs: [{ name: "format", create: (p: SimObject) => new SimConditionalRangeFormat(p.context, (b) => p._target(b)) }],
});

export class SimCellValueConditionalFormat extends SimObject implements SimOf<Excel.CellValueConditionalFormat, "format" | "rule"> {
  declare rule: Excel.ConditionalCellValueRule;
  declare readonly format: SimConditionalRangeFormat;
}
defineProxy(SimCellValueConditionalFormat, "CellValueConditionalFormat", {
  scalars: [
    {
      name: "rule",
      get: (t: CfTarget) => cfModel(t).rule ?? { formula1: "", operator: "EqualTo" },
      set: (t: CfTarget, v) => {
        if (typeof v !== "object" || !v || !CELL_OPS.includes(v.operator) || (typeof v.formula1 !== "string" && typeof v.formula1 !== "number")) {
          throw simError("InvalidArgument", `A cell-value rule needs formula1 and operator (${CELL_OPS.join(", ")}).`);
        }
        if ((v.operator === "Between" || v.operator === "NotBetween") && v.formula2 === undefined) throw simError("InvalidArgument", `${v.operator} needs formula2.`);
        t.sheet.touch();
        cfModel(t).rule = { operator: v.operator, formula1: String(v.formula1), ...(v.formula2 !== undefined ? { formula2: String(v.formula2) } : {}) };
      },
    },
  ],
  navs: [{ name: "format", create: (p: SimObject) => new SimConditionalRangeFormat(p.context, (b) => p._target(b)) }],
});

export class SimCustomConditionalFormat extends SimObject {
  declare readonly rule: SimConditionalFormatRule;
  declare readonly format: SimConditionalRangeFormat;
}
export class SimConditionalFormatRule extends SimObject {
  declare formula: string;
}
defineProxy(SimConditionalFormatRule, "ConditionalFormatRule", {
  scalars: [
    {
      name: "formula",
      get: (t: CfTarget) => String(cfModel(t).rule?.formula ?? ""),
      set: (t: CfTarget, v) => {
        if (typeof v !== "string" || !v) throw simError("InvalidArgument", "formula must be a non-empty string.");
        t.sheet.touch();
        cfModel(t).rule = { formula: v };
      },
    },
  ],
});
defineProxy(SimCustomConditionalFormat, "CustomConditionalFormat", {
  navs: [
    { name: "rule", create: (p: SimObject) => new SimConditionalFormatRule(p.context, (b) => p._target(b)) },
    { name: "format", create: (p: SimObject) => new SimConditionalRangeFormat(p.context, (b) => p._target(b)) },
  ],
});

export class SimConditionalRangeFormat extends SimObject implements SimOf<Excel.ConditionalRangeFormat, "fill" | "font"> {
  declare numberFormat: any;
  declare readonly fill: SimConditionalRangeFill;
  declare readonly font: SimConditionalRangeFont;
  clearFormat(): void {
    this._method("clearFormat", [], (b) => {
      const t = this._targetNN(b) as CfTarget;
      t.sheet.touch();
      cfModel(t).format = {};
    });
  }
}
function cfFormatProp(key: string, validate: (v: unknown) => unknown, dflt: unknown) {
  return {
    name: key.split(".").pop()!,
    get: (t: CfTarget) => cfModel(t).format[key] ?? dflt,
    set: (t: CfTarget, v: unknown) => {
      const value = validate(v);
      t.sheet.touch();
      cfModel(t).format[key] = value;
    },
  };
}
const bool = (what: string) => (v: unknown) => {
  if (typeof v !== "boolean") throw simError("InvalidArgument", `${what} must be a boolean.`);
  return v;
};
defineProxy(SimConditionalRangeFormat, "ConditionalRangeFormat", {
  scalars: [cfFormatProp("numberFormat", (v) => v, null)],
  navs: [
    { name: "fill", create: (p: SimObject) => new SimConditionalRangeFill(p.context, (b) => p._target(b)) },
    { name: "font", create: (p: SimObject) => new SimConditionalRangeFont(p.context, (b) => p._target(b)) },
  ],
});
export class SimConditionalRangeFill extends SimObject implements SimOf<Excel.ConditionalRangeFill, "color"> {
  declare color: string;
  clear(): void {
    this._method("clear", [], (b) => {
      const t = this._targetNN(b) as CfTarget;
      t.sheet.touch();
      delete cfModel(t).format["fill.color"];
    });
  }
}
defineProxy(SimConditionalRangeFill, "ConditionalRangeFill", { scalars: [cfFormatProp("fill.color", normalizeColor, null)] });
export class SimConditionalRangeFont extends SimObject implements SimOf<Excel.ConditionalRangeFont, "color"> {
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  declare strikethrough: boolean;
  declare underline: string;
  clear(): void {
    this._method("clear", [], (b) => {
      const t = this._targetNN(b) as CfTarget;
      t.sheet.touch();
      const f = cfModel(t).format;
      for (const k of Object.keys(f)) if (k.startsWith("font.")) delete f[k];
    });
  }
}
defineProxy(SimConditionalRangeFont, "ConditionalRangeFont", {
  scalars: [
    cfFormatProp("font.color", normalizeColor, null),
    cfFormatProp("font.bold", bool("bold"), false),
    cfFormatProp("font.italic", bool("italic"), false),
    cfFormatProp("font.strikethrough", bool("strikethrough"), false),
    cfFormatProp("font.underline", (v) => {
      if (v !== "None" && v !== "Single" && v !== "Double") throw simError("InvalidArgument", "underline must be None, Single or Double.");
      return v;
    }, "None"),
  ],
});
