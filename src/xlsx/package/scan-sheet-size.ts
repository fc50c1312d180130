/**
 * Counts the rows and cells of every worksheet part while inflating it, chunk
 * by chunk, before ExcelJS loads the workbook: a sheet beyond the limits is
 * refused in seconds instead of exhausting memory minutes later.
 */
import { PackageError, type PackageLimits } from "./package-limits";
import type { PackageReader } from "./package-reader";
import { REL, parseRelationships, relsPathOf, resolveTarget, sameRelType } from "./opc-xml";
import { parseSheets } from "./workbook-xml";

/** Number of elements named `local` (any prefix) that start in `text` before `end`. */
function countTags(text: string, local: string, end: number): number {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}[\\s/>]`, "g");
  let n = 0;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) n++;
  return n;
}

/** Refuses a sheet or workbook beyond the limits; returns the number of cells counted. */
export async function checkSheetSizes(
  pkg: PackageReader,
  workbookPath: string,
  limits: PackageLimits,
  /** Cells of inputs read before this one (the total limit holds for all inputs together). */
  usedCells = 0,
): Promise<number> {
  const sheets = parseSheets(await pkg.readText(workbookPath));
  const relsPath = relsPathOf(workbookPath);
  const rels = parseRelationships(pkg.has(relsPath) ? await pkg.readText(relsPath) : "");
  let total = 0;
  for (const s of sheets) {
    const r = rels.find((x) => x.id === s.relId && !x.external && sameRelType(x.type, REL.worksheet));
    if (!r) continue;
    const part = resolveTarget(workbookPath, r.target);
    if (!pkg.has(part)) continue;
    let rows = 0;
    let cells = 0;
    let tail = "";
    await pkg.scan(part, (chunk) => {
      // keep a few characters of the previous chunk so a tag split across chunks is counted once
      const text = tail + chunk.toString("latin1");
      const cut = Math.max(0, text.length - 8);
      rows += countTags(text, "row", cut);
      cells += countTags(text, "c", cut);
      tail = text.slice(cut);
      if (rows > limits.maxSheetRows || cells > limits.maxSheetCells)
        throw new PackageError(
          `${pkg.label}: シート「${s.name}」が大きすぎます（${rows > limits.maxSheetRows ? `${limits.maxSheetRows.toLocaleString("en-US")} 行` : `${limits.maxSheetCells.toLocaleString("en-US")} セル`}超）/ the sheet "${s.name}" has more than ${rows > limits.maxSheetRows ? `${limits.maxSheetRows.toLocaleString("en-US")} rows` : `${limits.maxSheetCells.toLocaleString("en-US")} cells`}; split it into smaller workbooks`,
        );
      if (usedCells + total + cells > limits.maxTotalCells)
        throw new PackageError(
          `${pkg.label}: ブック全体のセルが多すぎます（${limits.maxTotalCells.toLocaleString("en-US")} セル超）/ the workbook has more than ${limits.maxTotalCells.toLocaleString("en-US")} cells in all${usedCells ? " (inputs together)" : ""}; split it into smaller workbooks`,
        );
    });
    total += cells;
  }
  return total;
}
