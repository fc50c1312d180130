/**
 * ExcelJS makes an object for every cell of a merged area and of a data validation's range when it loads a sheet:
 * one `<mergeCell ref="A10:XFD1048576"/>` in a 3 KB file costs billions of cells. Before ExcelJS sees a sheet, its
 * merged areas and validation ranges are clipped to where the sheet's cells lie (beyond them they cover nothing
 * to read), and what is left is counted so the input limits can refuse it. The merges are taken out of the XML
 * altogether: ExcelJS checks each new merge against every earlier one (quadratic); they are applied afterwards in
 * one linear pass (apply-merges.ts).
 */
import type { CellRect } from "../../core/model/snapshot";

export interface ClippedRanges {
  /** The sheet without `<mergeCells>` and with clipped `sqref`s. */
  xml: string;
  /** The merged areas, clipped (zero-based). */
  merges: CellRect[];
  /** Cells the clipped merges and validations still cover (what ExcelJS will create). */
  cells: number;
}

const RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B2:D4" → zero-based rect (ends in any order), or null for anything else. */
export function parseRange(ref: string): CellRect | null {
  const m = RANGE.exec(ref.trim());
  if (!m) return null;
  const r1 = Number(m[2]) - 1;
  const c1 = column(m[1]!);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? column(m[3]) : c1;
  if (r1 < 0 || r2 < 0) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function letters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const address = (r: CellRect) =>
  r.top === r.bottom && r.left === r.right
    ? `${letters(r.left)}${r.top + 1}`
    : `${letters(r.left)}${r.top + 1}:${letters(r.right)}${r.bottom + 1}`;

/** The part of `r` inside rows × cols, or null. */
function clip(r: CellRect, rows: number, cols: number): CellRect | null {
  if (r.top >= rows || r.left >= cols) return null;
  return { top: r.top, left: r.left, bottom: Math.min(r.bottom, rows - 1), right: Math.min(r.right, cols - 1) };
}

const area = (r: CellRect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

const MERGE_CELLS = /<((?:[\w.-]+:)?)mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/\1mergeCells>)/g;
const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g;
const VALIDATION = /<((?:[\w.-]+:)?)dataValidation\b([^>]*?)(\/>|>[\s\S]*?<\/\1dataValidation>)/g;
const SQREF = /(\ssqref\s*=\s*)(["'])([^"']*)\2/;

/** Clip the merged areas and data validation ranges of a worksheet's XML to its first `rows` × `cols` cells. */
export function clipSheetRanges(xml: string, rows: number, cols: number): ClippedRanges {
  const merges: CellRect[] = [];
  let cells = 0;
  let out = xml.replace(MERGE_CELLS, (block) => {
    MERGE_REF.lastIndex = 0;
    for (let m = MERGE_REF.exec(block); m; m = MERGE_REF.exec(block)) {
      const r = parseRange(m[1]!);
      const c = r && clip(r, rows, cols);
      // a one-cell "merge" merges nothing
      if (c && area(c) > 1) {
        merges.push(c);
        cells += area(c);
      }
    }
    return "";
  });
  out = out.replace(VALIDATION, (element, prefix: string, attrs: string, rest: string) => {
    const m = SQREF.exec(attrs);
    if (!m) return element;
    const kept: string[] = [];
    for (const ref of m[3]!.split(/\s+/)) {
      if (!ref) continue;
      const r = parseRange(ref);
      const c = r && clip(r, rows, cols);
      if (!c) continue;
      kept.push(address(c));
      cells += area(c);
    }
    if (kept.length === 0) return "";
    return `<${prefix}dataValidation${attrs.replace(SQREF, (_all, eq: string, q: string) => `${eq}${q}${kept.join(" ")}${q}`)}${rest}`;
  });
  return { xml: out, merges, cells };
}
