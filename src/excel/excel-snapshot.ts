/**
 * Reading the workbook in a constant number of syncs, whatever the number
 * of sheets and rows:
 *
 *   layout  sync 1  the sheet list (names, visibility, order), the workbook name;
 *           sync 2  for every sheet at once: its owner marker (the sheet-scoped
 *                   defined name, see core/ownership.ts), the used range's
 *                   address (values only), merged areas (ExcelApi 1.13), table
 *                   and chart names, the first rows (PREFETCH_ROWS shared by
 *                   the sheets: the whole used range of a small sheet, else a
 *                   sample to size the cells sync), and, for hidden sheets
 *                   (where the settings live), column A and B1:B2;
 *   cells   sync 3  only for sheets sync 2 did not read whole: values, text and
 *                   number formats, in as few row blocks as the payload budget
 *                   allows, with the sheet list and the used-range addresses
 *                   checked again in the same batch.
 *
 * The size of a block is planned from the sample (the largest cell of each
 * column, times the rows) and corrected from every block received, so that
 * no request or response goes over Excel on the web's 5 MB. If Excel still
 * refuses one, the estimate is doubled and the block split.
 */
import { loadItemNames, loadNames } from "./excel-load";
import type { CellRect, RawValue, SheetSnapshot, SheetVisibility } from "../core/model/snapshot";
import { OWNER_NAME, parseMarker } from "../core/ownership";
import { parseAreas, parseRect } from "./excel-address";
import {
  budgetOf,
  EXCEL_PAYLOAD_LIMIT,
  jsonBytes,
  OP_OVERHEAD_BYTES,
  packBatches,
  splitUniformRows,
  utf8Length,
} from "./excel-batching";
import { errorLocation, isPayloadTooLarge, mayBeMergedAreasFailure, officeErrorCode, traceMessagesOf } from "./excel-errors";
import type { ExcelFeatures } from "./excel-requirements";
import { NOTE_NO_MERGED_AREAS, NOTE_TOO_MANY_MERGED_AREAS } from "./excel-requirements";

export interface SheetListing {
  name: string;
  visibility: SheetVisibility;
}

/** Column A and B1:B2 of a sheet that may hold settings (see excel-settings.ts). */
export interface SettingsCells {
  columnA: unknown[];
  b1: unknown;
  b2: unknown;
}

export interface SheetLayout extends SheetListing {
  /** The formula of the sheet's owner marker (sheet-scoped OWNER_NAME), or null. */
  marker: string | null;
  /** The used range (values only), or null for a sheet without values. */
  rect: CellRect | null;
  merges: CellRect[] | null;
  tables: string[];
  charts: string[];
  /** Read for hidden sheets and for any sheet whose marker says settings; else null. */
  settings: SettingsCells | null;
  /** Estimated response bytes of one row of values + text + numberFormat. */
  rowBytes: number;
  /**
   * The whole used range's cells when the layout sync read all of it (a small sheet), else null: the
   * cells sync then has nothing to read for this sheet.
   */
  cells: { values: unknown[][]; text: unknown[][]; numberFormat: unknown[][] } | null;
  /** Worksheet.protection.protected: Excel refuses every write to it (AccessDenied). */
  protected: boolean;
}

export interface WorkbookLayout {
  workbookName: string;
  /** Workbook.protection.protected: sheets cannot be added, deleted, renamed or hidden (AccessDenied). */
  structureProtected: boolean;
  sheets: SheetLayout[];
  notes: string[];
}

/** A sheet as read is exactly a core snapshot sheet. */
export type SheetRead = SheetSnapshot;

export interface CellsRead {
  sheets: SheetRead[];
  /** Of the names asked to check, those that exist, with their current spelling. */
  existing: string[];
}

/** Rows sampled per sheet in the layout sync to size the cells sync (at least). */
export const SAMPLE_ROWS = 20;
/**
 * Rows read ahead in the layout sync, shared by the sheets: a sheet whose
 * used range fits is read whole there, which saves the cells sync on most workbooks. A response over the
 * payload limit falls back to SAMPLE_ROWS.
 */
export const PREFETCH_ROWS = 3000;
const PREFETCH_MAX_ROWS = PREFETCH_ROWS;
/** A cell's share of JSON punctuation in a values/text/numberFormat response. */
const CELL_FRAMING = 3;
/** Smallest believable row cost per cell ("" , "" , "General"). */
const MIN_CELL_BYTES = 16;
const MARGIN = 1.25;
const MAX_RETRIES = 4;
/** Trace message queued just before the merged-areas reads of the layout sync. */
const MERGES_TRACE = "merged-areas";

function listingOf(collection: Excel.WorksheetCollection): SheetListing[] {
  return collection.items.map((w) => ({ name: w.name, visibility: w.visibility as SheetVisibility }));
}

function sameListing(a: readonly SheetListing[], b: readonly SheetListing[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.visibility === b[i]!.visibility);
}

/** Excel gives "" for empty cells; the snapshot wants null. Errors stay their text ("#DIV/0!"). */
function normaliseValues(values: unknown[][]): RawValue[][] {
  return values.map((row) =>
    row.map((v): RawValue => {
      if (v === "" || v === undefined || v === null) return null;
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
      return String(v);
    }),
  );
}

function normaliseStrings(rows: unknown[][], fallback: string): string[][] {
  return rows.map((row) => row.map((v) => (v === null || v === undefined || v === "" ? fallback : String(v))));
}

function cellBytes(v: unknown): number {
  return v === null || v === undefined ? 4 : typeof v === "string" ? utf8Length(v) + 2 : utf8Length(String(v));
}

/** Bytes of one row, estimated from a sample: the largest cell of each column (values + text + format). */
export function estimateRowBytes(
  sample: { values: unknown[][]; text: unknown[][]; numberFormat: unknown[][] } | null,
  cols: number,
): number {
  if (!sample || sample.values.length === 0) return cols * MIN_CELL_BYTES * 4;
  let total = 0;
  for (let c = 0; c < cols; c++) {
    let max = MIN_CELL_BYTES;
    for (let r = 0; r < sample.values.length; r++) {
      const b =
        cellBytes(sample.values[r]?.[c]) +
        cellBytes(sample.text[r]?.[c]) +
        cellBytes(sample.numberFormat[r]?.[c]) +
        CELL_FRAMING;
      if (b > max) max = b;
    }
    total += max;
  }
  return Math.ceil(total * MARGIN) + 4;
}

export interface LayoutOptions {
  features: ExcelFeatures;
  /** The payload limit the reads plan for (the read-ahead shrinks with it); Excel on the web's when absent. */
  maxBatchBytes?: number;
}

/** The rows of column A from a used-range read (null-padded above it). */
function columnFrom(range: Excel.Range): unknown[] {
  if (range.isNullObject) return [];
  const top = parseRect(range.address).top;
  return [...new Array<unknown>(top).fill(null), ...range.values.map((r) => r[0])];
}

/** Syncs 1 and 2 (and a third only when a visible sheet carries a settings marker). */
export async function readLayout(ctx: Excel.RequestContext, options: LayoutOptions): Promise<WorkbookLayout> {
  const notes: string[] = [];
  const worksheets = ctx.workbook.worksheets;
  loadItemNames(worksheets, "name", "visibility");
  loadNames(ctx.workbook, "name");
  await ctx.sync();
  let listing = listingOf(worksheets);
  const workbookName = ctx.workbook.name;

  let withMerges = options.features.mergedAreas;
  if (!withMerges) notes.push(NOTE_NO_MERGED_AREAS);
  let oneRowSamples = false;
  let sampleRows = Math.max(
    SAMPLE_ROWS,
    Math.min(
      PREFETCH_MAX_ROWS,
      Math.floor(
        (PREFETCH_ROWS * Math.min(1, (options.maxBatchBytes ?? EXCEL_PAYLOAD_LIMIT) / EXCEL_PAYLOAD_LIMIT)) /
          Math.max(1, listing.length),
      ),
    ),
  );

  const queueSettings = (ws: Excel.Worksheet) => {
    const columnA = ws.getRange("A:A").getUsedRangeOrNullObject(true);
    loadNames(columnA, "address", "values");
    const b = ws.getRange("B1:B2");
    loadNames(b, "values");
    return { columnA, b };
  };
  const settingsOf = (q: { columnA: Excel.Range; b: Excel.Range }): SettingsCells => ({
    columnA: columnFrom(q.columnA),
    b1: q.b.values[0]?.[0] ?? null,
    b2: q.b.values[1]?.[0] ?? null,
  });

  for (let attempt = 0; ; attempt++) {
    const queued = listing.map((l) => {
      const ws = ctx.workbook.worksheets.getItem(l.name);
      const marker = ws.names.getItemOrNullObject(OWNER_NAME);
      loadNames(marker, "formula");
      const used = ws.getUsedRangeOrNullObject(true);
      loadNames(used, "address");
      // The first rows of the used range (A1 on a blank sheet), to size the cells sync. Excel refuses a
      // resized range past the sheet's last row: after such a failure the sample is the first row only.
      const usedRange = ws.getUsedRange(true);
      const first = usedRange.getRow(0);
      // Cut to the used range: a small sheet costs its own rows, not the read-ahead's.
      const sample = oneRowSamples ? first : first.getResizedRange(sampleRows - 1, 0).getIntersection(usedRange);
      loadNames(sample, "values", "text", "numberFormat");
      const tables = ws.tables;
      loadItemNames(tables, "name");
      const charts = ws.charts;
      loadItemNames(charts, "name");
      const settings = l.visibility !== "Visible" ? queueSettings(ws) : null;
      const protection = ws.protection;
      loadNames(protection, "protected");
      const merged = null as Excel.RangeAreas | null; // queued last (below)
      return { l, ws, marker, used, sample, merged, tables, charts, settings, protection };
    });
    const workbookProtection = ctx.workbook.protection;
    loadNames(workbookProtection, "protected");
    // Merged areas last, after a trace: a failure once the trace was reached is theirs (past 512 areas Excel fails
    // with a generic code, at a location it does not document), whatever its location or message says.
    if (withMerges) {
      ctx.trace(MERGES_TRACE);
      for (const q of queued) {
        const areas = q.ws.getRange().getMergedAreasOrNullObject();
        loadNames(areas, "address");
        q.merged = areas;
      }
    }
    const check = ctx.workbook.worksheets;
    loadItemNames(check, "name", "visibility");
    try {
      await ctx.sync();
    } catch (e) {
      if (sampleRows > SAMPLE_ROWS && isPayloadTooLarge(e) && attempt < MAX_RETRIES) {
        sampleRows = SAMPLE_ROWS; // long texts: read ahead no more than the sample
        continue;
      }
      if (!oneRowSamples && /getResizedRange/i.test(errorLocation(e)) && attempt < MAX_RETRIES) {
        oneRowSamples = true; // a used range within SAMPLE_ROWS of the sheet's bottom
        continue;
      }
      const traces = traceMessagesOf(e);
      if (withMerges && mayBeMergedAreasFailure(e) && traces[traces.length - 1] === MERGES_TRACE && attempt < MAX_RETRIES) {
        // getMergedAreasOrNullObject fails past 512 areas: read without merges (a warning per sheet says so).
        withMerges = false;
        notes.push(NOTE_TOO_MANY_MERGED_AREAS);
        continue;
      }
      throw e;
    }
    const now = listingOf(check);
    if (!sameListing(listing, now)) {
      if (attempt >= MAX_RETRIES) throw new Error("the sheet list keeps changing while it is read");
      listing = now;
      continue;
    }
    // A settings marker on a visible sheet (unhidden by someone): its cells take one more sync.
    const late = queued.map((q) => {
      const marker = q.marker.isNullObject ? null : q.marker.formula;
      return { marker, settings: !q.settings && parseMarker(marker)?.role === "settings" ? queueSettings(q.ws) : null };
    });
    if (late.some((l) => l.settings)) await ctx.sync();
    const sheets = queued.map((q, i): SheetLayout => {
      const { marker, settings: lateSettings } = late[i]!;
      const sample = q.sample;
      const rect = q.used.isNullObject ? null : parseRect(q.used.address);
      const cols = rect ? rect.right - rect.left + 1 : 0;
      const settingsQ = q.settings ?? lateSettings;
      return {
        ...q.l,
        marker,
        rect,
        merges: q.merged ? (q.merged.isNullObject ? [] : clampAreas(parseAreas(q.merged.address), rect)) : null,
        tables: q.tables.items.map((t) => t.name),
        charts: q.charts.items.map((c) => c.name),
        settings: settingsQ ? settingsOf(settingsQ) : null,
        rowBytes: rect
          ? estimateRowBytes({ values: sample.values, text: sample.text, numberFormat: sample.numberFormat }, cols)
          : 0,
        cells: rect ? wholeFromSample(sample, rect) : null,
        protected: q.protection.protected,
      };
    });
    return { workbookName, structureProtected: workbookProtection.protected, sheets, notes };
  }
}

/** The used range's cells when the sample (read from its first row down) covers all its rows, else null. */
function wholeFromSample(sample: Excel.Range, rect: CellRect): SheetLayout["cells"] {
  const rows = rect.bottom - rect.top + 1;
  if (sample.values.length < rows) return null;
  return {
    values: sample.values.slice(0, rows),
    text: sample.text.slice(0, rows),
    numberFormat: sample.numberFormat.slice(0, rows),
  };
}

/** Merged areas of whole rows or columns ("Sheet1!1:1") cut to the used range; areas outside it dropped. */
function clampAreas(areas: CellRect[], used: CellRect | null): CellRect[] {
  if (!used) return [];
  const out: CellRect[] = [];
  for (const a of areas) {
    const r = {
      top: Math.max(a.top, Math.min(a.top, used.top)),
      left: Math.max(a.left, Math.min(a.left, used.left)),
      bottom: Math.min(a.bottom, Math.max(a.top, used.bottom)),
      right: Math.min(a.right, Math.max(a.left, used.right)),
    };
    if (r.top <= r.bottom && r.left <= r.right) out.push(r);
  }
  return out;
}

interface Block {
  sheet: number;
  start: number;
  count: number;
  bytes: number;
}

export interface CellsOptions {
  maxBatchBytes: number;
  /** Sheet names whose existence is checked (getItemOrNullObject) in the same sync. */
  checkExisting?: string[];
  /** Sheets not to read (the settings sheet). */
  skip?: (name: string) => boolean;
}

/**
 * Sync 3 (and more only for data above the budget). Returns null when the
 * workbook no longer matches the layout (a sheet added, removed, renamed or
 * its used range changed): read the layout again.
 */
export async function readCells(
  ctx: Excel.RequestContext,
  layout: WorkbookLayout,
  options: CellsOptions,
): Promise<CellsRead | null> {
  const budget = budgetOf(options.maxBatchBytes);
  const skip = options.skip ?? (() => false);
  const sheets: SheetRead[] = layout.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    origin: { row: s.rect?.top ?? 0, col: s.rect?.left ?? 0 },
    values: [],
    text: [],
    numberFormat: [],
    merges: s.merges,
  }));
  const rowBytes = layout.sheets.map((s) => s.rowBytes);
  const plan = (units: { sheet: number; start: number; count: number }[]): Block[] =>
    units.flatMap((u) =>
      splitUniformRows(u.count, rowBytes[u.sheet]!, budget - 2 * OP_OVERHEAD_BYTES).map((b) => ({
        sheet: u.sheet,
        start: u.start + b.start,
        count: b.count,
        bytes: b.count * rowBytes[u.sheet]! + OP_OVERHEAD_BYTES,
      })),
    );
  // Sheets the layout sync read whole take no block; their cells are as consistent as the layout itself.
  layout.sheets.forEach((s, i) => {
    if (!s.cells || !s.rect || skip(s.name)) return;
    const to = sheets[i]!;
    to.values.push(...normaliseValues(s.cells.values));
    to.text.push(...normaliseStrings(s.cells.text, ""));
    to.numberFormat.push(...normaliseStrings(s.cells.numberFormat, "General"));
  });
  let pending = plan(
    layout.sheets.flatMap((s, sheet) =>
      s.rect && !s.cells && !skip(s.name) ? [{ sheet, start: 0, count: s.rect.bottom - s.rect.top + 1 }] : [],
    ),
  );
  // Nothing left to read and no names to check: no sync.
  if (pending.length === 0 && !options.checkExisting?.length) return { sheets, existing: [] };

  let existing: string[] = [];
  let first = true;
  while (first || pending.length > 0) {
    // The checks ride along with the first batch; they cost a few hundred bytes.
    const checkBytes = first ? layout.sheets.length * OP_OVERHEAD_BYTES * 2 : 0;
    const batch = pending.length ? packBatches(pending, budget - checkBytes)[0]! : [];
    const queued = batch.map((u) => {
      const s = layout.sheets[u.sheet]!;
      const rect = s.rect!;
      const range = ctx.workbook.worksheets
        .getItem(s.name)
        .getRangeByIndexes(rect.top + u.start, rect.left, u.count, rect.right - rect.left + 1);
      loadNames(range, "values", "text", "numberFormat");
      return { u, range };
    });
    let check: { list: Excel.WorksheetCollection; used: Excel.Range[]; named: Excel.Worksheet[] } | null = null;
    if (first) {
      const list = ctx.workbook.worksheets;
      loadItemNames(list, "name", "visibility");
      const used = layout.sheets.map((s) => {
        const u = ctx.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(true);
        loadNames(u, "address");
        return u;
      });
      const named = (options.checkExisting ?? []).map((n) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(n);
        loadNames(ws, "name");
        return ws;
      });
      check = { list, used, named };
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadTooLarge(e) && batch.some((u) => u.count > 1)) {
        // Excel refused the response: these rows are longer than the ones sampled (long notes further down).
        // Halve the refused blocks and double the estimate until it fits; a single row over the limit fails.
        for (const u of batch) rowBytes[u.sheet] = rowBytes[u.sheet]! * 2;
        const halves = batch.flatMap((u): Block[] => {
          if (u.count === 1) return [u];
          const half = Math.ceil(u.count / 2);
          const bytesOf = (count: number) => count * rowBytes[u.sheet]! + OP_OVERHEAD_BYTES;
          return [
            { sheet: u.sheet, start: u.start, count: half, bytes: bytesOf(half) },
            { sheet: u.sheet, start: u.start + half, count: u.count - half, bytes: bytesOf(u.count - half) },
          ];
        });
        pending = [...halves, ...plan(pending.slice(batch.length))];
        continue;
      }
      // A sheet in the layout is gone (ItemNotFound): the caller reads the layout again.
      if (first && officeErrorCode(e) === "ItemNotFound") return null;
      throw e;
    }
    if (check) {
      first = false;
      if (!sameListing(layout.sheets, listingOf(check.list))) return null;
      for (let i = 0; i < layout.sheets.length; i++) {
        const u = check.used[i]!;
        const was = layout.sheets[i]!.rect;
        const now = u.isNullObject ? null : parseRect(u.address);
        if (JSON.stringify(was) !== JSON.stringify(now)) return null;
      }
      existing = check.named.filter((w) => !w.isNullObject).map((w) => w.name);
    }
    for (const { u, range } of queued) {
      const s = sheets[u.sheet]!;
      s.values.push(...normaliseValues(range.values));
      s.text.push(...normaliseStrings(range.text, ""));
      s.numberFormat.push(...normaliseStrings(range.numberFormat, "General"));
      // Learn from what arrived: plan the rest of this sheet with the larger estimate.
      const measured = Math.ceil(
        ((jsonBytes(range.values) + jsonBytes(range.text) + jsonBytes(range.numberFormat)) / u.count) * MARGIN,
      );
      if (measured > rowBytes[u.sheet]!) rowBytes[u.sheet] = measured;
    }
    pending = plan(pending.slice(batch.length));
  }
  return { sheets, existing };
}
