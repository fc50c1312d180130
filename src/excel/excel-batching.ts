/**
 * Keeping every sync under Excel on the web's payload limit (5 MB per
 * request and per response): byte estimates and row-block splitting.
 *
 * Reads: the response holds values + text + numberFormat of every cell.
 * Before the first read the adapter knows nothing about the sizes, so it
 * reads optimistically in one sync; if Excel refuses the response it
 * learns the dimensions, plans row blocks with a per-cell estimate, and
 * corrects the estimate from every block it receives.
 * Writes: the request size is known exactly (the adapter holds the data),
 * so values, number formats and links are split into row blocks up front.
 */
import { utf8Length } from "../core/utf8-length";
export { utf8Length };

export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Reads plan batches to at most this share of the limit (a response's size is estimated from samples). */
export const BUDGET_SHARE = 0.8;
/** Rough cost of one queued action in the request (ids, method, path). */
export const OP_OVERHEAD_BYTES = 200;
/** Starting estimate of one cell in a values + text + numberFormat response. */
export const READ_BYTES_PER_CELL = 48;

/**
 * Writes are measured, not estimated (excel-request-meter.ts: an upper bound of the request Office.js builds,
 * ids counted at 8 digits): they may fill this share of the limit. The 5 % left covers what the meter does not
 * see (the suspendApiCalculation call, the request envelope), stated here and tested against the simulated host's
 * Office.js-shaped request encoding.
 */
export const WRITE_BUDGET_SHARE = 0.95;

export function budgetOf(maxBatchBytes: number, share = BUDGET_SHARE): number {
  return Math.max(1024, Math.floor(maxBatchBytes * share));
}

/** UTF-8 size of the JSON of a value (what goes over the wire). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

export interface RowBlock {
  /** First row, relative to the block's owner (a range or a plan). */
  start: number;
  count: number;
}

/**
 * Split `rowCount` rows into consecutive blocks whose bytes stay within
 * `budget`. `rowBytes(i)` is the (estimated or exact) size of row i.
 * A single row above the budget gets a block of its own.
 */
export function splitRowBlocks(rowCount: number, rowBytes: (row: number) => number, budget: number): RowBlock[] {
  const blocks: RowBlock[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < rowCount; r++) {
    const b = rowBytes(r);
    if (r > start && bytes + b > budget) {
      blocks.push({ start, count: r - start });
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowCount > start) blocks.push({ start, count: rowCount - start });
  return blocks;
}

/** Same, for rows of uniform size. */
export function splitUniformRows(rowCount: number, bytesPerRow: number, budget: number): RowBlock[] {
  const per = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const blocks: RowBlock[] = [];
  for (let start = 0; start < rowCount; start += per) blocks.push({ start, count: Math.min(per, rowCount - start) });
  return blocks;
}

/** Greedy, order-preserving packing of sized units into batches of at most `budget` bytes. */
export function packBatches<T extends { bytes: number }>(units: T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const u of units) {
    if (current.length > 0 && bytes + u.bytes > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(u);
    bytes += u.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Size of a rows × cols block of a values / text / numberFormat read, from the per-cell estimate. */
export function estimateReadBytes(rows: number, cols: number, bytesPerCell: number): number {
  return rows * cols * bytesPerCell + OP_OVERHEAD_BYTES;
}
