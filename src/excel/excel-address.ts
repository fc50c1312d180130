/**
 * A1 addresses as Office.js returns them ("Sheet1!B2:D10", "'My sheet'!A1",
 * "Sheet1!A1:B2, Sheet1!D4:E5") ⇄ zero-based CellRect.
 */
import type { CellRect } from "../core/model/snapshot";
import { columnIndex } from "../core/a1-address";
export { cellAddress, columnIndex, columnLetters, quoteSheetName, rectAddress } from "../core/a1-address";

/** Split a comma-separated list of references, ignoring commas inside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      current += ch;
    } else if (ch === "," && !quoted) {
      if (current.trim()) parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** The part after the sheet name ("B2:D10" of "'a!b'!B2:D10"). */
function stripSheet(ref: string): string {
  if (ref.startsWith("'")) {
    let i = 1;
    while (i < ref.length) {
      if (ref[i] === "'") {
        if (ref[i + 1] === "'") i += 2;
        else break;
      } else i++;
    }
    return ref.slice(i + 2); // skip the closing quote and "!"
  }
  const bang = ref.lastIndexOf("!");
  return bang >= 0 ? ref.slice(bang + 1) : ref;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const ROW = /^\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

/**
 * One rectangular reference, with or without a sheet name, into a zero-based rect. Whole rows
 * ("1:3") and whole columns ("A:C"), as Excel reports merged areas and used ranges that span
 * them, cover the sheet's width or height.
 */
export function parseRect(ref: string): CellRect {
  const body = stripSheet(ref.trim());
  const [a = "", b = a] = body.split(":");
  const m1 = CELL.exec(a);
  const m2 = CELL.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m1[1]!);
    const c2 = columnIndex(m2[1]!);
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  const row1 = ROW.exec(a);
  const row2 = ROW.exec(b);
  if (row1 && row2 && body.includes(":")) {
    const r1 = Number(row1[1]) - 1;
    const r2 = Number(row2[1]) - 1;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: LAST_COLUMN };
  }
  const col1 = COLUMN.exec(a);
  const col2 = COLUMN.exec(b);
  if (col1 && col2 && body.includes(":")) {
    const c1 = columnIndex(col1[1]!);
    const c2 = columnIndex(col2[1]!);
    return { top: 0, bottom: LAST_ROW, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  throw new Error(`unexpected range address: ${ref}`);
}

/** "Sheet1!A1:B2, Sheet1!D4" → rects. */
export function parseAreas(address: string): CellRect[] {
  return splitAreas(address).map(parseRect);
}
