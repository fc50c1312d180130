/**
 * Limits that keep a hostile or oversized workbook from exhausting memory.
 * Checked against the ZIP central directory before anything is inflated,
 * and again while inflating (a part may lie about its size).
 */
export interface PackageLimits {
  /** Largest inflated size of one part, in bytes. */
  maxPartBytes: number;
  /** Largest inflated size of the whole package, in bytes. */
  maxTotalBytes: number;
  /** Most cells holding a value or a formula in one worksheet (each may become an item of the review). */
  maxSheetCells: number;
  /** Most such cells in all worksheets together (what the review holds in memory). */
  maxTotalCells: number;
  /** Most rows holding a value in one worksheet. */
  maxSheetRows: number;
  /**
   * Most `<c>` elements of all worksheets together, formatting-only cells included: a sheet bordered down to row
   * 30,000 holds no data but still costs ExcelJS memory. Measured (20 bordered columns under the sample's
   * tables): 600,000 such cells peak at 370 MiB, 2,000,000 at 845 MiB, 3,000,000 at 1,259 MiB. 2,000,000 keeps a
   * workbook at the value limits plus that many formatting-only cells near 2.5 GB in the worst case.
   */
  maxFormattedCells: number;
  /** Most entries in the package. */
  maxEntries: number;
}

/**
 * Measured (BENCHMARKS.md, "large inputs", 2026-11-26, generated sheets through ExcelJS's streaming writer):
 * one sheet of 7 columns, every row an item, peaks at 1,278 MiB RSS for 50,000 rows, 1,844 MiB for 75,000 and
 * 2,412 MiB for 100,000 (about 23 KB per item above ~140 MB). 530,000 cells (75,000 such rows with their heading
 * rows) and 76,000 rows keep every accepted sheet inside 2 GB; anything larger is refused in seconds with exit 2
 * instead of ending in an out-of-memory abort. What remains is the input's ExcelJS model, the review and the
 * graft: a streaming snapshot of the inputs is what would raise it again.
 */
export const DEFAULT_LIMITS: PackageLimits = {
  maxPartBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxSheetCells: 530_000,
  maxTotalCells: 530_000,
  maxSheetRows: 76_000,
  maxFormattedCells: 2_000_000,
  maxEntries: 20_000,
};

/**
 * Cells of all inputs together when there are several: the sheets of further inputs are copied as ExcelJS
 * worksheets, so that case still writes through ExcelJS's in-memory writer, measured at 1.8–1.9 GB for
 * 350,000 cells (BENCHMARKS.md).
 */
export const MULTI_INPUT_MAX_TOTAL_CELLS = 360_000;

/** The limits of one run: further inputs are copied through ExcelJS's in-memory writer, so all their cells count. */
export function limitsForInputs(count: number): PackageLimits {
  if (count <= 1) return DEFAULT_LIMITS;
  return {
    ...DEFAULT_LIMITS,
    maxTotalCells: MULTI_INPUT_MAX_TOTAL_CELLS,
    maxFormattedCells: MULTI_INPUT_MAX_TOTAL_CELLS,
  };
}

/** Cells counted so far: those holding values, and every `<c>` (formatting-only ones included). */
export interface CellCounts {
  value: number;
  formatted: number;
}

/** A package we refuse to open: the message is one line, Japanese first. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
