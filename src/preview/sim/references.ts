/**
 * Sheet references inside formulas, as far as the simulated host models them: Excel rewrites
 * every formula and defined name that points at a sheet when the sheet is renamed, and turns
 * the reference into #REF! when the sheet is deleted. Formulas are otherwise not calculated;
 * a formula that is a single cell reference (`=評価集計!C5`, `='My sheet'!$B$2`) is read live
 * from the cell it points at, so a test can see a reference keep working.
 */
import { lettersToCol, MAX_COLS, MAX_ROWS, quoteSheetName } from "./address";

/** A sheet prefix: 'quoted name'! or plain name! (not inside a string literal, not an external [1]Sheet!). */
const SHEET_PREFIX = /'((?:[^']|'')+)'!|([\p{L}\p{N}_.\\]+)!/gu;

/** Calls `fn` on the parts of a formula outside string literals and returns the joined result. */
function outsideStrings(formula: string, fn: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, q));
    // A string literal runs to the next quote that is not doubled.
    let j = q + 1;
    for (;;) {
      const k = formula.indexOf('"', j);
      if (k < 0) {
        j = formula.length;
        break;
      }
      if (formula[k + 1] === '"') j = k + 2;
      else {
        j = k + 1;
        break;
      }
    }
    out += formula.slice(q, j);
    i = j;
  }
  return out;
}

/** Replaces every reference prefix of sheet `name` (case-insensitive) with `replacement(match)`. */
function mapSheetRefs(formula: string, name: string, replacement: string): string {
  const key = name.toUpperCase();
  return outsideStrings(formula, (code) =>
    code.replace(SHEET_PREFIX, (m: string, quoted: string | undefined, plain: string | undefined, offset: number) => {
      const before = offset > 0 ? code[offset - 1]! : "";
      if (/[\p{L}\p{N}_.\]'\\]/u.test(before)) return m; // part of a longer token or an external reference
      const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain!;
      return sheet.toUpperCase() === key ? replacement : m;
    }),
  );
}

/** The formula after sheet `from` was renamed `to`. */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return mapSheetRefs(formula, from, `${quoteSheetName(to)}!`);
}

/** The formula after sheet `name` was deleted: its sheet prefix becomes #REF! (=評価集計!C5 → =#REF!C5, as Excel shows it). */
export function deleteSheetInFormula(formula: string, name: string): string {
  return mapSheetRefs(formula, name, "#REF!");
}

export function mentionsSheet(formula: string, name: string): boolean {
  return mapSheetRefs(formula, name, "\u0000!") !== formula;
}

/** A formula that is exactly one cell reference on a named sheet: its sheet and cell. */
export function plainCellReference(formula: string): { sheet: string; row: number; col: number } | null {
  const f = formula.replace(/^=/, "").trim();
  const m = /^(?:'((?:[^']|'')+)'|([\p{L}\p{N}_.\\]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(f);
  if (!m) return null;
  const row = Number(m[4]) - 1;
  const col = lettersToCol(m[3]!);
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, row, col };
}
