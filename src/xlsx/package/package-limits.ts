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
 * Measured (BENCHMARKS.md, "large inputs", 2026-11-26): 50,000 rows × 7 columns
 * (350,000 cells, every row an item) peak at 1.80–1.94 GB RSS in four runs, and
 * 100,000 rows at 3.1 GB; the peak is ExcelJS writing the generated list
 * (評価一覧, 要確認: one linked row per item) into the scratch package, about
 * 33 KB per item. 360,000 cells keeps every accepted 7-column table inside
 * 2 GB; anything larger is refused in seconds with exit 2 instead of ending in
 * an out-of-memory abort. Streaming the list (instead of ExcelJS's in-memory
 * writer) is what would raise it.
 */
export const DEFAULT_LIMITS: PackageLimits = {
  maxPartBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxSheetCells: 360_000,
  maxTotalCells: 360_000,
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
