/**
 * A total row under the table (「合計」「計」「小計」「総計」「Total」): the sum of the items
 * above, not an item. Recognised by its identity cells: every one of them blank or a total word,
 * and a total word in the No / item / group column (or left of them). So an item named 「計画策定」
 * is still an item, and 「計」 under 男性 / 女性 in the indicator column is still an indicator.
 */
import { headerKey } from "../japanese/normalize-text";
import type { SheetGrid } from "./sheet-grid";
import type { TableLayout } from "./table-model";

const TOTAL_WORD = /^(合計|計|総計|小計|total|totals|subtotal|grandtotal|sum)(\(.*\))?$/;
const IDENTITY = new Set(["key", "item", "indicator", "group"]);

/** The total word as written (「合\u3000計」), when row r is a total row of the table; else null. */
export function totalRowWord(grid: SheetGrid, r: number, layout: TableLayout): string | null {
  const cols = layout.columns.filter((c) => IDENTITY.has(c.role)).map((c) => c.col);
  // The word may also sit left of the identity columns (a merged 「合計」 over No and 事業名).
  const first = grid.ownCells(r)[0];
  if (first !== undefined && !cols.includes(first) && first < Math.min(...cols)) cols.push(first);
  const indicatorCols = new Set(layout.columns.filter((c) => c.role === "indicator").map((c) => c.col));
  let word: string | null = null;
  for (const c of cols) {
    // A group written once and merged down over its rows is not this row's own text.
    if (grid.isContinuation(r, c)) continue;
    const text = grid.label(r, c);
    if (!text) continue;
    if (!TOTAL_WORD.test(headerKey(text))) return null;
    // 「計」 only in the indicator column under an item (男性 / 女性 / 計) is that item's indicator.
    if (!indicatorCols.has(c)) word ??= text;
  }
  return word;
}

/** Why the row is not an item, for the review list (listed when the row has values). */
export function totalRowReason(word: string): { reason: string; reasonJa: string } {
  return {
    reason: `total row (${word}), not an item`,
    reasonJa: `合計の行（${word}）のため、項目として数えません`,
  };
}
