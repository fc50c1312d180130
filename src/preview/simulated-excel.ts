/**
 * シミュレーションExcel — a TEST AND TRIAL HOST, not the product.
 *
 * A strict in-memory implementation of the subset of the Excel JavaScript API (Office.js)
 * that the add-in's Office.js adapter (src/excel) uses, loaded from and saved to .xlsx through
 * ExcelJS. It exists so that the adapter can be exercised without Excel: in jest integration
 * tests (with sync and payload accounting and injected faults) and in the browser preview.
 * The add-in itself runs in Excel; nothing here is used there.
 *
 * Strict on purpose: properties throw PropertyNotLoaded until loaded and synced, queued
 * operations change the workbook only at sync, errors carry Excel's codes and arrive at sync
 * time, values written as text follow Excel's input parsing (a leading "=" makes a formula),
 * members of requirement sets newer than `excelApiLevel` fail with ApiNotFound, and a batch
 * above `maxBatchBytes` (5 MB, Excel on the web) is refused.
 *
 * Not modelled: formula calculation (formulas are stored; their value is the cached result from
 * the file, or empty), events, undo, cell shifting of tables/charts/conditional formats, chart
 * rendering (charts are recorded and shown by inspect(), and are not written to .xlsx because
 * ExcelJS cannot store them), add-in settings in the file (kept in memory, see inspect()).
 */
import ExcelJS from "exceljs";

import { qualifiedAddress } from "./sim/address";
import { ExcelEnums } from "./sim/enums";
import { exportWorkbook, importWorkbook } from "./sim/exceljs-io";
import { WorkbookModel } from "./sim/model";
import { applyPackageNames, readPackageNames, writePackageNames } from "./sim/names-io";
import { chartData, makeApplicationProxy, makeWorkbookProxy } from "./sim/proxies-sheet";
import { simError } from "./sim/errors";
import { runBatch, SimObject, SimRequestContext, type HostState, type SyncStats } from "./sim/runtime";

export const SIMULATED_HOST_LABEL = "シミュレーションExcel（テスト・試用ホスト） / Simulated Excel (test and trial host)";

export interface SimulatedExcelOptions {
  /** Highest ExcelApi minor version supported, e.g. 7 for Office 2019 (1.7), 14 for Office 2021, 99 for web/M365. */
  excelApiLevel?: number; // default 99
  maxBatchBytes?: number; // default 5 * 1024 * 1024 (Excel on the web's request limit)
  failAtSync?: number | null; // 1-based: the n-th sync throws (and applies nothing of that batch)
}

export type { SyncStats };
export { SimRequestContext };
export { SimError } from "./sim/errors";
export type { SimRange, SimRangeFormat, SimRangeFont, SimRangeFill, SimRangeAreas, SimConditionalFormat } from "./sim/proxies-range";
export type { SimWorkbook, SimWorksheet, SimWorksheetCollection, SimTable, SimChart, SimPageLayout, SimSetting } from "./sim/proxies-sheet";

export interface InspectedChart {
  type: string;
  title: string | null;
  sourceAddress: string;
  seriesBy: string;
  name: string;
  top: number;
  left: number;
  width: number;
  height: number;
  series: { name: string; values: (number | null)[] }[];
  categories: string[];
  /** Every recorded chart property, keyed by path ("legend.position", "series/0/points/1/format/fill.color"). */
  props: Record<string, unknown>;
}

export interface InspectedSheet {
  name: string;
  visibility: string;
  position: number;
  charts: InspectedChart[];
  tables: { name: string; address: string; style: string }[];
  conditionalFormatCount: number;
  conditionalFormats: { type: string; address: string; rule: Record<string, unknown> | null; format: Record<string, unknown> }[];
  freezeRows: number;
  freezeCols: number;
  tabColor: string;
  pageLayout: Record<string, unknown>;
}

export interface Inspection {
  sheets: InspectedSheet[];
  settings: Record<string, unknown>;
}

const DEFAULT_MAX_BATCH = 5 * 1024 * 1024;

/** Node's fs, without an import a browser bundle would have to resolve (the preview page has no files). */
function nodeFs(): typeof import("fs/promises") {
  const fs = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("fs/promises");
  if (!fs) throw new Error("Files can only be read and written under Node.js 20.16 or later; use fromBuffer / toBuffer.");
  return fs as typeof import("fs/promises");
}

/**
 * The context an `Excel.run(…)` call runs in, from its arguments as Office.js reads them
 * (ClientRequestContext._runBatchCommon): `run(batch)`; `run(object | objects | context, batch)`;
 * `run({ previousObjects }, batch)`. Anything else (an EventHandlerResult, whose `context` must be
 * passed instead) is refused with InvalidArgument, as Office.js refuses it.
 */
function contextToReuse(args: unknown[]): SimRequestContext | undefined {
  const invalid = () => simError("InvalidArgument", "Excel.run takes (batch), (object | objects | context, batch) or (options, batch).", "Excel.run");
  if ((args.length !== 1 && args.length !== 2) || typeof args[args.length - 1] !== "function") throw invalid();
  if (args.length === 1) return undefined;
  let previous = args[0];
  const plain = previous !== null && typeof previous === "object" && Object.getPrototypeOf(previous) === Object.prototype;
  if (plain) previous = (previous as { previousObjects?: unknown }).previousObjects;
  if (previous === undefined || previous === null) {
    if (plain) return undefined;
    throw invalid();
  }
  if (previous instanceof SimRequestContext) return previous;
  if (previous instanceof SimObject) return previous.context;
  if (Array.isArray(previous) && previous.length > 0 && previous.every((o) => o instanceof SimObject)) {
    const ctx = (previous[0] as SimObject).context;
    if (previous.some((o) => (o as SimObject).context !== ctx)) throw simError("InvalidRequestContext", undefined, "Excel.run");
    return ctx;
  }
  throw invalid();
}

export class SimulatedExcel {
  private readonly host: HostState;
  private model: WorkbookModel;

  /** The `Excel` namespace subset: Excel.run(cb) plus the enum objects (Excel.ChartType.pie …). */
  readonly Excel: {
    /**
     * Excel.run. The context is the simulated one (SimRequestContext and its proxies, each declaring the
     * Excel interface it stands for); it is handed to the batch as the Excel.RequestContext the add-in's code
     * is written against: that one conversion is where the simulated host stands in for Office.js.
     */
    run: typeof Excel.run;
    RequestContext: typeof SimRequestContext;
  } & typeof ExcelEnums;

  /** The `Office` namespace subset: Office.context.requirements.isSetSupported(name, version) (a string or a number). */
  readonly Office: { context: Pick<Office.Context, "requirements">; onReady(): Promise<{ host: string; platform: string }> };

  private constructor(model: WorkbookModel, options: SimulatedExcelOptions = {}) {
    this.model = model;
    const level = options.excelApiLevel ?? 99;
    if (!Number.isInteger(level) || level < 1) throw new Error("excelApiLevel must be a positive integer (the minor version of ExcelApi 1.x).");
    const host: HostState = {
      wb: model,
      level,
      maxBatchBytes: options.maxBatchBytes ?? DEFAULT_MAX_BATCH,
      stats: { syncs: 0, batchBytes: [], maxBatchBytes: 0, totalBytes: 0, maxRequestBytes: 0 },
      failAt: options.failAtSync ?? null,
      syncsSinceFailSet: 0,
      makeWorkbook: (ctx) => makeWorkbookProxy(ctx, () => this.host.wb),
      makeApplication: (ctx) => makeApplicationProxy(ctx, () => this.host.wb),
    };
    this.host = host;
    const run = <T>(...args: unknown[]): Promise<T> => {
      let reuse: SimRequestContext | undefined;
      try {
        reuse = contextToReuse(args);
      } catch (e) {
        return Promise.reject(e);
      }
      return runBatch(host, args[args.length - 1] as (c: SimRequestContext) => Promise<T>, reuse);
    };
    this.Excel = Object.assign(
      { run: run as unknown as typeof Excel.run, RequestContext: SimRequestContext },
      ExcelEnums,
    );
    this.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, minVersion?: string | number) => {
            if (typeof name !== "string" || name.toLowerCase() !== "excelapi") return false;
            if (minVersion === undefined || minVersion === null || minVersion === "") return true;
            const m = /^(\d+)(?:\.(\d+))?$/.exec(String(minVersion).trim());
            if (!m) return false;
            const major = +m[1];
            const minor = m[2] === undefined ? 0 : +m[2];
            if (major !== 1) return major < 1;
            return minor <= host.level;
          },
        },
      },
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    };
  }

  static async fromFile(path: string, options?: SimulatedExcelOptions): Promise<SimulatedExcel> {
    const { readFile } = nodeFs();
    const sim = await SimulatedExcel.fromBuffer(await readFile(path), options);
    sim.model.name = path.split(/[\\/]/).pop() || "Book1.xlsx";
    return sim;
  }

  static async fromBuffer(buf: Buffer | ArrayBuffer, options?: SimulatedExcelOptions): Promise<SimulatedExcel> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as ArrayBuffer);
    const model = importWorkbook(wb);
    // Sheet-scoped names, hidden names and constants, which ExcelJS drops.
    applyPackageNames(model, await readPackageNames(buf));
    return new SimulatedExcel(model, options);
  }

  static fromExcelJs(wb: ExcelJS.Workbook, options?: SimulatedExcelOptions): SimulatedExcel {
    return new SimulatedExcel(importWorkbook(wb), options);
  }

  /** Sync counts and JSON sizes since construction or the last resetStats(). */
  get stats(): SyncStats {
    return this.host.stats;
  }

  resetStats(): void {
    this.host.stats = { syncs: 0, batchBytes: [], maxBatchBytes: 0, totalBytes: 0, maxRequestBytes: 0 };
  }

  /** The n-th sync from now (1-based) fails with GeneralException and applies nothing; null disables. */
  setFailAtSync(n: number | null): void {
    if (n !== null && (!Number.isInteger(n) || n < 1)) throw new Error("setFailAtSync takes a positive integer or null.");
    this.host.failAt = n;
    this.host.syncsSinceFailSet = 0;
  }

  /**
   * The `occurrence`-th operation from now whose label ("Range.values", "WorksheetFreezePanes.freezeRows",
   * "Worksheet.delete", …) matches fails with GeneralException; the operations before it in its batch stay
   * applied and the later ones are skipped, as in Excel. null disables.
   */
  setFailAtOperation(match: string | RegExp | null, occurrence = 1): void {
    if (match === null) {
      this.host.failOp = null;
      return;
    }
    if (!Number.isInteger(occurrence) || occurrence < 1) throw new Error("occurrence must be a positive integer.");
    const test = typeof match === "string" ? (l: string) => l === match : (l: string) => match.test(l);
    this.host.failOp = { match: test, remaining: occurrence };
  }

  /**
   * A user starts editing a cell (F2, or typing into it) after `afterSyncs` more syncs (0: now): from then on
   * every sync is refused with InvalidOperationInCellEditMode and changes nothing, until
   * `setCellEditMode(false)` (the user pressed Enter).
   */
  setCellEditMode(on: boolean, afterSyncs = 0): void {
    if (!Number.isInteger(afterSyncs) || afterSyncs < 0) throw new Error("afterSyncs must be a non-negative integer.");
    this.host.cellEdit = on ? { syncsLeft: afterSyncs } : null;
  }

  /** The supported ExcelApi minor version (e.g. 7 → ExcelApi 1.7). */
  get excelApiLevel(): number {
    return this.host.level;
  }

  /** The workbook name (Workbook.name). */
  get workbookName(): string {
    return this.model.name;
  }
  set workbookName(name: string) {
    this.model.name = name;
  }

  /** The current state as a new ExcelJS workbook (charts and add-in settings are not included). */
  toExcelJs(): ExcelJS.Workbook {
    return exportWorkbook(this.model);
  }

  async saveToFile(path: string): Promise<void> {
    const { writeFile } = nodeFs();
    await writeFile(path, await this.toBuffer());
  }

  async toBuffer(): Promise<Buffer> {
    const out = await this.packageBytes();
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  /** The current state as .xlsx bytes, for browsers (no Buffer there). */
  async toArrayBuffer(): Promise<ArrayBuffer> {
    const out = await this.packageBytes();
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
  }

  /** ExcelJS's package with every defined name written in (scopes, hidden names, constants). */
  private async packageBytes(): Promise<Uint8Array> {
    const out = (await this.toExcelJs().xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
    return writePackageNames(out, this.model);
  }

  /**
   * Sets globalThis.Excel and globalThis.Office to this host (for code that uses the globals,
   * e.g. the preview page). Returns a function that restores the previous values.
   */
  installGlobals(): () => void {
    const g = globalThis as Record<string, unknown>;
    const prev = { Excel: g.Excel, Office: g.Office };
    g.Excel = this.Excel;
    g.Office = this.Office;
    return () => {
      g.Excel = prev.Excel;
      g.Office = prev.Office;
    };
  }

  /** Recorded things ExcelJS cannot store, for tests: charts per sheet, conditional formats, page layout, hyperlinks, settings. */
  inspect(): Inspection {
    const wb = this.model;
    return {
      sheets: wb.sheets.map((s, position) => ({
        name: s.name,
        visibility: s.visibility,
        position,
        charts: s.charts.map((c) => {
          const src = wb.sheetById(c.props["source.sheetId"] as string) ?? s;
          const data = chartData(s, c);
          const title = c.props["title.text"];
          const { "source.sheetId": _src, ...props } = c.props;
          return {
            type: c.type,
            title: typeof title === "string" ? title : null,
            sourceAddress: qualifiedAddress(src.name, c.sourceRect),
            seriesBy: c.seriesBy,
            name: c.name,
            top: c.top,
            left: c.left,
            width: c.width,
            height: c.height,
            series: data.series,
            categories: data.categories,
            props,
          };
        }),
        tables: wb.tables.filter((t) => t.sheetId === s.id).map((t) => ({ name: t.name, address: qualifiedAddress(s.name, t.rect), style: t.style })),
        conditionalFormatCount: s.cfs.length,
        conditionalFormats: s.cfs.map((c) => ({ type: c.type, address: qualifiedAddress(s.name, c.rect), rule: c.rule ? { ...c.rule } : null, format: { ...c.format } })),
        freezeRows: s.freeze.rows,
        freezeCols: s.freeze.cols,
        tabColor: s.tabColor,
        pageLayout: {
          ...JSON.parse(JSON.stringify(s.pageLayout.props)),
          printArea: s.pageLayout.printArea ? s.pageLayout.printArea.map((r) => qualifiedAddress(s.name, r)).join(", ") : null,
          printTitleRows: s.pageLayout.printTitleRows ? `$${s.pageLayout.printTitleRows.r0 + 1}:$${s.pageLayout.printTitleRows.r1 + 1}` : null,
          printTitleColumns: s.pageLayout.printTitleColumns ? qualifiedAddress(s.name, s.pageLayout.printTitleColumns) : null,
          headersFooters: JSON.parse(JSON.stringify(s.pageLayout.headersFooters)),
          rowBreaks: [...(s.pageLayout.rowBreaks ?? [])],
        },
      })),
      settings: Object.fromEntries([...wb.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
    };
  }
}
