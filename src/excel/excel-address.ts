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

/** One rectangular reference, with or without a sheet name, into a zero-based rect. */
export function parseRect(ref: string): CellRect {
  const body = stripSheet(ref.trim());
  const [a, b = a] = body.split(":");
  const m1 = CELL.exec(a ?? "");
  const m2 = CELL.exec(b ?? "");
  if (!m1 || !m2) throw new Error(`unexpected range address: ${ref}`);
  const r1 = Number(m1[2]) - 1;
  const r2 = Number(m2[2]) - 1;
  const c1 = columnIndex(m1[1]!);
  const c2 = columnIndex(m2[1]!);
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** "Sheet1!A1:B2, Sheet1!D4" → rects. */
export function parseAreas(address: string): CellRect[] {
  return splitAreas(address).map(parseRect);
}
