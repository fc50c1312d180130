/** A1 addresses: parsing, formatting, sheet-name quoting (as Excel writes them). */
import { simError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Zero-based inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colToLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(r: number, c: number): string {
  return `${colToLetters(c)}${r + 1}`;
}

export function isEntireColumns(rect: Rect): boolean {
  return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
}

export function isEntireRows(rect: Rect): boolean {
  return rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
}

/** "A1:C3", "A1", "A:C", "1:3" as Excel reports them (entire rows win over entire columns for the whole sheet). */
export function rectAddress(rect: Rect): string {
  if (isEntireRows(rect)) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  if (isEntireColumns(rect)) return `${colToLetters(rect.c0)}:${colToLetters(rect.c1)}`;
  const a = cellAddress(rect.r0, rect.c0);
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${cellAddress(rect.r1, rect.c1)}`;
}

const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^[RrCc][0-9]*([RrCc][0-9]*)?$/;

/** Quote a sheet name the way Excel does in addresses: 'My Sheet'!A1, 'It''s'!A1. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && !CELL_LIKE.test(name) && !R1C1_LIKE.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

export interface ParsedAddress {
  sheet: string | null;
  rect: Rect;
}

function parseRef(ref: string): { r?: number; c?: number } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { r?: number; c?: number } = {};
  if (m[1]) out.c = lettersToCol(m[1]);
  if (m[2]) out.r = parseInt(m[2], 10) - 1;
  return out;
}

/**
 * Parses "A1", "A1:C3", "$A$1:$C$3", "A:C", "1:3", optionally prefixed by "Sheet!" or "'My sheet'!".
 * Throws InvalidArgument for anything else (named ranges are not modelled).
 */
export function parseAddress(address: string): ParsedAddress {
  if (typeof address !== "string") throw simError("InvalidArgument", `Address must be a string.`);
  let rest = address.trim();
  let sheet: string | null = null;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    let s = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
  }
  const parts = rest.split(":");
  if (parts.length < 1 || parts.length > 2) throw simError("InvalidArgument", `Invalid address '${address}'.`);
  const a = parseRef(parts[0]);
  const b = parts.length === 2 ? parseRef(parts[1]) : a;
  if (!a || !b) throw simError("InvalidArgument", `Invalid address '${address}'.`);
  let rect: Rect;
  const aCol = a.c !== undefined, aRow = a.r !== undefined, bCol = b.c !== undefined, bRow = b.r !== undefined;
  if (aCol && aRow && bCol && bRow) rect = { r0: a.r!, c0: a.c!, r1: b.r!, c1: b.c! };
  else if (parts.length === 2 && aCol && bCol && !aRow && !bRow) rect = { r0: 0, c0: a.c!, r1: MAX_ROWS - 1, c1: b.c! };
  else if (parts.length === 2 && aRow && bRow && !aCol && !bCol) rect = { r0: a.r!, c0: 0, r1: b.r!, c1: MAX_COLS - 1 };
  else throw simError("InvalidArgument", `Invalid address '${address}'.`);
  rect = normalizeRect(rect);
  checkRect(rect, address);
  return { sheet, rect };
}

export function normalizeRect(r: Rect): Rect {
  return { r0: Math.min(r.r0, r.r1), c0: Math.min(r.c0, r.c1), r1: Math.max(r.r0, r.r1), c1: Math.max(r.c0, r.c1) };
}

export function checkRect(rect: Rect, what = "range"): void {
  const ok =
    Number.isInteger(rect.r0) && Number.isInteger(rect.r1) && Number.isInteger(rect.c0) && Number.isInteger(rect.c1) &&
    rect.r0 >= 0 && rect.c0 >= 0 && rect.r1 < MAX_ROWS && rect.c1 < MAX_COLS && rect.r0 <= rect.r1 && rect.c0 <= rect.c1;
  if (!ok) throw simError("InvalidArgument", `The range ${typeof what === "string" ? what : ""} is outside the worksheet grid.`);
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}
export function rectCols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}
export function rectCells(r: Rect): number {
  return rectRows(r) * rectCols(r);
}
export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}
export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}
export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}
export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}
