/**
 * The workbook port over Office.js.
 *
 * A recompute takes four syncs for anything under the payload limit:
 *   readState     sync 1  sheet list
 *                 sync 2  every sheet's used-range address, merged areas,
 *                         tables and a sample of rows; the settings sheet
 *   readSnapshot  sync 3  every sheet's values, text and number formats,
 *                         with the list, the used ranges and the recorded
 *                         generated sheets (getItemOrNullObject) checked again
 *   applyPlans    sync 4  the new sheets built under temporary names, then,
 *                         in the same batch, the swap: recorded sheets renamed
 *                         aside, new sheets renamed and placed, settings
 *                         written (the commit point), old sheets deleted
 * Larger data adds syncs (row blocks under the 5 MB limit, the swap riding
 * on the last one), never one per row or per sheet.
 *
 * All or nothing: a batch can fail part-way (Excel keeps what ran before the
 * failing operation), so after any failure the adapter looks at the workbook
 * and either finishes (the settings already record the new sheets) or puts
 * it back: its new sheets deleted, the recorded sheets and their tables
 * renamed back, a settings sheet it created removed. It deletes and renames
 * only sheets it created in this run and sheets named in previous.generated.
 */
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import type { StoredState } from "../core/model/settings";
import type { WorkbookPort } from "../core/workbook-port";
import { encodeState } from "../core/settings-store";
import { budgetOf, EXCEL_PAYLOAD_LIMIT, jsonBytes, OP_OVERHEAD_BYTES, packBatches } from "./excel-batching";
import { ExcelPortError, ExcelReadError, ExcelWriteError } from "./excel-errors";
import type { ExcelHostApi, ExcelPortOptions } from "./excel-host";
import { planWriteOps, type WriteOp } from "./excel-plan-writer";
import { detectFeatures, type ExcelFeatures } from "./excel-requirements";
import { decodeSettings, queueSettingsWrite, SETTINGS_SHEET_NAME, SETTINGS_TOKEN_PREFIX } from "./excel-settings";
import { readCells, readLayout, type WorkbookLayout } from "./excel-snapshot";

export type { ExcelHostApi, ExcelPortOptions } from "./excel-host";

export interface ExcelWorkbookPort extends WorkbookPort {
  /** Notes (Japanese / English) about features skipped or fallbacks taken since the last readState. */
  readonly notes: readonly string[];
}

/** How long what one call read may serve the next call of the same recompute. */
const REUSE_TTL_MS = 10_000;
const MAX_LAYOUT_RETRIES = 3;

const lower = (s: string) => s.toLowerCase();
const sameName = (a: string, b: string) => lower(a) === lower(b);

/** What the write needs to know about the workbook, from the reads of the same recompute. */
interface Known {
  at: number;
  /** Every sheet, in order. */
  sheetNames: string[];
  tablesBySheet: Map<string, string[]>;
  settingsExists: boolean;
  settingsRows: number;
  /** The settings write marker now in the workbook (a new write must use another). */
  settingsMarker: unknown;
  /** The recorded names that were checked, and those of them that exist (current spelling). */
  checked: string[];
  existing: string[];
}

function randomToken(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

function knownFrom(layout: WorkbookLayout, checked: string[], existing: string[]): Known {
  const settings = layout.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
  return {
    at: Date.now(),
    sheetNames: layout.sheets.map((s) => s.name),
    tablesBySheet: new Map(layout.sheets.map((s) => [s.name, s.tables])),
    settingsExists: settings !== undefined,
    settingsRows: layout.columnA?.length ?? 0,
    settingsMarker: layout.b1,
    checked,
    existing,
  };
}

export function createExcelPort(api: ExcelHostApi, options: ExcelPortOptions = {}): ExcelWorkbookPort {
  const maxBatchBytes = options.maxBatchBytes ?? EXCEL_PAYLOAD_LIMIT;
  const makeToken = options.token ?? randomToken;
  let features: ExcelFeatures | null = null;
  let layoutFromState: { layout: WorkbookLayout; at: number } | null = null;
  let recorded: string[] = [];
  let known: Known | null = null;
  const notes: string[] = [];

  const addNotes = (more: readonly string[]) => {
    for (const n of more) if (!notes.includes(n)) notes.push(n);
  };
  const ensureFeatures = (): ExcelFeatures => (features ??= detectFeatures(api));

  async function read<T>(job: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await api.Excel.run(job);
    } catch (e) {
      throw e instanceof ExcelPortError ? e : new ExcelReadError(e);
    }
  }

  const layoutOptions = () => ({ features: ensureFeatures(), columnASheet: SETTINGS_SHEET_NAME });

  return {
    get notes() {
      return notes;
    },

    async readState() {
      notes.length = 0;
      const opts = layoutOptions(); // feature check (may throw) before Excel.run
      const layout = await read((ctx) => readLayout(ctx, opts));
      addNotes(layout.notes);
      layoutFromState = { layout, at: Date.now() };
      const decoded = decodeSettings(layout.columnA);
      if (decoded.note) addNotes([decoded.note]);
      recorded = decoded.state?.generated.map((g) => g.name) ?? [];
      known = knownFrom(layout, [], []);
      return decoded.state;
    },

    async readSnapshot(): Promise<WorkbookSnapshot> {
      const reuse = layoutFromState && Date.now() - layoutFromState.at <= REUSE_TTL_MS ? layoutFromState.layout : null;
      layoutFromState = null;
      const opts = layoutOptions();
      const { layout, cells } = await read(async (ctx) => {
        let layout = reuse ?? (await readLayout(ctx, opts));
        for (let attempt = 0; ; attempt++) {
          const cells = await readCells(ctx, layout, {
            maxBatchBytes,
            checkExisting: recorded,
            skip: (n) => n === SETTINGS_SHEET_NAME,
          });
          if (cells) return { layout, cells };
          if (attempt >= MAX_LAYOUT_RETRIES) throw new Error("the workbook keeps changing while it is read");
          layout = await readLayout(ctx, opts); // something changed since the layout was read
        }
      });
      addNotes(layout.notes);
      known = knownFrom(layout, recorded, cells.existing);
      return {
        source: layout.workbookName,
        sheets: cells.sheets.filter((s) => s.name !== SETTINGS_SHEET_NAME),
      };
    },

    async applyPlans(plans, previous, next) {
      const f = ensureFeatures();
      layoutFromState = null;
      const previousNames = [...new Set((previous?.generated ?? []).map((g) => g.name))].filter(
        // Never the settings sheet or a temporary sheet, whatever the settings say.
        (n) => !sameName(n, SETTINGS_SHEET_NAME) && !n.startsWith("~PR "),
      );
      const fresh =
        known !== null &&
        Date.now() - known.at <= REUSE_TTL_MS &&
        previousNames.every((n) => known!.checked.some((c) => sameName(c, n)));
      let k: Known;
      if (fresh) k = known!;
      else {
        // Called without the reads of a recompute: look at the workbook first (2 syncs).
        const opts = layoutOptions();
        const layout = await read((ctx) => readLayout(ctx, opts));
        const existing = layout.sheets.map((s) => s.name).filter((n) => previousNames.some((p) => sameName(p, n)));
        k = knownFrom(layout, previousNames, existing);
      }
      known = null;
      const writeNotes: string[] = [];
      await writePlans(api, {
        plans,
        existingPrevious: k.existing.filter((n) => previousNames.some((p) => sameName(p, n))),
        next,
        features: f,
        known: k,
        maxBatchBytes,
        token: uniqueToken(makeToken, k.sheetNames, k.settingsMarker),
        notes: writeNotes,
      });
      addNotes(writeNotes);
    },
  };
}

/** A token for this write's temporary names and settings marker, used by nothing in the workbook. */
function uniqueToken(make: () => string, names: string[], marker: unknown): string {
  for (let i = 0; i < 20; i++) {
    const t = make();
    if (!names.some((n) => n.includes(t)) && marker !== SETTINGS_TOKEN_PREFIX + t) return t;
  }
  return make() + Date.now().toString(36).slice(-3);
}

interface WriteJob {
  plans: SheetPlan[];
  /** Recorded generated sheets that exist (checked with getItemOrNullObject), current spelling. */
  existingPrevious: string[];
  next: StoredState;
  features: ExcelFeatures;
  known: Known;
  maxBatchBytes: number;
  token: string;
  notes: string[];
}

/** What the recovery needs to know about the run. */
interface Journal {
  tempNames: string[];
  finalNames: string[];
  /** Recorded sheets, with the name they get while set aside. */
  aside: { name: string; backup: string }[];
  /** Old tables renamed out of the way: temporary table name, original name. */
  tablesAside: { temp: string; original: string }[];
  settingsExisted: boolean;
  /** Set once the batch holding the swap was sent. */
  swapSent: boolean;
}

const tempSheetName = (token: string, i: number) => `~PR tmp ${token} ${i + 1}`;
const backupSheetName = (token: string, i: number) => `~PR old ${token} ${i + 1}`;
const tempTableName = (token: string, i: number) => `PR_tmp_${token}_${i + 1}`;
const asideTableName = (token: string, i: number) => `PR_old_${token}_${i + 1}`;

async function writePlans(api: ExcelHostApi, job: WriteJob): Promise<void> {
  const { plans, token, known } = job;
  const budget = budgetOf(job.maxBatchBytes);
  const journal: Journal = {
    tempNames: plans.map((_, i) => tempSheetName(token, i)),
    finalNames: plans.map((p) => p.name),
    aside: job.existingPrevious.map((name, i) => ({ name, backup: backupSheetName(token, i) })),
    tablesAside: [],
    settingsExisted: known.settingsExists,
    swapSent: false,
  };

  // A generated sheet never takes the name of a sheet that is not a recorded one.
  for (const name of journal.finalNames) {
    const holder = known.sheetNames.find((n) => sameName(n, name));
    if (holder && !job.existingPrevious.some((p) => sameName(p, holder))) {
      throw new ExcelPortError(
        "write",
        `シート「${holder}」は利用者のシートのため、集計シートで置き換えません。集計シートの名前を変えてください。`,
        `The sheet "${holder}" is not a generated sheet and will not be replaced; choose another name for the generated sheet.`,
      );
    }
  }

  // Table names: the plan's, unless a table outside the recorded sheets holds it (names are case-insensitive).
  const previousTables = new Map<string, { sheet: string; table: string }>();
  for (const sheet of job.existingPrevious) {
    const tables = [...known.tablesBySheet].find(([n]) => sameName(n, sheet))?.[1] ?? [];
    for (const t of tables) previousTables.set(lower(t), { sheet, table: t });
  }
  const taken = new Set<string>();
  for (const [sheet, tables] of known.tablesBySheet)
    if (!job.existingPrevious.some((p) => sameName(p, sheet))) for (const t of tables) taken.add(lower(t));
  const finalTables = plans.map((p) => {
    if (!p.table) return null;
    let name = p.table.name;
    for (let k = 2; taken.has(lower(name)); k++) name = `${p.table.name}_${k}`;
    taken.add(lower(name));
    return name;
  });

  const ops: WriteOp[] = plans.flatMap((plan, i) =>
    planWriteOps(plan, i, {
      features: job.features,
      blockBudget: Math.floor(budget / 2),
      temporaryTableName: plan.table ? tempTableName(token, i) : undefined,
      notes: job.notes,
    }),
  );
  // The swap and the settings ride on the last batch.
  const swapBytes =
    OP_OVERHEAD_BYTES * (4 * plans.length + 3 * journal.aside.length + 4) + jsonBytes(encodeState(job.next));
  const batches = packBatches(ops, budget);
  const last = batches[batches.length - 1];
  if (!last || last.reduce((n, o) => n + o.bytes, 0) + swapBytes > budget) batches.push([]);

  try {
    await api.Excel.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      const sheets = journal.tempNames.map((name) => worksheets.add(name));
      for (let b = 0; b < batches.length; b++) {
        ctx.application.suspendApiCalculationUntilNextSync();
        for (const o of batches[b]!) o.apply(sheets[o.sheet]!);
        if (b === batches.length - 1) {
          queueSwap(ctx, job, journal, sheets, finalTables, previousTables);
          journal.swapSent = true;
        }
        await ctx.sync();
      }
    });
  } catch (error) {
    let recovery: { committed: boolean; leftovers: string[] };
    try {
      recovery = await recover(api, journal, job.token);
    } catch (e) {
      recovery = { committed: false, leftovers: [...journal.tempNames, ...journal.aside.map((a) => a.backup)] };
      job.notes.push(`(recovery failed: ${e instanceof Error ? e.message : String(e)})`);
    }
    if (recovery.committed && recovery.leftovers.length === 0) return; // failed after the commit point, finished
    throw new ExcelWriteError(error, recovery.leftovers);
  }
}

/** The swap, queued after the build in the same batch. */
function queueSwap(
  ctx: Excel.RequestContext,
  job: WriteJob,
  journal: Journal,
  sheets: Excel.Worksheet[],
  finalTables: (string | null)[],
  previousTables: Map<string, { sheet: string; table: string }>,
): void {
  const worksheets = ctx.workbook.worksheets;
  const { plans, token, known } = job;
  // 1. Old tables whose name the new ones take, and the recorded sheets, out of the way.
  let n = 0;
  for (const t of finalTables) {
    const old = t ? previousTables.get(lower(t)) : undefined;
    if (!old) continue;
    const temp = asideTableName(token, n++);
    worksheets.getItem(old.sheet).tables.getItem(old.table).name = temp;
    journal.tablesAside.push({ temp, original: old.table });
  }
  for (const a of journal.aside) worksheets.getItem(a.name).name = a.backup;
  // 2. The new sheets (and tables) take their names.
  plans.forEach((p, i) => {
    sheets[i]!.name = p.name;
    const t = finalTables[i];
    if (t) sheets[i]!.tables.getItem(tempTableName(token, i)).name = t;
  });
  // 3. Placed where the recorded ones were (at the end the first time), in plan order.
  const order = [...known.sheetNames, ...journal.tempNames].map((name) => {
    const a = journal.aside.find((x) => sameName(x.name, name));
    if (a) return a.backup;
    const ti = journal.tempNames.indexOf(name);
    return ti >= 0 ? journal.finalNames[ti]! : name;
  });
  const firstBackup = order.findIndex((name) => journal.aside.some((a) => a.backup === name));
  const target = firstBackup >= 0 ? firstBackup : order.length - plans.length;
  plans.forEach((p, i) => {
    const at = order.indexOf(p.name);
    if (at !== target + i) {
      order.splice(at, 1);
      order.splice(target + i, 0, p.name);
      sheets[i]!.position = target + i;
    }
  });
  // 4. The commit point: the settings sheet records the new sheets.
  queueSettingsWrite(ctx, journal.settingsExisted, known.settingsRows, job.next, token);
  // 5. The old sheets go.
  for (const a of journal.aside) worksheets.getItem(a.backup).delete();
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
  token: string,
): Promise<{ committed: boolean; leftovers: string[] }> {
  return api.Excel.run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name");
    const tables = ctx.workbook.tables;
    tables.load("items/name");
    await ctx.sync();
    const names = new Set(worksheets.items.map((w) => lower(w.name)));
    const has = (n: string) => names.has(lower(n));
    const tableNames = new Set(tables.items.map((t) => lower(t.name)));

    let committed = false;
    if (journal.swapSent && has(SETTINGS_SHEET_NAME)) {
      // The settings write carries this run's token (B1): present means committed.
      const marker = worksheets.getItem(SETTINGS_SHEET_NAME).getRange("B1");
      marker.load("values");
      await ctx.sync();
      committed = marker.values[0]?.[0] === SETTINGS_TOKEN_PREFIX + token;
    }

    const remove = (name: string) => worksheets.getItem(name).delete();
    if (committed) {
      for (const a of journal.aside) if (has(a.backup)) remove(a.backup);
    } else {
      journal.tempNames.forEach((temp, i) => {
        if (has(temp)) return remove(temp);
        // The temporary sheet is missing: either it was never added, or the swap renamed it.
        // Its final name holds the new sheet only if no recorded sheet still holds that name.
        const final = journal.finalNames[i]!;
        const recordedSheet = journal.aside.find((a) => sameName(a.name, final));
        const oldStillThere = recordedSheet !== undefined && !has(recordedSheet.backup);
        if (journal.swapSent && has(final) && !oldStillThere) remove(final);
      });
      for (const a of journal.aside) if (has(a.backup)) worksheets.getItem(a.backup).name = a.name;
      for (const t of journal.tablesAside)
        if (tableNames.has(lower(t.temp))) ctx.workbook.tables.getItem(t.temp).name = t.original;
      if (!journal.settingsExisted && journal.swapSent && has(SETTINGS_SHEET_NAME)) remove(SETTINGS_SHEET_NAME);
    }
    await ctx.sync();

    // The batch above ran whole (a sync that resolves ran every operation); check the names anyway.
    worksheets.load("items/name");
    await ctx.sync();
    const after = new Set(worksheets.items.map((w) => lower(w.name)));
    const ours = [...journal.tempNames, ...journal.aside.map((a) => a.backup)];
    const leftovers = ours.filter((n) => after.has(lower(n)));
    return { committed, leftovers };
  });
}
