/**
 * The workbook port over Office.js.
 *
 * A recompute takes four syncs for anything under the payload limit:
 *   readState     sync 1  sheet list
 *                 sync 2  every sheet's owner marker, used-range address, merged
 *                         areas, tables, charts and its first rows (the whole used
 *                         range of small sheets: the snapshot's cells); column A of
 *                         hidden sheets (the settings)
 *   readSnapshot  (no sync when sync 2 read every sheet whole; else values, text
 *                         and number formats of the rest, with the list and used
 *                         ranges checked)
 *   applyPlans    sync 3  data: the "refresh under way" flag, the generated sheets
 *                         cleared and rewritten in place (new ones added with their
 *                         owner marker), owned sheets without a plan deleted, the
 *                         settings written (the commit point)
 *                 sync 4  cosmetics, best effort: table, freeze panes, tab colour,
 *                         links, conditional formats, charts, page layout, fonts,
 *                         row heights; last, the sheet to show (applyPlans' `show`)
 * Larger data adds syncs (row blocks under the 5 MB limit, each measured as it is
 * built), never one per row or per sheet.
 *
 * In place: a generated sheet keeps its worksheet (and id) across recomputes, so
 * user formulas, names and chart series that point at it keep working. Only sheets
 * in `ownership.owned`, the verified settings sheet and sheets this run adds are
 * ever written, renamed or deleted.
 *
 * A batch can fail part-way (Excel keeps what ran before the failing operation).
 * After a failure before the commit, the sheets this run added (and a settings sheet
 * it created) are removed; refreshed sheets stay as far as they got, with the flag
 * set, and the error says they are incomplete: the next recompute redoes them. A
 * failure of a cosmetic step is a warning; the steps after it still run.
 */
import { loadItemNames, loadNames } from "./excel-load";
import type { WorkbookSnapshot } from "../core/model/snapshot";
import type { SheetPlan } from "../core/model/sheet-plan";
import type { StoredState } from "../core/model/settings";
import {
  markerFormula,
  newOwnerId,
  ownedSheetNames,
  OWNER_NAME,
  parseMarker,
  resolveOwnership,
  type Ownership,
  type SettingsCandidate,
  type SheetIdentity,
} from "../core/ownership";
import type { ApplyOptions, StateRead, WorkbookPort, WriteReport } from "../core/workbook-port";
import { budgetOf, EXCEL_PAYLOAD_LIMIT, packBatches, WRITE_BUDGET_SHARE } from "./excel-batching";
import {
  CellEditModeError,
  ExcelPortError,
  ExcelReadError,
  ExcelWriteError,
  isCellEditMode,
  officeErrorCode,
  ProtectedWorkbookError,
  traceMessagesOf,
} from "./excel-errors";
import type { ExcelHostApi, ExcelPortOptions } from "./excel-host";
import { COSMETIC_LABELS, planWriteOps, type WriteOp } from "./excel-plan-writer";
import { measureRequest, objectPathBytes, type Metered } from "./excel-request-meter";
import { detectFeatures, type ExcelFeatures } from "./excel-requirements";
import {
  isIncompleteFlag,
  queueIncompleteFlag,
  queueSettingsWrite,
  SETTINGS_TOKEN_PREFIX,
  type SettingsTarget,
} from "./excel-settings";
import { readCells, readLayout, type SheetLayout, type WorkbookLayout } from "./excel-snapshot";

export type { ExcelHostApi, ExcelPortOptions } from "./excel-host";

export interface ExcelWorkbookPort extends WorkbookPort {
  /** Notes (Japanese / English) about features skipped or fallbacks taken since the last readState. */
  readonly notes: readonly string[];
  /**
   * True when the last readState found the generated sheets marked incomplete (a refresh failed part-way);
   * the applyPlans that follows redoes them (the pane / ribbon command can say so). A failed applyPlans throws
   * ExcelWriteError with `incompleteSheets`.
   */
  readonly incompleteFromLastRun: boolean;
  /** Syncs of the last applyPlans (data and cosmetics). */
  readonly lastWriteSyncs: number;
  /**
   * The sheet the last applyPlans showed (its `show`, activated in the write's last batch), or null when it was
   * not asked or could not be done: the caller may then activate it on its own.
   */
  readonly shownSheet: string | null;
}

export const NOTE_REPAIRED =
  "前回の更新が途中で終わっていた集計シートを作り直しました。/ The generated sheets a previous recompute left incomplete were redone.";

/** How long what one call read may serve the next call of the same recompute. */
const REUSE_TTL_MS = 10_000;
const MAX_LAYOUT_RETRIES = 3;

const lower = (s: string) => s.toLowerCase();
const sameName = (a: string, b: string) => lower(a) === lower(b);

function randomToken(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

export function identitiesOf(layout: WorkbookLayout): StateRead {
  const identities: SheetIdentity[] = layout.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    marker: s.marker,
  }));
  const candidates: SettingsCandidate[] = layout.sheets
    .filter((s) => parseMarker(s.marker)?.role === "settings" && s.settings)
    .map((s) => ({ sheet: s.name, columnA: s.settings!.columnA }));
  return { identities, candidates };
}

export function createExcelPort(api: ExcelHostApi, options: ExcelPortOptions = {}): ExcelWorkbookPort {
  const maxBatchBytes = options.maxBatchBytes ?? EXCEL_PAYLOAD_LIMIT;
  const makeToken = options.token ?? randomToken;
  let features: ExcelFeatures | null = null;
  let layoutFromState: { layout: WorkbookLayout; at: number } | null = null;
  let known: { layout: WorkbookLayout; at: number } | null = null;
  let incomplete = false;
  let writeSyncs = 0;
  let shownSheet: string | null = null;
  const notes: string[] = [];

  const addNotes = (more: readonly string[]) => {
    for (const n of more) if (!notes.includes(n)) notes.push(n);
  };
  const ensureFeatures = (): ExcelFeatures => (features ??= detectFeatures(api));

  async function read<T>(job: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await api.Excel.run(job);
    } catch (e) {
      if (e instanceof ExcelPortError) throw e;
      throw isCellEditMode(e) ? new CellEditModeError(e) : new ExcelReadError(e);
    }
  }

  const layoutOptions = () => ({ features: ensureFeatures(), maxBatchBytes });

  return {
    get notes() {
      return notes;
    },
    get incompleteFromLastRun() {
      return incomplete;
    },
    get lastWriteSyncs() {
      return writeSyncs;
    },
    get shownSheet() {
      return shownSheet;
    },

    async readState() {
      notes.length = 0;
      const opts = layoutOptions(); // feature check (may throw) before Excel.run
      const layout = await read((ctx) => readLayout(ctx, opts));
      addNotes(layout.notes);
      layoutFromState = { layout, at: Date.now() };
      known = { layout, at: Date.now() };
      const state = identitiesOf(layout);
      const ownership = resolveOwnership(state.identities, state.candidates, () => newOwnerId());
      const settings = layout.sheets.find((s) => s.name === ownership.settingsSheet);
      incomplete = isIncompleteFlag(settings?.settings?.b2);
      return state;
    },

    async readSnapshot(): Promise<WorkbookSnapshot> {
      const reuse = layoutFromState && Date.now() - layoutFromState.at <= REUSE_TTL_MS ? layoutFromState.layout : null;
      layoutFromState = null;
      const opts = layoutOptions();
      const { layout, cells } = await read(async (ctx) => {
        let layout = reuse ?? (await readLayout(ctx, opts));
        for (let attempt = 0; ; attempt++) {
          // Our own sheets are never data: not read (the core leaves them out in any case).
          const s = identitiesOf(layout);
          const ours = new Set(ownedSheetNames(resolveOwnership(s.identities, s.candidates, () => "unused00")));
          const cells = await readCells(ctx, layout, { maxBatchBytes, skip: (n) => ours.has(n) });
          if (cells) return { layout, cells: { ...cells, sheets: cells.sheets.filter((x) => !ours.has(x.name)) } };
          if (attempt >= MAX_LAYOUT_RETRIES) throw new Error("the workbook keeps changing while it is read");
          layout = await readLayout(ctx, opts); // something changed since the layout was read
        }
      });
      addNotes(layout.notes);
      known = { layout, at: Date.now() };
      return { source: layout.workbookName, sheets: cells.sheets };
    },

    async applyPlans(plans, ownership, next, applyOptions: ApplyOptions = {}): Promise<WriteReport> {
      const f = ensureFeatures();
      layoutFromState = null;
      let layout: WorkbookLayout;
      if (known && Date.now() - known.at <= REUSE_TTL_MS) layout = known.layout;
      else {
        // Called without the reads of a recompute: look at the workbook first (2 syncs).
        const opts = layoutOptions();
        layout = await read((ctx) => readLayout(ctx, opts));
      }
      known = null;
      const warnings: string[] = [];
      const writeNotes: string[] = [];
      const counter: WriteCounter = { syncs: 0, onBatch: options.onWriteBatch };
      const shown = { sheet: null as string | null };
      shownSheet = null;
      try {
        await writePlans(api, {
          show: applyOptions.show,
          shown,
          plans,
          ownership,
          next,
          features: f,
          layout,
          maxBatchBytes,
          token: uniqueToken(makeToken, layout),
          notes: writeNotes,
          warnings,
          counter,
        });
      } finally {
        writeSyncs = counter.syncs;
        shownSheet = shown.sheet;
        addNotes(writeNotes);
      }
      // Notes (features this Excel lacks) stay in `notes`; the report carries what failed, and a repair.
      if (incomplete) warnings.unshift(NOTE_REPAIRED);
      return { warnings };
    },
  };
}

/** A token for this write's settings marker, used by nothing in the workbook. */
function uniqueToken(make: () => string, layout: WorkbookLayout): string {
  const markers = layout.sheets.map((s) => s.settings?.b1);
  for (let i = 0; i < 20; i++) {
    const t = make();
    if (!markers.includes(SETTINGS_TOKEN_PREFIX + t)) return t;
  }
  return make() + Date.now().toString(36).slice(-3);
}

interface WriteJob {
  /** The plan to activate in the last cosmetics batch, by name. */
  show?: string;
  /** Set to that name once the batch that activated it succeeded. */
  shown: { sheet: string | null };
  plans: SheetPlan[];
  ownership: Ownership;
  next: StoredState;
  features: ExcelFeatures;
  layout: WorkbookLayout;
  maxBatchBytes: number;
  token: string;
  notes: string[];
  warnings: string[];
  counter: WriteCounter;
}

interface WriteCounter {
  syncs: number;
  onBatch?: (measuredBytes: number) => void;
}

/** Where each plan goes. */
interface Target {
  plan: SheetPlan;
  /** The owned sheet refreshed in place (its name now), or null for a sheet added by this run. */
  refresh: SheetLayout | null;
  /** For an added sheet: the name it is added under (plan.name, or a temporary one until the commit). */
  addAs: string;
  /** The table name to use (the plan's, unless a table outside our sheets has it). */
  tableName: string | null;
}

function findSheet(layout: WorkbookLayout, name: string): SheetLayout | undefined {
  return layout.sheets.find((s) => sameName(s.name, name));
}

function refuse(messageJa: string, messageEn: string): never {
  throw new ExcelPortError("write", messageJa, messageEn);
}

/** The plans against the workbook as read: which sheet each one refreshes, checked before anything is sent. */
function targetsOf(job: WriteJob): { targets: Target[]; obsolete: SheetLayout[]; settings: SettingsTarget } {
  const { plans, ownership, layout } = job;
  const owned = ownership.owned.map((o) => {
    const sheet = findSheet(layout, o.name);
    // The sheet must still carry the marker that made it ours.
    const marker = parseMarker(sheet?.marker);
    const ok =
      sheet &&
      marker &&
      marker.role === o.role &&
      marker.runId === o.runId &&
      marker.workbookId === ownership.workbookId;
    return ok ? { role: o.role, sheet } : null;
  });
  const ownedSheets = owned.filter(
    (o): o is { role: (typeof ownership.owned)[number]["role"]; sheet: SheetLayout } => o !== null,
  );
  const ours = (name: string) => ownedSheets.some((o) => sameName(o.sheet.name, name));

  const targets: Target[] = plans.map((plan) => {
    if (!plan.owner || plan.owner.workbookId !== ownership.workbookId)
      refuse(
        `集計シート「${plan.name}」に所有者の印がないため、書き込みません。`,
        `The sheet plan "${plan.name}" carries no owner marker; it is not written.`,
      );
    const refresh = ownedSheets.find((o) => o.role === plan.role)?.sheet ?? null;
    const holder = findSheet(layout, plan.name);
    if (holder && holder !== refresh && !ours(holder.name))
      refuse(
        `シート「${holder.name}」は利用者のシートのため、集計シートで置き換えません。集計シートの名前を変えてください。`,
        `The sheet "${holder.name}" is not a generated sheet and will not be replaced; choose another name for the generated sheet.`,
      );
    // A new sheet whose name one of our sheets still has (it goes or is renamed at the commit) starts under a temporary name.
    const addAs = !refresh && holder ? `~PR ${job.token} ${plans.indexOf(plan) + 1}` : plan.name;
    return { plan, refresh, addAs, tableName: null };
  });
  // Owned sheets no plan refreshes.
  const obsolete = ownedSheets.map((o) => o.sheet).filter((s) => !targets.some((t) => t.refresh === s));
  // A renamed plan may only take the name of one of our sheets that goes away or is renamed itself.
  for (const t of targets) {
    const holder = findSheet(layout, t.plan.name);
    if (holder && holder !== t.refresh && !obsolete.includes(holder) && !targets.some((u) => u.refresh === holder))
      refuse(`シート「${holder.name}」の名前は使えません。`, `The name of the sheet "${holder.name}" cannot be taken.`);
  }

  // Table names: the plan's, unless a table outside the sheets we rewrite holds it (names are case-insensitive).
  const rewritten = new Set([
    ...targets.flatMap((t) => (t.refresh ? [t.refresh.name] : [])),
    ...obsolete.map((s) => s.name),
  ]);
  const taken = new Set<string>();
  for (const s of layout.sheets) if (!rewritten.has(s.name)) for (const name of s.tables) taken.add(lower(name));
  for (const t of targets) {
    if (!t.plan.table) continue;
    let name = t.plan.table.name;
    for (let k = 2; taken.has(lower(name)); k++) name = `${t.plan.table.name}_${k}`;
    taken.add(lower(name));
    t.tableName = name;
  }

  const existing = ownership.settingsSheet ? (findSheet(layout, ownership.settingsSheet) ?? null) : null;

  // Protection, checked before anything is sent: Excel would refuse part-way (AccessDenied).
  const written = [...targets.flatMap((t) => (t.refresh ? [t.refresh] : [])), ...obsolete, ...(existing ? [existing] : [])];
  const locked = written.filter((s) => s.protected).map((s) => s.name);
  if (locked.length) throw new ProtectedWorkbookError(locked);
  const restructures =
    !existing ||
    existing.visibility !== "VeryHidden" ||
    obsolete.length > 0 ||
    targets.some((t) => !t.refresh || t.refresh.name !== t.plan.name);
  if (layout.structureProtected && restructures) throw new ProtectedWorkbookError([]);
  if (ownership.settingsSheet && !existing)
    refuse("設定シートが見つかりません。もう一度実行してください。", "The settings sheet is gone; please run again.");
  if (!existing && findSheet(layout, ownership.settingsSheetName))
    refuse(
      `シート「${ownership.settingsSheetName}」は利用者のシートのため、設定の保存に使いません。`,
      `The sheet "${ownership.settingsSheetName}" belongs to the user and is not used for the settings.`,
    );
  const settings: SettingsTarget = {
    existing: existing?.name ?? null,
    name: ownership.settingsSheetName,
    marker: markerFormula({
      role: "settings",
      workbookId: ownership.workbookId,
      runId: job.token.replace(/[^A-Za-z0-9]/g, "").padEnd(6, "0"),
    }),
    previousRows: existing?.settings?.columnA.length ?? 0,
  };
  return { targets, obsolete, settings };
}

/** A refreshed sheet that has the plan's table already keeps it (resized in place) where Excel can resize tables. */
function keepsTable(t: Target, f: ExcelFeatures): boolean {
  return !!(f.tableResize && t.refresh && t.tableName && t.refresh.tables.some((n) => sameName(n, t.tableName!)));
}

/** Trace message queued right after a sheet is added (OfficeExtension.Error.traceMessages lists those reached). */
const ADDED_TRACE = "added:";

/** Bytes of reaching one worksheet by name in a batch. */
const SHEET_BYTES = objectPathBytes("Worksheets") + objectPathBytes("GetItem", ["x".repeat(31 * 3)]);

async function writePlans(api: ExcelHostApi, job: WriteJob): Promise<void> {
  const { token } = job;
  const budget = budgetOf(job.maxBatchBytes, WRITE_BUDGET_SHARE);
  const { targets, obsolete, settings } = targetsOf(job);

  const opsPerPlan = targets.map((t, i) =>
    planWriteOps(t.plan, i, {
      features: job.features,
      blockBudget: Math.floor(budget / 2),
      tableName: t.tableName ?? undefined,
      keepTable: keepsTable(t, job.features),
      notes: job.notes,
    }),
  );

  // Data phase. Its first batch opens with the flag and the preparation of every sheet; its last ends with the commit.
  const prepare = (ctx: Metered<Excel.RequestContext>): Metered<Excel.Worksheet>[] => {
    if (settings.existing) queueIncompleteFlag(ctx, settings.existing, token);
    return targets.map((t) => {
      const worksheets = ctx.workbook.worksheets;
      if (!t.refresh) {
        const ws = worksheets.add(t.addAs);
        // Reached only if the add ran: tells a recovery that a sheet of this name is this run's, marker or not.
        ctx.trace(`${ADDED_TRACE}${t.addAs}`);
        ws.names.add(OWNER_NAME, markerFormula(t.plan.owner!)).visible = false;
        return ws;
      }
      const ws = worksheets.getItem(t.refresh.name);
      for (const table of t.refresh.tables) if (!(keepsTable(t, job.features) && sameName(table, t.tableName!))) ws.tables.getItem(table).delete();
      for (const chart of t.refresh.charts) ws.charts.getItem(chart).delete();
      const all = ws.getRange();
      all.conditionalFormats.clearAll();
      all.clear("All");
      if (t.refresh.marker !== markerFormula(t.plan.owner!))
        ws.names.getItem(OWNER_NAME).formula = markerFormula(t.plan.owner!);
      return ws;
    });
  };
  const renameAndCommit = (ctx: Metered<Excel.RequestContext>, sheets: Metered<Excel.Worksheet>[]) => {
    const worksheets = ctx.workbook.worksheets;
    // Owned sheets without a plan go first, so that a plan may take one's name.
    for (const s of obsolete) {
      const ws = worksheets.getItem(s.name);
      if (s.visibility === "VeryHidden") ws.visibility = "Hidden"; // Excel does not delete a very hidden sheet
      ws.delete();
    }
    // Renames in two steps, so that two of our sheets may swap names.
    const current = (t: Target) => (t.refresh ? t.refresh.name : t.addAs);
    const renamed = targets.map((t, i) => (current(t) !== t.plan.name ? i : -1)).filter((i) => i >= 0);
    for (const i of renamed) sheets[i]!.name = `~PR ${token} ${i + 1}`;
    for (const i of renamed) sheets[i]!.name = targets[i]!.plan.name;
    queueSettingsWrite(ctx, settings, job.next, token);
  };
  const commitBytes =
    measureRequest<Excel.RequestContext>((ctx) =>
      renameAndCommit(
        ctx,
        targets.map(() => ctx.workbook.worksheets.getItem("x")),
      ),
    ) +
    obsolete.length * SHEET_BYTES;
  const prepareBytes = measureRequest<Excel.RequestContext>((ctx) => void prepare(ctx)) + targets.length * SHEET_BYTES;

  const data = opsPerPlan.flatMap((o) => o.data);
  const batches = packBatches(data, budget - targets.length * SHEET_BYTES - prepareBytes);
  if (batches.length === 0) batches.push([]);
  const lastBytes = batches[batches.length - 1]!.reduce((n, o) => n + o.bytes, 0);
  if (lastBytes + commitBytes + prepareBytes * Number(batches.length === 1) > budget - targets.length * SHEET_BYTES)
    batches.push([]);

  let sentCommit = false;
  let batchesDone = 0;
  try {
    await api.Excel.run(async (ctx) => {
      let sheets: Metered<Excel.Worksheet>[] = [];
      for (let b = 0; b < batches.length; b++) {
        ctx.application.suspendApiCalculationUntilNextSync();
        if (b === 0) sheets = prepare(ctx);
        else sheets = targets.map((t) => ctx.workbook.worksheets.getItem(t.refresh ? t.refresh.name : t.addAs));
        for (const o of batches[b]!) o.apply(sheets[o.sheet]!);
        if (b === batches.length - 1) {
          renameAndCommit(ctx, sheets);
          sentCommit = true;
        }
        job.counter.syncs++;
        job.counter.onBatch?.(
          batches[b]!.reduce((n, o) => n + o.bytes, 0) +
            targets.length * SHEET_BYTES +
            (b === 0 ? prepareBytes : 0) +
            (b === batches.length - 1 ? commitBytes : 0),
        );
        try {
          await ctx.sync();
        } catch (e) {
          // Refused for its size: Excel ran none of it, so its two halves are sent instead (nothing is written
          // twice; the first half still carries the preparation, the last the commit).
          const ops = batches[b]!;
          if (officeErrorCode(e) !== "RequestPayloadSizeLimitExceeded" || ops.length < 2) throw e;
          const half = Math.ceil(ops.length / 2);
          batches.splice(b, 1, ops.slice(0, half), ops.slice(half));
          sentCommit = false;
          b--;
          continue;
        }
        batchesDone++;
      }
    });
  } catch (error) {
    // Refused before the first batch ran (a cell being edited): nothing was written, nothing to undo.
    if (batchesDone === 0 && isCellEditMode(error)) throw new CellEditModeError(error);
    let recovery: { committed: boolean; leftovers: string[] };
    try {
      const traces = traceMessagesOf(error);
      const addedNow = traces.filter((m) => m.startsWith(ADDED_TRACE)).map((m) => m.slice(ADDED_TRACE.length));
      recovery = await recover(api, job, targets, settings, sentCommit, addedNow);
    } catch (e) {
      recovery = { committed: false, leftovers: targets.filter((t) => !t.refresh).map((t) => t.addAs) };
      job.notes.push(`追加したシートの後片付けができませんでした。/ The sheets added could not be cleaned up.${codeNote(e)}`);
    }
    if (!recovery.committed) {
      const incomplete = targets.filter((t) => t.refresh).map((t) => t.refresh!.name);
      throw new ExcelWriteError(error, recovery.leftovers, incomplete);
    }
  }

  // Cosmetics phase: best effort, a failure is a warning.
  await writeCosmetics(
    api,
    job,
    targets,
    opsPerPlan.map((o) => o.cosmetics),
    budget,
  );
}

/**
 * After a failed data phase. Committed (the settings carry this run's token): nothing to undo. Otherwise the
 * sheets this run added are deleted (they carry this run's marker and are recorded nowhere) and a settings sheet
 * it created is removed; refreshed sheets stay, flagged incomplete.
 */
async function recover(
  api: ExcelHostApi,
  job: WriteJob,
  targets: Target[],
  settings: SettingsTarget,
  sentCommit: boolean,
  addedNow: string[],
): Promise<{ committed: boolean; leftovers: string[] }> {
  return api.Excel.run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    loadItemNames(worksheets, "name", "visibility");
    await ctx.sync();
    const find = (n: string) => worksheets.items.find((w) => sameName(w.name, n));
    const settingsName = settings.existing ?? settings.name;
    let committed = false;
    if (sentCommit && find(settingsName)) {
      const b1 = worksheets.getItem(settingsName).getRange("B1");
      loadNames(b1, "values");
      await ctx.sync();
      committed = b1.values[0]?.[0] === SETTINGS_TOKEN_PREFIX + job.token;
    }
    if (committed) {
      // The state is stored; what failed came after it in the batch: the settings sheet's visibility.
      worksheets.getItem(settingsName).visibility = "VeryHidden";
      await ctx.sync();
      return { committed, leftovers: [] };
    }
    // Sheets added by this run: only where the sheet of that name carries this run's marker.
    // (under the name it was added as, or its final name if the renames ran)
    const added = targets
      .filter((t) => !t.refresh)
      .flatMap((t) =>
        [t.addAs, t.plan.name].filter((n, i, a) => a.indexOf(n) === i && find(n)).map((name) => ({ t, name })),
      );
    const markers = added.map(({ name }) => {
      const m = worksheets.getItem(name).names.getItemOrNullObject(OWNER_NAME);
      loadNames(m, "formula");
      return m;
    });
    let createdSettings: Excel.NamedItem | null = null;
    if (!settings.existing && find(settings.name)) {
      createdSettings = worksheets.getItem(settings.name).names.getItemOrNullObject(OWNER_NAME);
      loadNames(createdSettings, "formula");
    }
    await ctx.sync();
    const deleted: string[] = [];
    added.forEach(({ t, name }, i) => {
      const m = markers[i]!;
      const oursByMarker = !m.isNullObject && m.formula === markerFormula(t.plan.owner!);
      // Added by the batch that failed before its marker was set.
      const oursByTrace = m.isNullObject && addedNow.includes(name);
      if (oursByMarker || oursByTrace) {
        worksheets.getItem(name).delete();
        deleted.push(name);
      }
    });
    const settingsOurs =
      createdSettings &&
      (createdSettings.isNullObject ? addedNow.includes(settings.name) : createdSettings.formula === settings.marker);
    if (createdSettings && settingsOurs) {
      const ws = worksheets.getItem(settings.name);
      ws.visibility = "Hidden";
      ws.delete();
    }
    await ctx.sync();
    loadItemNames(worksheets, "name");
    await ctx.sync();
    const leftovers = deleted.filter((n) => worksheets.items.some((w) => sameName(w.name, n)));
    return { committed, leftovers };
  });
}

/** Excel's error code for a warning (" (InvalidArgument)"): never the raw English message of the API. */
function codeNote(e: unknown): string {
  const code = officeErrorCode(e);
  return code ? ` (${code})` : "";
}

/** The cosmetics group that activates the sheet to show. */
const SHOW_KIND = "show";

/**
 * The cosmetic operations, packed into as few syncs as the limit allows. Each group (one kind on one sheet) is
 * preceded by a trace message; when a sync fails, the last trace received names the group that failed: what ran
 * before it stays, it is reported, and the work goes on after it.
 */
async function writeCosmetics(
  api: ExcelHostApi,
  job: WriteJob,
  targets: Target[],
  perSheet: WriteOp[][],
  budget: number,
): Promise<void> {
  // The panes of a refreshed sheet are unfrozen first (a plan without freeze leaves none).
  const groups: { sheet: number; kind: string; ops: WriteOp[] }[] = [];
  targets.forEach((t, i) => {
    if (t.refresh) {
      const unfreeze: WriteOp = { sheet: i, bytes: 0, kind: "freeze", apply: (ws) => ws.freezePanes.unfreeze() };
      unfreeze.bytes = measureRequest<Excel.Worksheet>(unfreeze.apply);
      groups.push({ sheet: i, kind: "freeze", ops: [unfreeze] });
    }
    for (const op of perSheet[i]!) {
      const last = groups[groups.length - 1];
      if (last && last.sheet === i && last.kind === op.kind) last.ops.push(op);
      else groups.push({ sheet: i, kind: op.kind ?? "other", ops: [op] });
    }
  });
  // Last of all, the sheet to show: in the last batch, not a sync of its own.
  const showAt = job.show === undefined ? -1 : targets.findIndex((t) => t.plan.name === job.show);
  if (showAt >= 0) {
    const show: WriteOp = { sheet: showAt, bytes: 0, apply: (ws) => ws.activate() };
    show.bytes = measureRequest<Excel.Worksheet>(show.apply);
    groups.push({ sheet: showAt, kind: SHOW_KIND, ops: [show] });
  }
  if (groups.length === 0) return;
  const traceBytes = measureRequest<Excel.RequestContext>((ctx) => ctx.trace("g:0000"));
  // Units of packing: a group, or its operations one by one when it is bigger than a batch (links of a long list).
  const units = groups.flatMap((g, gi) => {
    const bytes = g.ops.reduce((n, o) => n + o.bytes, 0);
    if (bytes + traceBytes <= budget) return [{ group: gi, ops: g.ops, bytes: bytes + traceBytes }];
    return g.ops.map((o) => ({ group: gi, ops: [o], bytes: o.bytes + traceBytes }));
  });
  const sheetBytes = targets.length * SHEET_BYTES;
  const failedGroups = new Set<number>();
  let pending = units;
  // Units per batch once Excel refused one for its size (it ran none of it): halved each time.
  let cap = Infinity;
  while (pending.length > 0) {
    const batch = packBatches(pending, budget - sheetBytes)[0]!.slice(0, cap);
    try {
      await api.Excel.run(async (ctx) => {
        const sheets = targets.map((t) => ctx.workbook.worksheets.getItem(t.plan.name));
        batch.forEach((u, k) => {
          ctx.trace(`g:${k}`);
          for (const o of u.ops) o.apply(sheets[o.sheet]!);
        });
        job.counter.syncs++;
        job.counter.onBatch?.(sheetBytes + batch.reduce((n, u) => n + u.bytes, 0));
        await ctx.sync();
      });
      if (batch.some((u) => groups[u.group]!.kind === SHOW_KIND)) job.shown.sheet = job.show ?? null;
      pending = pending.slice(batch.length);
    } catch (e) {
      if (officeErrorCode(e) === "RequestPayloadSizeLimitExceeded") {
        if (batch.length > 1) {
          cap = Math.ceil(batch.length / 2);
          continue;
        }
        const unit = batch[0]!;
        if (unit.ops.length > 1) {
          // One group too big for this Excel: its operations one by one (packed again, under the cap).
          const one = unit.ops.map((o) => ({ group: unit.group, ops: [o], bytes: o.bytes + traceBytes }));
          pending = [...one, ...pending.slice(1)];
          cap = Math.max(1, Math.ceil(one.length / 2));
          continue;
        }
      }
      const traces = traceMessagesOf(e);
      if (traces.length === 0) {
        // Failed before the first step (a sheet gone meanwhile): nothing more is tried.
        job.warnings.push(
          `集計シートの書式・グラフなどを設定できませんでした（データは書き込み済みです）。/ The formatting, charts and links of the generated sheets could not be set (the data is written).${codeNote(e)}`,
        );
        return;
      }
      const last = traces.length ? Number(/^g:(\d+)$/.exec(traces[traces.length - 1]!)?.[1] ?? -1) : -1;
      const at = last >= 0 && last < batch.length ? last : 0;
      const failed = batch[at]!;
      // Not showing the sheet is no failure of the write (the caller may show it on its own): no warning.
      if (!failedGroups.has(failed.group) && groups[failed.group]!.kind !== SHOW_KIND) {
        failedGroups.add(failed.group);
        const g = groups[failed.group]!;
        const label = COSMETIC_LABELS[g.kind as keyof typeof COSMETIC_LABELS] ?? g.kind;
        job.warnings.push(
          `「${targets[g.sheet]!.plan.name}」の${label.split(" / ")[0]}を設定できませんでした（データは書き込み済みです）。/ Could not set the ${label.split(" / ")[1]} of "${targets[g.sheet]!.plan.name}" (the data is written).${codeNote(e)}`,
        );
      }
      // The rest of the failed group is skipped; the next groups go on.
      pending = pending.slice(at + 1).filter((u) => u.group !== failed.group);
    }
  }
}
