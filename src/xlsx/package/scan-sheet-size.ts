/**
 * Counts the rows and cells of every worksheet part while inflating it, chunk
 * by chunk, before ExcelJS loads the workbook: a sheet beyond the limits is
 * refused in seconds instead of exhausting memory minutes later.
 */
import { PackageError, type CellCounts, type PackageLimits } from "./package-limits";
import type { PackageReader } from "./package-reader";
import { REL, parseRelationships, relsPathOf, resolveTarget, sameRelType } from "./opc-xml";
import { parseSheets } from "./workbook-xml";

/** Elements counted: rows, cells, and what marks a cell as holding something (value, inline string, formula). */
const COUNTED = /<(?:[\w.-]+:)?(row|c|v|is|f)[\s/>]/g;

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
}

/** Counts the elements that start in `text` before `end`. */
function count(text: string, end: number, n: SheetCounts): void {
  COUNTED.lastIndex = 0;
  for (let m = COUNTED.exec(text); m && m.index < end; m = COUNTED.exec(text)) {
    const local = m[1];
    if (local === "row") n.rowHasValue = false;
    else if (local === "c") {
      n.formatted++;
      n.cellHasValue = false;
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

/** Refuses a sheet or workbook beyond the limits; returns what was counted (to add to the next input's). */
export async function checkSheetSizes(
  pkg: PackageReader,
  workbookPath: string,
  limits: PackageLimits,
  /** Cells of inputs read before this one (the total limits hold for all inputs together). */
  before: CellCounts = { value: 0, formatted: 0 },
): Promise<CellCounts> {
  const sheets = parseSheets(await pkg.readText(workbookPath));
  const relsPath = relsPathOf(workbookPath);
  const rels = parseRelationships(pkg.has(relsPath) ? await pkg.readText(relsPath) : "");
  const total: CellCounts = { value: 0, formatted: 0 };
  for (const s of sheets) {
    const r = rels.find((x) => x.id === s.relId && !x.external && sameRelType(x.type, REL.worksheet));
    if (!r) continue;
    const part = resolveTarget(workbookPath, r.target);
    if (!pkg.has(part)) continue;
    const n: SheetCounts = { rows: 0, cells: 0, formatted: 0, rowHasValue: false, cellHasValue: false };
    let tail = "";
    await pkg.scan(part, (chunk) => {
      // keep a few characters of the previous chunk so a tag split across chunks is counted once
      const text = tail + chunk.toString("latin1");
      const cut = Math.max(0, text.length - 8);
      count(text, cut, n);
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
    total.value += n.cells;
    total.formatted += n.formatted;
  }
  return total;
}
