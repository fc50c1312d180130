/**
 * WorkbookPort over an in-memory ExcelJS workbook (the command line, export,
 * tests on files). Writes go to the workbook object only; saving it is the
 * caller's business.
 */
import type ExcelJS from "exceljs";
import type { WorkbookPort } from "../core/workbook-port";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import type { StoredState } from "../core/model/settings";
import { SETTINGS_SHEET_NAME, decodeState, encodeState } from "../core/settings-store";
import { snapshotWorkbook } from "./xlsx-snapshot";
import { cellToRaw } from "./cell-value";
import { sheetNameProblem, validateSheetPlan, writeSheetPlan } from "./xlsx-plan-writer";

export function findSettingsSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === SETTINGS_SHEET_NAME);
}

export type StoredStateRead = { state: StoredState | null; warning: string | null };

/** The stored state of a workbook; a malformed settings sheet gives null and a warning, never an exception. */
export function readStoredState(wb: ExcelJS.Workbook, label = "workbook"): StoredStateRead {
  try {
    const ws = findSettingsSheet(wb);
    if (!ws) return { state: null, warning: null };
    const columnA: unknown[] = [];
    ws.eachRow((row, n) => {
      const cell = row.findCell(1);
      columnA[n - 1] = cell ? cellToRaw(cell, false).value : null;
    });
    const r = decodeState(columnA);
    if (r.ok) return { state: r.state, warning: null };
    return {
      state: null,
      warning:
        `${label}: 設定シート「${SETTINGS_SHEET_NAME}」を読めないため、保存された規則を使わず設定を書き直します` +
        ` / the settings sheet could not be read (${r.message}); stored rules are ignored and the settings will be rewritten`,
    };
  } catch (e) {
    return {
      state: null,
      warning: `${label}: 設定シートを読めません / the settings sheet could not be read (${(e as Error).message})`,
    };
  }
}

const lower = (s: string) => s.toLowerCase();

export interface XlsxPortOptions {
  /** Label of the workbook in messages and in the snapshot (file name). */
  source: string;
}

export class XlsxWorkbookPort implements WorkbookPort {
  /** Warnings for the user (Japanese / English), without duplicates. */
  readonly warnings: string[] = [];

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: XlsxPortOptions,
  ) {}

  private warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotWorkbook(this.workbook, { source: this.options.source, onWarning: (m) => this.warn(m) });
  }

  async readState(): Promise<StoredState | null> {
    const r = readStoredState(this.workbook, this.options.source);
    if (r.warning) this.warn(r.warning);
    return r.state;
  }

  async applyPlans(plans: SheetPlan[], previous: StoredState | null, next: StoredState): Promise<void> {
    const wb = this.workbook;
    const previousNames = new Set((previous?.generated ?? []).map((g) => lower(g.name)));
    const replaced = wb.worksheets.filter((ws) => previousNames.has(lower(ws.name)) && ws.name !== SETTINGS_SHEET_NAME);
    const settings = wb.worksheets.filter((ws) => ws.name === SETTINGS_SHEET_NAME);
    const userNames = new Set(
      wb.worksheets.filter((ws) => !replaced.includes(ws) && !settings.includes(ws)).map((ws) => lower(ws.name)),
    );

    // 1. Validate everything before touching the workbook.
    const errors: string[] = [];
    const planNames = new Set<string>();
    for (const plan of plans) {
      errors.push(...validateSheetPlan(plan));
      if (typeof plan.name !== "string") continue;
      const key = lower(plan.name);
      if (userNames.has(key)) errors.push(`generated sheet "${plan.name}" would replace a user's sheet`);
      if (key === lower(SETTINGS_SHEET_NAME))
        errors.push(`generated sheet "${plan.name}" would replace the settings sheet`);
      if (planNames.has(key)) errors.push(`two generated sheets are named "${plan.name}"`);
      planNames.add(key);
    }
    for (const g of next.generated) {
      const p = sheetNameProblem(g.name);
      if (p) errors.push(`settings: ${p}`);
    }
    if (errors.length) throw new Error("cannot write the generated sheets: " + errors.join("; "));

    // 2. Build the new sheets under temporary names; on failure remove them again.
    const stamp = Date.now().toString(36).slice(-6);
    const built: { ws: ExcelJS.Worksheet; name: string }[] = [];
    try {
      plans.forEach((plan, i) => {
        const temp = `~pr${stamp}_${i}`;
        built.push({ ws: writeSheetPlan(wb, plan, temp), name: plan.name });
      });
    } catch (e) {
      for (const b of built) wb.removeWorksheet(b.ws.id);
      throw e;
    }

    // 3. Swap: drop the previously generated sheets and the old settings, name the new ones.
    for (const ws of [...replaced, ...settings]) wb.removeWorksheet(ws.id);
    for (const b of built) b.ws.name = b.name;

    // 4. Settings: very hidden, column A = marker + JSON chunks, stored as text.
    const st = wb.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
    encodeState(next).forEach((chunk, i) => {
      const cell = st.getCell(i + 1, 1);
      cell.numFmt = "@";
      cell.value = chunk;
    });

    fixWorkbookViews(wb);
  }
}

/** Keep the workbook's active tab on a visible sheet after sheets were removed or added. */
function fixWorkbookViews(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const views = wb.views as { activeTab?: number; firstSheet?: number }[] | undefined;
  if (!views || views.length === 0) return;
  for (const v of views) {
    const t = v.activeTab ?? 0;
    if (t >= sheets.length || sheets[t]?.state !== "visible") {
      const firstVisible = sheets.findIndex((ws) => ws.state === "visible");
      v.activeTab = firstVisible < 0 ? 0 : firstVisible;
    }
    if ((v.firstSheet ?? 0) >= sheets.length) v.firstSheet = 0;
  }
}

export function createXlsxPort(workbook: ExcelJS.Workbook, options: XlsxPortOptions): XlsxWorkbookPort {
  return new XlsxWorkbookPort(workbook, options);
}
