/**
 * 評価集計 shaped like the report's 表3-1 (REPORT.md §1): title with the
 * grouping word, two merged header rows, one row per group whose count cells
 * hold numbers, the total and notes apart, charts inside the printed page and
 * their data outside it.
 */
import type { Evaluation, GroupSummary } from "../../../../src/core/model/summary";
import type { SheetPlan } from "../../../../src/core/model/sheet-plan";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { JA } from "../../../../src/core/i18n/sheet-labels";
import { commonGroupWord, planSummarySheet } from "../../../../src/core/plan/plan-summary-sheet";

function group(name: string, counts: Record<string, number>, percent: Record<string, number>, aOrB: number | null) {
  const evaluated = Object.values(counts).reduce((a, b) => a + b, 0);
  return { name, counts, evaluated, excluded: 0, percent, aOrBPercent: aOrB } satisfies GroupSummary;
}

/** 表3-1 of the Tokorozawa report (R3), by hand. */
const R3: Evaluation = {
  label: "R3",
  fiscalYear: 2021,
  source: "self",
  groups: [
    group("ビジョン1. 市民本位なサービス", { A: 16, B: 3, C: 0, D: 0 }, { A: 84, B: 16, C: 0, D: 0 }, 100),
    group("ビジョン2. 行政経営", { A: 32, B: 3, C: 0, D: 0 }, { A: 91, B: 9, C: 0, D: 0 }, 100),
  ],
  total: {
    counts: { A: 48, B: 6, C: 0, D: 0 },
    evaluated: 54,
    excluded: 1,
    percent: { A: 89, B: 11, C: 0, D: 0 },
    aOrBPercent: 100,
  },
  items: [],
  review: [],
};

const SUMMARY: Evaluation = { ...R3, label: "総括", fiscalYear: null };

function formatAt(plan: SheetPlan, row: number, col: number): string | undefined {
  return plan.formats
    .filter(
      (f) =>
        f.numberFormat !== undefined &&
        f.range.top <= row &&
        row <= f.range.bottom &&
        f.range.left <= col &&
        col <= f.range.right,
    )
    .pop()?.numberFormat;
}

const inRect = (r: { top: number; left: number; bottom: number; right: number }, row: number, col: number) =>
  r.top <= row && row <= r.bottom && r.left <= col && col <= r.right;

describe("planSummarySheet", () => {
  const plan = planSummarySheet("評価集計", [R3, SUMMARY], DEFAULT_RULES, JA);

  it("titles each table like the report, with the grouping word, and the evaluation when there are several", () => {
    // R3 and 総括 share the report's title; the label after it tells them apart (no 「対象：」 line).
    expect(plan.rows[0]![0]).toBe("表3-1 評価結果（ビジョン毎）（R3）");
    const second = plan.rows.findIndex((r) => r[0] === "表3-2 評価結果（ビジョン毎）（総括）");
    expect(plan.rows[1]![0]).toBe("ビジョン");
    expect(plan.rows.flat().some((v) => typeof v === "string" && v.startsWith("対象："))).toBe(false);
    // Each evaluation starts a printed page.
    expect(plan.pageLayout!.rowBreaksBefore).toEqual([second]);
    expect(planSummarySheet("評価集計", [R3], DEFAULT_RULES, JA).rows[0]![0]).toBe("表3-1 評価結果（ビジョン毎）");
  });

  it("has the two merged header rows of 表3-1, the counts header with the item noun", () => {
    const withNoun = planSummarySheet("評価集計", [R3, SUMMARY], DEFAULT_RULES, JA, "システム");
    expect(withNoun.rows[1]).toEqual([
      "ビジョン",
      "個別システム件数（割合）",
      undefined,
      undefined,
      undefined,
      "AまたはB\n評価の割合",
    ]);
    expect(plan.rows[1]![1]).toBe("個別項目件数（割合）");
    expect(plan.rows[2]!.slice(1, 5)).toEqual(["A評価", "B評価", "C評価", "D評価"]);
    expect(plan.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ]),
    );
  });

  it("keeps 「AまたはB」 and 「評価の割合」 each on one line (no break inside a word)", () => {
    const aob = plan.columnWidths[5]!;
    // 「評価の割合」 is five wide characters: 10 units and the cell's padding.
    expect(aob).toBeGreaterThanOrEqual(12);
  });

  it("writes one row per group: label without the grouping word, counts as numbers shown 「16件 (84%)」", () => {
    expect(plan.rows[3]).toEqual(["1. 市民本位なサービス", 16, 3, 0, 0, 1]);
    expect(plan.rows[4]).toEqual(["2. 行政経営", 32, 3, 0, 0, 1]);
    expect([1, 2, 3, 4, 5].map((c) => formatAt(plan, 3, c))).toEqual([
      '0"件 (84%)"',
      '0"件 (16%)"',
      '0"件 (0%)"',
      '0"件 (0%)"',
      "0%",
    ]);
    expect(formatAt(plan, 4, 2)).toBe('0"件 (9%)"');
  });

  it("by default, as the report: no total row, no blank row, only the note naming the excluded items", () => {
    const withExcluded: Evaluation = {
      ...R3,
      items: [
        {
          sheet: "表4-1",
          row: 9,
          key: "23",
          name: "電子黒板整備",
          group: "ビジョン1. 市民本位なサービス",
          department: "教育センター",
          selfGrade: null,
          suggestedGrade: null,
          grade: null,
          excludedReason: "-",
          indicators: [],
        },
      ],
    };
    const p = planSummarySheet("評価集計", [withExcluded], DEFAULT_RULES, JA);
    expect(p.rows[5]).toEqual(["※評価対象外（1件）：電子黒板整備"]);
    // The printed columns (the charts' data beside them names its series 合計).
    expect(p.rows.flatMap((r) => r.slice(0, 6))).not.toContain("合計");
    // Right after it: the charts' row (empty in the printed columns), never a second note.
    expect((p.rows[6] ?? []).slice(0, 6).filter((v) => v !== undefined && v !== null)).toEqual([]);
  });

  it("with the settings: a total row right under the groups, then every note without gaps", () => {
    const rules = { ...DEFAULT_RULES, report: { ...DEFAULT_RULES.report, totalRow: true, notes: "all" as const } };
    const p = planSummarySheet("評価集計", [R3], rules, JA);
    expect(p.rows[5]).toEqual(["合計", 48, 6, 0, 0, 1]);
    expect(String(p.rows[6]![0])).toContain("評価対象54件");
    expect(String(p.rows[7]![0])).toMatch(/^※/);
    expect(String(p.rows[8]![0])).toMatch(/^※評価：/);
  });

  it("numbers tables and figures from the settings' start numbers", () => {
    const rules = {
      ...DEFAULT_RULES,
      report: { ...DEFAULT_RULES.report, summaryTables: { chapter: 5, start: 3 }, figures: { chapter: 5, start: 7 } },
    };
    const p = planSummarySheet("評価集計", [R3], rules, JA, "事業");
    expect(p.rows[0]![0]).toBe("表5-3 評価結果（ビジョン毎）");
    expect(p.charts.map((c) => c.title)).toEqual(["図5-7 評価結果（全事業）", "図5-8 ビジョン別評価結果"]);
  });

  it("prints the table and the charts, not the charts' data", () => {
    const area = plan.pageLayout!.printArea!;
    expect(area.left).toBe(0);
    expect(area.right).toBe(5);
    expect(plan.charts).toHaveLength(4);
    for (const c of plan.charts) {
      expect(inRect(area, c.anchor.row, c.anchor.col)).toBe(true);
      expect(inRect(area, c.anchor.row + c.anchor.rows - 1, c.anchor.col + c.anchor.cols - 1)).toBe(true);
      expect(c.data.left).toBeGreaterThan(area.right);
      expect(c.colors).toHaveLength(4);
    }
    expect(plan.pageLayout).toMatchObject({ orientation: "portrait", paperSize: "A4", centerFooter: "&P / &N" });
  });

  it("titles the charts as numbered figures: 図3-1 評価結果（全システム）, 図3-2 ビジョン別評価結果", () => {
    const p = planSummarySheet("評価集計", [R3, SUMMARY], DEFAULT_RULES, JA, "システム");
    expect(p.charts.map((c) => c.title)).toEqual([
      "図3-1 評価結果（全システム）",
      "図3-2 ビジョン別評価結果",
      "図3-3 評価結果（全システム）",
      "図3-4 ビジョン別評価結果",
    ]);
    // Which evaluation a figure shows is in its text alternative.
    expect(p.charts[2]!.altText).toMatch(/^図3-3 評価結果（全システム）（総括）: A 48/);
  });

  it("breaks a figure title too wide for its chart after the number, not inside a word", () => {
    const p = planSummarySheet("評価集計", [R3], DEFAULT_RULES, JA, "アクションプラン");
    expect(p.charts[0]!.title).toBe("図3-1\n評価結果（全アクションプラン）");
    expect(planSummarySheet("評価集計", [R3], DEFAULT_RULES, JA, "システム").charts[0]!.title).toBe(
      "図3-1 評価結果（全システム）",
    );
  });

  it("cuts a long group name on the bars (the bars, not their labels, are the chart)", () => {
    const long: Evaluation = {
      ...R3,
      groups: [
        group(
          "総務部の地域の課題を解決するためのデジタル技術の活用",
          { A: 1, B: 0, C: 0, D: 0 },
          { A: 100, B: 0, C: 0, D: 0 },
          100,
        ),
      ],
    };
    const p = planSummarySheet("評価集計", [long], DEFAULT_RULES, JA);
    const bar = p.charts[1]!;
    const label = String(p.rows[bar.data.top + 1]![bar.data.left]);
    expect(label.endsWith("…")).toBe(true);
    expect(label.length).toBeLessThanOrEqual(8);
  });

  it("feeds the pie with the total's counts and the bars with each group's counts", () => {
    const [pie, bar] = plan.charts;
    const cell = (r: number, c: number) => plan.rows[r]?.[c];
    expect([1, 2, 3, 4].map((k) => cell(pie!.data.top + k, pie!.data.left + 1))).toEqual([48, 6, 0, 0]);
    expect(cell(bar!.data.top + 1, bar!.data.left)).toBe("ビジョン1");
    expect([1, 2, 3, 4].map((k) => cell(bar!.data.top + 2, bar!.data.left + k))).toEqual([32, 3, 0, 0]);
  });

  it("makes the count columns wide enough for their widest cell", () => {
    // 「16件 (84%)」 is 10 units; Excel prints #### for a number wider than its column.
    for (let c = 1; c <= 4; c++) expect(plan.columnWidths[c]).toBeGreaterThanOrEqual(11);
  });

  it("shows 「－」 for an A-or-B share that cannot be computed", () => {
    const empty: Evaluation = {
      ...R3,
      groups: [group("区分なし", { A: 0, B: 0, C: 0, D: 0 }, { A: 0, B: 0, C: 0, D: 0 }, null)],
    };
    const p = planSummarySheet("評価集計", [empty], DEFAULT_RULES, JA);
    expect(p.rows[0]![0]).toBe("表3-1 評価結果（区分毎）");
    expect(p.rows[3]).toEqual(["区分なし", 0, 0, 0, 0, "－"]);
  });
});

describe("commonGroupWord", () => {
  it.each([
    [["ビジョン1. ICTを利活用した…", "ビジョン2. 効率的で…"], "ビジョン"],
    [["基本方針１：市民のためのサービスデザイン", "基本方針２：市民を守るICT"], "基本方針"],
    [["基本方針1 いつでも", "施策2 データ"], null],
    [["総務部", "市民部"], null],
    [[], null],
  ])("%j → %s", (names, word) => {
    expect(commonGroupWord(names)).toBe(word);
  });
});

describe("planSummarySheet: a long table", () => {
  it("moves the charts to the next page rather than cutting them", () => {
    const many: Evaluation = {
      ...R3,
      groups: Array.from({ length: 20 }, (_, i) =>
        group(
          `施策${i + 1} 地域の課題を解決するためのデジタル技術の活用と推進`,
          { A: 1, B: 0, C: 0, D: 0 },
          { A: 100, B: 0, C: 0, D: 0 },
          100,
        ),
      ),
    };
    const p = planSummarySheet("評価集計", [many], DEFAULT_RULES, JA);
    // 20 rows of two lines (≈ 39.5 pt each) are ≈ 790 pt: more than A4 portrait's 755 pt printable height.
    expect(p.pageLayout!.rowBreaksBefore).toEqual([p.charts[0]!.anchor.row]);
    // Three groups (the report's table) leave the charts on the table's page.
    expect(planSummarySheet("評価集計", [R3], DEFAULT_RULES, JA).pageLayout!.rowBreaksBefore).toEqual([]);
  });
});

describe("評価の推移 under 表3-1 (rules.report.movementTable, issue 18)", () => {
  const withMovement: Evaluation = {
    ...R3,
    movement: {
      previousYear: 2020,
      previousLabel: "R2",
      groups: [
        { name: "ビジョン1. 市民本位なサービス", up: 2, same: 15, down: 1, noPrevious: 1 },
        { name: "ビジョン2. 行政経営", up: 0, same: 33, down: 2, noPrevious: 0 },
      ],
      total: { up: 2, same: 48, down: 3, noPrevious: 1 },
    },
  };
  const on = { ...DEFAULT_RULES, report: { ...DEFAULT_RULES.report, movementTable: true } };
  const text = (p: SheetPlan) => p.rows.map((r) => (r ?? []).map((v) => (v === null || v === undefined ? "" : String(v))));

  it("is off by default: the sheet is the same as without the counts", () => {
    expect(planSummarySheet("評価集計", [withMovement], DEFAULT_RULES, JA)).toEqual(planSummarySheet("評価集計", [R3], DEFAULT_RULES, JA));
  });

  it("when on, follows the table inside the printed page: title, 上昇 / 維持 / 低下 / 前年度評価なし, a row per group", () => {
    const plan = planSummarySheet("評価集計", [withMovement], on, JA);
    const rows = text(plan);
    const title = rows.findIndex((r) => r[0] === "前年度からの評価の推移（R2 → R3）");
    expect(title).toBeGreaterThan(0);
    expect(rows[title + 1]!.slice(0, 5)).toEqual(["ビジョン", "上昇", "維持", "低下", "前年度\n評価なし"]);
    expect(plan.rows[title + 2]!.slice(0, 5)).toEqual(["1. 市民本位なサービス", 2, 15, 1, 1]);
    expect(plan.rows[title + 3]!.slice(0, 5)).toEqual(["2. 行政経営", 0, 33, 2, 0]);
    expect(formatAt(plan, title + 2, 1)).toBe('0"件"');
    // Printed, and above the charts of the same evaluation.
    const print = plan.pageLayout!.printArea!;
    expect(print.bottom).toBeGreaterThan(title + 3);
    expect(print.right).toBeGreaterThanOrEqual(4);
    expect(Math.min(...plan.charts.map((c) => c.anchor.row))).toBeGreaterThan(title + 3);
  });

  it("is not there for an evaluation without the year before, even when on", () => {
    const rows = text(planSummarySheet("評価集計", [R3], on, JA));
    expect(rows.flat().some((v) => v.includes("評価の推移"))).toBe(false);
  });
});
