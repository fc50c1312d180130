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
  /** Most cells (`<c>` elements) in one worksheet. */
  maxSheetCells: number;
  /** Most cells in all worksheets together (what the review holds in memory). */
  maxTotalCells: number;
  /** Most rows (`<row>` elements) in one worksheet. */
  maxSheetRows: number;
  /** Most entries in the package. */
  maxEntries: number;
}

/**
 * Measured (BENCHMARKS.md, "large inputs"): 50,000 rows × 7 columns (350,000
 * cells, every row an item) peak at 1.7 GB RSS — the input cells, the graded
 * items and the generated list of 50,000 linked rows are all in memory. The
 * cell limit keeps every accepted input inside 2 GB; anything larger is
 * refused in seconds with exit 2 instead of ending in an out-of-memory abort.
 */
export const DEFAULT_LIMITS: PackageLimits = {
  maxPartBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxSheetCells: 400_000,
  maxTotalCells: 400_000,
  maxSheetRows: 1_048_576,
  maxEntries: 20_000,
};

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
