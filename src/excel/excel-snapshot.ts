/**
 * Reading the workbook in a constant number of syncs, whatever the number
 * of sheets and rows:
 *
 *   sync 1  the sheet list (names, visibility, order) and the workbook name;
 *   sync 2  for every sheet at once: the used range (values only) with its
 *           address, values, text and number formats, the merged areas
 *           (ExcelApi 1.13) and the table names, plus the sheet list again
 *           to prove that nothing was added, removed or renamed meanwhile.
 *
 * Sync 2 is optimistic: nothing tells the size of a sheet before it is read.
 * When Excel on the web refuses the response (over 5 MB), the reader falls
 * back to the careful path: one sync for the dimensions, then row blocks
 * packed under the budget (excel-batching.ts), with the per-cell estimate
 * corrected from every block received. Once a workbook needed the careful
 * path, the port starts there next time.
 *
 * The settings sheet is read like any other sheet here; the port takes it
 * out of the snapshot.
 */
import type { CellRect, RawValue, SheetVisibility } from "../core/model/snapshot";
import { parseAreas, parseRect } from "./excel-address";
import {
  budgetOf,
  estimateReadBytes,
  jsonBytes,
  packBatches,
  READ_BYTES_PER_CELL,
  splitUniformRows,
  OP_OVERHEAD_BYTES,
} from "./excel-batching";
import { isPayloadTooLarge } from "./excel-errors";
import type { ExcelFeatures } from "./excel-requirements";
import { NOTE_NO_MERGED_AREAS, NOTE_TOO_MANY_MERGED_AREAS } from "./excel-requirements";

export interface SheetListing {
  name: string;
  visibility: SheetVisibility;
}

export interface SheetRead {
  name: string;
  visibility: SheetVisibility;
  /** Zero-based sheet coordinates of values[0][0]. */
  origin: { row: number; col: number };
  values: RawValue[][];
  text: string[][];
  numberFormat: string[][];
  merges: CellRect[] | null;
  /** Names of the Excel tables on this sheet. */
  tables: string[];
}

export interface WorkbookRead {
  workbookName: string;
  /** Every sheet, in workbook order. */
  sheets: SheetRead[];
  notes: string[];
  /** Syncs this read took. */
  syncs: number;
  /** Bytes of cell data received (JSON), for the next read's strategy. */
  bytes: number;
  /** True when the optimistic one-sync read was refused as too large. */
  needsBlocks: boolean;
}

export interface ReadOptions {
  features: ExcelFeatures;
  maxBatchBytes: number;
  /** Start with the careful path (dimensions first), e.g. because the last read was too large. */
  careful?: boolean;
}

interface Dims {
  name: string;
  visibility: SheetVisibility;
  /** null when the sheet has no values. */
  rect: CellRect | null;
  merges: CellRect[] | null;
  tables: string[];
}

const MAX_LIST_RETRIES = 3;

function sameListing(a: SheetListing[], b: SheetListing[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.visibility === b[i]!.visibility);
}

function listingOf(collection: Excel.WorksheetCollection): SheetListing[] {
  return collection.items.map((w) => ({ name: w.name, visibility: w.visibility as SheetVisibility }));
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
  return rows.map((row) => row.map((v) => (v === null || v === undefined ? fallback : String(v))));
}

/** Read every sheet of the workbook inside one Excel.run context. */
export async function readWorkbook(ctx: Excel.RequestContext, options: ReadOptions): Promise<WorkbookRead> {
  const notes: string[] = [];
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await ctx.sync();
  };

  // Sync 1: the sheet list.
  const sheetsProxy = ctx.workbook.worksheets;
  sheetsProxy.load("items/name,items/visibility");
  ctx.workbook.load("name");
  await sync();
  let listing = listingOf(sheetsProxy);
  const workbookName = ctx.workbook.name;

  let withMerges = options.features.mergedAreas;
  if (!withMerges) notes.push(NOTE_NO_MERGED_AREAS);
  let optimistic = !options.careful;

  for (let attempt = 0; ; attempt++) {
    try {
      const result = optimistic
        ? await readAllAtOnce(ctx, listing, withMerges, sync)
        : await readInBlocks(ctx, listing, withMerges, options.maxBatchBytes, sync);
      if ("changed" in result) {
        if (attempt >= MAX_LIST_RETRIES) throw new Error("the sheet list keeps changing while it is read");
        listing = result.changed;
        continue;
      }
      return {
        workbookName,
        sheets: result.sheets,
        notes,
        syncs,
        bytes: result.bytes,
        needsBlocks: !optimistic,
      };
    } catch (e) {
      if (optimistic && isPayloadTooLarge(e)) {
        optimistic = false;
        continue;
      }
      if (withMerges && !isPayloadTooLarge(e) && attempt < MAX_LIST_RETRIES + 2) {
        // getMergedAreasOrNullObject fails past 512 areas; read again without merges.
        withMerges = false;
        notes.push(NOTE_TOO_MANY_MERGED_AREAS);
        continue;
      }
      throw e;
    }
  }
}

interface SheetProxies {
  listing: SheetListing;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  tables: Excel.TableCollection;
}

function queueSheetProxies(
  ctx: Excel.RequestContext,
  listing: SheetListing[],
  withMerges: boolean,
  usedProperties: string,
): { proxies: SheetProxies[]; check: Excel.WorksheetCollection } {
  const proxies = listing.map((l): SheetProxies => {
    const ws = ctx.workbook.worksheets.getItem(l.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(usedProperties);
    let merged: Excel.RangeAreas | null = null;
    if (withMerges) {
      merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
    }
    const tables = ws.tables;
    tables.load("items/name");
    return { listing: l, used, merged, tables };
  });
  // The list again, in the same batch: proves that the data belongs to this list.
  const check = ctx.workbook.worksheets;
  check.load("items/name,items/visibility");
  return { proxies, check };
}

function dimsOf(p: SheetProxies): Dims {
  const rect = p.used.isNullObject ? null : parseRect(p.used.address);
  let merges: CellRect[] | null = null;
  if (p.merged) merges = p.merged.isNullObject ? [] : parseAreas(p.merged.address);
  return {
    name: p.listing.name,
    visibility: p.listing.visibility,
    rect,
    merges,
    tables: p.tables.items.map((t) => t.name),
  };
}

function emptySheet(d: Dims): SheetRead {
  return {
    name: d.name,
    visibility: d.visibility,
    origin: { row: d.rect?.top ?? 0, col: d.rect?.left ?? 0 },
    values: [],
    text: [],
    numberFormat: [],
    merges: d.merges,
    tables: d.tables,
  };
}

type ReadResult = { sheets: SheetRead[]; bytes: number } | { changed: SheetListing[] };

/** Sync 2, optimistic: dimensions and cells of every sheet together. */
async function readAllAtOnce(
  ctx: Excel.RequestContext,
  listing: SheetListing[],
  withMerges: boolean,
  sync: () => Promise<void>,
): Promise<ReadResult> {
  const { proxies, check } = queueSheetProxies(ctx, listing, withMerges, "address,values,text,numberFormat");
  await sync();
  const now = listingOf(check);
  if (!sameListing(listing, now)) return { changed: now };
  let bytes = 0;
  const sheets = proxies.map((p) => {
    const d = dimsOf(p);
    if (!d.rect) return emptySheet(d);
    const values = p.used.values;
    const text = p.used.text;
    const numberFormat = p.used.numberFormat;
    bytes += jsonBytes(values) + jsonBytes(text) + jsonBytes(numberFormat);
    return {
      ...emptySheet(d),
      values: normaliseValues(values),
      text: normaliseStrings(text, ""),
      numberFormat: normaliseStrings(numberFormat, "General"),
    };
  });
  return { sheets, bytes };
}

interface BlockUnit {
  sheet: number;
  start: number;
  count: number;
  cols: number;
  bytes: number;
}

/** The careful path: dimensions first, then row blocks under the budget. */
async function readInBlocks(
  ctx: Excel.RequestContext,
  listing: SheetListing[],
  withMerges: boolean,
  maxBatchBytes: number,
  sync: () => Promise<void>,
): Promise<ReadResult> {
  const { proxies, check } = queueSheetProxies(ctx, listing, withMerges, "address");
  await sync();
  const now = listingOf(check);
  if (!sameListing(listing, now)) return { changed: now };
  const dims = proxies.map(dimsOf);
  const sheets = dims.map(emptySheet);
  const budget = budgetOf(maxBatchBytes);
  let perCell = READ_BYTES_PER_CELL;
  let bytes = 0;

  // Units still to read, in order; re-planned whenever the estimate grows.
  const plan = (units: { sheet: number; start: number; count: number; cols: number }[]): BlockUnit[] => {
    const out: BlockUnit[] = [];
    for (const u of units) {
      for (const b of splitUniformRows(u.count, u.cols * perCell, budget - OP_OVERHEAD_BYTES)) {
        out.push({ ...u, start: u.start + b.start, count: b.count, bytes: estimateReadBytes(b.count, u.cols, perCell) });
      }
    }
    return out;
  };
  let pending = plan(
    dims.flatMap((d, sheet) =>
      d.rect ? [{ sheet, start: 0, count: d.rect.bottom - d.rect.top + 1, cols: d.rect.right - d.rect.left + 1 }] : [],
    ),
  );

  while (pending.length > 0) {
    const batch = packBatches(pending, budget)[0]!;
    const queued = batch.map((u) => {
      const d = dims[u.sheet]!;
      const rect = d.rect!;
      const range = ctx.workbook.worksheets
        .getItem(d.name)
        .getRangeByIndexes(rect.top + u.start, rect.left, u.count, u.cols);
      range.load("values,text,numberFormat");
      return { u, range };
    });
    try {
      await sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || batch.every((u) => u.count === 1)) throw e;
      // Excel refused the response: the estimate was too low. Halve and retry.
      perCell *= 2;
      pending = plan(pending);
      continue;
    }
    let batchBytes = 0;
    let batchCells = 0;
    for (const { u, range } of queued) {
      const s = sheets[u.sheet]!;
      s.values.push(...normaliseValues(range.values));
      s.text.push(...normaliseStrings(range.text, ""));
      s.numberFormat.push(...normaliseStrings(range.numberFormat, "General"));
      batchBytes += jsonBytes(range.values) + jsonBytes(range.text) + jsonBytes(range.numberFormat);
      batchCells += u.count * u.cols;
    }
    bytes += batchBytes;
    pending = pending.slice(batch.length);
    // Learn from what arrived: plan the rest with the larger of the estimates (and a margin).
    const measured = batchCells > 0 ? Math.ceil((batchBytes / batchCells) * 1.25) : perCell;
    if (measured > perCell) {
      perCell = measured;
      pending = plan(pending);
    }
  }
  return { sheets, bytes };
}

/** Just the settings sheet's column A, for callers that only need the stored state (2 syncs). */
export async function readColumnA(ctx: Excel.RequestContext, sheetName: string): Promise<unknown[] | null> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
  ws.load("name");
  await ctx.sync();
  if (ws.isNullObject) return null;
  const used = ws.getRange("A:A").getUsedRangeOrNullObject(true);
  used.load("address,values");
  await ctx.sync();
  if (used.isNullObject) return [];
  const rect = parseRect(used.address);
  const column: unknown[] = new Array(rect.top).fill("");
  for (const row of used.values) column.push(row[0]);
  return column;
}
