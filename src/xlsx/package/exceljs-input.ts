/**
 * What ExcelJS is given to load: the input package with each sheet's merged areas and data validation ranges
 * clipped to where its cells lie (clip-sheet-ranges.ts), and the cells they still cover counted against the
 * input limits. The output never comes from these bytes: it is grafted onto the original package.
 */
import { strToU8 } from "fflate";
import type { CellRect } from "../../core/model/snapshot";
import { clipSheetRanges } from "./clip-sheet-ranges";
import { PackageError, type PackageLimits } from "./package-limits";
import type { PackageReader } from "./package-reader";
import { writePackage, type OutputPart } from "./package-writer";
import type { SheetExtent } from "./scan-sheet-size";

export interface ExcelJsInput {
  bytes: Buffer;
  /** Merged areas by sheet name, to apply after loading (apply-merges.ts). */
  merges: Map<string, CellRect[]>;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export async function excelJsInput(
  pkg: PackageReader,
  original: Buffer,
  sheets: SheetExtent[],
  limits: PackageLimits,
  /** Cells (formatting-only included) already counted, of this input and the ones before it. */
  formattedSoFar: number,
): Promise<ExcelJsInput> {
  const merges = new Map<string, CellRect[]>();
  const edited = new Map<string, Uint8Array>();
  let cells = formattedSoFar;
  for (const s of sheets) {
    if (!s.hasRanges) continue;
    const clipped = clipSheetRanges(await pkg.readText(s.part), s.rows, s.cols);
    cells += clipped.cells;
    if (cells > limits.maxFormattedCells)
      throw new PackageError(
        `${pkg.label}: シート「${s.name}」の結合セル・入力規則の範囲が広すぎます（セルの範囲内で ${fmt(limits.maxFormattedCells)} セル超）。不要な結合・入力規則を消すか、ブックを分けてください / the merged cells and data validations of the sheet "${s.name}" cover more than ${fmt(limits.maxFormattedCells)} cells (counted inside the used range); remove the ones not needed, or split the workbook`,
      );
    edited.set(s.part.toLowerCase(), strToU8(clipped.xml));
    if (clipped.merges.length) merges.set(s.name, clipped.merges);
  }
  if (edited.size === 0) return { bytes: original, merges };
  const parts: OutputPart[] = [];
  for (const p of pkg.parts) {
    const data = edited.get(p.name.toLowerCase());
    if (data) parts.push({ name: p.name, data });
    else
      parts.push({
        name: p.name,
        raw: { bytes: await pkg.raw(p.name), crc32: p.crc32, size: p.uncompressedSize, method: p.compressionMethod },
      });
  }
  return { bytes: writePackage(parts, { level: 1 }), merges };
}
