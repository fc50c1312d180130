/**
 * Row heights that fit wrapped text (REPORT.md §2), computed from the text and
 * the column widths: LibreOffice does not autofit the rows of an .xlsx file and
 * no host autofits merged cells, so without them wrapped text overlaps its
 * neighbours when printed.
 *
 * A column width is in characters of the Normal font's digit; an East Asian
 * wide character prints 1.85 of them (游ゴシック in Excel; LibreOffice's font is
 * narrower). lines = Σ per hard line ⌈units ÷ (width − 0.75)⌉ for wrapped
 * cells (merged width for merges), height = lines × 1.7 × size + 2 pt.
 * Column widths still count a wide character as two (textUnits): a column
 * errs on the wide side, a row on neither.
 */
import type { PlanStyleName, SheetPlan } from "../model/sheet-plan";
import { LINE_HEIGHT_FACTOR, PLAN_FONT, PLAN_STYLES } from "./plan-styles";

const DEFAULT_COLUMN_WIDTH = 8.43;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    (code >= 0x2010 && code <= 0x2027 && code !== 0x2024) || // ―‥…‘’“” print wide in Japanese fonts
    code === 0x203b || // ※
    (code >= 0x2460 && code <= 0x24ff) || // ①…
    (code >= 0x25a0 && code <= 0x27bf) // ■▲※…
  );
}

/** Display width of a text in half-width units (2 per East Asian wide character). */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

/**
 * Width of a wide character of the printed font in width units: 游ゴシック 11 pt draws it 11 pt (14.7 px)
 * wide where Excel's width unit is its 8 px digit, 1.83 units (LibreOffice's Noto Sans CJK: 1.67, REPORT.md
 * §2). Counting 2 made a three-line row four lines tall (76.75 pt).
 */
export const WIDE_GLYPH_UNITS = 1.85;
/** A cell's text area: its width less the 5 px of padding (0.6 of an 8 px unit), rounded up. */
const CELL_PADDING_UNITS = 0.75;

/** Printed width of a text in width units, by the printed font's glyph widths. */
export function printedUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? WIDE_GLYPH_UNITS : 1;
  return n;
}

/** Lines of one line of text `units` wide (printedUnits) in a cell `width` characters wide. */
export function linesOfUnits(units: number, width: number): number {
  return Math.max(1, Math.ceil(units / Math.max(1, width - CELL_PADDING_UNITS) - 1e-9));
}

/** Lines a text takes in a cell `width` characters wide when wrapped. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - CELL_PADDING_UNITS);
  let lines = 0;
  for (const line of text.split(/\r\n|\r|\n/)) lines += Math.max(1, Math.ceil(printedUnits(line) / usable - 1e-9));
  return lines;
}

/** Height in points of `lines` lines of `size` pt text. */
export function rowHeightFor(lines: number, size: number): number {
  return Math.round((lines * LINE_HEIGHT_FACTOR * size + 2) * 4) / 4;
}

/**
 * Heights for every row of the plan that holds a value: the tallest cell of the
 * row. Cells of a merge taller than one row are left to the host (none here).
 */
export function fitRowHeights(plan: SheetPlan): (number | null)[] {
  const styleNames = Object.keys(PLAN_STYLES) as PlanStyleName[];
  const cols = Math.max(plan.columnWidths.length, ...plan.rows.map((r) => r?.length ?? 0), 1);
  const rowCount = plan.rows.length;
  // Style index + 1 per cell (0 = none); later formats win, as the writers apply them.
  const style = new Uint8Array(rowCount * cols);
  for (const f of plan.formats) {
    if (!f.style) continue;
    const k = styleNames.indexOf(f.style) + 1;
    for (let r = f.range.top; r <= Math.min(f.range.bottom, rowCount - 1); r++)
      for (let c = f.range.left; c <= Math.min(f.range.right, cols - 1); c++) style[r * cols + c] = k;
  }
  const width = (c: number) => plan.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
  const mergeAt = new Map<number, number>(); // top-left cell → merged width; other cells of a merge → -1
  for (const m of plan.merges) {
    if (m.bottom !== m.top) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(r * cols + c, -1);
      continue;
    }
    let w = 0;
    for (let c = m.left; c <= m.right; c++) {
      w += width(c);
      mergeAt.set(m.top * cols + c, -1);
    }
    mergeAt.set(m.top * cols + m.left, w);
  }
  const heights: (number | null)[] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = plan.rows[r];
    if (!row || row.length === 0) {
      heights.push(null);
      continue;
    }
    let best = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "") continue;
      const merged = mergeAt.get(r * cols + c);
      if (merged === -1) continue;
      const k = style[r * cols + c]!;
      const st = k > 0 ? PLAN_STYLES[styleNames[k - 1]!] : undefined;
      const size = st?.fontSize ?? PLAN_FONT.size;
      const lines = st?.wrap && typeof v === "string" ? wrappedLines(v, merged ?? width(c)) : 1;
      best = Math.max(best, rowHeightFor(lines, size));
    }
    heights.push(best > 0 ? best : null);
  }
  return heights;
}
