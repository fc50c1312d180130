/**
 * Page breaks of a long list, computed from the row heights instead of left to
 * the host: a page never ends on a group heading (it moves to the next page
 * with its rows) and the last page is never a header with a row or two — it
 * takes rows from the page before until it has at least MIN_ROWS.
 *
 * The printed page is assumed at 100 % (a list as wide as the page or
 * narrower), so the host fits at least as many rows as counted here and adds
 * no breaks of its own.
 */

/** A4 portrait minus the top and bottom margins (0.6 in each), in points. */
export const A4_PORTRAIT_BODY_PT = 841.89 - 2 * 0.6 * 72;
/** Height of a row the plan leaves to the host (Excel's with 游ゴシック 11 pt, taller than LibreOffice's). */
export const DEFAULT_ROW_PT = 18.75;
/** Fewest body rows on a page (a page with fewer looks left over). */
export const MIN_ROWS = 5;
/** Room kept free on each page, for the host's own rounding of row heights. */
const SLACK = 0.94;

export interface PageBreakInput {
  heights: (number | null)[];
  /** Rows before the body (title, headers) and the header rows repeated on every later page. */
  bodyTop: number;
  repeatedRows: { first: number; last: number } | null;
  /** Rows that head the rows after them (group headings): never last on a page. */
  headings: Set<number>;
  /** One past the last printed row. */
  end: number;
  pageHeightPt?: number;
}

/** 0-based rows that start a new page. */
export function listPageBreaks(input: PageBreakInput): number[] {
  const h = (r: number) => input.heights[r] ?? DEFAULT_ROW_PT;
  const capacity = (input.pageHeightPt ?? A4_PORTRAIT_BODY_PT) * SLACK;
  let repeated = 0;
  if (input.repeatedRows) for (let r = input.repeatedRows.first; r <= input.repeatedRows.last; r++) repeated += h(r);
  let used = 0;
  for (let r = 0; r < input.bodyTop; r++) used += h(r);
  const breaks: number[] = [];
  let pageStart = input.bodyTop;
  for (let r = input.bodyTop; r < input.end; r++) {
    if (used + h(r) > capacity && r > pageStart) {
      let at = r;
      // A heading (or a run of them) at the foot of the page goes over with its rows.
      while (at - 1 > pageStart && input.headings.has(at - 1)) at--;
      breaks.push(at);
      pageStart = at;
      used = repeated;
      for (let k = at; k < r; k++) used += h(k);
    }
    used += h(r);
  }
  // The last page: at least MIN_ROWS rows, taken from the page before when that keeps MIN_ROWS itself.
  const lastBreak = breaks.at(-1);
  if (lastBreak !== undefined && input.end - lastBreak < MIN_ROWS) {
    const before = breaks.length > 1 ? breaks[breaks.length - 2]! : input.bodyTop;
    let at = Math.max(input.end - MIN_ROWS, before + MIN_ROWS);
    while (at - 1 > before && input.headings.has(at - 1)) at--;
    if (at < lastBreak) breaks[breaks.length - 1] = at;
  }
  return breaks;
}
