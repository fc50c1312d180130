/**
 * WorkbookPort for the command line that keeps the user's package: cells are
 * read through ExcelJS (snapshot, settings), but the result is the user's
 * package with every part byte for byte plus our sheets grafted in
 * (package/graft-package.ts). Nothing is written to disk here: `output()`
 * gives the parts, and the caller writes them.
 */
import ExcelJS from "exceljs";
import type { WorkbookPort } from "../core/workbook-port";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import type { StoredState } from "../core/model/settings";
import { SETTINGS_SHEET_NAME, encodeState } from "../core/settings-store";
import { snapshotWorkbook } from "./xlsx-snapshot";
import { readStoredState } from "./xlsx-port";
import { sheetNameProblem, validateSheetPlan, writeSheetPlan } from "./xlsx-plan-writer";
import { copyWorksheet } from "./combine-workbooks";
import type { PackageReader } from "./package/package-reader";
import { graftPackage, type GraftedSheet } from "./package/graft-package";
import type { OutputPart } from "./package/package-writer";
import { parseSheets } from "./package/workbook-xml";
import { REL, parseRelationships, resolveTarget, sameRelType } from "./package/opc-xml";

export const OWNER_NAME = "ProgressReview_Owner";

export interface PackagePortOptions {
  /** Label of the workbook in messages and in the snapshot (file name). */
  source: string;
  /** The user's package the output is built from (the first input). */
  user: PackageReader;
  /** The same workbook loaded by ExcelJS (with the sheets of further inputs appended). */
  workbook: ExcelJS.Workbook;
  /** Sheets of `workbook` that are not in `user` (copied from further inputs) and go into the output as user sheets. */
  carried?: string[];
}

const lower = (s: string) => s.toLowerCase();

export class XlsxPackagePort implements WorkbookPort {
  readonly warnings: string[] = [];
  private parts: OutputPart[] | null = null;

  constructor(private readonly options: PackagePortOptions) {}

  private warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotWorkbook(this.options.workbook, { source: this.options.source, onWarning: (m) => this.warn(m) });
  }

  async readState(): Promise<StoredState | null> {
    const r = readStoredState(this.options.workbook, this.options.source);
    if (r.warning) this.warn(r.warning);
    return r.state;
  }

  async applyPlans(plans: SheetPlan[], previous: StoredState | null, next: StoredState): Promise<void> {
    const owned = (previous?.generated ?? []).map((g) => ({ role: g.role, name: g.name }));
    const settings = this.options.workbook.worksheets.some((ws) => ws.name === SETTINGS_SHEET_NAME)
      ? SETTINGS_SHEET_NAME
      : null;
    this.parts = await this.build(plans, owned, settings, next);
  }

  /** The output package's parts (after applyPlans). */
  output(): OutputPart[] {
    if (!this.parts) throw new Error("internal: applyPlans has not run");
    return this.parts;
  }

  private async build(
    plans: SheetPlan[],
    owned: { role: string; name: string }[],
    settingsSheet: string | null,
    next: StoredState,
  ): Promise<OutputPart[]> {
    const { user } = this.options;
    const wbPath = await workbookPartPath(user);
    const userSheets = parseSheets(await user.readText(wbPath));
    const indexOf = (name: string) => userSheets.findIndex((s) => lower(s.name) === lower(name));

    // 1. Validate before anything is built.
    const errors: string[] = [];
    const ownedIdx = new Set(owned.map((o) => indexOf(o.name)).filter((i) => i >= 0));
    const settingsIdx = settingsSheet ? indexOf(settingsSheet) : -1;
    const carried = this.options.carried ?? [];
    const names = new Set<string>();
    for (const plan of plans) {
      errors.push(...validateSheetPlan(plan));
      const i = indexOf(plan.name);
      if (i >= 0 && !ownedIdx.has(i)) errors.push(`generated sheet "${plan.name}" would replace a user's sheet`);
      if (names.has(lower(plan.name))) errors.push(`two generated sheets are named "${plan.name}"`);
      if (lower(plan.name) === lower(SETTINGS_SHEET_NAME) || carried.some((c) => lower(c) === lower(plan.name)))
        errors.push(`generated sheet "${plan.name}" would take the name of another sheet`);
      names.add(lower(plan.name));
    }
    for (const g of next.generated) {
      const p = sheetNameProblem(g.name);
      if (p) errors.push(`settings: ${p}`);
    }
    if (errors.length) throw new Error("cannot write the generated sheets: " + errors.join("; "));

    // 2. The scratch workbook: further inputs' sheets, ours, the settings sheet.
    const scratch = new ExcelJS.Workbook();
    for (const name of carried) {
      const ws = this.options.workbook.getWorksheet(name);
      if (!ws) throw new Error(`internal: carried sheet "${name}" is missing`);
      for (const note of copyWorksheet(ws, this.options.workbook, scratch, name)) this.warn(note);
    }
    for (const plan of plans) writeSheetPlan(scratch, plan, plan.name);
    const st = scratch.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
    encodeState(next).forEach((chunk, i) => {
      const cell = st.getCell(i + 1, 1);
      cell.numFmt = "@";
      cell.value = chunk;
    });
    const scratchBytes = new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer);

    // 3. Graft: a plan refreshes the sheet of ours with its role, the rest are new.
    const graft: GraftedSheet[] = carried.map((name) => ({ name }));
    const used = new Set<number>();
    for (const plan of plans) {
      const mine = owned.find((o) => o.role === plan.role && indexOf(o.name) >= 0 && !used.has(indexOf(o.name)));
      const replaces = mine ? indexOf(mine.name) : undefined;
      if (replaces !== undefined) used.add(replaces);
      graft.push({ name: plan.name, ownerFormula: ownerFormula(plan.role), replaces });
    }
    graft.push({
      name: SETTINGS_SHEET_NAME,
      ownerFormula: ownerFormula("settings"),
      replaces: settingsIdx >= 0 ? settingsIdx : undefined,
    });
    const remove = [...ownedIdx].filter((i) => !used.has(i) && i !== settingsIdx);
    return graftPackage({ user, scratch: scratchBytes, sheets: graft, remove, ownerName: OWNER_NAME });
  }
}

/** Placeholder until the shared ownership contract lands. */
function ownerFormula(role: string): string {
  return `"progress-review/1 ${role}"`;
}

export async function workbookPartPath(user: PackageReader): Promise<string> {
  const rels = parseRelationships(user.has("_rels/.rels") ? await user.readText("_rels/.rels") : "");
  const r = rels.find((x) => sameRelType(x.type, REL.officeDocument) && !x.external);
  return r ? resolveTarget("", r.target) : "xl/workbook.xml";
}

export function createPackagePort(options: PackagePortOptions): XlsxPackagePort {
  return new XlsxPackagePort(options);
}
