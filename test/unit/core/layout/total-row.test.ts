/**
 * Total rows under a progress table (「合計」「計」「小計」): which rows of a
 * sheet are the table's totals and which are items, as a reviewer would mark
 * them by eye.
 */
import { SheetGrid } from "../../../../src/core/layout/sheet-grid";
import { detectTable } from "../../../../src/core/layout/detect-header";
import { totalRowReason, totalRowWord } from "../../../../src/core/layout/total-row";
import type { CellRect } from "../../../../src/core/model/snapshot";
import { sheetOf, type CellSpec } from "../helpers";

/** 1-based sheet rows that read as total rows, with the word as written. */
function totalRows(rows: CellSpec[][], merges: CellRect[] = []): [number, string][] {
  const grid = new SheetGrid({ ...sheetOf("進捗", rows), merges });
  const d = detectTable(grid);
  if (!d.ok) throw new Error(d.reason);
  const out: [number, string][] = [];
  for (let r = d.layout.headerBottom + 1; r <= grid.bottom; r++) {
    const w = totalRowWord(grid, r, d.layout);
    if (w !== null) out.push([r + 1, w]);
  }
  return out;
}

const HEADER = ["No", "事業名", "評価指標", "目標値", "実績値", "自己評価"];

describe("total rows", () => {
  it("「合計」 in the No column, 「計」 in the item column, 「合　計」 with padding, 「Total」", () => {
    expect(
      totalRows([
        HEADER,
        [1, "電子申請", "申請件数", 1000, 1200, "A"],
        [2, "計画策定支援", "策定件数", 10, 8, "B"],
        [3, "会計事務の電子化", "処理件数", 100, 45, "D"],
        ["小計", null, null, 1110, 1253, null],
        [null, "計", null, 1110, 1253, null],
        ["合　計", null, null, 1110, 1253, null],
        ["Total", null, null, 1110, 1253, null],
      ]),
    ).toEqual([
      [5, "小計"],
      [6, "計"],
      [7, "合 計"],
      [8, "Total"],
    ]);
  });

  it("a 「合計」 merged over No and 事業名", () => {
    expect(
      totalRows(
        [HEADER, [1, "電子申請", "申請件数", 1000, 1200, "A"], ["合計", null, null, 1000, 1200, null]],
        [{ top: 2, left: 0, bottom: 2, right: 2 }],
      ),
    ).toEqual([[3, "合計"]]);
  });

  it("not an item whose name contains 計, nor 「計」 as an indicator under 男性 / 女性", () => {
    expect(
      totalRows([
        HEADER,
        [1, "健診の受診促進", "受診率（男性）", "50%", "45%", "B"],
        [null, null, "受診率（女性）", "50%", "55%", null],
        [null, null, "計", "50%", "50%", null],
        [2, "計画策定", "策定件数", 1, 1, "A"],
      ]),
    ).toEqual([]);
  });

  it("says why the row is not an item, Japanese first, naming the word as written", () => {
    const r = totalRowReason("合 計");
    expect(r.reasonJa).toContain("合 計");
    expect(r.reasonJa).toContain("項目");
    expect(r.reason).toContain("合 計");
  });
});
