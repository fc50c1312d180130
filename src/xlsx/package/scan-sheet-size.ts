/**
 * Counts the rows and cells of every worksheet part while inflating it, chunk
 * by chunk, before ExcelJS loads the workbook: a sheet beyond the limits is
 * refused in seconds instead of exhausting memory minutes later.
 */
import { PackageError, type CellCounts, type PackageLimits } from "./package-limits";
import type { PackageReader } from "./package-reader";
import { REL, parseRelationships, relsPathOf, resolveTarget, sameRelType } from "./opc-xml";
import { parseSheets } from "./workbook-xml";

/** Elements counted: rows, cells, what marks a cell as holding something (value, inline string, formula), and the
 * starts of the sheet's merged areas and data validations. The tag's attributes are captured up to its end. */
const COUNTED = /<(?:[\w.-]+:)?(row|c|v|is|f|mergeCells|dataValidations)(?=[\s/>])([^<>]*)/g;
const REF = /\sr\s*=\s*["']\$?([A-Za-z]{0,3})\$?(\d*)["']/;

/** Where a sheet's `<c>` elements lie and whether it has ranges that ExcelJS would expand cell by cell. */
export interface SheetExtent {
  /** The sheet's name in the workbook. */
  name: string;
  /** Its worksheet part. */
  part: string;
  /** One past the last row and column (zero-based) holding a `<c>`; 0 when the sheet has none. */
  rows: number;
  cols: number;
  /** `<mergeCells>` or `<dataValidations>` present. */
  hasRanges: boolean;
}

interface SheetCounts {
  /** Rows holding a value. */
  rows: number;
  /** Cells holding a value or formula. */
  cells: number;
  /** Every `<c>`. */
  formatted: number;
  /** The current row already counted as holding a value. */
  rowHasValue: boolean;
  /** The current cell already counted. */
  cellHasValue: boolean;
  /** Position of the current row and cell (zero-based; -1 before the first), as ExcelJS places them. */
  row: number;
  col: number;
  /** Extent of the `<c>` elements (one past the last). */
  maxRow: number;
  maxCol: number;
  hasRanges: boolean;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Counts the complete elements in `text` (the caller keeps an unfinished tag for the next chunk). */
function count(text: string, n: SheetCounts): void {
  COUNTED.lastIndex = 0;
  for (let m = COUNTED.exec(text); m; m = COUNTED.exec(text)) {
    const local = m[1];
    if (local === "row") {
      n.rowHasValue = false;
      const r = REF.exec(m[2] ?? "");
      n.row = r?.[2] ? Number(r[2]) - 1 : n.row + 1;
      n.col = -1;
    } else if (local === "c") {
      n.formatted++;
      n.cellHasValue = false;
      const r = REF.exec(m[2] ?? "");
      if (r?.[1]) n.col = columnNumber(r[1]) - 1;
      else n.col++;
      if (r?.[2]) n.row = Number(r[2]) - 1;
      if (n.row + 1 > n.maxRow) n.maxRow = Math.max(n.row + 1, 1);
      if (n.col + 1 > n.maxCol) n.maxCol = n.col + 1;
    } else if (local === "mergeCells" || local === "dataValidations") {
      n.hasRanges = true;
    } else if (!n.cellHasValue) {
      n.cellHasValue = true;
      n.cells++;
      if (!n.rowHasValue) {
        n.rowHasValue = true;
        n.rows++;
      }
    }
  }
}

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Refuses a sheet or workbook beyond the limits; returns what was counted (to add to the next input's) and where
 * each sheet's cells lie.
 */
export async function checkSheetSizes(
  pkg: PackageReader,
  workbookPath: string,
  limits: PackageLimits,
  /** Cells of inputs read before this one (the total limits hold for all inputs together). */
  before: CellCounts = { value: 0, formatted: 0 },
): Promise<CellCounts & { sheets: SheetExtent[] }> {
  const sheets = parseSheets(await pkg.readText(workbookPath));
  const relsPath = relsPathOf(workbookPath);
  const rels = parseRelationships(pkg.has(relsPath) ? await pkg.readText(relsPath) : "");
  const total: CellCounts = { value: 0, formatted: 0 };
  const extents: SheetExtent[] = [];
  for (const s of sheets) {
    const r = rels.find((x) => x.id === s.relId && !x.external && sameRelType(x.type, REL.worksheet));
    if (!r) continue;
    const part = resolveTarget(workbookPath, r.target);
    if (!pkg.has(part)) continue;
    const n: SheetCounts = {
      rows: 0,
      cells: 0,
      formatted: 0,
      rowHasValue: false,
      cellHasValue: false,
      row: -1,
      col: -1,
      maxRow: 0,
      maxCol: 0,
      hasRanges: false,
    };
    let tail = "";
    await pkg.scan(part, (chunk) => {
      // the last tag may be cut by the chunk: keep it for the next one (unless absurdly long: then its start)
      const text = tail + chunk.toString("latin1");
      let cut = text.lastIndexOf("<");
      if (cut < 0 || text.length - cut > 4096) cut = Math.max(0, text.length - 64);
      count(text.slice(0, cut), n);
      tail = text.slice(cut);
      if (n.rows > limits.maxSheetRows || n.cells > limits.maxSheetCells) {
        const [ja, en] =
          n.rows > limits.maxSheetRows
            ? [`${fmt(limits.maxSheetRows)} 行`, `${fmt(limits.maxSheetRows)} rows`]
            : [`${fmt(limits.maxSheetCells)} セル`, `${fmt(limits.maxSheetCells)} cells`];
        throw new PackageError(
          `${pkg.label}: シート「${s.name}」のデータが多すぎます（値のある${ja}超）/ the sheet "${s.name}" has more than ${en} with values; split it into smaller workbooks`,
        );
      }
      if (before.value + total.value + n.cells > limits.maxTotalCells)
        throw new PackageError(
          `${pkg.label}: ブック全体のデータが多すぎます（値のあるセル ${fmt(limits.maxTotalCells)} 超）/ the workbook has more than ${fmt(limits.maxTotalCells)} cells with values in all${before.value ? " (inputs together)" : ""}; split it into smaller workbooks`,
        );
      if (before.formatted + total.formatted + n.formatted > limits.maxFormattedCells)
        throw new PackageError(
          `${pkg.label}: 書式だけのセルを含めてセルが多すぎます（${fmt(limits.maxFormattedCells)} 超、シート「${s.name}」まで）。使っていない行の罫線・書式を消すか、ブックを分けてください / more than ${fmt(limits.maxFormattedCells)} cells${before.formatted ? " (inputs together)" : ""}, formatting-only cells included (up to the sheet "${s.name}"); clear the borders and formats of unused rows, or split the workbook`,
        );
    });
    count(tail, n);
    total.value += n.cells;
    total.formatted += n.formatted;
    extents.push({ name: s.name, part, rows: n.maxRow, cols: n.maxCol, hasRanges: n.hasRanges });
  }
  return { ...total, sheets: extents };
}
