/**
 * WorkbookPort for the command line that keeps the user's package: cells are
 * read through ExcelJS (snapshot, settings), but the result is the user's
 * package with every part byte for byte plus our sheets grafted in
 * (package/graft-package.ts). Nothing is written to disk here: `output()`
 * gives the parts, and the caller writes them.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { StateRead, WorkbookPort, WriteReport } from "../core/workbook-port";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import type { StoredState } from "../core/model/settings";
import { encodeState } from "../core/settings-store";
import {
  OWNER_NAME,
  markerFormula,
  newOwnerId,
  parseMarker,
  type Ownership,
  type SettingsCandidate,
  type SheetIdentity,
} from "../core/ownership";
import { snapshotWorkbook, visibilityOf } from "./xlsx-snapshot";
import { cellToRaw } from "./cell-value";
import { sheetNameProblem, validateSheetPlan, writeSheetPlan } from "./xlsx-plan-writer";
import { copyWorksheet } from "./combine-workbooks";
import { streamSheetPlan } from "./xlsx-plan-stream-writer";
import type { PackageReader } from "./package/package-reader";
import { graftPackage, type GraftedSheet } from "./package/graft-package";
import type { OutputPart } from "./package/package-writer";
import { parseDefinedNames, parseSheets } from "./package/workbook-xml";
import { REL, parseRelationships, resolveTarget, sameRelType } from "./package/opc-xml";

export interface PackagePortOptions {
  /** Label of the workbook in messages and in the snapshot (file name). */
  source: string;
  /** The user's package the output is built from (the first input), or how to get it. */
  user: PackageReader | (() => Promise<PackageReader>);
  /** The same workbook loaded by ExcelJS (with the sheets of further inputs appended). */
  workbook: ExcelJS.Workbook;
  /** Sheets of `workbook` that are not in `user` (copied from further inputs) and go into the output as user sheets. */
  carried?: string[];
  /** Id source for the settings sheet's marker (tests). */
  newId?: () => string;
  /**
   * Adds parts ExcelJS cannot write to the scratch package before it is grafted (e.g. the native charts of
   * src/xlsx/ooxml: `(bytes, plans) => addChartsToPackage(bytes, plans.map((plan) => ({ plan, sheetName: plan.name })))`).
   * Whatever a scratch sheet's relationships reach (drawings, charts, images) is carried into the output.
   */
  decorateScratch?: (scratch: Uint8Array, plans: SheetPlan[]) => Promise<Uint8Array>;
}

const lower = (s: string) => s.toLowerCase();

/** Every sheet of a package with its visibility and the formula of its sheet-scoped owner name. */
export async function readIdentities(pkg: PackageReader): Promise<SheetIdentity[]> {
  const xml = await pkg.readText(await workbookPartPath(pkg));
  const names = parseDefinedNames(xml).filter((n) => n.name === OWNER_NAME && n.localSheetId !== null);
  return parseSheets(xml).map((s, i) => ({
    name: s.name,
    visibility: visibilityOf(s.state),
    marker: names.find((n) => n.localSheetId === i)?.formula ?? null,
  }));
}

/** Column A of a worksheet as raw values (the settings store). */
function columnA(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  ws.eachRow((row, n) => {
    const cell = row.findCell(1);
    out[n - 1] = cell ? cellToRaw(cell, false).value : null;
  });
  return out;
}

export class XlsxPackagePort implements WorkbookPort {
  readonly warnings: string[] = [];
  private parts: OutputPart[] | null = null;
  private userPkg: PackageReader | null = null;

  constructor(private readonly options: PackagePortOptions) {}

  private warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  private async user(): Promise<PackageReader> {
    if (!this.userPkg) {
      const u = this.options.user;
      this.userPkg = typeof u === "function" ? await u() : u;
    }
    return this.userPkg;
  }

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return snapshotWorkbook(this.options.workbook, { source: this.options.source, onWarning: (m) => this.warn(m) });
  }

  async readState(): Promise<StateRead> {
    const identities = await readIdentities(await this.user());
    // Sheets copied in from further inputs are the user's: no marker of theirs counts here.
    for (const name of this.options.carried ?? [])
      identities.push({
        name,
        visibility: visibilityOf(this.options.workbook.getWorksheet(name)?.state),
        marker: null,
      });
    const candidates: SettingsCandidate[] = [];
    for (const id of identities) {
      if (parseMarker(id.marker)?.role !== "settings") continue;
      const ws = this.options.workbook.getWorksheet(id.name);
      if (ws) candidates.push({ sheet: id.name, columnA: columnA(ws) });
    }
    return { identities, candidates };
  }

  async applyPlans(plans: SheetPlan[], ownership: Ownership, next: StoredState): Promise<WriteReport> {
    this.parts = await this.build(plans, ownership, next);
    return { warnings: [] };
  }

  /** The output package's parts (after applyPlans). */
  output(): OutputPart[] {
    if (!this.parts) throw new Error("internal: applyPlans has not run");
    return this.parts;
  }

  /**
   * The generated sheets written by ExcelJS into a package of their own. A method of its own so that the
   * ExcelJS workbook (the largest object of a big run) can be collected before the graft.
   */
  private async writeScratch(
    plans: SheetPlan[],
    carried: string[],
    settingsName: string,
    next: StoredState,
  ): Promise<Uint8Array> {
    if (carried.length === 0) return this.streamScratch(plans, settingsName, next);
    const scratch = new ExcelJS.Workbook();
    for (const name of carried) {
      const ws = this.options.workbook.getWorksheet(name);
      if (!ws) throw new Error(`internal: carried sheet "${name}" is missing`);
      for (const note of copyWorksheet(ws, this.options.workbook, scratch, name)) this.warn(note);
    }
    for (const plan of plans) writeSheetPlan(scratch, plan, plan.name);
    const st = scratch.addWorksheet(settingsName, { state: "veryHidden" });
    encodeState(next).forEach((chunk, i) => {
      const cell = st.getCell(i + 1, 1);
      cell.numFmt = "@";
      cell.value = chunk;
    });
    // stored, not deflated: the scratch package is unpacked again at once
    // a Buffer is a Uint8Array: no copy of what can be a few hundred megabytes
    return (await scratch.xlsx.writeBuffer({
      zip: { compression: "STORE" },
    } as ExcelJS.XlsxWriteOptions)) as unknown as Uint8Array;
  }

  /**
   * The same scratch package through ExcelJS's streaming writer: each sheet's rows are serialised as they are
   * written (xlsx-plan-stream-writer.ts), so the peak no longer grows with the whole ExcelJS model of the list.
   * Sheets carried from further inputs are copied as ExcelJS worksheets, so that case keeps the in-memory writer.
   */
  private async streamScratch(plans: SheetPlan[], settingsName: string, next: StoredState): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const finished = new Promise<void>((resolve, reject) => {
      sink.on("finish", resolve);
      sink.on("error", reject);
    });
    // stored, not deflated: the scratch package is unpacked again at once
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: sink,
      useStyles: true,
      useSharedStrings: true,
      zip: { store: true },
    } as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
    for (const plan of plans) streamSheetPlan(wb, plan, plan.name);
    const st = wb.addWorksheet(settingsName, { state: "veryHidden" });
    encodeState(next).forEach((chunk, i) => {
      const cell = st.getCell(i + 1, 1);
      cell.numFmt = "@";
      cell.value = chunk;
    });
    st.commit();
    await wb.commit();
    await finished;
    const out = Buffer.concat(chunks);
    chunks.length = 0;
    return out;
  }

  private async build(plans: SheetPlan[], ownership: Ownership, next: StoredState): Promise<OutputPart[]> {
    const user = await this.user();
    const userSheets = parseSheets(await user.readText(await workbookPartPath(user)));
    const indexOf = (name: string) => userSheets.findIndex((s) => lower(s.name) === lower(name));
    const carried = this.options.carried ?? [];
    const settingsName = ownership.settingsSheetName;

    // 1. Validate before anything is built: a plan may only take a free name or a name of ours.
    const ours = new Set([
      ...ownership.owned.map((o) => lower(o.name)),
      ...(ownership.settingsSheet ? [lower(ownership.settingsSheet)] : []),
    ]);
    const taken = new Set([...userSheets.map((s) => s.name), ...carried].map(lower).filter((n) => !ours.has(n)));
    const errors: string[] = [];
    const names = new Set<string>();
    for (const plan of plans) {
      errors.push(...validateSheetPlan(plan));
      if (!plan.owner) errors.push(`plan "${plan.name}" has no owner marker`);
      if (taken.has(lower(plan.name)))
        errors.push(`generated sheet "${plan.name}" would replace a sheet that is not ours`);
      if (names.has(lower(plan.name)) || lower(plan.name) === lower(settingsName))
        errors.push(`two generated sheets are named "${plan.name}"`);
      names.add(lower(plan.name));
    }
    if (taken.has(lower(settingsName)))
      errors.push(`the settings sheet "${settingsName}" would replace a sheet that is not ours`);
    for (const g of next.generated) {
      const p = sheetNameProblem(g.name);
      if (p) errors.push(`settings: ${p}`);
    }
    if (errors.length) throw new Error("cannot write the generated sheets: " + errors.join("; "));

    // 2. The scratch package: further inputs' sheets, ours, the settings sheet.
    let scratchBytes = await this.writeScratch(plans, carried, settingsName, next);
    if (this.options.decorateScratch) scratchBytes = await this.options.decorateScratch(scratchBytes, plans);

    // 3. Graft: a plan refreshes the sheet of ours with its role (renamed if need be), the rest are new;
    //    sheets of ours without a plan are removed.
    const formula = (f: string) => f.replace(/^=/, "");
    const graft: GraftedSheet[] = carried.map((name) => ({ name }));
    const refreshed = new Set<number>();
    for (const plan of plans) {
      const mine = ownership.owned.find((o) => o.role === plan.role);
      const idx = mine ? indexOf(mine.name) : -1;
      if (idx >= 0) refreshed.add(idx);
      graft.push({
        name: plan.name,
        ownerFormula: formula(markerFormula(plan.owner!)),
        replaces: idx >= 0 ? idx : undefined,
      });
    }
    const settingsIdx = ownership.settingsSheet ? indexOf(ownership.settingsSheet) : -1;
    const newId = this.options.newId ?? (() => newOwnerId());
    // a verified settings sheet keeps its marker, so a re-run leaves the workbook part as it was
    const kept = ownership.settingsSheet
      ? parseMarker((await readIdentities(user)).find((i) => i.name === ownership.settingsSheet)?.marker)
      : null;
    const settingsRun = kept && kept.workbookId === ownership.workbookId ? kept.runId : newId();
    graft.push({
      name: settingsName,
      ownerFormula: formula(markerFormula({ role: "settings", workbookId: ownership.workbookId, runId: settingsRun })),
      replaces: settingsIdx >= 0 ? settingsIdx : undefined,
    });
    const remove = ownership.owned.map((o) => indexOf(o.name)).filter((i) => i >= 0 && !refreshed.has(i));
    // unpacked here so the package's bytes can go before the graft builds the output
    const scratchParts = unzipSync(scratchBytes);
    scratchBytes = new Uint8Array(0);
    return graftPackage({ user, scratch: scratchParts, sheets: graft, remove, ownerName: OWNER_NAME });
  }
}

export async function workbookPartPath(user: PackageReader): Promise<string> {
  const rels = parseRelationships(user.has("_rels/.rels") ? await user.readText("_rels/.rels") : "");
  const r = rels.find((x) => sameRelType(x.type, REL.officeDocument) && !x.external);
  return r ? resolveTarget("", r.target) : "xl/workbook.xml";
}

export function createPackagePort(options: PackagePortOptions): XlsxPackagePort {
  return new XlsxPackagePort(options);
}
