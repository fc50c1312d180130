/**
 * The simulated workbook's state: sheets stored as sparse rows of immutable cells,
 * plus everything the Office.js API can set that ExcelJS cannot always store
 * (charts, add-in settings). Mutations go through SheetModel / WorkbookModel so a batch can be
 * journalled and rolled back.
 */
import { MAX_COLS, MAX_ROWS, type Rect } from "./address";
import { simError } from "./errors";
import { deleteSheetInFormula, mentionsSheet, renameSheetInFormula } from "./references";

/* eslint-disable @typescript-eslint/no-explicit-any -- ExcelJS style objects are loosely typed */

export class CellErrorValue {
  constructor(readonly code: string) {}
  toJSON(): string {
    return this.code;
  }
}

export type CellValue = number | string | boolean | CellErrorValue | null;

/** ExcelJS-shaped style (numFmt, font, fill, border, alignment, protection). Never mutated in place. */
export interface CellStyle {
  numFmt?: string;
  font?: Record<string, any>;
  fill?: Record<string, any>;
  border?: Record<string, any>;
  alignment?: Record<string, any>;
  protection?: Record<string, any>;
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
}

export interface Cell {
  readonly v: CellValue;
  /** Formula without the leading "=". */
  readonly f?: string;
  readonly s?: CellStyle;
  readonly link?: Hyperlink;
  /** ExcelJS rich text kept for the round trip while the text is unchanged. */
  readonly rich?: unknown;
}

export interface ColInfo {
  /** ExcelJS / file width in characters (includes the cell padding). */
  width?: number;
  hidden?: boolean;
  style?: CellStyle;
}
export interface RowInfo {
  height?: number;
  hidden?: boolean;
  style?: CellStyle;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sourceRect: Rect;
  seriesBy: string;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Everything else that was set, keyed by path ("title.text", "legend.position", "series/0/format/fill/color"). */
  props: Record<string, unknown>;
}

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
  stopIfTrue: boolean;
  /** The rule as the API sees it (ContainsText: {operator, text}; CellValue: {formula1, formula2?, operator}; Custom: {formula}). */
  rule: Record<string, unknown> | null;
  /** "fill.color", "font.color", "font.bold", "font.italic", "font.strikethrough", "font.underline", "numberFormat". */
  format: Record<string, unknown>;
  /** An ExcelJS rule the API model does not cover, passed through unchanged on save. */
  raw?: unknown;
}

export interface HeaderFooterModel {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutModel {
  props: Record<string, unknown>;
  printArea: Rect[] | null;
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  /** Manual page breaks: the 0-based rows that start a new page (Worksheet.horizontalPageBreaks). */
  rowBreaks?: number[];
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterModel;
    firstPage: HeaderFooterModel;
    evenPages: HeaderFooterModel;
    oddPages: HeaderFooterModel;
  };
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showFilterButton: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** Things ExcelJS reads and writes that the API model does not touch: passed through on save. */
export interface SheetPassthrough {
  dataValidations?: unknown;
  autoFilter?: unknown;
  images?: { imageId: number; range: unknown }[];
  properties?: Record<string, unknown>;
  views?: Record<string, unknown>;
  sheetProtection?: unknown;
}

export const DEFAULT_COL_WIDTH = 9.140625; // 8.43 characters displayed, 64 px, 48 pt
export const DEFAULT_ROW_HEIGHT = 15;

export function emptyHeaderFooter(): HeaderFooterModel {
  return { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };
}

export function defaultPageLayout(): PageLayoutModel {
  return {
    props: {
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
      leftMargin: 50.4,
      rightMargin: 50.4,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
      centerHorizontally: false,
      centerVertically: false,
      printGridlines: false,
      printHeadings: false,
      blackAndWhite: false,
      draftMode: false,
      firstPageNumber: "",
      printOrder: "DownThenOver",
      printComments: "NoComments",
      printErrors: "AsDisplayed",
    },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(),
      evenPages: emptyHeaderFooter(),
      oddPages: emptyHeaderFooter(),
    },
  };
}

function deepClone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

interface SheetState {
  name: string;
  visibility: Visibility;
  tabColor: string;
  deleted: boolean;
  rows: (Cell | undefined)[][];
  cols: Map<number, ColInfo>;
  rowInfo: Map<number, RowInfo>;
  merges: Rect[];
  freeze: { rows: number; cols: number };
  charts: ChartModel[];
  cfs: ConditionalFormatModel[];
  pageLayout: PageLayoutModel;
  standardWidth: number;
  showGridlines: boolean;
}

export class SheetModel {
  name: string;
  visibility: Visibility = "Visible";
  /** "" when automatic (no colour). */
  tabColor = "";
  deleted = false;
  rows: (Cell | undefined)[][] = [];
  cols = new Map<number, ColInfo>();
  rowInfo = new Map<number, RowInfo>();
  merges: Rect[] = [];
  freeze = { rows: 0, cols: 0 };
  charts: ChartModel[] = [];
  cfs: ConditionalFormatModel[] = [];
  pageLayout: PageLayoutModel = defaultPageLayout();
  standardWidth = DEFAULT_COL_WIDTH;
  showGridlines = true;
  passthrough: SheetPassthrough = {};
  /** Worksheet.protection.protect(): every change to the sheet is refused (AccessDenied); stricter than Excel, which allows unlocked cells. */
  protected = false;

  constructor(
    readonly wb: WorkbookModel,
    readonly id: string,
    name: string,
  ) {
    this.name = name;
  }

  touch(): void {
    if (this.protected && !followingReferences)
      throw simError("AccessDenied", `The worksheet "${this.name}" is protected.`);
    this.wb.touchSheet(this);
  }

  capture(): SheetState {
    return {
      name: this.name,
      visibility: this.visibility,
      tabColor: this.tabColor,
      deleted: this.deleted,
      rows: this.rows.map((r) => r.slice()),
      cols: new Map([...this.cols].map(([k, v]) => [k, { ...v }])),
      rowInfo: new Map([...this.rowInfo].map(([k, v]) => [k, { ...v }])),
      merges: this.merges.map((m) => ({ ...m })),
      freeze: { ...this.freeze },
      charts: deepClone(this.charts),
      cfs: this.cfs.map((c) => ({ ...deepClone({ ...c, raw: undefined }), raw: c.raw })),
      pageLayout: deepClone(this.pageLayout),
      standardWidth: this.standardWidth,
      showGridlines: this.showGridlines,
    };
  }

  restore(s: SheetState): void {
    Object.assign(this, s);
  }

  getCell(r: number, c: number): Cell | undefined {
    const row = this.rows[r];
    return row ? row[c] : undefined;
  }

  /** Replaces a cell (cells are immutable). Removes it when it holds nothing. */
  setCell(r: number, c: number, cell: Cell | undefined): void {
    this.touch();
    if (cell && cell.v === null && !cell.f && !cell.s && !cell.link) cell = undefined;
    let row = this.rows[r];
    if (!cell) {
      if (row && row[c] !== undefined) delete row[c];
      return;
    }
    if (!row) row = this.rows[r] = [];
    row[c] = cell;
  }

  /** Style a cell shows: its own, else its row's, else its column's. */
  styleAt(r: number, c: number): CellStyle | undefined {
    const cell = this.getCell(r, c);
    if (cell && cell.s) return cell.s;
    return this.rowInfo.get(r)?.style ?? this.cols.get(c)?.style;
  }

  /** Calls fn for every stored cell inside rect (row-major). */
  forEachCell(rect: Rect, fn: (r: number, c: number, cell: Cell) => void): void {
    const rows = this.rows;
    const rEnd = Math.min(rect.r1, rows.length - 1);
    const spanRows = rEnd - rect.r0 + 1;
    if (spanRows <= 0) return;
    const iterate = (r: number) => {
      const row = rows[r];
      if (!row) return;
      const cEnd = Math.min(rect.c1, row.length - 1);
      if (cEnd - rect.c0 > 64 && row.length < 1024) {
        row.forEach((cell, c) => {
          if (c >= rect.c0 && c <= cEnd && cell) fn(r, c, cell);
        });
        return;
      }
      for (let c = rect.c0; c <= cEnd; c++) {
        const cell = row[c];
        if (cell) fn(r, c, cell);
      }
    };
    if (spanRows > 4096) {
      rows.forEach((row, r) => {
        if (r >= rect.r0 && r <= rEnd && row) iterate(r);
      });
    } else {
      for (let r = rect.r0; r <= rEnd; r++) iterate(r);
    }
  }

  /** The used range as Excel computes it; null for a blank sheet. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        const counts = valuesOnly ? cell.v !== null || !!cell.f : true;
        if (!counts) return;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    if (!valuesOnly) {
      // Merged areas count as used (their anchor holds the format of the whole area).
      for (const m of this.merges) {
        const any = r1 >= 0 && !(m.r1 < r0 || m.r0 > r1 || m.c1 < c0 || m.c0 > c1);
        if (!any && !this.getCell(m.r0, m.c0)) continue;
        r0 = Math.min(r0, m.r0); c0 = Math.min(c0, m.c0); r1 = Math.max(r1, m.r1); c1 = Math.max(c1, m.c1);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  colWidth(c: number): number {
    return this.cols.get(c)?.width ?? this.standardWidth;
  }
  rowHeight(r: number): number {
    return this.rowInfo.get(r)?.height ?? DEFAULT_ROW_HEIGHT;
  }
  setColInfo(c: number, patch: Partial<ColInfo>): void {
    this.touch();
    const cur = this.cols.get(c) ?? {};
    this.cols.set(c, { ...cur, ...patch });
  }
  setRowInfo(r: number, patch: Partial<RowInfo>): void {
    this.touch();
    const cur = this.rowInfo.get(r) ?? {};
    this.rowInfo.set(r, { ...cur, ...patch });
  }

  /** The merged area whose anchor or body holds (r, c). */
  mergeAt(r: number, c: number): Rect | undefined {
    for (const m of this.merges) if (r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) return m;
    return undefined;
  }
}

/** Column width in points from the file width (characters), as Excel converts it for Calibri 11 (7 px digit). */
export function widthToPoints(width: number): number {
  if (width <= 0) return 0;
  const px = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** Inverse of widthToPoints (whole pixels, 1/256 character steps). */
export function pointsToWidth(points: number): number {
  if (points <= 0) return 0;
  const px = Math.round(points / 0.75);
  return Math.round((px / 7) * 256) / 256;
}

/** A defined name: workbook-scoped (scopeId null) or scoped to one sheet (Worksheet.names). */
export interface NameModel {
  name: string;
  /** Id of the sheet the name is scoped to, or null for the workbook. */
  scopeId: string | null;
  /** What the name refers to, with the leading "=" (a reference, a constant, a formula). */
  formula: string;
  visible: boolean;
  comment: string;
}

interface WorkbookState {
  sheets: SheetModel[];
  names: NameModel[];
  activeSheetId: string | null;
  tables: TableModel[];
  settings: Map<string, unknown>;
  seq: number;
}

export class WorkbookModel {
  name = "Book1.xlsx";
  date1904 = false;
  sheets: SheetModel[] = [];
  activeSheetId: string | null = null;
  tables: TableModel[] = [];
  names: NameModel[] = [];
  settings = new Map<string, unknown>();
  calculationMode = "Automatic";
  /** ExcelJS data kept for the round trip (media, properties). */
  passthrough: { media?: unknown[]; creator?: string; properties?: Record<string, unknown> } = {};
  /** Workbook.protection.protect(): sheets cannot be added, deleted, renamed, moved, hidden or shown (AccessDenied). */
  structureProtected = false;
  private seq = 0;
  private journal: { sheets: Map<SheetModel, SheetState>; wb: WorkbookState | null } | null = null;

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  /** Refuses a change of the workbook's structure while it is protected. */
  assertStructure(what: string): void {
    if (this.structureProtected) throw simError("AccessDenied", `The workbook's structure is protected: ${what} is not allowed.`);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    this.assertStructure("adding a worksheet");
    this.touchWorkbook();
    const s = new SheetModel(this, this.nextId("{sheet-") + "}", name);
    this.sheets.splice(index, 0, s);
    if (this.journal) this.journal.sheets.set(s, { ...s.capture(), deleted: true });
    return s;
  }

  liveSheets(): SheetModel[] {
    return this.sheets;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    const key = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === key);
  }

  activeSheet(): SheetModel {
    const s = this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
    if (s && s.visibility === "Visible") return s;
    const first = this.sheets.find((x) => x.visibility === "Visible") ?? this.sheets[0];
    return first;
  }

  beginJournal(): void {
    this.journal = { sheets: new Map(), wb: null };
  }
  commitJournal(): void {
    this.journal = null;
  }
  rollbackJournal(): void {
    const j = this.journal;
    this.journal = null;
    if (!j) return;
    for (const [sheet, state] of j.sheets) sheet.restore(state);
    if (j.wb) {
      this.sheets = j.wb.sheets;
      this.names = j.wb.names;
      this.activeSheetId = j.wb.activeSheetId;
      this.tables = j.wb.tables;
      this.settings = j.wb.settings;
      this.seq = j.wb.seq;
    }
  }
  touchSheet(sheet: SheetModel): void {
    if (this.journal && !this.journal.sheets.has(sheet)) this.journal.sheets.set(sheet, sheet.capture());
  }
  touchWorkbook(): void {
    if (this.journal && !this.journal.wb) {
      this.journal.wb = {
        sheets: this.sheets.slice(),
        names: this.names.map((n) => ({ ...n })),
        activeSheetId: this.activeSheetId,
        tables: deepClone(this.tables),
        settings: new Map([...this.settings].map(([k, v]) => [k, deepClone(v)])),
        seq: this.seq,
      };
    }
  }
}

/** Set while Excel rewrites references on other sheets, which it does on protected sheets too. */
let followingReferences = false;

/** Rewrites every formula and defined name of the workbook (Excel does this on rename and delete). */
function rewriteFormulas(wb: WorkbookModel, name: string, map: (formula: string) => string): void {
  followingReferences = true;
  try {
    rewriteCells(wb, name, map);
  } finally {
    followingReferences = false;
  }
  if (wb.names.some((n) => mentionsSheet(n.formula, name))) {
    wb.touchWorkbook();
    wb.names = wb.names.map((n) => (mentionsSheet(n.formula, name) ? { ...n, formula: map(n.formula) } : n));
  }
}

function rewriteCells(wb: WorkbookModel, name: string, map: (formula: string) => string): void {
  for (const sheet of wb.sheets) {
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell?.f || !mentionsSheet(cell.f, name)) return;
        const f = map(cell.f);
        sheet.setCell(r, c, { ...cell, f, ...(f.includes("#REF!") ? { v: new CellErrorValue("#REF!") } : {}) });
      });
    });
  }
}

/** A sheet was renamed: formulas and names that pointed at it follow. */
export function followSheetRename(wb: WorkbookModel, from: string, to: string): void {
  if (from === to) return;
  rewriteFormulas(wb, from, (f) => renameSheetInFormula(f, from, to));
}

/** A sheet is gone: its scoped names go with it; formulas and names that pointed at it become #REF!. */
export function breakSheetReferences(wb: WorkbookModel, sheet: SheetModel): void {
  if (wb.names.some((n) => n.scopeId === sheet.id)) {
    wb.touchWorkbook();
    wb.names = wb.names.filter((n) => n.scopeId !== sheet.id);
  }
  rewriteFormulas(wb, sheet.name, (f) => deleteSheetInFormula(f, sheet.name));
}

export const SHEET_LIMITS = { rows: MAX_ROWS, cols: MAX_COLS };
