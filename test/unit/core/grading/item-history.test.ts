/**
 * Each item's grade across the years (item-history.ts): the other years are graded into codes only (issue 18,
 * the pane's hot path), and must still give the grade that year's own report gives. Grades by hand with the default
 * bands (A ≥ 100 %, B ≥ 80 %, C ≥ 50 %, D below).
 */
import { reviewSheets, rulesWith, sheetOf } from "../helpers";

const wide = sheetOf("進捗", [
  ["No", "事業名", "指標", "令和元年度 目標値", "令和元年度 実績値", "令和２年度 目標値", "令和２年度 実績値", "令和３年度 目標値", "令和３年度 実績値"],
  // 2019: 100/100 → A; 2020: 90/100 → B; 2021: 40/100 → D
  ["1", "電子申請", "件数", "100", "100", "100", "90", "100", "40"],
  // 2019: 10/20 = 50 % → C (exactly on the band); 2020: no actual → not graded; 2021: 25/20 → A
  ["2", "窓口", "件数", "20", "10", "20", "", "20", "25"],
  // lower is better (以内): 2019: 30/60 = 50 % → C; 2020: 30/36 = 83.3 % → B; 2021: 30/30 → A
  ["3", "待ち時間", "分", "30分以内", "60分", "30分以内", "36分", "30分以内", "30分"],
]);

it("gives each item its grade in every year, oldest first, as worked out by hand", () => {
  const ev = reviewSheets([wide]).summary.evaluations[0]!;
  expect(ev.fiscalYear).toBe(2021);
  expect(ev.items.map((i) => i.history!.map((h) => `${h.fiscalYear} ${h.grade ?? "-"}`))).toEqual([
    ["2019 A", "2020 B", "2021 D"],
    ["2019 C", "2020 -", "2021 A"],
    ["2019 C", "2020 B", "2021 A"],
  ]);
  expect(ev.items[0]!.history!.map((h) => h.label)).toEqual(["令和元年度", "令和2年度", "令和3年度"]);
});

it("gives the grade each year's own review gives (that year chosen in the rules)", () => {
  const history = reviewSheets([wide]).summary.evaluations[0]!.items.map((i) => i.history!);
  for (const year of [2019, 2020]) {
    const own = reviewSheets([wide], rulesWith({ year })).summary.evaluations[0]!;
    expect(own.fiscalYear).toBe(year);
    expect(history.map((h) => h.find((e) => e.fiscalYear === year)!.grade)).toEqual(own.items.map((i) => i.grade));
  }
});

it("lists 前年度から下がった from a year graded into codes: item 1, B → D", () => {
  const ev = reviewSheets([wide]).summary.evaluations[0]!;
  expect((ev.checks ?? []).filter((c) => c.reason.startsWith("dropped")).map((c) => c.reason)).toEqual([
    "dropped from last year (令和2年度 B → 令和3年度 D)",
  ]);
});
