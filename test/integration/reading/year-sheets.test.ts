/**
 * A library's published evaluation workbook kept as one sheet per fiscal year
 * (issue 10), built here with ExcelJS: its own 110/80/50 bands, a published
 * grade (達成度) for every indicator, targets written with words (毎年, 年間,
 * 最終年度に, 各年度), and the year stated three ways — a title on 平成25年度,
 * only the sheet name on 平成26年度, the target / actual headers on 平成27年度.
 *
 * Every expected value below is worked out by hand from GRADING.md with the
 * 110/80/50 bands (A ≥ 110 %, B ≥ 80 %, C ≥ 50 %, D below):
 *
 * 平成25年度
 *   1 貸出冊数   毎年1,200,000冊 / 1,320,000冊 → 1.1 exactly      → A (self A)
 *   2 受付件数   年間5,300件 / 4,300件        → 0.8113          → B (self B)
 *   3 到着日数   7日以内 / 10日 (lower)        → 7/10 = 0.7      → C (self C)
 *   4 電子貸出   最終年度に30,000 / 12,000     → 0.4             → D (self D), reason 最終年度目標
 *   5 参加回数   各年度10回 / -                → excluded (self -)
 *   summary: A1 B1 C1 D1, 1 excluded, 25 % each, A or B 50 %
 * 平成26年度
 *   1 1,150,000 / 1,200,000 = 0.9583 → B (self B)
 *   2 5,900 / 5,300 = 1.1132         → A (self A)
 *   3 7 / 7 = 1.0 (lower)            → B (self B)
 *   4 21,000 / 30,000 = 0.7          → C (self C)
 *   5 12 / 10 = 1.2                  → A (self A)
 *   summary: A2 B2 C1 D0, 0 excluded, 40/40/20/0 %, A or B 80 %
 * 平成27年度
 *   1 1,000,000 / 1,200,000 = 0.8333 → B (self B)
 *   2 2,000 / 5,300 = 0.3774         → D, self C: C adopted, listed for review
 *   3 7 / 5 = 1.4 (lower)            → A (self A)
 *   4 33,000 / 30,000 = 1.1          → A (self A)
 *   5 評価期間前                      → excluded (self blank)
 *   summary: A2 B1 C1 D0, 1 excluded, 50/25/25/0 %, A or B 75 %
 */
import ExcelJS from "exceljs";
import { review } from "../../helpers/review-fixture";

const BANDS_110_80_50 = [
  { label: "A", min: 1.1 },
  { label: "B", min: 0.8 },
  { label: "C", min: 0.5 },
  { label: "D", min: null },
];

type Row = (string | number | null)[];

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Row[], formats: Record<string, string> = {}) {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(i + 1, j + 1).value = v;
    }),
  );
  for (const [addr, fmt] of Object.entries(formats)) ws.getCell(addr).numFmt = fmt;
  return ws;
}

const HEADER: Row = ["No", "評価項目", "評価指標", "目標値", "実績値", "達成度"];

function libraryWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "記入要領", [
    ["図書館評価シートの記入要領"],
    ["目標値と実績値を記入し、達成度を A〜D で記入してください。"],
  ]);
  addSheet(
    wb,
    "平成25年度",
    [
      ["市立図書館 サービス評価 平成25年度"],
      [],
      HEADER,
      [1, "貸出サービス", "貸出冊数", "毎年1,200,000冊", 1320000, "A"],
      [2, "レファレンス", "受付件数", "年間5,300件", "4,300件", "B"],
      [3, "予約サービス", "予約資料の到着日数", "7日以内", "10日", "C"],
      [4, "電子図書館", "電子書籍の貸出数", "最終年度に30,000", 12000, "D"],
      [5, "行事", "おはなし会の開催回数", "各年度10回", "-", "-"],
    ],
    { E4: '#,##0"冊"', E7: "#,##0" },
  );
  addSheet(wb, "平成26年度", [
    HEADER,
    [1, "貸出サービス", "貸出冊数", "毎年1,200,000冊", "1,150,000冊", "B"],
    [2, "レファレンス", "受付件数", "年間5,300件", "5,900件", "A"],
    [3, "予約サービス", "予約資料の到着日数", "7日以内", "7日", "B"],
    [4, "電子図書館", "電子書籍の貸出数", "最終年度に30,000", "21,000", "C"],
    [5, "行事", "おはなし会の開催回数", "各年度10回", "12回", "A"],
  ]);
  addSheet(wb, "平成27年度", [
    ["No", "評価項目", "評価指標", "平成27年度 目標値", "平成27年度 実績値", "達成度"],
    [1, "貸出サービス", "貸出冊数", "毎年1,200,000冊", "1,000,000冊", "B"],
    [2, "レファレンス", "受付件数", "年間5,300件", "2,000件", "C"],
    [3, "予約サービス", "予約資料の到着日数", "7日以内", "5日", "A"],
    [4, "電子図書館", "電子書籍の貸出数", "最終年度に30,000", "33,000", "A"],
    [5, "行事", "おはなし会の開催回数", "各年度10回", "評価期間前", null],
  ]);
  return wb;
}

describe("a workbook of three year sheets (one evaluation per fiscal year)", () => {
  const r = review(libraryWorkbook(), { bands: BANDS_110_80_50 });
  const evs = r.summary.evaluations;

  it("gives three evaluations labelled by their years, not one 「達成度」", () => {
    expect(evs.map((e) => [e.label, e.fiscalYear])).toEqual([
      ["平成25年度", 2013],
      ["平成26年度", 2014],
      ["平成27年度", 2015],
    ]);
    expect(r.skippedSheets.map((s) => s.sheet)).toEqual(["記入要領"]);
    expect(r.warnings).toEqual([]);
  });

  it("suggests the grades worked out by hand, each worded target read", () => {
    expect(evs.map((e) => e.items.map((i) => i.suggestedGrade))).toEqual([
      ["A", "B", "C", "D", null],
      ["B", "A", "B", "C", "A"],
      ["B", "D", "A", "A", null],
    ]);
    expect(evs.map((e) => e.items.map((i) => i.grade))).toEqual([
      ["A", "B", "C", "D", null],
      ["B", "A", "B", "C", "A"],
      ["B", "C", "A", "A", null],
    ]);
    expect(evs[0]!.items.map((i) => i.indicators[0]!.target)).toEqual([1200000, 5300, 7, 30000, 10]);
    expect(evs[0]!.items[2]!.indicators[0]!.lowerIsBetter).toBe(true);
    expect(evs[0]!.items[4]!.excludedReason).toBe("-");
    expect(evs[2]!.items[4]!.excludedReason).toBe("評価期間前");
  });

  it("says 最終年度目標 for the final-year target and keeps 毎年 for the every-year one", () => {
    expect(evs[0]!.items[3]!.indicators[0]!.reason).toBe(
      "R = actual 12000 / final-year target 30000 = 40.0% (< 50.0%) → D",
    );
    expect(evs[0]!.items[0]!.indicators[0]!.reason).toContain("(every-year target: 毎年)");
    const list = r.plans.find((p) => p.role === "list")!;
    expect(list.rows.flat().join("\n")).toContain("最終年度目標");
  });

  it("counts each year on its own (110/80/50 bands, items, self grades adopted)", () => {
    expect(
      evs.map((e) => [e.total.counts, e.total.evaluated, e.total.excluded, e.total.percent, e.total.aOrBPercent]),
    ).toEqual([
      [{ A: 1, B: 1, C: 1, D: 1 }, 4, 1, { A: 25, B: 25, C: 25, D: 25 }, 50],
      [{ A: 2, B: 2, C: 1, D: 0 }, 5, 0, { A: 40, B: 40, C: 20, D: 0 }, 80],
      [{ A: 2, B: 1, C: 1, D: 0 }, 4, 1, { A: 50, B: 25, C: 25, D: 0 }, 75],
    ]);
    expect(evs.map((e) => e.source)).toEqual(["self", "self", "self"]);
  });

  it("lists the one disagreement of 平成27年度 for review", () => {
    expect(evs[2]!.review.filter((x) => x.reason.startsWith("self"))).toEqual([
      { sheet: "平成27年度", row: 3, reason: "self C, suggested D" },
    ]);
    expect(evs[0]!.review.filter((x) => x.reason.startsWith("self"))).toEqual([]);
    expect(evs[1]!.review.filter((x) => x.reason.startsWith("self"))).toEqual([]);
  });

  it("--year 2014 reviews 平成26年度 only and says which sheets it left out", () => {
    const only = review(libraryWorkbook(), { bands: BANDS_110_80_50, year: 2014 });
    expect(only.summary.evaluations.map((e) => e.label)).toEqual(["平成26年度"]);
    expect(only.skippedSheets.map((s) => s.sheet).sort()).toEqual(["平成25年度", "平成27年度", "記入要領"].sort());
    expect(only.warnings.join("\n")).toMatch(/「平成25年度」.*「平成27年度」/);
  });
});

describe("a short English table", () => {
  it("takes the indicator as the item and grades a 15-minute wait with 30 actual as C, not A", () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "KPIs", [
      ["Indicator", "Target", "Actual", "Grade"],
      ["Library visits", 50000, 52000, "A"], // 104 % → A
      ["Average wait (min)", "15 min or less", "30 min", "C"], // lower: 15/30 = 50 % → C
      ["Online renewals", "at least 60%", "45%", "C"], // 75 % → C
    ]);
    const ev = review(wb).summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.name, i.suggestedGrade, i.grade])).toEqual([
      ["Library visits", "A", "A"],
      ["Average wait (min)", "C", "C"],
      ["Online renewals", "C", "C"],
    ]);
    expect(ev.review).toEqual([]);
  });

  it("says so when every row of the table goes to review", () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, "KPIs", [
      ["Indicator", "Target", "Actual"],
      ["Library visits", "lots", 52000],
      ["Average wait", "short", "30 min"],
    ]);
    const r = review(wb);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("「KPIs」");
    expect(r.warnings[0]).toContain("要確認");
  });
});
