/**
 * A header below a long title block (plan name, year, author, 記入要領 and a
 * grade legend — about 15 rows, as sheets handed to departments have), with
 * ※ notes under the table. Expected grades worked out by hand (GRADING.md):
 *   電子申請 1,200 / 1,000 = 120 % → A; 待ち時間 15分以内 vs 20分 → 75 % → C (self B, listed);
 *   研修 45 / 100 = 45 % → D.
 */
import { reviewSheets, sheetOf, type CellSpec } from "../helpers";

const TITLE_BLOCK: CellSpec[][] = [
  ["第2次○○市情報化推進計画"],
  ["令和5年度 進捗状況評価シート"],
  [],
  ["作成日：令和6年5月31日", null, null, "作成課：情報政策課"],
  [],
  ["【記入要領】"],
  ["1. 目標値・実績値は数値で入力してください。"],
  ["2. 自己評価は次の基準によります。"],
  [null, "評価", "基準"],
  [null, "A", "目標を達成（100%以上）"],
  [null, "B", "おおむね達成（80%以上）"],
  [null, "C", "50%以上"],
  [null, "D", "50%未満"],
  ["※ 評価期間前の指標は「評価期間前」と記入"],
  [],
];

const TABLE: CellSpec[][] = [
  ["No", "事業名", "評価指標", "目標値", "実績値", "自己評価", "担当課"],
  [1, "電子申請", "申請件数", 1000, 1200, "A", "情報政策課"],
  [2, "窓口改善", "待ち時間", "15分以内", "20分", "B", "市民課"],
  [3, "職員研修", "受講者数", 100, 45, "D", "人事課"],
  [],
  ["※ 実績値は令和6年3月末時点"],
  ["※ 担当課の自己評価を記載"],
];

describe("a header under a long title block and notes", () => {
  it("finds the header on row 16 and reads the three items, the year from the title", () => {
    const r = reviewSheets([sheetOf("評価シート", [...TITLE_BLOCK, ...TABLE])]);
    expect(r.skippedSheets).toEqual([]);
    expect(r.layouts[0]!.headerTop).toBe(15);
    const ev = r.summary.evaluations[0]!;
    expect([ev.label, ev.fiscalYear]).toEqual(["令和5年度", 2023]);
    expect(ev.items.map((i) => [i.row, i.name, i.selfGrade, i.suggestedGrade])).toEqual([
      [17, "電子申請", "A", "A"],
      [18, "窓口改善", "B", "C"],
      [19, "職員研修", "D", "D"],
    ]);
    expect(ev.total.counts).toEqual({ A: 1, B: 1, C: 0, D: 1 });
    // Only the disagreement is listed: neither the legend nor the ※ notes become rows to review.
    expect(ev.review.map((x) => [x.row, x.reason])).toEqual([[18, "self B, suggested C"]]);
  });

  it("also when the header comes right under the grade legend (no blank row between)", () => {
    const r = reviewSheets([sheetOf("評価シート", [...TITLE_BLOCK.slice(0, 8), [null, "評価", "基準"], ...TABLE])]);
    expect(r.layouts[0]!.headerTop).toBe(9);
    const ev = r.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.row, i.name, i.grade])).toEqual([
      [11, "電子申請", "A"],
      [12, "窓口改善", "B"],
      [13, "職員研修", "D"],
    ]);
    expect(ev.items.map((i) => i.indicators.map((x) => [x.target, x.actual]))).toEqual([
      [[1000, 1200]],
      [[15, 20]],
      [[100, 45]],
    ]);
  });

  it("also when the legend repeats the grade words beside 事業名-like words (評価 | 事業の状態)", () => {
    const legend: CellSpec[][] = [
      ["評価基準"],
      ["評価", "事業の状態"],
      ["A", "計画通り目標を達成できた"],
      ["B", "おおむね目標を達成できた"],
      ["C", "目標の達成には至らなかった"],
      ["D", "見直しの是非を検討"],
      [],
    ];
    const r = reviewSheets([sheetOf("評価シート", [...TITLE_BLOCK.slice(0, 5), ...legend, ...TABLE])]);
    const ev = r.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.name, i.grade])).toEqual([
      ["電子申請", "A"],
      ["窓口改善", "B"],
      ["職員研修", "D"],
    ]);
  });
});
