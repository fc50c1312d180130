/**
 * The pane's only door to the workbook. Everything goes through the Office.js globals
 * (`Excel.run`, `Office.context`) — in Excel, and in the browser preview, which provides them
 * from the simulated host. Reads and writes use the adapter (src/excel) and the core's job.
 */
import { loadItemNames, loadNames } from "../../excel/excel-load";
import { recompute as runRecompute, sheetToShow } from "../../core/recompute";
import type { ReviewResult } from "../../core/run-review";
import type { Rules } from "../../core/model/settings";
import { SETTINGS_SHEET_NAME } from "../../core/settings-store";
import { cellAddress } from "../../core/a1-address";
import { createExcelPort, NOTE_REPAIRED } from "../../excel/excel-port";
import type { ExcelHostApi } from "../../excel/excel-host";
import { isPayloadTooLarge } from "../../excel/excel-errors";
import { reviewInMemory } from "./review-in-memory";
import { bytesToBase64, saveFileInBrowser, XLSX_MIME, type SaveFile } from "./save-file";

export type ProgressStep = "read" | "analyse" | "write" | "done";

export interface OpenState {
  /** The rules stored in the workbook (or the defaults). */
  rules: Rules;
  /** The review of the data as it is now (computed in memory, nothing written). */
  result: ReviewResult;
  /** Sheets generated at the last recompute (empty: never computed). */
  generated: string[];
  /** The source data differs from the data of the last recompute. */
  stale: boolean;
  /** The generated sheets were left incomplete by a recompute that failed part-way (the next one redoes them). */
  incomplete: boolean;
  notes: string[];
}

export interface RecomputeOutcome {
  result: ReviewResult;
  generated: string[];
  notes: string[];
}

export interface WatchHandlers {
  /** A cell was selected (1-based row, 0-based column). */
  selection(sheet: string, row: number, col: number): void;
  /** Cells of a sheet changed (not during the pane's own recompute). */
  changed(sheet: string): void;
}

/** How the report workbook reached the user. */
export type ReportWorkbookOutcome =
  | { how: "opened" }
  /** `tooLarge`: Excel on the web could not take the workbook in one request (over 5 MB as base64). */
  | { how: "downloaded"; fileName: string; tooLarge?: true };

/**
 * Largest base64 Excel.createWorkbook is given where a request is limited (Excel on the web: 5 MB a request,
 * this leaves room for the request's own JSON).
 */
export const CREATE_WORKBOOK_MAX_BASE64 = 5_000_000 - 4096;

/**
 * Where Excel.createWorkbook takes a workbook of any size (Windows, Mac). Office.js's PlatformType values are the
 * member names as strings ("PC"), though @types/office-js declares a numeric enum; spelt as strings because the
 * simulated host has no Office global, and checked against the member names so that a misspelling fails to compile.
 */
const UNLIMITED_PLATFORMS = ["PC", "Mac"] as const satisfies readonly (keyof typeof Office.PlatformType)[];

/** Neither Excel.createWorkbook nor a download is available in this Excel. */
export class ReportWorkbookUnavailableError extends Error {
  constructor() {
    super("This Excel can neither create a workbook (ExcelApi 1.8) nor download a file.");
    this.name = "ReportWorkbookUnavailableError";
  }
}


/** `<workbook>_報告書.xlsx` (the workbook's name without its extension). */
export function reportFileName(workbookName: string | null): string {
  const base = (workbookName ?? "").replace(/\.(xlsx|xlsm|xlsb|xls)$/i, "").trim();
  return `${base || "進捗評価"}_報告書.xlsx`;
}

export interface PaneHost {
  open(): Promise<OpenState>;
  recompute(rules: Rules, onProgress: (step: ProgressStep, fraction: number) => void): Promise<RecomputeOutcome>;
  /** Activates the sheet and selects the cell (1-based row, 0-based column). */
  select(sheet: string, row: number, col: number): Promise<void>;
  /** Subscribes to selection and change events; resolves to the function that removes them. */
  watch(handlers: WatchHandlers): Promise<() => Promise<void>>;
  /**
   * Gives the user the report workbook (an .xlsx of the generated sheets only): a new Excel
   * window where Excel can create one (ExcelApi 1.8), else a download where the webview allows
   * it; else ReportWorkbookUnavailableError.
   */
  openReportWorkbook(bytes: Uint8Array): Promise<ReportWorkbookOutcome>;
}

/** The Office.js globals the pane uses: the adapter's, and Excel.createWorkbook (ExcelApi 1.8) where present. */
export type PaneHostApi = ExcelHostApi & { Excel: Partial<Pick<typeof Excel, "createWorkbook">> };

export interface PaneHostOptions {
  /** How a file is saved where Excel cannot open a new workbook (the webview's download by default). */
  saveFile?: SaveFile;
}

/** Top-left cell of an A1 address ("B5", "B5:C7", "Sheet1!B5") → 0-based row and column. */
export function topLeft(address: string): { row: number; col: number } | null {
  const m = /(?:^|!)\$?([A-Z]{1,3})\$?(\d+)/i.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** OfficeExtension.EventHandlerResult: removed through `Excel.run(result.context, …)`, never `Excel.run(result, …)`. */
type EventResult = OfficeExtension.EventHandlerResult<unknown>;

export function createPaneHost(api: PaneHostApi = { Excel, Office }, options: PaneHostOptions = {}): PaneHost {
  const saveFile = options.saveFile ?? saveFileInBrowser;
  let recomputing = false;
  /** Names the pane must not treat as source data (generated and settings sheets). */
  let ours = new Set<string>([SETTINGS_SHEET_NAME]);
  const remember = (generated: string[]) => (ours = new Set([SETTINGS_SHEET_NAME, ...generated]));

  return {
    async open() {
      const port = createExcelPort(api);
      const { ours: owned, ...review } = await reviewInMemory(port);
      ours = new Set([SETTINGS_SHEET_NAME, ...owned]);
      return { ...review, incomplete: port.incompleteFromLastRun, notes: [...port.notes] };
    },

    async recompute(rules, onProgress) {
      recomputing = true;
      try {
        const port = createExcelPort(api);
        const result = await runRecompute(port, { rules, onProgress });
        const generated = result.plans.map((p) => p.name);
        remember(generated);
        // Show the result where the user looks, as the ribbon command does: the summary sheet. The port shows it
        // in the write's last batch; only if that could not be done does it take a sync of its own.
        const summarySheet = sheetToShow(result);
        if (summarySheet !== undefined && port.shownSheet !== summarySheet) {
          await api.Excel.run(async (ctx) => {
            ctx.workbook.worksheets.getItem(summarySheet).activate();
            await ctx.sync();
          }).catch(() => undefined); // the sheets are written; not showing them is no failure
        }
        // A repair of sheets a failed run left incomplete is said in the pane's notes.
        const repaired = result.warnings.filter((w) => w === NOTE_REPAIRED);
        return { result, generated, notes: [...repaired, ...port.notes] };
      } finally {
        recomputing = false;
      }
    },

    async select(sheet, row, col) {
      await api.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cellAddress(row - 1, col)).select();
        await ctx.sync();
      });
    },

    async watch(handlers) {
      const results: EventResult[] = [];
      const names = new Map<string, string>();
      const collectionEvents = api.Office.context.requirements.isSetSupported("ExcelApi", "1.9");
      const onSelection = async (e: { worksheetId: string; address: string }) => {
        const name = names.get(e.worksheetId);
        const at = topLeft(e.address);
        // Selection costs no call to Excel: "This row" is a lookup in the last result.
        if (name !== undefined && at) handlers.selection(name, at.row + 1, at.col);
      };
      const onChanged = async (e: { worksheetId: string }) => {
        const name = names.get(e.worksheetId);
        if (recomputing || name === undefined || ours.has(name)) return; // our own writes raise events too
        handlers.changed(name);
      };
      const register = async () => {
        await api.Excel.run(async (ctx) => {
          const sheets = ctx.workbook.worksheets;
          loadItemNames(sheets, "id", "name");
          await ctx.sync();
          names.clear();
          for (const ws of sheets.items) names.set(ws.id, ws.name);
          if (collectionEvents) {
            results.push(sheets.onSelectionChanged.add(onSelection), sheets.onChanged.add(onChanged));
          } else {
            // ExcelApi 1.7/1.8: one handler per sheet.
            for (const ws of sheets.items) results.push(ws.onSelectionChanged.add(onSelection), ws.onChanged.add(onChanged));
          }
          results.push(
            sheets.onAdded.add(async () => void (await reregister())),
            sheets.onDeleted.add(async () => void (await reregister())),
          );
          await ctx.sync();
        });
      };
      const unregister = async () => {
        const all = results.splice(0);
        // Removal runs in the context the handlers were added in (Office.js requires it): one Excel.run per context.
        const contexts = all.map((r) => r.context).filter((c, i, a) => a.indexOf(c) === i);
        for (const context of contexts) {
          try {
            await api.Excel.run(context, async (ctx) => {
              for (const r of all) if (r.context === context) r.remove();
              await ctx.sync();
            });
          } catch {
            // Handlers of a deleted sheet are gone already; handlers die with the pane anyway.
          }
        }
      };
      let chain = Promise.resolve();
      const reregister = () => (chain = chain.then(unregister).then(register).catch(() => undefined));
      await register();
      return async () => {
        await chain;
        await unregister();
      };
    },

    async openReportWorkbook(bytes) {
      // Excel.createWorkbook (ExcelApi 1.8) opens the file in a new window. Its documented limits: a Windows
      // `extensionHardening` policy refuses a file whose content is not what its extension says (ours is a real
      // .xlsx), macros ask for trust (ours has none), and on Excel on the web the base64 counts against the 5 MB
      // request limit (a report is tens of KB; beyond, the error is shown as a too-large workbook).
      // The browser preview's simulated Excel has no createWorkbook at any level: it downloads.
      let tooLarge = false;
      if (api.Office.context.requirements.isSetSupported("ExcelApi", "1.8") && typeof api.Excel.createWorkbook === "function") {
        const base64 = bytesToBase64(bytes);
        // Only Windows and Mac take any size; elsewhere (the web, or a platform not said) the request limit holds.
        const platform: unknown = api.Office.context.platform;
        const limited = !UNLIMITED_PLATFORMS.some((p) => p === platform);
        tooLarge = limited && base64.length > CREATE_WORKBOOK_MAX_BASE64;
        if (!tooLarge) {
          try {
            await api.Excel.createWorkbook(base64);
            return { how: "opened" };
          } catch (e) {
            if (!isPayloadTooLarge(e)) throw e;
            tooLarge = true; // refused for its size after all: the download below
          }
        }
      }
      let name: string | null = null;
      try {
        await api.Excel.run(async (ctx) => {
          loadNames(ctx.workbook, "name");
          await ctx.sync();
          name = ctx.workbook.name;
        });
      } catch {
        // Only the file name depends on it.
      }
      const fileName = reportFileName(name);
      if (!saveFile(fileName, bytes, XLSX_MIME)) throw new ReportWorkbookUnavailableError();
      return tooLarge ? { how: "downloaded", fileName, tooLarge: true } : { how: "downloaded", fileName };
    },
  };
}
