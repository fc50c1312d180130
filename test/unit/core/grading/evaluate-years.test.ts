/**
 * One evaluation per stated year (issue 10), through the whole job on sheets
 * built by hand: the year labels the evaluation, not the grade column's word;
 * workbooks kept as one sheet per fiscal year give one evaluation per year;
 * a yearless target (毎年 / 最終年度に) applies to the evaluated year of a wide sheet;
 * English indicator-only tables; a warning when every row of a table goes to review.
 * Every expected grade is worked out by hand in the comments.
 */
import { reviewSheets, rulesWith, sheetOf, type CellSpec } from "../helpers";

const HEADER = ["No", "事業名", "指標", "目標値", "実績値", "達成度"];

function yearSheet(name: string, rows: CellSpec[][], title?: string) {
  return sheetOf(name, [...(title ? [[title], []] : []), HEADER, ...rows]);
}

describe("the evaluation is labelled by the year the sheet states", () => {
  it("a grade column 「達成度」 on a sheet named 「平成25年度」 makes the evaluation 平成25年度 (2013)", () => {
    const r = reviewSheets([yearSheet("平成25年度", [["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]])]);
    expect(r.summary.evaluations.map((e) => [e.label, e.fiscalYear])).toEqual([["平成25年度", 2013]]);
  });

  it("「令和２年度 目標値」 headers label the evaluation 令和２年度 and grade that year's values", () => {
    const r = reviewSheets([
      sheetOf("評価", [
        ["No", "事業名", "指標", "令和２年度 目標値", "令和２年度 実績値", "自己評価"],
        ["1", "貸出", "貸出冊数", "1,000", "850", null], // 850/1000 = 85 % → B
      ]),
    ]);
    const ev = r.summary.evaluations[0]!;
    expect([ev.label, ev.fiscalYear]).toEqual(["令和２年度", 2020]);
    expect(ev.items[0]!.grade).toBe("B");
  });

  it("three sheets, one per year, give three evaluations, not one merged 「達成度」", () => {
    const r = reviewSheets([
      yearSheet("平成25年度", [["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]]),
      yearSheet("平成26年度", [["1", "貸出", "貸出冊数", "1,000", "700", "C"]]),
      yearSheet("平成27年度", [["1", "貸出", "貸出冊数", "1,000", "400", "D"]]),
    ]);
    expect(r.summary.evaluations.map((e) => [e.label, e.fiscalYear, e.items.map((i) => i.grade)])).toEqual([
      ["平成25年度", 2013, ["A"]],
      ["平成26年度", 2014, ["C"]],
      ["平成27年度", 2015, ["D"]],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("the title's year labels the evaluation when the sheet name has none", () => {
    const r = reviewSheets([
      yearSheet("Sheet1", [["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]], "令和3年度 図書館評価"),
    ]);
    expect(r.summary.evaluations.map((e) => [e.label, e.fiscalYear])).toEqual([["令和3年度", 2021]]);
  });

  it("a department sheet without a title joins the year the other sheets state", () => {
    const r = reviewSheets([
      yearSheet("総務課", [["1", "文書管理", "電子決裁率", "80%", "80%", "A"]], "令和3年度 進捗状況"),
      yearSheet("財政課", [["2", "予算編成", "電子化率", "80%", "60%", "C"]]),
    ]);
    expect(r.summary.evaluations.map((e) => [e.label, e.items.length])).toEqual([["令和3年度", 2]]);
  });

  it("--year keeps only that year's sheet; the others are listed as skipped and named in a warning", () => {
    const sheets = [
      yearSheet("H25", [["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]]),
      yearSheet("H26", [["1", "貸出", "貸出冊数", "1,000", "700", "C"]]),
    ];
    const r = reviewSheets(sheets, rulesWith({ year: 2014 }));
    expect(r.summary.evaluations.map((e) => e.fiscalYear)).toEqual([2014]);
    expect(r.skippedSheets.map((s) => s.sheet)).toEqual(["H25"]);
    expect(r.skippedSheets[0]!.reasonJa).toContain("H25");
    expect(r.warnings.join("\n")).toContain("「H25」");
  });
});

describe("one sheet per year: the item's history follows it across the sheets", () => {
  it("H25 A (its own self grade) → H26 C, listed as 前年度から下がった", () => {
    const sheets = [
      yearSheet("H25", [["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]]),
      yearSheet("H26", [["1", "貸出", "貸出冊数", "1,000", "700", "C"]]),
    ];
    const ev = reviewSheets(sheets).summary.evaluations.find((e) => e.fiscalYear === 2014)!;
    expect(ev.items[0]!.history!.map((h) => [h.fiscalYear, h.grade])).toEqual([
      [2013, "A"],
      [2014, "C"],
    ]);
    expect((ev.checks ?? []).map((r) => r.reason)).toContain(`dropped from last year (${ev.items[0]!.history![0]!.label} A → ${ev.label} C)`);
  });
});

describe("a wide sheet: one target column written with a word, actual columns per year", () => {
  const wide = sheetOf("進捗", [
    ["No", "事業名", "指標", "目標", "令和元年度実績", "令和2年度実績", "自己評価"],
    // 毎年 → the target of 2020 too: 70,000 / 67,000 = 104.5 % → A.
    ["1", "図書館", "来館者数", "毎年67,000", "60,000", "70,000", "A"],
    // 最終年度に → graded by ratio: 24,000 / 30,000 = 80 % → B, reason says 最終年度目標.
    ["2", "電子図書館", "貸出数", "最終年度に30,000", "10,000", "24,000", "B"],
    // 毎年95% → 2020: 90 % / 95 % = 94.7 % → B; self A disagrees → review.
    ["3", "満足度調査", "満足度", "毎年95%", "96%", "90%", "A"],
    // 年間5,300人 → 2020: 2,650 / 5,300 = 50 % → C.
    ["4", "講座", "受講者数", "年間5,300人", "5,000人", "2,650人", null],
    // 各年度10件 → 2020: 4 / 10 = 40 % → D.
    ["5", "展示", "企画展示", "各年度10件", "10件", "4件", null],
  ]);

  it("evaluates the latest year with actuals, labelled by that year, every worded target read", () => {
    const r = reviewSheets([wide]);
    expect(r.summary.evaluations).toHaveLength(1);
    const ev = r.summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2020);
    expect(ev.label).toBe("令和2年度");
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["A", "B", "B", "C", "D"]);
    expect(ev.items.map((i) => i.indicators[0]!.target)).toEqual([67000, 30000, 0.95, 5300, 10]);
    expect(ev.items[1]!.indicators[0]!.reason).toContain("final-year target 30000");
    // 令和元年度 by hand: 4: 5,000 / 5,300 = 94.3 % → B, then C; 5: 10 / 10 → A, then D — both went down.
    // 1 (60,000 / 67,000 = 89.6 % → B, then A) and 2 (33 % → D, then B) went up; 3 stays A.
    expect(ev.review.map((x) => x.reason)).toEqual(["self A, suggested B"]);
    // 4 and 5 have actuals but a blank 自己評価 in a sheet that has the column: data checks of their own.
    expect((ev.checks ?? []).map((x) => x.reason)).toEqual([
      "actual without a self grade",
      "actual without a self grade",
      "dropped from last year (令和元年度 B → 令和2年度 C)",
      "dropped from last year (令和元年度 A → 令和2年度 D)",
    ]);
    // The plain 自己評価 column is this year's: 令和元年度 of item 1 is its suggested B, not this year's A.
    expect(ev.items.map((i) => i.history!.map((h) => h.grade).join("→"))).toEqual(["B→A", "D→B", "A→A", "B→C", "A→D"]);
  });

  it("the list sheet carries 最終年度目標 in the Japanese reason", () => {
    const r = reviewSheets([wide]);
    const list = r.plans.find((p) => p.role === "list")!;
    expect(list.rows.flat().join("\n")).toContain("最終年度目標");
  });

  it("--year 2019 grades 令和元年度 from the same words: 60,000/67,000 = 89.6 % → B; 96/95 → A", () => {
    const ev = reviewSheets([wide], rulesWith({ year: 2019 })).summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2019);
    // 10,000/30,000 = 33 % → D; 5,000/5,300 = 94.3 % → B; 10/10 → A.
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["B", "D", "A", "B", "A"]);
  });
});

describe("a target column headed by the plan's last year, actuals per year", () => {
  it("is the final-year target, graded by ratio, the reason says so", () => {
    const r = reviewSheets([
      sheetOf("進捗", [
        ["No", "事業名", "指標", "目標値（令和7年度）", "令和元年度実績", "令和2年度実績"],
        ["1", "電子申請", "申請件数", "30,000件", "10,000件", "24,000件"], // 2020: 24,000 / 30,000 = 80 % → B
      ]),
    ]);
    const ev = r.summary.evaluations[0]!;
    expect([ev.fiscalYear, ev.items[0]!.grade]).toEqual([2020, "B"]);
    expect(ev.items[0]!.indicators[0]!.reason).toBe(
      "R = actual 24000件 / final-year target 30000件 = 80.0% (≥ 80.0%) → B",
    );
  });
});

describe("a multi-year sheet whose title or sheet name picks one of its years", () => {
  const rows = [
    ["No", "事業名", "指標", "令和元年度目標", "令和元年度実績", "令和2年度目標", "令和2年度実績"],
    ["1", "電子申請", "申請件数", "100", "90", "200", "100"], // 2019: 90 % → B; 2020: 50 % → C
  ];

  it("evaluates the year the title names, not the latest with actuals", () => {
    const ev = reviewSheets([sheetOf("進捗", [["令和元年度 進捗状況"], ...rows])]).summary.evaluations[0]!;
    expect([ev.fiscalYear, ev.items[0]!.grade]).toEqual([2019, "B"]);
  });

  it("without such a title, the latest year with actuals", () => {
    const ev = reviewSheets([sheetOf("進捗", rows)]).summary.evaluations[0]!;
    expect([ev.fiscalYear, ev.items[0]!.grade]).toEqual([2020, "C"]);
  });

  it("--year wins over the title", () => {
    const ev = reviewSheets([sheetOf("進捗", [["令和元年度 進捗状況"], ...rows])], rulesWith({ year: 2020 })).summary
      .evaluations[0]!;
    expect([ev.fiscalYear, ev.items[0]!.grade]).toEqual([2020, "C"]);
  });

  it("a title year that is not one of the header years does not pick", () => {
    const ev = reviewSheets([sheetOf("進捗", [["令和5年度 報告"], ...rows])]).summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2020);
  });
});

describe("English tables as the README promises", () => {
  const english = sheetOf("Progress", [
    ["Indicator", "Target", "Actual", "Grade"],
    ["Library visitors", "50,000", "52,000", "A"], // 52/50 = 104 % → A
    ["Average wait (minutes)", "15 or less", "30", "C"], // lower: 15/30 = 50 % → C (not A)
    ["Online share", "at least 60%", "45%", "B"], // 45/60 = 75 % → C; self B → review
    ["Response time", "within 2 days", "1 day", null], // lower: 2/1 = 200 % → A
    ["Complaints", "max 10", "20", null], // lower: 10/20 = 50 % → C
    ["Errors", "≤ 5", "4", null], // lower: 5/4 = 125 % → A
  ]);

  it("takes the indicator as the item and reads the English caps as lower is better", () => {
    const r = reviewSheets([english]);
    const ev = r.summary.evaluations[0]!;
    expect(ev.items.map((i) => i.name)).toEqual([
      "Library visitors",
      "Average wait (minutes)",
      "Online share",
      "Response time",
      "Complaints",
      "Errors",
    ]);
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["A", "C", "C", "A", "C", "A"]);
    expect(ev.items.map((i) => i.indicators[0]!.lowerIsBetter)).toEqual([false, true, false, true, true, true]);
    expect(ev.items.map((i) => i.grade)).toEqual(["A", "C", "B", "A", "C", "A"]);
    expect(ev.review.map((x) => [x.row, x.reason])).toEqual([[4, "self B, suggested C"]]);
    expect(r.warnings).toEqual([]);
  });

  it('"lower is better" in the indicator\'s name decides too: a 15-minute target with 30 actual is not A', () => {
    const r = reviewSheets([
      sheetOf("Wait", [
        ["Indicator", "Target", "Actual"],
        ["Wait time (lower is better)", "15", "30"], // 15/30 = 50 % → C
      ]),
    ]);
    expect(r.summary.evaluations[0]!.items[0]!.grade).toBe("C");
  });
});

describe("an indicator-only table whose first row has only its name", () => {
  it("reads that row as data (listed, not taken for a second header row)", () => {
    const r = reviewSheets([
      sheetOf("KPIs", [
        ["Indicator", "Target", "Actual"],
        ["Indicator of reuse", null, null], // no values: excluded, listed
        ["Visits", "100", "120"], // 120 % → A
      ]),
    ]);
    expect(r.layouts[0]!.headerBottom).toBe(0);
    const ev = r.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.name, i.grade, i.excludedReason])).toEqual([
      ["Indicator of reuse", null, "no target for the year"],
      ["Visits", "A", null],
    ]);
    expect(ev.review.some((x) => x.row === 2)).toBe(true);
  });
});

describe("a warning when every row of a table goes to review", () => {
  it("names the sheet, the number of rows and the main reason, in Japanese", () => {
    const r = reviewSheets([
      sheetOf("進捗A", [
        ["No", "事業名", "指標", "目標", "実績"],
        ["1", "事業1", "件数", "たくさん", "10"],
        ["2", "事業2", "件数", "多め", "5"],
      ]),
      sheetOf("進捗B", [
        ["No", "事業名", "指標", "目標", "実績"],
        ["1", "事業3", "件数", "10", "10"],
      ]),
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^「進捗A」: 表の 2 行のどれも評価できず、すべて要確認に回りました（主な理由：目標「/,
    );
    expect(r.summary.warnings).toEqual(r.warnings);
  });

  it("no warning when one row of the table is graded", () => {
    const r = reviewSheets([
      sheetOf("進捗", [
        ["No", "事業名", "指標", "目標", "実績"],
        ["1", "事業1", "件数", "たくさん", "10"],
        ["2", "事業2", "件数", "10", "10"],
      ]),
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe("the wide form: one worded target column, then a column per year with no 実績 word", () => {
  it("reads the year columns as actuals and grades the latest year against the worded target", () => {
    // 2021: 68,000/67,000 = 101.5 % → A; 12,000/30,000 = 40 % → D; 評価期間前 → excluded.
    const r = reviewSheets([sheetOfWide()]);
    const ev = r.summary.evaluations[0]!;
    expect([ev.fiscalYear, ev.label]).toEqual([2021, "令和3年度"]);
    expect(ev.items.map((i) => i.grade)).toEqual(["A", "D", null]);
    expect(ev.items[2]!.excludedReason).toBe("評価期間前");
    expect(ev.items[1]!.indicators[0]!.reason).toContain("final-year target");
    // 令和2年度: 66,000/67,000 = 98.5 % → B; 9,000/30,000 = 30 % → D; lower: 15/18 = 83.3 % → B.
    const r2 = reviewSheets([sheetOfWide()], rulesWith({ year: 2020 })).summary.evaluations[0]!;
    expect(r2.items.map((i) => i.grade)).toEqual(["B", "D", "B"]);
  });
});

function sheetOfWide() {
  return sheetOf("指標", [
    ["No", "施策", "指標", "目標値", "令和元年度", "令和2年度", "令和3年度"],
    ["1", "図書館", "来館者数", "毎年67,000人", "60,000人", "66,000人", "68,000人"],
    ["2", "電子申請", "申請件数", "最終年度に30,000", "5,000", "9,000", "12,000"],
    ["3", "窓口", "待ち時間", "毎年15分以内", "20分", "18分", "評価期間前"],
  ]);
}

describe("a table whose every row is before its evaluation period", () => {
  it("is listed as a skipped sheet with the reason (要確認 shows it), not lost without an evaluation", () => {
    const r = reviewSheets([
      sheetOf("新規事業", [
        ["No", "事業名", "指標", "R6目標", "R6実績", "R7目標", "R7実績"],
        ["1", "子育てアプリ", "登録者数", "1,000", "評価期間前", "2,000", "評価期間前"],
        ["2", "窓口予約", "予約件数", "500", "評価期間前", "800", null],
      ]),
    ]);
    expect(r.summary.evaluations).toEqual([]);
    expect(r.skippedSheets).toEqual([
      {
        sheet: "新規事業",
        reason: "no year with actuals to evaluate yet (2 rows: before their evaluation period or blank)",
        reasonJa: "評価できる年度の実績がまだありません（2 行：評価期間前・空欄）",
      },
    ]);
    const review = r.plans.find((p) => p.role === "review")!;
    expect(review.rows.flat().join("\n")).toContain("評価できる年度の実績がまだありません");
    expect(r.warnings.join("\n")).toContain("「新規事業」: 実績のある年度がないため評価していません（2 行）");
    expect(r.warnings.join("\n")).not.toContain("要確認に回りました");
  });
});

describe("per-year grade columns beside a plain 自己評価 column", () => {
  it("each item once per evaluation: the plain column is its own evaluation, not a second grade of the latest year", () => {
    const r = reviewSheets([
      sheetOf("進捗", [
        ["No", "事業名", "指標", "R3目標", "R3実績", "R3評価", "R4目標", "R4実績", "R4評価", "自己評価"],
        // R3: 90 / 100 = 90 % → B (self B); R4: 150 / 120 = 125 % → A (self A); overall self A
        ["1", "図書館", "貸出冊数", "100", "90", "B", "120", "150", "A", "A"],
        // R3: 50 / 100 = 50 % → C (self C); R4: 40 / 100 = 40 % → D (self D); overall self C
        ["2", "公民館", "利用者数", "100", "50", "C", "100", "40", "D", "C"],
      ]),
    ]);
    const byLabel = new Map(r.summary.evaluations.map((e) => [e.label, e]));
    for (const ev of r.summary.evaluations) expect(ev.items.map((i) => i.key)).toEqual(["1", "2"]);
    expect(byLabel.get("R4")?.items.map((i) => i.grade)).toEqual(["A", "D"]);
    expect(byLabel.get("R3")?.items.map((i) => i.grade)).toEqual(["B", "C"]);
    expect(byLabel.get("自己評価")?.items.map((i) => i.selfGrade)).toEqual(["A", "C"]);
  });
});
