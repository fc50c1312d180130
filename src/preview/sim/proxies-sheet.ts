/**
 * Workbook, Application, worksheets, freeze panes, tables, charts, page layout and settings.
 */
import { MAX_COLS, MAX_ROWS, checkRect, intersects, parseAddress, qualifiedAddress, rectCols, rectRows, type Rect } from "./address";
import { normalizeColor } from "./colors";
import { simError } from "./errors";
import { PAPER_SIZES } from "./exceljs-io";
import { breakSheetReferences, followSheetRename, CellErrorValue, type ChartModel, type HeaderFooterModel, type SheetModel, type TableModel, type WorkbookModel } from "./model";
import { RangeTarget, cellText, columnLeft, insertCells, rowTop } from "./range-ops";
import { SimRange, SimRangeAreas, rectArg, sheetFactory, type RangeOrAddress } from "./proxies-range";
import { AreasTarget } from "./range-ops";
import { renameSheetInFormula } from "./references";
import { namesNav, type SimNamedItemCollection } from "./proxies-names";
import { type SimOf, BatchContext, SimClientResult, SimObject, SimRequestContext, defineProxy, type Resolver } from "./runtime";

/* eslint-disable @typescript-eslint/no-explicit-any */

function fixed<T extends SimObject>(obj: T, t: unknown): T {
  obj._cacheable = true;
  obj._cached = { t };
  return obj;
}

function str(x: unknown, what: string): string {
  if (typeof x !== "string") throw simError("InvalidArgument", `${what} must be a string.`);
  return x;
}
function boolArg(x: unknown, what: string): boolean {
  if (typeof x !== "boolean") throw simError("InvalidArgument", `${what} must be a boolean.`);
  return x;
}
function num(x: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x < min || x > max) throw simError("InvalidArgument", `${what} must be a number between ${min} and ${max}.`);
  return x;
}

// =============================================================================================
// Workbook and Application

export class SimWorkbook extends SimObject implements SimOf<Excel.Workbook, "name" | "readOnly" | "getActiveCell" | "getSelectedRange" | "worksheets" | "protection"> {
  declare readonly name: string;
  declare readonly readOnly: boolean;
  declare readonly worksheets: SimWorksheetCollection;
  declare readonly settings: SimSettingCollection;
  declare readonly tables: SimTableCollection;
  declare readonly application: SimApplication;
  declare readonly names: SimNamedItemCollection;
  declare readonly protection: SimWorkbookProtection;

  getActiveCell(): SimRange {
    return this._child("getActiveCell", [], (res) => new SimRange(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      return new RangeTarget(wb.activeSheet(), { r0: 0, c0: 0, r1: 0, c1: 0 });
    }, { level: 7 });
  }
  getSelectedRange(): SimRange {
    return this._child("getSelectedRange", [], (res) => new SimRange(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      return new RangeTarget(wb.activeSheet(), { r0: 0, c0: 0, r1: 0, c1: 0 });
    });
  }
}
defineProxy(SimWorkbook, "Workbook", {
  scalars: [
    { name: "name", level: 7, get: (wb: WorkbookModel) => wb.name },
    { name: "readOnly", level: 8, get: () => false },
  ],
  navs: [
    { name: "worksheets", create: (p: SimObject) => new SimWorksheetCollection(p.context, (b) => p._target(b)) },
    { name: "settings", level: 4, create: (p: SimObject) => new SimSettingCollection(p.context, (b) => p._target(b)) },
    { name: "tables", create: (p: SimObject) => new SimTableCollection(p.context, (b) => ({ wb: p._target(b) as WorkbookModel, sheet: null })) },
    { name: "application", create: (p: SimObject) => new SimApplication(p.context, (b) => p._target(b)) },
    { name: "protection", level: 7, create: (p: SimObject) => new SimWorkbookProtection(p.context, (b) => p._target(b)) },
    namesNav(undefined, (b, p) => {
      const wb = p._target(b) as WorkbookModel | null;
      return wb ? { wb, sheet: null } : null;
    }),
  ],
});

export class SimApplication extends SimObject implements SimOf<Excel.Application, "calculationMode" | "calculate" | "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync"> {
  declare calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void {
    this._method("calculate", [calculationType], (b) => {
      this._targetNN(b);
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw simError("InvalidArgument", `"${calculationType}" is not a CalculationType.`);
    });
  }
  /** Accepted; the simulated host never recalculates anyway (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void {
    this._method("suspendApiCalculationUntilNextSync", [], (b) => void this._targetNN(b), 6);
  }
  /** Accepted (ExcelApi 1.9). */
  suspendScreenUpdatingUntilNextSync(): void {
    this._method("suspendScreenUpdatingUntilNextSync", [], (b) => void this._targetNN(b), 9);
  }
}
defineProxy(SimApplication, "Application", {
  scalars: [
    {
      name: "calculationMode",
      get: (wb: WorkbookModel) => wb.calculationMode,
      set: (wb: WorkbookModel, v) => {
        if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(v)) throw simError("InvalidArgument", `"${v}" is not a CalculationMode.`);
        wb.calculationMode = v;
      },
    },
  ],
});

// =============================================================================================
// Worksheets

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export function validateSheetName(wb: WorkbookModel, name: unknown, self: SheetModel | null): string {
  if (typeof name !== "string") throw simError("InvalidArgument", "A worksheet name must be a string.");
  if (!name.length || name.length > 31) throw simError("InvalidArgument", `"${name}": worksheet names must be 1–31 characters long.`);
  if (BAD_SHEET_CHARS.test(name)) throw simError("InvalidArgument", `"${name}": worksheet names cannot contain [ ] : * ? / \\.`);
  if (name.startsWith("'") || name.endsWith("'")) throw simError("InvalidArgument", `"${name}": worksheet names cannot begin or end with an apostrophe.`);
  if (name.toUpperCase() === "HISTORY") throw simError("InvalidArgument", `"History" is a reserved worksheet name.`);
  const other = wb.sheetByName(name);
  if (other && other !== self) throw simError("ItemAlreadyExists", `A worksheet named "${other.name}" already exists.`);
  return name;
}

export class SimWorksheetCollection extends SimObject implements SimOf<Excel.WorksheetCollection, "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "getCount" | "getFirst" | "getLast"> {
  declare readonly items: SimWorksheet[];

  add(name?: string): SimWorksheet {
    return this._child("add", [name], (res) => new SimWorksheet(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      let n = name;
      if (n === undefined || n === null) {
        let i = wb.sheets.length + 1;
        while (wb.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      validateSheetName(wb, n, null);
      return wb.addSheet(n);
    }, { creates: true });
  }
  getItem(key: string): SimWorksheet {
    return this._child("getItem", [key], (res) => new SimWorksheet(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      const s = typeof key === "string" ? wb.sheetByName(key) ?? wb.sheetById(key) : undefined;
      if (!s) throw simError("ItemNotFound", `There is no worksheet "${String(key)}".`);
      return s;
    });
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return this._child("getItemOrNullObject", [key], (res) => new SimWorksheet(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      return (typeof key === "string" ? wb.sheetByName(key) ?? wb.sheetById(key) : undefined) ?? null;
    }, { level: 4 });
  }
  getActiveWorksheet(): SimWorksheet {
    return this._child("getActiveWorksheet", [], (res) => new SimWorksheet(this.context, res), (b) => (this._targetNN(b) as WorkbookModel).activeSheet());
  }
  getCount(visibleOnly?: boolean): SimClientResult<number> {
    return this._result("getCount", [visibleOnly], (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      return visibleOnly ? wb.sheets.filter((s) => s.visibility === "Visible").length : wb.sheets.length;
    }, 4);
  }
  getFirst(visibleOnly?: boolean): SimWorksheet {
    return this._child("getFirst", [visibleOnly], (res) => new SimWorksheet(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      const s = visibleOnly ? wb.sheets.find((x) => x.visibility === "Visible") : wb.sheets[0];
      if (!s) throw simError("ItemNotFound");
      return s;
    }, { level: 5 });
  }
  getLast(visibleOnly?: boolean): SimWorksheet {
    return this._child("getLast", [visibleOnly], (res) => new SimWorksheet(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      const list = visibleOnly ? wb.sheets.filter((x) => x.visibility === "Visible") : wb.sheets;
      const s = list[list.length - 1];
      if (!s) throw simError("ItemNotFound");
      return s;
    }, { level: 5 });
  }
}
defineProxy(SimWorksheetCollection, "WorksheetCollection", {
  collection: {
    items: (wb: WorkbookModel) => wb.sheets.slice(),
    makeItem: (p: SimObject, s) => fixed(new SimWorksheet(p.context, () => s), s),
  },
});

export class SimWorksheet extends SimObject implements SimOf<Excel.Worksheet, "name" | "id" | "position" | "visibility" | "tabColor" | "standardWidth" | "showGridlines" | "activate" | "delete" | "copy" | "getRange" | "getRangeByIndexes" | "getCell" | "getUsedRange" | "getUsedRangeOrNullObject" | "calculate" | "tables" | "charts" | "freezePanes" | "protection" | "pageLayout" | "names" | "horizontalPageBreaks"> {
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: "Visible" | "Hidden" | "VeryHidden";
  declare tabColor: string;
  declare standardWidth: number;
  declare readonly standardHeight: number;
  declare showGridlines: boolean;
  declare readonly tables: SimTableCollection;
  declare readonly charts: SimChartCollection;
  declare readonly freezePanes: SimFreezePanes;
  declare readonly protection: SimWorksheetProtection;
  declare readonly pageLayout: SimPageLayout;
  declare readonly names: SimNamedItemCollection;
  declare readonly horizontalPageBreaks: SimPageBreakCollection;

  activate(): void {
    this._method("activate", [], (b) => {
      const s = this._targetNN(b) as SheetModel;
      if (s.visibility !== "Visible") throw simError("InvalidOperation", `The worksheet "${s.name}" is hidden and cannot be activated.`);
      s.wb.touchWorkbook();
      s.wb.activeSheetId = s.id;
    });
  }
  delete(): void {
    this._method("delete", [], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const wb = s.wb;
      // Excel refuses to delete a very hidden sheet (make it visible or hidden first).
      if (s.visibility === "VeryHidden") throw simError("InvalidOperation", `The worksheet "${s.name}" is very hidden and cannot be deleted.`);
      const visible = wb.sheets.filter((x) => x.visibility === "Visible");
      if (s.visibility === "Visible" && visible.length <= 1) throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.assertStructure("deleting a worksheet");
      wb.touchWorkbook();
      s.touch();
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.tables = wb.tables.filter((t) => t.sheetId !== s.id);
      s.deleted = true;
      breakSheetReferences(wb, s);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.activeSheet()?.id ?? null;
    });
  }
  /**
   * Copies the sheet (ExcelApi 1.10): cells, formats, merges, layout, charts, conditional formats,
   * tables (renamed) and the names scoped to it. Named "<name> (2)" like Excel; "None" (the default)
   * places the copy after the source.
   */
  copy(positionType: "None" | "Before" | "After" | "Beginning" | "End" = "None", relativeTo?: SimWorksheet): SimWorksheet {
    return this._child("copy", [positionType, relativeTo], (res) => new SimWorksheet(this.context, res), (b) => {
      const src = this._targetNN(b) as SheetModel;
      const wb = src.wb;
      const rel = relativeTo ? (relativeTo._targetNN(b) as SheetModel) : null;
      if ((positionType === "Before" || positionType === "After") && !rel) throw simError("InvalidArgument", "relativeTo is required for Before / After.");
      if (!["None", "Before", "After", "Beginning", "End"].includes(positionType)) throw simError("InvalidArgument", `"${positionType}" is not a WorksheetPositionType.`);
      const base = src.name.replace(/ \(\d+\)$/, "");
      let name = "";
      for (let k = 2; ; k++) {
        const suffix = ` (${k})`;
        name = base.slice(0, 31 - suffix.length) + suffix;
        if (!wb.sheetByName(name)) break;
      }
      const at =
        positionType === "Beginning" ? 0
        : positionType === "End" ? wb.sheets.length
        : positionType === "Before" ? wb.sheets.indexOf(rel!)
        : positionType === "After" ? wb.sheets.indexOf(rel!) + 1
        : wb.sheets.indexOf(src) + 1;
      const copy = wb.addSheet(name, at);
      const state = src.capture();
      copy.restore({ ...state, name, visibility: "Visible", deleted: false });
      copy.passthrough = JSON.parse(JSON.stringify(src.passthrough));
      copy.charts = copy.charts.map((c) => ({
        ...c,
        id: wb.nextId("{chart-") + "}",
        props: c.props["source.sheetId"] === src.id ? { ...c.props, "source.sheetId": copy.id } : { ...c.props },
      }));
      copy.cfs = copy.cfs.map((c) => ({ ...c, id: wb.nextId("{cf-") + "}" }));
      wb.touchWorkbook();
      for (const t of wb.tables.filter((x) => x.sheetId === src.id)) {
        let k = 2;
        while (wb.tables.some((x) => x.name.toUpperCase() === `${t.name}${k}`.toUpperCase())) k++;
        wb.tables = [...wb.tables, { ...t, id: wb.nextId("{table-") + "}", name: `${t.name}${k}`, sheetId: copy.id }];
      }
      const scoped = wb.names.filter((n) => n.scopeId === src.id);
      wb.names = [...wb.names, ...scoped.map((n) => ({ ...n, scopeId: copy.id, formula: renameSheetInFormula(n.formula, src.name, name) }))];
      return copy;
    }, { level: 10, creates: true });
  }
  getRange(address?: string): SimRange {
    return this._child("getRange", [address], (res) => new SimRange(this.context, res), (b) => {
      const s = this._target(b) as SheetModel | null;
      if (!s) return null;
      if (address === undefined || address === null || address === "") return new RangeTarget(s, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });
      return new RangeTarget(s, rectArg(str(address, "address"), s, b, "getRange"));
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._child("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (res) => new SimRange(this.context, res), (b) => {
      const s = this._target(b) as SheetModel | null;
      if (!s) return null;
      for (const [v, n] of [[startRow, "startRow"], [startColumn, "startColumn"], [rowCount, "rowCount"], [columnCount, "columnCount"]] as const) {
        if (typeof v !== "number" || !Number.isInteger(v)) throw simError("InvalidArgument", `${n} must be an integer.`);
      }
      if (rowCount < 1 || columnCount < 1) throw simError("InvalidArgument", "rowCount and columnCount must be at least 1.");
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      checkRect(rect);
      return new RangeTarget(s, rect);
    }, { level: 7 });
  }
  getCell(row: number, column: number): SimRange {
    return this._child("getCell", [row, column], (res) => new SimRange(this.context, res), (b) => {
      const s = this._target(b) as SheetModel | null;
      if (!s) return null;
      const rect = { r0: row, c0: column, r1: row, c1: column };
      checkRect(rect);
      return new RangeTarget(s, rect);
    });
  }
  /** The used range; a blank sheet gives A1 (as Excel does). valuesOnly: ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._child("getUsedRange", [valuesOnly], (res) => new SimRange(this.context, res), (b) => {
      const s = this._target(b) as SheetModel | null;
      if (!s) return null;
      return new RangeTarget(s, s.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
    });
  }
  /** The used range, or a null object for a blank sheet (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this._child("getUsedRangeOrNullObject", [valuesOnly], (res) => new SimRange(this.context, res), (b) => {
      const s = this._target(b) as SheetModel | null;
      if (!s) return null;
      const r = s.usedRect(!!valuesOnly);
      return r ? new RangeTarget(s, r) : null;
    }, { level: 4 });
  }
  calculate(markAllDirty: boolean): void {
    this._method("calculate", [markAllDirty], (b) => void this._targetNN(b), 6);
  }
}

sheetFactory.make = (ctx: SimRequestContext, resolver: Resolver) => new SimWorksheet(ctx, resolver);

defineProxy(SimWorksheet, "Worksheet", {
  scalars: [
    {
      name: "name",
      get: (s: SheetModel) => s.name,
      set: (s: SheetModel, v) => {
        validateSheetName(s.wb, v, s);
        if (v !== s.name) s.wb.assertStructure("renaming a worksheet");
        s.touch();
        const from = s.name;
        s.name = v;
        followSheetRename(s.wb, from, v);
      },
    },
    { name: "id", get: (s: SheetModel) => s.id },
    {
      name: "position",
      get: (s: SheetModel) => s.wb.sheets.indexOf(s),
      set: (s: SheetModel, v) => {
        const wb = s.wb;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= wb.sheets.length) throw simError("InvalidArgument", `position must be 0…${wb.sheets.length - 1}.`);
        if (v !== wb.sheets.indexOf(s)) wb.assertStructure("moving a worksheet");
        wb.touchWorkbook();
        const rest = wb.sheets.filter((x) => x !== s);
        rest.splice(v, 0, s);
        wb.sheets = rest;
      },
    },
    {
      name: "visibility",
      get: (s: SheetModel) => s.visibility,
      set: (s: SheetModel, v) => {
        if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw simError("InvalidArgument", `"${v}" is not a SheetVisibility.`);
        const wb = s.wb;
        if (v !== "Visible" && s.visibility === "Visible" && wb.sheets.filter((x) => x.visibility === "Visible").length <= 1) {
          throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        if (v !== s.visibility) wb.assertStructure("hiding or showing a worksheet");
        s.touch();
        wb.touchWorkbook();
        s.visibility = v;
        if (v !== "Visible" && wb.activeSheetId === s.id) wb.activeSheetId = wb.activeSheet()?.id ?? null;
      },
    },
    {
      name: "tabColor",
      level: 7,
      get: (s: SheetModel) => s.tabColor,
      set: (s: SheetModel, v) => {
        const c = v === "" ? "" : normalizeColor(v);
        s.touch();
        s.tabColor = c;
      },
    },
    {
      name: "standardWidth",
      level: 7,
      get: (s: SheetModel) => Math.round((s.standardWidth - 0.71) * 100) / 100,
      set: (s: SheetModel, v) => {
        num(v, "standardWidth", 0, 255);
        s.touch();
        s.standardWidth = v + 0.71;
      },
    },
    { name: "standardHeight", level: 7, get: () => 15 },
    {
      name: "showGridlines",
      level: 8,
      get: (s: SheetModel) => s.showGridlines,
      set: (s: SheetModel, v) => {
        s.touch();
        s.showGridlines = boolArg(v, "showGridlines");
      },
    },
  ],
  navs: [
    { name: "tables", create: (p: SimObject) => new SimTableCollection(p.context, (b) => { const s = p._target(b) as SheetModel | null; return s ? { wb: s.wb, sheet: s } : null; }) },
    { name: "charts", create: (p: SimObject) => new SimChartCollection(p.context, (b) => p._target(b)) },
    { name: "freezePanes", level: 7, create: (p: SimObject) => new SimFreezePanes(p.context, (b) => p._target(b)) },
    { name: "protection", level: 2, create: (p: SimObject) => new SimWorksheetProtection(p.context, (b) => p._target(b)) },
    { name: "pageLayout", level: 9, create: (p: SimObject) => new SimPageLayout(p.context, (b) => p._target(b)) },
    { name: "horizontalPageBreaks", level: 9, create: (p: SimObject) => new SimPageBreakCollection(p.context, (b) => p._target(b)) },
    namesNav(4, (b, p) => {
      const sheet = p._target(b) as SheetModel | null;
      return sheet ? { wb: sheet.wb, sheet } : null;
    }),
  ],
});

// =============================================================================================
// Freeze panes

/** Worksheet.protection (ExcelApi 1.2): whether the sheet is protected; protect() / unprotect() (no password kept). */
export class SimWorksheetProtection extends SimObject implements SimOf<Excel.WorksheetProtection, "protected" | "protect" | "unprotect"> {
  declare readonly protected: boolean;
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this._method("protect", [options ?? null, password ?? null], (b) => {
      const s = this._targetNN(b) as SheetModel;
      s.wb.touchSheet(s);
      s.protected = true;
    }, 2);
  }
  unprotect(password?: string): void {
    this._method("unprotect", [password ?? null], (b) => {
      const s = this._targetNN(b) as SheetModel;
      s.wb.touchSheet(s);
      s.protected = false;
    }, 2);
  }
}
defineProxy(SimWorksheetProtection, "WorksheetProtection", {
  scalars: [{ name: "protected", level: 2, get: (s: SheetModel) => s.protected }],
});

/** Workbook.protection (ExcelApi 1.7): whether the structure is protected; protect() / unprotect(). */
export class SimWorkbookProtection extends SimObject implements SimOf<Excel.WorkbookProtection, "protected" | "protect" | "unprotect"> {
  declare readonly protected: boolean;
  protect(password?: string): void {
    this._method("protect", [password ?? null], (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      wb.touchWorkbook();
      wb.structureProtected = true;
    }, 7);
  }
  unprotect(password?: string): void {
    this._method("unprotect", [password ?? null], (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      wb.touchWorkbook();
      wb.structureProtected = false;
    }, 7);
  }
}
defineProxy(SimWorkbookProtection, "WorkbookProtection", {
  scalars: [{ name: "protected", level: 7, get: (wb: WorkbookModel) => wb.structureProtected }],
});

export class SimFreezePanes extends SimObject implements SimOf<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze"> {
  freezeRows(count = 1): void {
    this._method("freezeRows", [count], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const n = num(count, "count", 0, MAX_ROWS - 1);
      s.touch();
      s.freeze = { rows: Math.trunc(n), cols: 0 };
    }, 7);
  }
  freezeColumns(count = 1): void {
    this._method("freezeColumns", [count], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const n = num(count, "count", 0, MAX_COLS - 1);
      s.touch();
      s.freeze = { rows: 0, cols: Math.trunc(n) };
    }, 7);
  }
  freezeAt(frozenRange: RangeOrAddress): void {
    this._method("freezeAt", [frozenRange], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const r = rectArg(frozenRange, s, b, "freezeAt");
      s.touch();
      s.freeze = { rows: r.r0 === 0 ? (r.r1 === MAX_ROWS - 1 ? 0 : r.r1 + 1) : r.r1 + 1, cols: r.c0 === 0 ? (r.c1 === MAX_COLS - 1 ? 0 : r.c1 + 1) : r.c1 + 1 };
    }, 7);
  }
  unfreeze(): void {
    this._method("unfreeze", [], (b) => {
      const s = this._targetNN(b) as SheetModel;
      s.touch();
      s.freeze = { rows: 0, cols: 0 };
    }, 7);
  }
  getLocationOrNullObject(): SimRange {
    return this._child("getLocationOrNullObject", [], (res) => new SimRange(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      const { rows, cols } = s.freeze;
      if (!rows && !cols) return null;
      return new RangeTarget(s, { r0: 0, c0: 0, r1: rows ? rows - 1 : MAX_ROWS - 1, c1: cols ? cols - 1 : MAX_COLS - 1 });
    }, { level: 7 });
  }
  getLocation(): SimRange {
    return this._child("getLocation", [], (res) => new SimRange(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      const { rows, cols } = s.freeze;
      if (!rows && !cols) throw simError("ItemNotFound", "The worksheet has no frozen panes.");
      return new RangeTarget(s, { r0: 0, c0: 0, r1: rows ? rows - 1 : MAX_ROWS - 1, c1: cols ? cols - 1 : MAX_COLS - 1 });
    }, { level: 7 });
  }
}
defineProxy(SimFreezePanes, "WorksheetFreezePanes", {});

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): a break before the row of the range's top-left cell. */
export class SimPageBreakCollection extends SimObject implements SimOf<Excel.PageBreakCollection, "add" | "removePageBreaks"> {
  add(pageBreakRange: RangeOrAddress): void {
    this._method("add", [pageBreakRange], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const r = rectArg(pageBreakRange, s, b, "add");
      s.touch();
      const rows = new Set(s.pageLayout.rowBreaks ?? []);
      rows.add(r.r0);
      s.pageLayout.rowBreaks = [...rows].sort((a, c) => a - c);
    }, 9);
  }
  removePageBreaks(): void {
    this._method("removePageBreaks", [], (b) => {
      const s = this._targetNN(b) as SheetModel;
      s.touch();
      s.pageLayout.rowBreaks = [];
    }, 9);
  }
}
defineProxy(SimPageBreakCollection, "PageBreakCollection", {});

// =============================================================================================
// Tables

interface TablesScope {
  wb: WorkbookModel;
  sheet: SheetModel | null;
}
interface TableTarget {
  wb: WorkbookModel;
  id: string;
  deleted: boolean;
}
function tableTarget(wb: WorkbookModel, id: string): TableTarget {
  return {
    wb,
    id,
    get deleted() {
      return !wb.tables.some((t) => t.id === id);
    },
  };
}
function tableModel(t: TableTarget): TableModel {
  const m = t.wb.tables.find((x) => x.id === t.id);
  if (!m) throw simError("ItemNotFound", "The table was deleted.");
  return m;
}
function tableSheet(t: TableTarget): SheetModel {
  const s = t.wb.sheetById(tableModel(t).sheetId);
  if (!s) throw simError("ItemNotFound", "The table's worksheet was deleted.");
  return s;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

function validateTableName(wb: WorkbookModel, name: unknown, self: TableModel | null): string {
  if (typeof name !== "string" || !name) throw simError("InvalidArgument", "A table name must be a non-empty string.");
  if (name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^R\d*C\d*$/i.test(name)) {
    throw simError("InvalidArgument", `"${name}" is not a valid table name.`);
  }
  const other = wb.tables.find((t) => t.name.toUpperCase() === name.toUpperCase());
  if (other && other !== self) throw simError("ItemAlreadyExists", `A table named "${other.name}" already exists.`);
  return name;
}

function tablesIn(scope: TablesScope): TableModel[] {
  return scope.wb.tables.filter((t) => !scope.sheet || t.sheetId === scope.sheet.id);
}

export class SimTableCollection extends SimObject implements SimOf<Excel.TableCollection, "count" | "add" | "getItem" | "getItemOrNullObject" | "getItemAt" | "getCount"> {
  declare readonly items: SimTable[];
  declare readonly count: number;

  add(address: RangeOrAddress, hasHeaders: boolean): SimTable {
    return this._child("add", [address, hasHeaders], (res) => new SimTable(this.context, res), (b) => {
      const scope = this._targetNN(b) as TablesScope;
      const wb = scope.wb;
      let sheet: SheetModel;
      let rect: Rect;
      if (address instanceof SimRange) {
        const t = address._targetNN(b) as RangeTarget;
        sheet = t.sheet;
        rect = t.rect;
        if (scope.sheet && scope.sheet !== sheet) throw simError("InvalidArgument", "The range is on another worksheet.");
      } else {
        const p = parseAddress(str(address, "address"));
        sheet = p.sheet ? wb.sheetByName(p.sheet) ?? (() => { throw simError("ItemNotFound", `There is no worksheet "${p.sheet}".`); })() : scope.sheet ?? wb.activeSheet();
        if (scope.sheet && sheet !== scope.sheet) throw simError("InvalidArgument", "The address is on another worksheet.");
        rect = p.rect;
      }
      if (typeof hasHeaders !== "boolean") throw simError("InvalidArgument", "hasHeaders must be a boolean.");
      if (rectCols(rect) > 16384 || rectRows(rect) >= MAX_ROWS) throw simError("InvalidArgument", "A table cannot cover entire columns.");
      for (const t of wb.tables) if (t.sheetId === sheet.id && intersects(t.rect, rect)) throw simError("InvalidOperation", `The range overlaps the table "${t.name}".`);
      for (const m of sheet.merges) if (intersects(m, rect)) throw simError("InvalidOperation", "A table cannot contain merged cells.");
      sheet.touch();
      wb.touchWorkbook();
      if (!hasHeaders) {
        // Excel adds a header row above the data, shifting the data down by one row.
        insertCells(sheet, { r0: rect.r0, r1: rect.r0, c0: rect.c0, c1: rect.c1 }, "Down");
        for (let c = rect.c0; c <= rect.c1; c++) sheet.setCell(rect.r0, c, { v: `Column${c - rect.c0 + 1}`, ...(sheet.getCell(rect.r0, c)?.s ? { s: sheet.getCell(rect.r0, c)!.s } : {}) });
        rect = { ...rect, r1: rect.r1 + 1 };
      } else {
        // Header cells become unique text.
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = sheet.getCell(rect.r0, c);
          let text = cell && (cell.v !== null || cell.f) ? (cell.v instanceof CellErrorValue ? cell.v.code : cellText(sheet, rect.r0, c)) : "";
          if (!text) text = `Column${c - rect.c0 + 1}`;
          let unique = text;
          for (let k = 2; seen.has(unique.toUpperCase()); k++) unique = `${text}${k}`;
          seen.add(unique.toUpperCase());
          if (!cell || cell.v !== unique || cell.f) sheet.setCell(rect.r0, c, { v: unique, ...(cell?.s ? { s: cell.s } : {}) });
        }
      }
      if (rect.r1 === rect.r0) rect = { ...rect, r1: rect.r0 + 1 }; // a table always has a data row
      let i = 1;
      while (wb.tables.some((t) => t.name.toUpperCase() === `TABLE${i}`)) i++;
      const model: TableModel = {
        id: wb.nextId("{table-") + "}",
        name: `Table${i}`,
        sheetId: sheet.id,
        rect,
        style: "TableStyleMedium2",
        showHeaders: true,
        showTotals: false,
        showFilterButton: true,
        showBandedRows: true,
        showBandedColumns: false,
        highlightFirstColumn: false,
        highlightLastColumn: false,
      };
      wb.tables.push(model);
      return tableTarget(wb, model.id);
    }, { creates: true });
  }
  getItem(key: string): SimTable {
    return this._child("getItem", [key], (res) => new SimTable(this.context, res), (b) => {
      const scope = this._targetNN(b) as TablesScope;
      const t = tablesIn(scope).find((x) => x.name.toUpperCase() === String(key).toUpperCase() || x.id === key);
      if (!t) throw simError("ItemNotFound", `There is no table "${key}".`);
      return tableTarget(scope.wb, t.id);
    });
  }
  getItemOrNullObject(key: string): SimTable {
    return this._child("getItemOrNullObject", [key], (res) => new SimTable(this.context, res), (b) => {
      const scope = this._targetNN(b) as TablesScope;
      const t = tablesIn(scope).find((x) => x.name.toUpperCase() === String(key).toUpperCase() || x.id === key);
      return t ? tableTarget(scope.wb, t.id) : null;
    }, { level: 4 });
  }
  getItemAt(index: number): SimTable {
    return this._child("getItemAt", [index], (res) => new SimTable(this.context, res), (b) => {
      const scope = this._targetNN(b) as TablesScope;
      const t = tablesIn(scope)[index];
      if (!t) throw simError("ItemNotFound", `There is no table at ${index}.`);
      return tableTarget(scope.wb, t.id);
    });
  }
  getCount(): SimClientResult<number> {
    return this._result("getCount", [], (b) => tablesIn(this._targetNN(b) as TablesScope).length, 4);
  }
}
defineProxy(SimTableCollection, "TableCollection", {
  scalars: [{ name: "count", get: (scope: TablesScope) => tablesIn(scope).length }],
  collection: {
    items: (scope: TablesScope) => tablesIn(scope).map((t) => tableTarget(scope.wb, t.id)),
    makeItem: (p: SimObject, t) => fixed(new SimTable(p.context, () => t), t),
  },
});

export class SimTable extends SimObject implements SimOf<Excel.Table, "id" | "name" | "style" | "showHeaders" | "showTotals" | "showFilterButton" | "showBandedRows" | "showBandedColumns" | "highlightFirstColumn" | "highlightLastColumn" | "getRange" | "getHeaderRowRange" | "getDataBodyRange" | "getTotalRowRange" | "delete" | "convertToRange" | "resize"> {
  declare readonly id: string;
  declare name: string;
  declare style: string;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  declare showFilterButton: boolean;
  declare showBandedRows: boolean;
  declare showBandedColumns: boolean;
  declare highlightFirstColumn: boolean;
  declare highlightLastColumn: boolean;
  declare readonly worksheet: SimWorksheet;

  private _part(label: string, pick: (m: TableModel) => Rect | null): SimRange {
    return this._child(label, [], (res) => new SimRange(this.context, res), (b) => {
      const t = this._targetNN(b) as TableTarget;
      const r = pick(tableModel(t));
      if (!r) throw simError("ItemNotFound", `${label}: the table has no such row.`);
      return new RangeTarget(tableSheet(t), r);
    });
  }
  getRange(): SimRange {
    return this._part("getRange", (m) => m.rect);
  }
  getHeaderRowRange(): SimRange {
    return this._part("getHeaderRowRange", (m) => (m.showHeaders ? { ...m.rect, r1: m.rect.r0 } : null));
  }
  getDataBodyRange(): SimRange {
    return this._part("getDataBodyRange", (m) => ({ ...m.rect, r0: m.rect.r0 + 1, r1: m.showTotals ? m.rect.r1 - 1 : m.rect.r1 }));
  }
  getTotalRowRange(): SimRange {
    return this._part("getTotalRowRange", (m) => (m.showTotals ? { ...m.rect, r0: m.rect.r1 } : null));
  }
  delete(): void {
    this._method("delete", [], (b) => {
      const t = this._targetNN(b) as TableTarget;
      const sheet = tableSheet(t);
      sheet.touch();
      t.wb.touchWorkbook();
      const m = tableModel(t);
      t.wb.tables = t.wb.tables.filter((x) => x !== m);
      // Deleting a table deletes its cells (Excel clears the range).
      const cells: [number, number][] = [];
      sheet.forEachCell(m.rect, (r, c) => cells.push([r, c]));
      for (const [r, c] of cells) sheet.setCell(r, c, undefined);
    });
  }
  /**
   * Table.resize (ExcelApi 1.13): the table keeps its id and name and takes the new range, whose header row must be
   * the table's (same first row) and which must overlap the old one; no other table and no merged cell in it.
   */
  resize(newRange: SimRange | string): void {
    this._method("resize", [newRange], (b) => {
      const t = this._targetNN(b) as TableTarget;
      const sheet = tableSheet(t);
      const m = tableModel(t);
      const rect = newRange instanceof SimRange ? (newRange._targetNN(b) as RangeTarget).rect : parseAddress(str(newRange, "newRange")).rect;
      if (newRange instanceof SimRange && (newRange._targetNN(b) as RangeTarget).sheet !== sheet) throw simError("InvalidArgument", "The range is on another worksheet.");
      if (rect.r0 !== m.rect.r0 || !intersects(rect, m.rect)) throw simError("InvalidArgument", "The header row must stay where it is and the new range must overlap the table.");
      if (rectRows(rect) < 2) throw simError("InvalidArgument", "A table needs a header row and at least one row.");
      for (const o of t.wb.tables) if (o !== m && o.sheetId === sheet.id && intersects(o.rect, rect)) throw simError("InvalidOperation", `The range overlaps the table "${o.name}".`);
      for (const mm of sheet.merges) if (intersects(mm, rect)) throw simError("InvalidOperation", "A table cannot contain merged cells.");
      sheet.touch();
      t.wb.touchWorkbook();
      m.rect = { ...rect };
    }, 13);
  }
  convertToRange(): SimRange {
    return this._child("convertToRange", [], (res) => new SimRange(this.context, res), (b) => {
      const t = this._targetNN(b) as TableTarget;
      const sheet = tableSheet(t);
      const m = tableModel(t);
      t.wb.touchWorkbook();
      t.wb.tables = t.wb.tables.filter((x) => x !== m);
      return new RangeTarget(sheet, m.rect);
    }, { creates: true });
  }
}
function tableFlag(name: keyof TableModel, level?: number) {
  return {
    name,
    level,
    get: (t: TableTarget) => tableModel(t)[name],
    set: (t: TableTarget, v: unknown) => {
      boolArg(v, name);
      t.wb.touchWorkbook();
      (tableModel(t) as any)[name] = v;
    },
  };
}
defineProxy(SimTable, "Table", {
  scalars: [
    { name: "id", get: (t: TableTarget) => t.id },
    {
      name: "name",
      get: (t: TableTarget) => tableModel(t).name,
      set: (t: TableTarget, v) => {
        validateTableName(t.wb, v, tableModel(t));
        t.wb.touchWorkbook();
        tableModel(t).name = v;
      },
    },
    {
      name: "style",
      get: (t: TableTarget) => tableModel(t).style,
      set: (t: TableTarget, v) => {
        if (typeof v !== "string" || (v !== "" && !TABLE_STYLE.test(v))) throw simError("InvalidArgument", `"${String(v)}" is not a built-in table style.`);
        t.wb.touchWorkbook();
        tableModel(t).style = v;
      },
    },
    tableFlag("showHeaders"),
    tableFlag("showTotals"),
    tableFlag("showFilterButton", 3),
    tableFlag("showBandedRows", 3),
    tableFlag("showBandedColumns", 3),
    tableFlag("highlightFirstColumn", 3),
    tableFlag("highlightLastColumn", 3),
  ],
  navs: [{ name: "worksheet", create: (p: SimObject) => new SimWorksheet(p.context, (b) => { const t = p._target(b) as TableTarget | null; return t ? tableSheet(t) : null; }) }],
});

// =============================================================================================
// Charts

const CHART_TYPES = new Set(
  ("ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked BarStacked100 " +
    "3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie " +
    "PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked " +
    "AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView " +
    "SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked " +
    "CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked " +
    "ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 " +
    "PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut " +
    "Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel").split(" "),
);

interface ChartTarget {
  sheet: SheetModel;
  id: string;
  deleted: boolean;
}
function chartTarget(sheet: SheetModel, id: string): ChartTarget {
  return {
    sheet,
    id,
    get deleted() {
      return sheet.deleted || !sheet.charts.some((c) => c.id === id);
    },
  };
}
function chartModel(t: ChartTarget): ChartModel {
  const m = t.sheet.charts.find((c) => c.id === t.id);
  if (!m) throw simError("ItemNotFound", "The chart was deleted.");
  return m;
}

/** Series and categories as Excel would read them from the source block. */
export function chartData(sheet: SheetModel, m: ChartModel): { byColumns: boolean; series: { name: string; values: (number | null)[] }[]; categories: string[] } {
  const src = sheet.wb.sheets.find((s) => s.id === (m.props["source.sheetId"] as string)) ?? sheet;
  const r = m.sourceRect;
  const rows = rectRows(r), cols = rectCols(r);
  const byColumns = m.seriesBy === "Columns" || (m.seriesBy !== "Rows" && rows >= cols);
  const at = (i: number, j: number) => src.getCell(r.r0 + i, r.c0 + j)?.v ?? null;
  const isText = (v: unknown) => typeof v === "string";
  const n1 = byColumns ? rows : cols; // points along a series
  const n2 = byColumns ? cols : rows; // series
  const get = (p: number, s: number) => (byColumns ? at(p, s) : at(s, p));
  let headerRow = true;
  for (let s = 1; s < n2; s++) if (!isText(get(0, s))) headerRow = false;
  if (n2 === 1) headerRow = isText(get(0, 0));
  let catCol = n2 > 1;
  for (let p = headerRow ? 1 : 0; p < n1 && catCol; p++) if (!isText(get(p, 0)) && get(p, 0) !== null) catCol = false;
  const p0 = headerRow ? 1 : 0;
  const s0 = catCol ? 1 : 0;
  const categories: string[] = [];
  for (let p = p0; p < n1; p++) categories.push(catCol ? String(get(p, 0) ?? "") : String(p - p0 + 1));
  const series = [];
  for (let s = s0; s < n2; s++) {
    const values: (number | null)[] = [];
    for (let p = p0; p < n1; p++) {
      const v = get(p, s);
      values.push(typeof v === "number" ? v : null);
    }
    series.push({ name: headerRow ? String(get(0, s) ?? "") : `Series${s - s0 + 1}`, values });
  }
  return { byColumns, series, categories };
}

export class SimChartCollection extends SimObject implements SimOf<Excel.ChartCollection, "add" | "getItem"> {
  declare readonly items: SimChart[];
  declare readonly count: number;

  add(type: string, sourceData: SimRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): SimChart {
    return this._child("add", [type, sourceData, seriesBy], (res) => new SimChart(this.context, res), (b) => {
      const sheet = this._targetNN(b) as SheetModel;
      if (!CHART_TYPES.has(type)) throw simError("InvalidArgument", `"${type}" is not a chart type.`);
      if (!(sourceData instanceof SimRange)) throw simError("InvalidArgument", "sourceData must be a Range.");
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw simError("InvalidArgument", `"${seriesBy}" is not a ChartSeriesBy.`);
      const src = sourceData._targetNN(b) as RangeTarget;
      if (rectRows(src.rect) * rectCols(src.rect) > 1_000_000) throw simError("InvalidArgument", "The chart source range is too large.");
      sheet.touch();
      let n = 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const m: ChartModel = {
        id: sheet.wb.nextId("{chart-") + "}",
        name: `Chart ${n}`,
        type,
        sourceRect: { ...src.rect },
        seriesBy,
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        props: { "source.sheetId": src.sheet.id },
      };
      sheet.charts.push(m);
      return chartTarget(sheet, m.id);
    }, { creates: true });
  }
  getItem(name: string): SimChart {
    return this._child("getItem", [name], (res) => new SimChart(this.context, res), (b) => {
      const sheet = this._targetNN(b) as SheetModel;
      const m = sheet.charts.find((c) => c.name === name || c.id === name);
      if (!m) throw simError("ItemNotFound", `There is no chart "${name}".`);
      return chartTarget(sheet, m.id);
    });
  }
  getItemOrNullObject(name: string): SimChart {
    return this._child("getItemOrNullObject", [name], (res) => new SimChart(this.context, res), (b) => {
      const sheet = this._targetNN(b) as SheetModel;
      const m = sheet.charts.find((c) => c.name === name || c.id === name);
      return m ? chartTarget(sheet, m.id) : null;
    }, { level: 4 });
  }
  getItemAt(index: number): SimChart {
    return this._child("getItemAt", [index], (res) => new SimChart(this.context, res), (b) => {
      const sheet = this._targetNN(b) as SheetModel;
      const m = sheet.charts[index];
      if (!m) throw simError("ItemNotFound", `There is no chart at ${index}.`);
      return chartTarget(sheet, m.id);
    });
  }
  getCount(): SimClientResult<number> {
    return this._result("getCount", [], (b) => (this._targetNN(b) as SheetModel).charts.length, 4);
  }
}
defineProxy(SimChartCollection, "ChartCollection", {
  scalars: [{ name: "count", get: (s: SheetModel) => s.charts.length }],
  collection: {
    items: (s: SheetModel) => s.charts.map((c) => chartTarget(s, c.id)),
    makeItem: (p: SimObject, t) => fixed(new SimChart(p.context, () => t), t),
  },
});

/** A 1×1 transparent PNG: the simulated host does not render charts. */
const PLACEHOLDER_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

export class SimChart extends SimObject implements SimOf<Excel.Chart, "name" | "title" | "dataLabels" | "series" | "setPosition" | "delete"> {
  declare readonly id: string;
  declare name: string;
  declare chartType: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  declare readonly plotBy: "Rows" | "Columns";
  declare readonly title: any;
  declare readonly legend: any;
  declare readonly dataLabels: any;
  declare readonly axes: any;
  declare readonly series: any;
  declare readonly format: any;
  declare readonly worksheet: SimWorksheet;

  setPosition(startCell: RangeOrAddress, endCell?: RangeOrAddress): void {
    this._method("setPosition", [startCell, endCell], (b) => {
      const t = this._targetNN(b) as ChartTarget;
      const s = rectArg(startCell, t.sheet, b, "setPosition");
      const e = endCell === undefined || endCell === null ? null : rectArg(endCell, t.sheet, b, "setPosition");
      t.sheet.touch();
      const m = chartModel(t);
      m.top = rowTop(t.sheet, s.r0);
      m.left = columnLeft(t.sheet, s.c0);
      m.props["position.start"] = qualifiedAddress(t.sheet.name, { r0: s.r0, c0: s.c0, r1: s.r0, c1: s.c0 });
      if (e) {
        const r1 = Math.max(e.r1, s.r0), c1 = Math.max(e.c1, s.c0);
        m.height = rowTop(t.sheet, r1 + 1) - m.top;
        m.width = columnLeft(t.sheet, c1 + 1) - m.left;
        m.props["position.end"] = qualifiedAddress(t.sheet.name, { r0: r1, c0: c1, r1, c1 });
      }
    });
  }
  setData(sourceData: SimRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): void {
    this._method("setData", [sourceData, seriesBy], (b) => {
      const t = this._targetNN(b) as ChartTarget;
      if (!(sourceData instanceof SimRange)) throw simError("InvalidArgument", "sourceData must be a Range.");
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw simError("InvalidArgument", `"${seriesBy}" is not a ChartSeriesBy.`);
      const src = sourceData._targetNN(b) as RangeTarget;
      t.sheet.touch();
      const m = chartModel(t);
      m.sourceRect = { ...src.rect };
      m.seriesBy = seriesBy;
      m.props["source.sheetId"] = src.sheet.id;
    });
  }
  delete(): void {
    this._method("delete", [], (b) => {
      const t = this._targetNN(b) as ChartTarget;
      t.sheet.touch();
      t.sheet.charts = t.sheet.charts.filter((c) => c.id !== t.id);
    });
  }
  activate(): void {
    this._method("activate", [], (b) => void this._targetNN(b), 9);
  }
  /** A placeholder image (the simulated host does not draw charts). */
  getImage(width?: number, height?: number, fittingMode?: string): SimClientResult<string> {
    return this._result("getImage", [width, height, fittingMode], (b) => {
      this._targetNN(b);
      return PLACEHOLDER_PNG;
    }, 2);
  }
}

function chartNum(name: "top" | "left" | "width" | "height") {
  return {
    name,
    get: (t: ChartTarget) => chartModel(t)[name],
    set: (t: ChartTarget, v: unknown) => {
      num(v, name, 0, 1e6);
      t.sheet.touch();
      chartModel(t)[name] = v as number;
    },
  };
}

defineProxy(SimChart, "Chart", {
  scalars: [
    { name: "id", level: 7, get: (t: ChartTarget) => t.id },
    {
      name: "name",
      get: (t: ChartTarget) => chartModel(t).name,
      set: (t: ChartTarget, v) => {
        if (typeof v !== "string" || !v) throw simError("InvalidArgument", "A chart name must be a non-empty string.");
        t.sheet.touch();
        chartModel(t).name = v;
      },
    },
    {
      name: "chartType",
      level: 7,
      get: (t: ChartTarget) => chartModel(t).type,
      set: (t: ChartTarget, v) => {
        if (!CHART_TYPES.has(v)) throw simError("InvalidArgument", `"${v}" is not a chart type.`);
        t.sheet.touch();
        chartModel(t).type = v;
      },
    },
    chartNum("top"),
    chartNum("left"),
    chartNum("width"),
    chartNum("height"),
    { name: "plotBy", level: 8, get: (t: ChartTarget) => (chartData(t.sheet, chartModel(t)).byColumns ? "Columns" : "Rows") },
  ],
  navs: [
    { name: "title", create: (p: SimObject) => bag("ChartTitle", p, "title") },
    { name: "legend", create: (p: SimObject) => bag("ChartLegend", p, "legend") },
    { name: "dataLabels", create: (p: SimObject) => bag("ChartDataLabels", p, "dataLabels") },
    { name: "axes", create: (p: SimObject) => bag("ChartAxes", p, "axes") },
    { name: "series", create: (p: SimObject) => bag("ChartSeriesCollection", p, "series") },
    { name: "format", create: (p: SimObject) => bag("ChartAreaFormat", p, "format") },
    { name: "worksheet", create: (p: SimObject) => new SimWorksheet(p.context, (b) => (p._target(b) as ChartTarget | null)?.sheet ?? null) },
  ],
});

// ---- chart parts: recorded property bags keyed by path ("title.text", "series/0/format/fill.color")

interface BagTarget {
  chart: ChartTarget;
  path: string;
  deleted: boolean;
}
function bagTarget(chart: ChartTarget, path: string): BagTarget {
  return {
    chart,
    path,
    get deleted() {
      return chart.deleted;
    },
  };
}

type Validator = (v: unknown) => unknown;
type BagDefault = string | number | boolean | null | ((t: BagTarget) => unknown);
interface BagProp {
  name: string;
  dflt: BagDefault;
  validate?: Validator;
  level?: number;
  readOnly?: boolean;
}
interface BagDef {
  props: BagProp[];
  navs: [string, string][];
  methods?: Record<string, (t: BagTarget, args: unknown[]) => unknown>;
  collection?: { itemType: string; count: (t: BagTarget) => number };
}

const vBool: Validator = (v) => boolArg(v, "value");
const vStr: Validator = (v) => str(v, "value");
const vNum: Validator = (v) => num(v, "value");
const vColor: Validator = (v) => normalizeColor(v);
const vOneOf = (list: string[]): Validator => (v) => {
  if (typeof v !== "string" || !list.includes(v)) throw simError("InvalidArgument", `"${String(v)}" is not one of ${list.join(", ")}.`);
  return v;
};

const FONT: BagProp[] = [
  { name: "bold", dflt: false, validate: vBool },
  { name: "italic", dflt: false, validate: vBool },
  { name: "color", dflt: "#000000", validate: vColor },
  { name: "name", dflt: "Calibri", validate: vStr },
  { name: "size", dflt: 10, validate: (v) => num(v, "size", 1, 409) },
  { name: "underline", dflt: "None", validate: vOneOf(["None", "Single"]) },
];
const LINE: BagProp[] = [
  { name: "color", dflt: "#000000", validate: vColor },
  { name: "lineStyle", dflt: "Continuous", validate: vOneOf(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"]) },
  { name: "weight", dflt: 0.75, validate: (v) => num(v, "weight", 0, 1584) },
];
const fillMethods = {
  setSolidColor: (t: BagTarget, [color]: unknown[]) => setBagValue(t, "color", normalizeColor(color)),
  clear: (t: BagTarget) => setBagValue(t, "color", null),
  getSolidColor: (t: BagTarget) => getBagValue(t, "color", ""),
};
const LABELS: BagProp[] = [
  { name: "showPercentage", dflt: false, validate: vBool },
  { name: "showValue", dflt: false, validate: vBool },
  { name: "showCategoryName", dflt: false, validate: vBool },
  { name: "showSeriesName", dflt: false, validate: vBool },
  { name: "showLegendKey", dflt: false, validate: vBool },
  { name: "showBubbleSize", dflt: false, validate: vBool },
  { name: "position", dflt: "BestFit", validate: vOneOf(["None", "Center", "InsideEnd", "InsideBase", "OutsideEnd", "Left", "Right", "Top", "Bottom", "BestFit", "Callout"]) },
  { name: "separator", dflt: ", ", validate: vStr },
  { name: "numberFormat", dflt: "General", validate: vStr, level: 8 },
];

const BAGS: Record<string, BagDef> = {
  ChartFont: { props: FONT, navs: [] },
  ChartFill: { props: [], navs: [], methods: fillMethods },
  ChartLineFormat: { props: LINE, navs: [] },
  ChartBorder: { props: LINE, navs: [] },
  ChartAreaFormat: { props: [], navs: [["font", "ChartFont"], ["fill", "ChartFill"], ["border", "ChartBorder"]] },
  ChartTitleFormat: { props: [], navs: [["font", "ChartFont"], ["fill", "ChartFill"], ["border", "ChartBorder"]] },
  ChartTitle: {
    props: [
      { name: "text", dflt: "", validate: vStr },
      { name: "visible", dflt: (t) => getBagValue(t, "text", "") !== "", validate: vBool },
      { name: "overlay", dflt: false, validate: vBool },
      { name: "position", dflt: "Automatic", validate: vOneOf(["Automatic", "Top", "Bottom", "Left", "Right"]), level: 7 },
      { name: "horizontalAlignment", dflt: "Center", validate: vOneOf(["Center", "Left", "Right", "Justify", "Distributed"]), level: 7 },
    ],
    navs: [["format", "ChartTitleFormat"]],
  },
  ChartLegendFormat: { props: [], navs: [["font", "ChartFont"], ["fill", "ChartFill"], ["border", "ChartBorder"]] },
  ChartLegend: {
    props: [
      { name: "position", dflt: "Right", validate: vOneOf(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]) },
      { name: "visible", dflt: true, validate: vBool },
      { name: "overlay", dflt: false, validate: vBool },
    ],
    navs: [["format", "ChartLegendFormat"]],
  },
  ChartDataLabelFormat: { props: [], navs: [["font", "ChartFont"], ["fill", "ChartFill"], ["border", "ChartBorder"]] },
  ChartDataLabels: { props: LABELS, navs: [["format", "ChartDataLabelFormat"]] },
  ChartDataLabel: { props: LABELS, navs: [["format", "ChartDataLabelFormat"]] },
  ChartAxes: { props: [], navs: [["categoryAxis", "ChartAxis"], ["valueAxis", "ChartAxis"], ["seriesAxis", "ChartAxis"]] },
  ChartAxisTitleFormat: { props: [], navs: [["font", "ChartFont"], ["fill", "ChartFill"], ["border", "ChartBorder"]] },
  ChartAxisTitle: { props: [{ name: "text", dflt: "", validate: vStr }, { name: "visible", dflt: false, validate: vBool }], navs: [["format", "ChartAxisTitleFormat"]] },
  ChartAxisFormat: { props: [], navs: [["font", "ChartFont"], ["line", "ChartLineFormat"], ["fill", "ChartFill"]] },
  ChartAxis: {
    props: [
      { name: "minimum", dflt: null, validate: vNum },
      { name: "maximum", dflt: null, validate: vNum },
      { name: "majorUnit", dflt: null, validate: vNum },
      { name: "minorUnit", dflt: null, validate: vNum },
      { name: "numberFormat", dflt: "General", validate: vStr, level: 8 },
      { name: "visible", dflt: true, validate: vBool, level: 7 },
      { name: "reversePlotOrder", dflt: false, validate: vBool, level: 7 },
      { name: "displayUnit", dflt: "None", validate: vStr, level: 7 },
      { name: "tickLabelPosition", dflt: "NextToAxis", validate: vOneOf(["NextToAxis", "High", "Low", "None"]), level: 7 },
    ],
    navs: [["title", "ChartAxisTitle"], ["format", "ChartAxisFormat"], ["majorGridlines", "ChartGridlines"], ["minorGridlines", "ChartGridlines"]],
  },
  ChartGridlines: { props: [{ name: "visible", dflt: false, validate: vBool }], navs: [["format", "ChartGridlinesFormat"]] },
  ChartGridlinesFormat: { props: [], navs: [["line", "ChartLineFormat"]] },
  ChartSeriesCollection: { props: [], navs: [], collection: { itemType: "ChartSeries", count: (t) => seriesOf(t).length } },
  ChartSeriesFormat: { props: [], navs: [["fill", "ChartFill"], ["line", "ChartLineFormat"]] },
  ChartSeries: {
    props: [
      { name: "name", dflt: (t) => seriesOf(t)[indexIn(t)]?.name ?? "", validate: vStr },
      { name: "chartType", dflt: (t) => chartModel(t.chart).type, validate: (v) => (CHART_TYPES.has(v as string) ? v : vOneOf([])(v)), level: 7 },
      { name: "hasDataLabels", dflt: false, validate: vBool, level: 7 },
      { name: "gapWidth", dflt: 150, validate: (v) => num(v, "gapWidth", 0, 500), level: 7 },
      { name: "overlap", dflt: 0, validate: (v) => num(v, "overlap", -100, 100), level: 8 },
      { name: "explosion", dflt: 0, validate: (v) => num(v, "explosion", 0, 400), level: 8 },
      { name: "doughnutHoleSize", dflt: 50, validate: (v) => num(v, "doughnutHoleSize", 10, 90), level: 7 },
      { name: "firstSliceAngle", dflt: 0, validate: (v) => num(v, "firstSliceAngle", 0, 360), level: 8 },
      { name: "varyByCategories", dflt: (t) => /Pie|Doughnut/.test(chartModel(t.chart).type), validate: vBool, level: 8 },
    ],
    navs: [["format", "ChartSeriesFormat"], ["points", "ChartPointsCollection"], ["dataLabels", "ChartDataLabels"]],
  },
  ChartPointsCollection: { props: [], navs: [], collection: { itemType: "ChartPoint", count: (t) => seriesOf(t)[indexIn({ ...t, path: t.path.replace(/\/points$/, "") })]?.values.length ?? 0 } },
  ChartPointFormat: { props: [], navs: [["fill", "ChartFill"], ["border", "ChartBorder"]] },
  ChartPoint: {
    props: [
      {
        name: "value",
        readOnly: true,
        dflt: (t) => {
          const m = /^series\/(\d+)\/points\/(\d+)$/.exec(t.path);
          return m ? seriesOf(t)[+m[1]]?.values[+m[2]] ?? null : null;
        },
      },
      { name: "hasDataLabel", dflt: false, validate: vBool, level: 7 },
    ],
    navs: [["format", "ChartPointFormat"], ["dataLabel", "ChartDataLabel"]],
  },
};

function seriesOf(t: BagTarget) {
  return chartData(t.chart.sheet, chartModel(t.chart)).series;
}
function indexIn(t: BagTarget): number {
  const m = /(\d+)$/.exec(t.path);
  return m ? +m[1] : 0;
}
function getBagValue(t: BagTarget, name: string, dflt: unknown): unknown {
  const m = chartModel(t.chart);
  const key = `${t.path}.${name}`;
  return key in m.props ? m.props[key] : dflt;
}
function setBagValue(t: BagTarget, name: string, v: unknown): void {
  t.chart.sheet.touch();
  const m = chartModel(t.chart);
  const key = `${t.path}.${name}`;
  if (v === null) delete m.props[key];
  else m.props[key] = v;
}

const BAG_CLASSES = new Map<string, new (ctx: SimRequestContext, res: Resolver, cacheable?: boolean) => SimObject>();

class SimChartPart extends SimObject {
  [key: string]: any;
}

function bagClass(typeName: string): new (ctx: SimRequestContext, res: Resolver, cacheable?: boolean) => SimObject {
  const cached = BAG_CLASSES.get(typeName);
  if (cached) return cached;
  const def = BAGS[typeName];
  const C = class extends SimChartPart {};
  Object.defineProperty(C, "name", { value: `Sim${typeName}` });
  BAG_CLASSES.set(typeName, C);
  for (const [mname, fn] of Object.entries(def.methods ?? {})) {
    (C.prototype as any)[mname] = function (this: SimObject, ...args: unknown[]) {
      if (mname.startsWith("get")) return this._result(mname, args, (b) => fn(this._targetNN(b) as BagTarget, args));
      this._method(mname, args, (b) => void fn(this._targetNN(b) as BagTarget, args));
    };
  }
  if (def.collection) {
    const coll = def.collection;
    (C.prototype as any).getItemAt = function (this: SimObject, index: number) {
      const Item = bagClass(coll.itemType);
      return this._child("getItemAt", [index], (res) => new Item(this.context, res), (b) => {
        const t = this._targetNN(b) as BagTarget;
        if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= coll.count(t)) throw simError("ItemNotFound", `There is no item ${index}.`);
        return bagTarget(t.chart, `${t.path}/${index}`);
      });
    };
    (C.prototype as any).getCount = function (this: SimObject) {
      return this._result("getCount", [], (b) => coll.count(this._targetNN(b) as BagTarget));
    };
  }
  defineProxy(C, typeName, {
    scalars: [
      ...def.props.map((p) => ({
        name: p.name,
        level: p.level,
        get: (t: BagTarget) => getBagValue(t, p.name, typeof p.dflt === "function" ? (p.dflt as (t: BagTarget) => unknown)(t) : p.dflt),
        set: p.readOnly ? undefined : (t: BagTarget, v: unknown) => setBagValue(t, p.name, p.validate ? p.validate(v) : v),
      })),
      ...(def.collection ? [{ name: "count", get: (t: BagTarget) => def.collection!.count(t) }] : []),
    ],
    navs: def.navs.map(([name, type]) => ({ name, create: (parent: SimObject) => bagChild(type, parent, name) })),
    collection: def.collection
      ? {
          items: (t: BagTarget) => [...Array(def.collection!.count(t)).keys()].map((i) => bagTarget(t.chart, `${t.path}/${i}`)),
          makeItem: (p: SimObject, t: unknown) => fixed(new (bagClass(def.collection!.itemType))(p.context, () => t), t),
        }
      : undefined,
  });
  return C;
}

function bag(typeName: string, chartProxy: SimObject, path: string): SimObject {
  const C = bagClass(typeName);
  return new C(chartProxy.context, (b) => {
    const t = chartProxy._target(b) as ChartTarget | null;
    return t ? bagTarget(t, path) : null;
  });
}
function bagChild(typeName: string, parent: SimObject, name: string): SimObject {
  const C = bagClass(typeName);
  return new C(parent.context, (b) => {
    const t = parent._target(b) as BagTarget | null;
    return t ? bagTarget(t.chart, `${t.path}/${name}`) : null;
  });
}

// =============================================================================================
// Page layout (ExcelApi 1.9)

const PAGE_ENUMS: Record<string, string[]> = {
  orientation: ["Portrait", "Landscape"],
  paperSize: PAPER_SIZES,
  printComments: ["NoComments", "EndSheet", "InPlace"],
  printErrors: ["AsDisplayed", "Blank", "Dash", "NotAvailable"],
  printOrder: ["DownThenOver", "OverThenDown"],
};

function validateZoom(v: unknown): Record<string, number> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw simError("InvalidArgument", "zoom must be { scale } or { horizontalFitToPages, verticalFitToPages }.");
  const z = v as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const k of Object.keys(z)) {
    if (!["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k)) throw simError("InvalidArgument", `Unknown zoom option "${k}".`);
    if (z[k] === undefined || z[k] === null) continue;
    if (typeof z[k] !== "number" || !Number.isInteger(z[k])) throw simError("InvalidArgument", `zoom.${k} must be an integer.`);
    out[k] = z[k] as number;
  }
  if (out.scale !== undefined && (out.horizontalFitToPages !== undefined || out.verticalFitToPages !== undefined)) {
    throw simError("InvalidArgument", "zoom.scale must be null when fitting to pages.");
  }
  if (out.scale !== undefined && (out.scale < 10 || out.scale > 400)) throw simError("InvalidArgument", "zoom.scale must be 10–400.");
  if ((out.horizontalFitToPages ?? 0) < 0 || (out.verticalFitToPages ?? 0) < 0) throw simError("InvalidArgument", "Fit-to-pages counts must be ≥ 0.");
  if (!Object.keys(out).length) throw simError("InvalidArgument", "zoom needs scale or fit-to-pages values.");
  return out;
}

function pageProp(name: string) {
  return {
    name,
    get: (s: SheetModel) => {
      const v = s.pageLayout.props[name];
      return v && typeof v === "object" ? { ...(v as object) } : v;
    },
    set: (s: SheetModel, v: unknown) => {
      let value = v;
      if (name === "zoom") value = validateZoom(v);
      else if (PAGE_ENUMS[name]) {
        if (typeof v !== "string" || !PAGE_ENUMS[name].includes(v)) throw simError("InvalidArgument", `"${String(v)}" is not a valid ${name}.`);
      } else if (/Margin$/.test(name)) value = num(v, name, 0, 1e4);
      else if (name === "firstPageNumber") {
        if (v !== "" && (typeof v !== "number" || !Number.isInteger(v))) throw simError("InvalidArgument", "firstPageNumber must be an integer or \"\".");
      } else boolArg(v, name);
      s.touch();
      s.pageLayout.props[name] = value;
    },
  };
}

export class SimPageLayout extends SimObject implements SimOf<Excel.PageLayout, "orientation" | "zoom" | "setPrintTitleRows" | "headersFooters" | "paperSize" | "setPrintArea" | "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin"> {
  declare orientation: "Portrait" | "Landscape";
  declare paperSize: Excel.PageLayout["paperSize"];
  declare zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare firstPageNumber: number | "";
  declare printOrder: "DownThenOver" | "OverThenDown";
  declare printComments: string;
  declare printErrors: string;
  declare readonly headersFooters: SimHeaderFooterGroup;

  setPrintArea(printArea: RangeOrAddress | SimRangeAreas): void {
    this._method("setPrintArea", [printArea], (b) => {
      const s = this._targetNN(b) as SheetModel;
      let rects: Rect[];
      if (printArea instanceof SimRangeAreas) rects = (printArea._targetNN(b) as AreasTarget).rects;
      else if (typeof printArea === "string") rects = printArea.split(",").map((a) => rectArg(a.trim(), s, b, "setPrintArea"));
      else rects = [rectArg(printArea, s, b, "setPrintArea")];
      s.touch();
      s.pageLayout.printArea = rects;
    }, 9);
  }
  setPrintTitleRows(printTitleRows: RangeOrAddress): void {
    this._method("setPrintTitleRows", [printTitleRows], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const r = rectArg(printTitleRows, s, b, "setPrintTitleRows");
      s.touch();
      s.pageLayout.printTitleRows = { r0: r.r0, r1: r.r1, c0: 0, c1: MAX_COLS - 1 };
    }, 9);
  }
  setPrintTitleColumns(printTitleColumns: RangeOrAddress): void {
    this._method("setPrintTitleColumns", [printTitleColumns], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const r = rectArg(printTitleColumns, s, b, "setPrintTitleColumns");
      s.touch();
      s.pageLayout.printTitleColumns = { r0: 0, r1: MAX_ROWS - 1, c0: r.c0, c1: r.c1 };
    }, 9);
  }
  setPrintMargins(unit: "Points" | "Inches" | "Centimeters", marginOptions: Record<string, number>): void {
    this._method("setPrintMargins", [unit, marginOptions], (b) => {
      const s = this._targetNN(b) as SheetModel;
      const k = unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (Number.isNaN(k)) throw simError("InvalidArgument", `"${unit}" is not a PrintMarginUnit.`);
      s.touch();
      for (const [key, v] of Object.entries(marginOptions ?? {})) {
        if (!["top", "bottom", "left", "right", "header", "footer"].includes(key)) throw simError("InvalidArgument", `Unknown margin "${key}".`);
        s.pageLayout.props[`${key}Margin`] = num(v, key, 0) * k;
      }
    }, 9);
  }
  getPrintArea(): SimRangeAreas {
    return this._child("getPrintArea", [], (res) => new SimRangeAreas(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      if (!s.pageLayout.printArea) throw simError("ItemNotFound", "The worksheet has no print area.");
      return new AreasTarget(s, s.pageLayout.printArea);
    }, { level: 9 });
  }
  getPrintAreaOrNullObject(): SimRangeAreas {
    return this._child("getPrintAreaOrNullObject", [], (res) => new SimRangeAreas(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      return s.pageLayout.printArea ? new AreasTarget(s, s.pageLayout.printArea) : null;
    }, { level: 9 });
  }
  getPrintTitleRows(): SimRange {
    return this._child("getPrintTitleRows", [], (res) => new SimRange(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      if (!s.pageLayout.printTitleRows) throw simError("ItemNotFound", "The worksheet has no print title rows.");
      return new RangeTarget(s, s.pageLayout.printTitleRows);
    }, { level: 9 });
  }
  getPrintTitleRowsOrNullObject(): SimRange {
    return this._child("getPrintTitleRowsOrNullObject", [], (res) => new SimRange(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      return s.pageLayout.printTitleRows ? new RangeTarget(s, s.pageLayout.printTitleRows) : null;
    }, { level: 9 });
  }
  getPrintTitleColumns(): SimRange {
    return this._child("getPrintTitleColumns", [], (res) => new SimRange(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      if (!s.pageLayout.printTitleColumns) throw simError("ItemNotFound", "The worksheet has no print title columns.");
      return new RangeTarget(s, s.pageLayout.printTitleColumns);
    }, { level: 9 });
  }
  getPrintTitleColumnsOrNullObject(): SimRange {
    return this._child("getPrintTitleColumnsOrNullObject", [], (res) => new SimRange(this.context, res), (b) => {
      const s = this._targetNN(b) as SheetModel;
      return s.pageLayout.printTitleColumns ? new RangeTarget(s, s.pageLayout.printTitleColumns) : null;
    }, { level: 9 });
  }
}
defineProxy(SimPageLayout, "PageLayout", {
  scalars: [
    "orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin",
    "centerHorizontally", "centerVertically", "printGridlines", "printHeadings", "blackAndWhite", "draftMode", "firstPageNumber",
    "printOrder", "printComments", "printErrors",
  ].map((n) => ({ ...pageProp(n), level: 9 })),
  navs: [{ name: "headersFooters", create: (p: SimObject) => new SimHeaderFooterGroup(p.context, (b) => p._target(b)) }],
});

export class SimHeaderFooterGroup extends SimObject implements SimOf<Excel.HeaderFooterGroup, "defaultForAllPages"> {
  declare state: "Default" | "FirstAndDefault" | "OddAndEven" | "FirstOddAndEven";
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;
  declare readonly defaultForAllPages: SimHeaderFooter;
  declare readonly firstPage: SimHeaderFooter;
  declare readonly evenPages: SimHeaderFooter;
  declare readonly oddPages: SimHeaderFooter;
}
defineProxy(SimHeaderFooterGroup, "HeaderFooterGroup", {
  scalars: [
    {
      name: "state",
      get: (s: SheetModel) => s.pageLayout.headersFooters.state,
      set: (s: SheetModel, v) => {
        if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(v)) throw simError("InvalidArgument", `"${v}" is not a HeaderFooterState.`);
        s.touch();
        s.pageLayout.headersFooters.state = v;
      },
    },
    ...(["useSheetMargins", "useSheetScale"] as const).map((n) => ({
      name: n,
      get: (s: SheetModel) => s.pageLayout.headersFooters[n],
      set: (s: SheetModel, v: unknown) => {
        s.touch();
        s.pageLayout.headersFooters[n] = boolArg(v, n);
      },
    })),
  ],
  navs: (["defaultForAllPages", "firstPage", "evenPages", "oddPages"] as const).map((which) => ({
    name: which,
    create: (p: SimObject) => new SimHeaderFooter(p.context, (b) => {
      const s = p._target(b) as SheetModel | null;
      return s ? { sheet: s, which, get deleted() { return s.deleted; } } : null;
    }),
  })),
});

type HfWhich = "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages";
export class SimHeaderFooter extends SimObject implements SimOf<Excel.HeaderFooter, "centerFooter"> {
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}
defineProxy(SimHeaderFooter, "HeaderFooter", {
  scalars: (["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as (keyof HeaderFooterModel)[]).map((n) => ({
    name: n,
    get: (t: { sheet: SheetModel; which: HfWhich }) => t.sheet.pageLayout.headersFooters[t.which][n],
    set: (t: { sheet: SheetModel; which: HfWhich }, v: unknown) => {
      const text = str(v, n);
      if (text.length > 255) throw simError("InvalidArgument", "Headers and footers are limited to 255 characters.");
      t.sheet.touch();
      t.sheet.pageLayout.headersFooters[t.which][n] = text;
    },
  })),
});

// =============================================================================================
// Settings (workbook.settings, ExcelApi 1.4)

interface SettingTarget {
  wb: WorkbookModel;
  key: string;
  deleted: boolean;
}
function settingTarget(wb: WorkbookModel, key: string): SettingTarget {
  return {
    wb,
    key,
    get deleted() {
      return !wb.settings.has(key);
    },
  };
}

function checkKey(key: unknown): string {
  if (typeof key !== "string" || !key.trim()) throw simError("InvalidArgument", "A setting key must be a non-empty string.");
  if (key.length > 255) throw simError("InvalidArgument", "A setting key is limited to 255 characters.");
  return key;
}

function storeValue(v: unknown): unknown {
  if (v === undefined) throw simError("InvalidArgument", "A setting value cannot be undefined.");
  // Settings travel and are stored as JSON.
  return JSON.parse(JSON.stringify(v));
}

export class SimSettingCollection extends SimObject {
  declare readonly items: SimSetting[];
  add(key: string, value: unknown): SimSetting {
    return this._child("add", [key, value], (res) => new SimSetting(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      const k = checkKey(key);
      wb.touchWorkbook();
      wb.settings.set(k, storeValue(value));
      return settingTarget(wb, k);
    }, { creates: true, level: 4 });
  }
  getItem(key: string): SimSetting {
    return this._child("getItem", [key], (res) => new SimSetting(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      if (!wb.settings.has(key)) throw simError("ItemNotFound", `There is no setting "${key}".`);
      return settingTarget(wb, key);
    }, { level: 4 });
  }
  getItemOrNullObject(key: string): SimSetting {
    return this._child("getItemOrNullObject", [key], (res) => new SimSetting(this.context, res), (b) => {
      const wb = this._targetNN(b) as WorkbookModel;
      return wb.settings.has(key) ? settingTarget(wb, key) : null;
    }, { level: 4 });
  }
  getCount(): SimClientResult<number> {
    return this._result("getCount", [], (b) => (this._targetNN(b) as WorkbookModel).settings.size, 4);
  }
}
defineProxy(SimSettingCollection, "SettingCollection", {
  collection: {
    items: (wb: WorkbookModel) => [...wb.settings.keys()].map((k) => settingTarget(wb, k)),
    makeItem: (p: SimObject, t) => fixed(new SimSetting(p.context, () => t), t),
  },
});

export class SimSetting extends SimObject {
  declare readonly key: string;
  declare value: any;
  delete(): void {
    this._method("delete", [], (b) => {
      const t = this._targetNN(b) as SettingTarget;
      t.wb.touchWorkbook();
      t.wb.settings.delete(t.key);
    }, 4);
  }
}
defineProxy(SimSetting, "Setting", {
  scalars: [
    { name: "key", get: (t: SettingTarget) => t.key },
    {
      name: "value",
      get: (t: SettingTarget) => JSON.parse(JSON.stringify(t.wb.settings.get(t.key) ?? null)),
      set: (t: SettingTarget, v) => {
        t.wb.touchWorkbook();
        t.wb.settings.set(t.key, storeValue(v));
      },
    },
  ],
});

export function makeWorkbookProxy(ctx: SimRequestContext, wb: () => WorkbookModel): SimWorkbook {
  return new SimWorkbook(ctx, () => wb());
}
export function makeApplicationProxy(ctx: SimRequestContext, wb: () => WorkbookModel): SimApplication {
  return new SimApplication(ctx, () => wb());
}
export type { BatchContext };
