/**
 * Page breaks of the published list, worked out by hand: A4 portrait's 755.5 pt body less 6 % slack is
 * 710.2 pt a page; rows of 20 pt, a 40 pt header repeated on every page.
 */
import { listPageBreaks, MIN_ROWS } from "../../../../src/core/plan/page-breaks";

const rows = (n: number, h = 20) => Array.from({ length: n }, () => h);

describe("listPageBreaks", () => {
  it("fills each page and starts the next where the rows no longer fit", () => {
    // Page 1: 30 pt title + 40 pt header, then 32 rows (70 + 640 = 710 ≤ 710.2); the 33rd does not fit.
    const heights = [30, 20, 20, ...rows(60)];
    const breaks = listPageBreaks({
      heights,
      bodyTop: 3,
      repeatedRows: { first: 1, last: 2 },
      headings: new Set(),
      end: 63,
    });
    // Page 2: 40 pt header + 33 rows (700); the remaining 60 − 32 − 33 < 0, so two pages.
    expect(breaks).toEqual([35]);
  });

  it("never leaves a group heading last on a page: it goes over with its rows", () => {
    const heights = [30, 20, 20, ...rows(60)];
    const breaks = listPageBreaks({
      heights,
      bodyTop: 3,
      repeatedRows: { first: 1, last: 2 },
      headings: new Set([34]),
      end: 63,
    });
    expect(breaks).toEqual([34]);
  });

  it("gives the last page at least 5 rows, taken from the page before", () => {
    // 34 rows: 32 on page 1, 2 left over → the break moves back so page 2 has MIN_ROWS.
    const heights = [30, 20, 20, ...rows(34)];
    const breaks = listPageBreaks({
      heights,
      bodyTop: 3,
      repeatedRows: { first: 1, last: 2 },
      headings: new Set(),
      end: 37,
    });
    expect(breaks).toEqual([37 - MIN_ROWS]);
    expect(MIN_ROWS).toBe(5);
  });

  it("breaks nothing when everything fits on one page", () => {
    const heights = [30, 20, 20, ...rows(10)];
    expect(listPageBreaks({ heights, bodyTop: 3, repeatedRows: null, headings: new Set(), end: 13 })).toEqual([]);
  });
});
