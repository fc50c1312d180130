/**
 * Header words as staff type them (issue 10 follow-up): other wordings of the
 * same roles, full-width and half-width, Alt+Enter line breaks, spaces padding
 * the characters (目\u3000標), brackets after the word (評価（自己）, 目標値（件）), and
 * an English header set. Each header set reads the same three rows, so each
 * must give the same items and grades, worked out by hand from GRADING.md:
 *   電子申請 1,200 / 1,000 = 120 % → A (self A);
 *   窓口改善 15分以内 vs 20分: lower is better, 15 / 20 = 75 % → C (self B: a disagreement, listed);
 *   研修 45 / 100 = 45 % → D (self D).
 */
import type { ReviewResult } from "../../../../src/core/run-review";
import { reviewSheets, sheetOf, type CellSpec } from "../helpers";

const ROWS: CellSpec[][] = [
  [1, "電子申請", "申請件数", 1000, 1200, "A", "情報政策課"],
  [2, "窓口改善", "待ち時間", "15分以内", "20分", "B", "市民課"],
  [3, "職員研修", "受講者数", 100, 45, "D", "人事課"],
];

function read(header: CellSpec[], rows: CellSpec[][] = ROWS): ReviewResult {
  return reviewSheets([sheetOf("進捗状況", [["令和5年度 取組の進捗状況"], [], header, ...rows])]);
}

function expectThreeRowsRead(r: ReviewResult): void {
  expect(r.skippedSheets).toEqual([]);
  expect(r.summary.evaluations).toHaveLength(1);
  const ev = r.summary.evaluations[0]!;
  expect(ev.items.map((i) => [i.key, i.name, i.department, i.selfGrade, i.suggestedGrade, i.grade])).toEqual([
    ["1", "電子申請", "情報政策課", "A", "A", "A"],
    ["2", "窓口改善", "市民課", "B", "C", "B"],
    ["3", "職員研修", "人事課", "D", "D", "D"],
  ]);
  expect(ev.items.map((i) => i.indicators.map((x) => x.name))).toEqual([["申請件数"], ["待ち時間"], ["受講者数"]]);
  expect(ev.source).toBe("self");
  expect(ev.total.counts).toEqual({ A: 1, B: 1, C: 0, D: 1 });
  expect(ev.total.evaluated).toBe(3);
  expect(ev.review.map((x) => x.reason)).toEqual(["self B, suggested C"]);
}

describe("header wordings staff type", () => {
  it.each<[string, CellSpec[]]>([
    [
      "No. / 指標名 / 目標値 / 実績値 / 達成状況 / 所管課",
      ["No.", "事業名", "指標名", "目標値", "実績値", "達成状況", "所管課"],
    ],
    [
      "番号 / 成果指標 / 評価（自己） / 担当部署",
      ["番号", "取組名", "成果指標", "目標", "実績", "評価（自己）", "担当部署"],
    ],
    [
      "項番 / 活動指標 / units in brackets / 自己評価（A～D） / 担当所属",
      ["項番", "事務事業名", "活動指標", "目標値（件）", "実績値（件）", "自己評価（A～D）", "担当所属"],
    ],
    ["full-width Ｎｏ． / ＫＰＩ", ["Ｎｏ．", "事業名", "ＫＰＩ", "目標値", "実績値", "自己評価", "担当課"]],
    [
      "spaces between the characters (目　標)",
      ["Ｎｏ", "事 業 名", "指　標　名", "目　標", "実　績", "評　価", "所 管 課"],
    ],
    [
      "line breaks inside the headers (Alt+Enter)",
      ["No.", "事業名", "成果\n指標", "目標\n値", "実績\r\n値", "自己\n評価", "担当\n部署"],
    ],
    [
      "通し番号 / 主な取組 / KPI / 評価（所管課） / 所属",
      ["通し番号", "主な取組", "KPI", "計画値", "実績値", "評価（所管課）", "所属"],
    ],
    [
      "№ / 具体的な取組 / 評価指標（KPI） / 内部評価 / 課名",
      ["№", "具体的な取組", "評価指標（KPI）", "目標", "結果", "内部評価", "課名"],
    ],
    [
      "footnote marks after the words (目標値※1, 自己評価※, 実績値（注2）)",
      ["No.", "事業名", "指標名※", "目標値※1", "実績値（注2）", "自己評価※", "担当課*"],
    ],
  ])("%s", (_, header) => {
    expectThreeRowsRead(read(header));
  });

  it("labels the evaluation with the header word joined again (自己\\n評価 → 自己評価)", () => {
    const r = reviewSheets([
      sheetOf("進捗状況", [["No.", "事業名", "指標名", "目標値", "実績値", "自己\n評価", "所管課"], ...ROWS]),
    ]);
    expectThreeRowsRead(r);
    expect(r.summary.evaluations[0]!.label).toBe("自己評価");
  });

  it("reads years in brackets after the words (目標値\\n（令和５年度）) as that year", () => {
    const r = read([
      "No.",
      "事業名",
      "指標名",
      "目標値\n（令和５年度）",
      "実績値\n（令和５年度）",
      "自己評価",
      "所管課",
    ]);
    expectThreeRowsRead(r);
    expect(r.summary.evaluations[0]!.fiscalYear).toBe(2023);
  });

  it("does not take a rate column 達成率 / 達成度（％） for a grade", () => {
    for (const rate of ["達成率", "達成度（％）"]) {
      const r = read(
        ["No.", "事業名", "指標名", "目標値", "実績値", rate, "所管課"],
        [
          [1, "電子申請", "申請件数", 1000, 1200, "120%", "情報政策課"],
          [2, "職員研修", "受講者数", 100, 45, "45%", "人事課"],
        ],
      );
      const ev = r.summary.evaluations[0]!;
      expect(ev.source).toBe("suggested");
      expect(ev.items.map((i) => [i.selfGrade, i.grade])).toEqual([
        [null, "A"],
        [null, "D"],
      ]);
      expect(ev.review).toEqual([]);
    }
  });

  it("keeps 評価（R3） and 評価（総括） two evaluations", () => {
    const r = reviewSheets([
      sheetOf("表4-1", [
        ["No", "システム名", "担当課", "評価（R3）", "評価（総括）"],
        [1, "電子申請", "情報政策課", "A", "B"],
        [2, "施設予約", "文化課", "B", "B"],
        [3, "電子黒板整備", "教育総務課", "-", "A"],
      ]),
    ]);
    const [r3, overall] = r.summary.evaluations;
    expect([r3!.label, r3!.fiscalYear, overall!.label, overall!.fiscalYear]).toEqual(["R3", 2021, "総括", null]);
    expect(r3!.total.counts).toEqual({ A: 1, B: 1, C: 0, D: 0 });
    expect(r3!.total.excluded).toBe(1);
    expect(overall!.total.counts).toEqual({ A: 1, B: 2, C: 0, D: 0 });
  });
});

describe("an English header set", () => {
  it.each<[string, CellSpec[]]>([
    [
      "Item / Indicator / Target FY2023 / Actual FY2023 / Self-evaluation",
      ["No.", "Item", "Indicator", "Target FY2023", "Actual FY2023", "Self-evaluation", "Department"],
    ],
    [
      "ID / Project / KPI / Target (FY2023) / Result (FY2023) / Self evaluation (A-D)",
      ["ID", "Project", "KPI", "Target (FY2023)", "Result (FY2023)", "Self evaluation (A-D)", "Division"],
    ],
  ])("%s", (_, header) => {
    const r = read(header);
    expectThreeRowsRead(r);
    expect(r.summary.evaluations[0]!.fiscalYear).toBe(2023);
  });
});
