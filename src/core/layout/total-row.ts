/**
 * A total row under the table (「合計」「計」「小計」「総計」「Total」): the sum of the items
 * above, not an item. Recognised by its identity cells: every one of them blank or a total word,
 * and a total word in the No / item / group column (or left of them). So an item named 「計画策定」
 * is still an item, and 「計」 under 男性 / 女性 in the indicator column is still an indicator.
 */
import { headerKey, toHalfWidth } from "../japanese/normalize-text";
import type { SheetGrid } from "./sheet-grid";
import type { TableLayout } from "./table-model";

const TOTAL_WORD = /^(合計|計|総計|小計|total|totals|subtotal|grandtotal|sum)(\(.*\))?$/;
const IDENTITY = new Set(["key", "item", "indicator", "group"]);

/** A total word begins with one of these (after spaces): a cheap test before the text is normalised. */
const FIRST = new Set("合計総小TtSsＴｔＳｓ");

function mayBeTotal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== " " && ch !== "\u3000") return FIRST.has(ch);
  }
  return false;
}

/** A test of rows against one table's layout (the columns are looked up once, not per row). */
export function totalRowDetector(layout: TableLayout): (grid: SheetGrid, r: number) => string | null {
  const identity = layout.columns.filter((c) => IDENTITY.has(c.role)).map((c) => c.col);
  const leftmost = Math.min(...identity);
  const indicatorCols = new Set(layout.columns.filter((c) => c.role === "indicator").map((c) => c.col));
  const wordIn = (grid: SheetGrid, r: number, c: number): string | null | false => {
    // A group written once and merged down over its rows is not this row's own text.
    if (grid.isContinuation(r, c)) return null;
    const text = grid.label(r, c);
    if (!text) return null;
    return mayBeTotal(text) && TOTAL_WORD.test(headerKey(text)) ? text : false;
  };
  return (grid, r) => {
    let word: string | null = null;
    for (const c of identity) {
      const w = wordIn(grid, r, c);
      if (w === false) return null;
      // 「計」 only in the indicator column under an item (男性 / 女性 / 計) is that item's indicator.
      if (w !== null && !indicatorCols.has(c)) word ??= w;
    }
    // The word may also sit left of the identity columns (a merged 「合計」 over No and 事業名); looked for only
    // once the identity cells allow a total, so most rows cost no more than their labels.
    const first = grid.ownCells(r)[0];
    if (first !== undefined && first < leftmost) {
      const w = wordIn(grid, r, first);
      if (w === false) return null;
      if (w !== null) word = w;
    }
    return word;
  };
}

/** The total word as written (「合\u3000計」), when row r is a total row of the table; else null. */
export function totalRowWord(grid: SheetGrid, r: number, layout: TableLayout): string | null {
  return totalRowDetector(layout)(grid, r);
}

/** Why the row is not an item, for the review list (listed when the row has values). */
export function totalRowReason(word: string): { reason: string; reasonJa: string } {
  return {
    reason: `total row (${word}), not an item`,
    reasonJa: `合計の行（${word}）のため、項目として数えません`,
  };
}

/** 「A評価8件」「評価B：7件」「C 1件」: one grade's count in a totals sentence (half-width text). */
const COUNT_PART =
  /(?:評価)?\s*([a-z]{1,2}|[◎○△×])\s*(?:評価)?\s*[:：=]?\s*(\d+)\s*(?:件|項目|事業|指標|個|本)/gi;
/** What may stand between and around the counts (separators, 計, the total itself). */
const COUNT_GLUE =
  /^[\s、,，。.・/／()（）]*(?:(?:合計|計|総計|全|内訳|うち|評価結果|結果|total)[:：]?\s*(?:\d+\s*(?:件|項目|事業|指標))?[\s、,，。・/／()（）:：]*)*$/i;

/**
 * A totals sentence below a table (「A評価8件、B評価7件、C評価1件」): the counts per grade label it states, or null
 * when the text is not such a sentence. It is a summary of the table, never an item (issue 16, item 7).
 */
export function statedCounts(text: string): Record<string, number> | null {
  if (text.length > 200 || !/件|項目|事業|指標|個|本/.test(text)) return null;
  const t = toHalfWidth(text);
  const counts: Record<string, number> = {};
  let n = 0;
  let rest = "";
  let last = 0;
  COUNT_PART.lastIndex = 0;
  // exec, not matchAll: the ribbon command's engines (IE11, EdgeHTML 18) have no matchAll.
  for (let m = COUNT_PART.exec(t); m !== null; m = COUNT_PART.exec(t)) {
    rest += t.slice(last, m.index);
    last = m.index + m[0].length;
    const label = m[1]!.toUpperCase();
    if (Object.hasOwn(counts, label)) return null;
    counts[label] = Number(m[2]);
    n++;
  }
  rest += t.slice(last);
  // Two grades' counts, or one said to be a grade's (A評価3件); nothing else but separators and the total.
  if (n === 0 || (n === 1 && !/評価/.test(t)) || !COUNT_GLUE.test(rest)) return null;
  return counts;
}
