/**
 * Two-row headers over year columns, as municipal progress sheets write them
 * (issue 10 follow-up): a top cell 「目標・実績」「計画年度」「年度別目標」「目標値」
 * merged over R3 | R4 | R5 with a 区分 column of 目標 / 実績 rows (a pairs
 * table), and the years on top with 目標 | 実績 under each year (one row per
 * item). Expected grades are worked out by hand from GRADING.md:
 * the evaluated year is the latest with actuals (R4 = 2022);
 *   電子申請 1,700 / 2,000 = 85 % → B; 待ち時間 (以内, lower is better) 20 / 40 = 50 % → C;
 *   研修 45 / 100 = 45 % → D.
 */
import type { CellRect } from "../../../../src/core/model/snapshot";
import type { ReviewResult } from "../../../../src/core/run-review";
import { reviewSheets, rulesWith, sheetOf, type CellSpec } from "../helpers";

function review(name: string, rows: CellSpec[][], merges: CellRect[] = []): ReviewResult {
  return reviewSheets([{ ...sheetOf(name, rows), merges }]);
}

const down = (top: number, col: number, rows = 2): CellRect => ({ top, left: col, bottom: top + rows - 1, right: col });
const across = (row: number, left: number, right: number): CellRect => ({ top: row, left, bottom: row, right });

/** The three pairs of the hand-worked example, from column 0 (No, 取組名, 評価指標, 区分, years…). */
const PAIRS: CellSpec[][] = [
  ["1", "電子申請の拡大", "オンライン申請件数", "目標", "1,000件", "2,000件", "3,000件"],
  [null, null, null, "実績", "1,100件", "1,700件", null],
  ["2", "窓口の待ち時間短縮", "平均待ち時間", "目標", "30分以内", "20分以内", "15分以内"],
  [null, null, null, "実績", "25分", "40分", null],
  ["3", "職員研修", "受講者数", "目標", "100人", "100人", "100人"],
  [null, null, null, "実績", "80人", "45人", null],
];

function expectHandWorked(r: ReviewResult): void {
  expect(r.skippedSheets).toEqual([]);
  expect(r.summary.evaluations).toHaveLength(1);
  const ev = r.summary.evaluations[0]!;
  expect(ev.fiscalYear).toBe(2022);
  expect(ev.items.map((i) => [i.name, i.grade])).toEqual([
    ["電子申請の拡大", "B"],
    ["窓口の待ち時間短縮", "C"],
    ["職員研修", "D"],
  ]);
  expect(ev.items.map((i) => i.indicators.map((x) => [x.target, x.actual]))).toEqual([
    [[2000, 1700]],
    [[20, 40]],
    [[100, 45]],
  ]);
  expect(ev.total.evaluated).toBe(3);
  expect(ev.total.excluded).toBe(0);
}

describe("a word merged over the year columns of a 目標 / 実績 pairs table", () => {
  const TITLE: CellSpec[][] = [["第2次デジタル化推進計画 進捗状況"], []];
  const identityMerges = [0, 1, 2, 3].map((c) => down(2, c));

  it.each(["目標・実績", "目標／実績", "計画年度", "年度別目標", "目標値", "年度別目標値", "目標及び実績"])(
    "「%s」 over R3 | R4 | R5 with a 区分 column: read as pairs, graded for R4",
    (parent) => {
      const r = review(
        "進捗状況",
        [
          ...TITLE,
          ["No", "取組名", "評価指標", "区分", parent, null, null],
          [null, null, null, null, "R3", "R4", "R5"],
          ...PAIRS,
        ],
        [...identityMerges, across(2, 4, 6)],
      );
      expect(r.layouts[0]!.kind).toBe("pairs");
      expectHandWorked(r);
    },
  );

  it("with 令和3年度 … year labels, the evaluation is labelled 令和4年度", () => {
    const r = review(
      "進捗状況",
      [
        ...TITLE,
        ["No", "取組名", "評価指標", "区分", "目標・実績", null, null],
        [null, null, null, null, "令和3年度", "令和4年度", "令和5年度"],
        ...PAIRS,
      ],
      [...identityMerges, across(2, 4, 6)],
    );
    expectHandWorked(r);
    expect(r.summary.evaluations[0]!.label).toBe("令和4年度");
  });

  it("when the word is not merged but only written over the first year (centred across the selection)", () => {
    const r = review("進捗状況", [
      ...TITLE,
      ["No", "取組名", "評価指標", "区分", "計画年度", null, null],
      [null, null, null, null, "R3", "R4", "R5"],
      ...PAIRS,
    ]);
    expectHandWorked(r);
  });

  it("when the 区分 column has no header of its own", () => {
    const r = review(
      "進捗状況",
      [
        ...TITLE,
        ["No", "取組名", "評価指標", null, "目標・実績", null, null],
        [null, null, null, null, "R3", "R4", "R5"],
        ...PAIRS,
      ],
      [across(2, 4, 6)],
    );
    expectHandWorked(r);
  });

  it("a 区分 column of other words (ハード / ソフト) does not make 目標 over the years a pairs table", () => {
    // 目標 over R3 | R4 and 実績 over R3 | R4: a row-per-item table with per-year pairs; 区分 is a category.
    const r = review(
      "進捗状況",
      [
        ["No", "取組名", "区分", "目標", null, "実績", null],
        [null, null, null, "R3", "R4", "R3", "R4"],
        ["1", "電子申請の拡大", "ソフト", 1000, 2000, 1100, 1700],
        ["2", "端末更新", "ハード", 100, 100, 80, 45],
      ],
      [down(0, 0), down(0, 1), down(0, 2), across(0, 3, 4), across(0, 5, 6)],
    );
    expect(r.layouts[0]!.kind).toBe("rowPerItem");
    const ev = r.summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2022);
    expect(ev.items.map((i) => i.grade)).toEqual(["B", "D"]);
  });
});

describe("year headers as staff write them", () => {
  it.each<[string, CellSpec[]]>([
    ["typed as numbers (2021 | 2022 | 2023)", [2021, 2022, 2023]],
    ["era with the Western year in brackets", ["令和3年度\n（2021）", "令和4年度\n（2022）", "令和5年度\n（2023）"]],
    ["Western with the era in brackets", ["2021\n(R3)", "2022\n(R4)", "2023\n(R5)"]],
    ["the year's end (令和3年度末)", ["令和3年度末", "令和4年度末", "令和5年度末"]],
    ["R3末", ["R3末", "R4末", "R5末"]],
    ["with a footnote mark (R4※)", ["R3", "R4※", "R5※2"]],
  ])("%s, one-row header of a pairs table", (_, years) => {
    const r = review("進捗状況", [["No", "取組名", "評価指標", "区分", ...years], ...PAIRS]);
    expect(r.layouts[0]!.kind).toBe("pairs");
    expectHandWorked(r);
  });

  it("a year and a different year in brackets is not one year (令和3年度（2022）)", () => {
    const r = review("進捗状況", [["No", "取組名", "評価指標", "区分", "令和3年度（2022）", "R4", "R5"], ...PAIRS]);
    // The contradictory column is not a year: only R4 and R5 are read.
    expect(r.layouts[0]!.columns.filter((c) => c.role === "year").map((c) => c.fiscalYear)).toEqual([2022, 2023]);
    expectHandWorked(r);
  });
});

describe("years on top with 目標 | 実績 under each year (one row per item)", () => {
  const ROWS: CellSpec[][] = [
    ["1", "電子申請の拡大", "オンライン申請件数", "1,000件", "1,100件", "2,000件", "1,700件", "B"],
    ["2", "窓口の待ち時間短縮", "平均待ち時間", "30分以内", "25分", "20分以内", "40分", "C"],
    ["3", "職員研修", "受講者数", "100人", "80人", "100人", "45人", "C"],
  ];

  function expectRowPerItem(r: ReviewResult, headerRows = 2): void {
    expect(r.skippedSheets).toEqual([]);
    expect(r.layouts[0]!.kind).toBe("rowPerItem");
    const ev = r.summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2022);
    expect(ev.items.map((i) => [i.name, i.selfGrade, i.suggestedGrade])).toEqual([
      ["電子申請の拡大", "B", "B"],
      ["窓口の待ち時間短縮", "C", "C"],
      ["職員研修", "C", "D"],
    ]);
    // The self grade is adopted; the one disagreement (研修: self C, suggested D) is listed for review.
    expect(ev.items.map((i) => i.grade)).toEqual(["B", "C", "C"]);
    expect(ev.review.map((x) => x.row)).toEqual([headerRows + 3]);
  }

  it.each([
    ["令和3年度", "令和4年度", "目標", "実績"],
    ["R3", "R4", "目標値", "実績値"],
    ["2021年度", "2022年度", "計画", "実績"],
  ])("%s | %s over %s | %s, merged", (y1, y2, t, a) => {
    const r = review(
      "進捗状況",
      [["No", "事業名", "成果指標", y1, null, y2, null, "達成状況"], [null, null, null, t, a, t, a, null], ...ROWS],
      [down(0, 0), down(0, 1), down(0, 2), across(0, 3, 4), across(0, 5, 6), down(0, 7)],
    );
    expectRowPerItem(r);
  });

  it("when each year is written only over its 目標 cell (no merge)", () => {
    const r = review("進捗状況", [
      ["No", "事業名", "成果指標", "令和3年度", null, "令和4年度", null, "達成状況"],
      [null, null, null, "目標", "実績", "目標", "実績", null],
      ...ROWS,
    ]);
    expectRowPerItem(r);
  });

  it("under a third header row 「目標・実績」 merged over all the years", () => {
    const r = review(
      "進捗状況",
      [
        ["No", "事業名", "成果指標", "目標・実績", null, null, null, "達成状況"],
        [null, null, null, "令和3年度", null, "令和4年度", null, null],
        [null, null, null, "目標", "実績", "目標", "実績", null],
        ...ROWS,
      ],
      [down(0, 0, 3), down(0, 1, 3), down(0, 2, 3), across(0, 3, 6), across(1, 3, 4), across(1, 5, 6), down(0, 7, 3)],
    );
    expect(r.summary.evaluations[0]!.label).toBe("令和4年度");
    expect(r.layouts[0]!.kind).toBe("rowPerItem");
    const ev = r.summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2022);
    expect(ev.items.map((i) => [i.name, i.selfGrade, i.suggestedGrade])).toEqual([
      ["電子申請の拡大", "B", "B"],
      ["窓口の待ち時間短縮", "C", "C"],
      ["職員研修", "C", "D"],
    ]);
  });
  it("under a third header row 「目標・実績」, nothing merged (each word typed once, left-aligned)", () => {
    const r = review("進捗状況", [
      ["No", "事業名", "成果指標", "目標・実績", null, null, null, "達成状況"],
      [null, null, null, "令和3年度", null, "令和4年度", null, null],
      [null, null, null, "目標", "実績", "目標", "実績", null],
      ...ROWS,
    ]);
    expectRowPerItem(r, 3);
    expect(r.layouts[0]!.headerBottom).toBe(2);
    expect(r.summary.evaluations[0]!.label).toBe("令和4年度");
  });
  it("a three-row header chosen by the user's header row (its last row) keeps all three rows", () => {
    const rows: CellSpec[][] = [
      ["No", "事業名", "成果指標", "目標・実績", null, null, null, "達成状況"],
      [null, null, null, "令和3年度", null, "令和4年度", null, null],
      [null, null, null, "目標", "実績", "目標", "実績", null],
      ...ROWS,
    ];
    const r = reviewSheets(
      [sheetOf("進捗状況", rows)],
      rulesWith({ columnOverrides: { 進捗状況: { headerRow: 2, columns: {} } } }),
    );
    expect([r.layouts[0]!.headerTop, r.layouts[0]!.headerBottom]).toEqual([0, 2]);
    expectRowPerItem(r, 3);
  });
});
