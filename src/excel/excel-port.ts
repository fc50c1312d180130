/**
 * The workbook port over Office.js.
 *
 * A recompute takes four syncs for anything under the payload limit:
 *   readState     sync 1  sheet list
 *                 sync 2  settings sheet + every sheet's cells (prefetched
 *                         for the readSnapshot call that follows)
 *   readSnapshot  —       served from the prefetch (2 syncs when called alone)
 *   applyPlans    sync 3  build: new sheets under temporary names, written
 *                         completely; checks which recorded sheets exist
 *                 sync 4  swap: recorded sheets renamed aside, temporary
 *                         sheets renamed and placed, settings written (the
 *                         commit point), old sheets deleted
 * Larger data adds syncs (row blocks under 5 MB), never one per row.
 *
 * All or nothing: if any sync of applyPlans fails, the adapter inspects the
 * workbook and puts it back — temporary sheets deleted, recorded sheets
 * renamed back — and throws ExcelWriteError. It only ever deletes sheets it
 * created in this run or sheets named in previous.generated, and only
 * renames those.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import type { StoredState } from "../core/model/settings";
import type { WorkbookPort } from "../core/workbook-port";
import { encodeState } from "../core/settings-store";
import { budgetOf, EXCEL_PAYLOAD_LIMIT, packBatches } from "./excel-batching";
import { ExcelPortError, ExcelReadError, ExcelWriteError } from "./excel-errors";
import type { ExcelHostApi, ExcelPortOptions } from "./excel-host";
import { planWriteOps, type WriteOp } from "./excel-plan-writer";
import { detectFeatures, type ExcelFeatures } from "./excel-requirements";
import { columnA, decodeSettings, queueSettingsWrite, SETTINGS_SHEET_NAME } from "./excel-settings";
import { readWorkbook, type SheetRead, type WorkbookRead } from "./excel-snapshot";

export type { ExcelHostApi, ExcelPortOptions } from "./excel-host";

export interface ExcelWorkbookPort extends WorkbookPort {
  /** Notes (Japanese / English) about features skipped or fallbacks taken since the last readState. */
  readonly notes: readonly string[];
}

/** How long a snapshot read together with the state may be handed to readSnapshot. */
const PREFETCH_TTL_MS = 10_000;

interface LastRead {
  sheetNames: string[];
  tablesBySheet: Map<string, string[]>;
  settingsExists: boolean;
  settingsRows: number;
}

function randomToken(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

function toSnapshotSheet(s: SheetRead): SheetSnapshot {
  return {
    name: s.name,
    visibility: s.visibility,
    origin: s.origin,
    values: s.values,
    text: s.text,
    numberFormat: s.numberFormat,
    merges: s.merges,
  };
}

export function createExcelPort(api: ExcelHostApi, options: ExcelPortOptions = {}): ExcelWorkbookPort {
  const maxBatchBytes = options.maxBatchBytes ?? EXCEL_PAYLOAD_LIMIT;
  const makeToken = options.token ?? randomToken;
  let features: ExcelFeatures | null = null;
  let prefetch: { read: WorkbookRead; at: number } | null = null;
  let lastRead: LastRead | null = null;
  let careful = false;
  const notes: string[] = [];

  const addNotes = (more: readonly string[]) => {
    for (const n of more) if (!notes.includes(n)) notes.push(n);
  };
  const ensureFeatures = (): ExcelFeatures => (features ??= detectFeatures(api));

  async function readAll(): Promise<WorkbookRead> {
    const f = ensureFeatures();
    let read: WorkbookRead;
    try {
      read = await api.Excel.run((ctx) => readWorkbook(ctx, { features: f, maxBatchBytes, careful }));
    } catch (e) {
      throw e instanceof ExcelPortError ? e : new ExcelReadError(e);
    }
    careful = read.needsBlocks;
    addNotes(read.notes);
    const settings = read.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
    lastRead = {
      sheetNames: read.sheets.map((s) => s.name),
      tablesBySheet: new Map(read.sheets.map((s) => [s.name, s.tables])),
      settingsExists: settings !== undefined,
      settingsRows: settings ? columnA(settings).length : 0,
    };
    return read;
  }

  const port: ExcelWorkbookPort = {
    get notes() {
      return notes;
    },

    async readState() {
      notes.length = 0;
      const read = await readAll();
      prefetch = { read, at: Date.now() };
      const settings = read.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
      const decoded = decodeSettings(settings ? columnA(settings) : null);
      if (decoded.note) addNotes([decoded.note]);
      return decoded.state;
    },

    async readSnapshot(): Promise<WorkbookSnapshot> {
      let read: WorkbookRead;
      if (prefetch && Date.now() - prefetch.at <= PREFETCH_TTL_MS) read = prefetch.read;
      else read = await readAll();
      prefetch = null;
      return {
        source: read.workbookName,
        sheets: read.sheets.filter((s) => s.name !== SETTINGS_SHEET_NAME).map(toSnapshotSheet),
      };
    },

    async applyPlans(plans, previous, next) {
      const f = ensureFeatures();
      prefetch = null;
      if (!lastRead) await readAll();
      const known = lastRead!;
      const writeNotes: string[] = [];
      await writePlans(api, {
        plans,
        previousNames: (previous?.generated ?? []).map((g) => g.name),
        next,
        features: f,
        known,
        maxBatchBytes,
        token: uniqueToken(makeToken, known.sheetNames),
        notes: writeNotes,
      });
      addNotes(writeNotes);
      lastRead = null;
    },
  };
  return port;
}

function uniqueToken(make: () => string, names: string[]): string {
  for (let i = 0; i < 20; i++) {
    const t = make();
    if (!names.some((n) => n.includes(t))) return t;
  }
  return make() + Date.now().toString(36).slice(-3);
}

interface WriteJob {
  plans: SheetPlan[];
  previousNames: string[];
  next: StoredState;
  features: ExcelFeatures;
  known: LastRead;
  maxBatchBytes: number;
  token: string;
  notes: string[];
}

/** What the rollback needs to know about the run. */
interface Journal {
  phase: "build" | "swap";
  tempNames: string[];
  finalNames: string[];
  /** Recorded sheets that existed at build time, with the name they get aside. */
  aside: { name: string; backup: string }[];
  /** Old tables renamed out of the way: temporary table name, original name. */
  tablesAside: { temp: string; original: string }[];
  settingsExisted: boolean;
}

const tempSheetName = (token: string, i: number) => `~PR tmp ${token} ${i + 1}`;
const backupSheetName = (token: string, i: number) => `~PR old ${token} ${i + 1}`;
const tempTableName = (token: string, i: number) => `PR_tmp_${token}_${i + 1}`;
const asideTableName = (token: string, i: number) => `PR_old_${token}_${i + 1}`;

async function writePlans(api: ExcelHostApi, job: WriteJob): Promise<void> {
  const { plans, token } = job;
  const budget = budgetOf(job.maxBatchBytes);
  const journal: Journal = {
    phase: "build",
    tempNames: plans.map((_, i) => tempSheetName(token, i)),
    finalNames: plans.map((p) => p.name),
    aside: [],
    tablesAside: [],
    settingsExisted: job.known.settingsExists,
  };
  // Never touch the settings sheet or a temporary sheet through previous.generated.
  const previousNames = [...new Set(job.previousNames)].filter(
    (n) => n !== SETTINGS_SHEET_NAME && !n.startsWith("~PR "),
  );

  const ops: WriteOp[] = plans.flatMap((plan, i) =>
    planWriteOps(plan, i, {
      features: job.features,
      blockBudget: Math.floor(budget / 2),
      temporaryTableName: plan.table ? tempTableName(token, i) : undefined,
      notes: job.notes,
    }),
  );
  const batches = packBatches(ops, budget);

  try {
    await api.Excel.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;

      // ---- Build (sync 3 and, for large data, more) ----
      worksheets.load("items/name,items/visibility");
      const previousProxies = previousNames.map((name) => {
        const ws = worksheets.getItemOrNullObject(name);
        ws.load("name");
        return { name, ws };
      });
      const settingsProxy = worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
      settingsProxy.load("name");
      const allTables = ctx.workbook.tables;
      allTables.load("items/name");
      const sheets = journal.tempNames.map((name) => worksheets.add(name));
      for (let b = 0; b < Math.max(1, batches.length); b++) {
        ctx.application.suspendApiCalculationUntilNextSync();
        for (const o of batches[b] ?? []) o.apply(sheets[o.sheet]!);
        await ctx.sync();
      }

      // What exists now (the list was loaded before the temporary sheets were added).
      const isTemp = (n: string) => n.startsWith(`~PR tmp ${token} `);
      const currentNames = worksheets.items.map((w) => w.name).filter((n) => !isTemp(n));
      const existingPrevious = previousProxies.filter((p) => !p.ws.isNullObject).map((p) => p.name);
      journal.settingsExisted = !settingsProxy.isNullObject;
      for (const name of journal.finalNames) {
        if (currentNames.includes(name) && !existingPrevious.includes(name)) {
          throw new ExcelPortError(
            "write",
            `シート「${name}」は利用者のシートのため上書きできません。`,
            `The sheet "${name}" belongs to the user and will not be overwritten.`,
          );
        }
      }
      journal.aside = existingPrevious.map((name, i) => ({ name, backup: backupSheetName(token, i) }));

      // Table names: the plan's, unless a table outside the recorded sheets holds it.
      const previousTables = new Map<string, string>(); // table → recorded sheet
      for (const name of existingPrevious)
        for (const t of job.known.tablesBySheet.get(name) ?? []) previousTables.set(t, name);
      const taken = new Set(
        allTables.items.map((t) => t.name).filter((t) => !previousTables.has(t) && !t.startsWith(`PR_tmp_${token}_`)),
      );
      const finalTables = plans.map((p) => {
        if (!p.table) return null;
        let name = p.table.name;
        for (let k = 2; taken.has(name); k++) name = `${p.table.name}_${k}`;
        taken.add(name);
        return name;
      });

      // ---- Swap (one sync) ----
      journal.phase = "swap";
      let asideCount = 0;
      for (const t of finalTables) {
        const owner = t ? previousTables.get(t) : undefined;
        if (!t || !owner) continue;
        const temp = asideTableName(token, asideCount++);
        worksheets.getItem(owner).tables.getItem(t).name = temp;
        journal.tablesAside.push({ temp, original: t });
      }
      for (const a of journal.aside) worksheets.getItem(a.name).name = a.backup;
      plans.forEach((p, i) => {
        sheets[i]!.name = p.name;
        const t = finalTables[i];
        if (t) sheets[i]!.tables.getItem(tempTableName(token, i)).name = t;
      });
      // Place the new sheets where the recorded ones were (at the end the first time).
      const order = [...currentNames, ...journal.tempNames].map((n) => {
        const a = journal.aside.find((x) => x.name === n);
        if (a) return a.backup;
        const ti = journal.tempNames.indexOf(n);
        return ti >= 0 ? journal.finalNames[ti]! : n;
      });
      const firstBackup = order.findIndex((n) => journal.aside.some((a) => a.backup === n));
      const target = firstBackup >= 0 ? firstBackup : order.length - plans.length;
      plans.forEach((p, i) => {
        const at = order.indexOf(p.name);
        if (at !== target + i) {
          order.splice(at, 1);
          order.splice(target + i, 0, p.name);
          sheets[i]!.position = target + i;
        }
      });
      // The commit point: the settings sheet now records the new sheets.
      queueSettingsWrite(ctx, journal.settingsExisted, job.known.settingsRows, job.next);
      for (const a of journal.aside) worksheets.getItem(a.backup).delete();
      await ctx.sync();
    });
  } catch (error) {
    const recovery = await recover(api, journal, job.next).catch((e: unknown) => ({
      committed: false,
      leftovers: [`(${e instanceof Error ? e.message : String(e)})`],
    }));
    if (recovery.committed && recovery.leftovers.length === 0) return; // the failure came after the commit point
    if (error instanceof ExcelPortError && recovery.leftovers.length === 0) throw error;
    throw new ExcelWriteError(error, recovery.leftovers);
  }
}

/**
 * After a failed write: look at the workbook and finish or undo.
 * Committed (the settings sheet holds the new state): delete the sheets
 * still set aside. Otherwise: delete this run's new sheets, give the
 * recorded sheets (and their tables) their names back, remove a settings
 * sheet this run created.
 */
async function recover(
  api: ExcelHostApi,
  journal: Journal,
  next: StoredState,
): Promise<{ committed: boolean; leftovers: string[] }> {
  return api.Excel.run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name");
    const tables = ctx.workbook.tables;
    tables.load("items/name");
    await ctx.sync();
    const names = new Set(worksheets.items.map((w) => w.name));
    const tableNames = new Set(tables.items.map((t) => t.name));

    let committed = false;
    if (journal.phase === "swap" && names.has(SETTINGS_SHEET_NAME)) {
      const encoded = encodeState(next);
      const range = worksheets.getItem(SETTINGS_SHEET_NAME).getRangeByIndexes(0, 0, encoded.length, 1);
      range.load("values");
      await ctx.sync();
      committed = range.values.every((row, i) => row[0] === encoded[i]);
    }

    const expectGone: string[] = [];
    if (committed) {
      for (const a of journal.aside) {
        if (names.has(a.backup)) {
          worksheets.getItem(a.backup).delete();
          expectGone.push(a.backup);
        }
      }
    } else {
      journal.tempNames.forEach((temp, i) => {
        if (names.has(temp)) {
          worksheets.getItem(temp).delete();
          expectGone.push(temp);
        } else if (journal.phase === "swap") {
          // The temporary sheet is gone only because the swap renamed it.
          const final = journal.finalNames[i]!;
          if (names.has(final)) {
            worksheets.getItem(final).delete();
            expectGone.push(final);
          }
        }
      });
      for (const a of journal.aside) {
        if (names.has(a.backup)) worksheets.getItem(a.backup).name = a.name;
      }
      for (const t of journal.tablesAside) {
        if (tableNames.has(t.temp)) ctx.workbook.tables.getItem(t.temp).name = t.original;
      }
      if (!journal.settingsExisted && journal.phase === "swap" && names.has(SETTINGS_SHEET_NAME)) {
        worksheets.getItem(SETTINGS_SHEET_NAME).delete();
        expectGone.push(SETTINGS_SHEET_NAME);
      }
    }
    await ctx.sync();

    // Check the result.
    worksheets.load("items/name");
    await ctx.sync();
    const after = new Set(worksheets.items.map((w) => w.name));
    const leftovers = expectGone.filter((n) => after.has(n));
    if (!committed) for (const a of journal.aside) if (after.has(a.backup)) leftovers.push(a.backup);
    return { committed, leftovers };
  });
}
