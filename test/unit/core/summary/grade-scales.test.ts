/**
 * Issue 16, item 9: grade scales other than A–D flow through every output: the summary (表3-1 with a column per
 * grade), summary.json, the charts' data, the clipboard table and the pane's rules form.
 *
 * S/A/B/C, the library's scale: S ≥ 120 %, A ≥ 100 %, B ≥ 80 %, C below. By hand:
 *   1 1,300 / 1,000 = 130 % → S (self S);  2 1,000 / 1,000 = 100 % → A (self A);
 *   3 900 / 1,000 = 90 % → B (self B);      4 500 / 1,000 = 50 % → C (self C).
 *   Total S1 A1 B1 C1, 25 % each; the top two (S or A) 50 %.
 */
import { reviewSheets, rulesWith, sheetOf, type CellSpec } from "../helpers";
import { reportTablesForClipboard } from "../../../../src/core/plan/report-html";
import { JA } from "../../../../src/core/i18n/sheet-labels";
import { applyDraft, draftOf } from "../../../../src/core/pane/rules-draft";
import type { Rules } from "../../../../src/core/model/settings";

const SABC: Rules["bands"] = [
  { label: "S", min: 1.2 },
  { label: "A", min: 1 },
  { label: "B", min: 0.8 },
  { label: "C", min: null },
];
const AA_D: Rules["bands"] = [
  { label: "AA", min: 1.2 },
  { label: "A", min: 1 },
  { label: "B", min: 0.8 },
  { label: "C", min: 0.5 },
  { label: "D", min: null },
];
const FIVE: Rules["bands"] = [
  { label: "5", min: 1.2 },
  { label: "4", min: 1 },
  { label: "3", min: 0.8 },
  { label: "2", min: 0.5 },
  { label: "1", min: null },
];

function table(selfs: CellSpec[]): CellSpec[][] {
  return [
    ["令和5年度 評価"],
    ["No", "事業名", "指標名", "目標", "実績", "評価"],
    [1, "電子書籍", "貸出数", 1000, 1300, selfs[0]!],
    [2, "講座", "参加者数", 1000, 1000, selfs[1]!],
    [3, "展示", "来場者数", 1000, 900, selfs[2]!],
    [4, "相談", "相談件数", 1000, 500, selfs[3]!],
  ];
}

describe.each<[string, Rules["bands"], CellSpec[], string[], Record<string, number>, number]>([
  // AA–D: 130 % AA, 100 % A, 90 % B, 50 % C (≥ 50) — AA and A are the top two: 50 %.
  ["S/A/B/C", SABC, ["S", "A", "B", "C"], ["S", "A", "B", "C"], { S: 1, A: 1, B: 1, C: 1 }, 50],
  ["AA–D", AA_D, ["AA", "A", "B", "C"], ["AA", "A", "B", "C"], { AA: 1, A: 1, B: 1, C: 1, D: 0 }, 50],
  ["5 levels", FIVE, [5, 4, 3, 2], ["5", "4", "3", "2"], { "5": 1, "4": 1, "3": 1, "2": 1, "1": 0 }, 50],
])("the %s scale", (_, bands, selfs, suggested, counts, topTwo) => {
  const r = reviewSheets([sheetOf("評価", table(selfs))], rulesWith({ bands }));
  const ev = r.summary.evaluations[0]!;

  it("grades and counts in the scale's own letters (summary.json)", () => {
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(suggested);
    expect(ev.items.map((i) => i.grade)).toEqual(suggested);
    expect(ev.review).toEqual([]);
    expect(ev.total.counts).toEqual(counts);
    expect(ev.total.aOrBPercent).toBe(topTwo);
    // A 5…1 scale's keys come out 1…5 from any object: the order is written beside the counts.
    expect(ev.grades).toEqual(bands.map((b) => b.label));
    expect(Object.keys(ev.total.percent).sort()).toEqual(bands.map((b) => b.label).sort());
  });

  it("gives 表3-1 a column per grade and the charts a category per grade", () => {
    const plan = r.plans.find((p) => p.role === "summary")!;
    const texts = plan.rows.flat();
    for (const b of bands) expect(texts).toContain(`${b.label}評価`);
    expect(texts).toContain(`${bands[0]!.label}または${bands[1]!.label}\n評価の割合`);
    const pie = plan.charts!.find((c) => c.kind === "pie")!;
    expect(pie.data.bottom - pie.data.top).toBe(bands.length);
    expect(pie.altText).toContain(`${bands[0]!.label} 1`);
  });

  it("colours the best grade green and the lowest red on 評価一覧", () => {
    const list = r.plans.find((p) => p.role === "list")!;
    const rules = list.conditionalFormats![0]!.rules as { text: string; fill: string }[];
    expect(rules.map((x) => x.text)).toEqual(bands.map((b) => b.label));
    expect(rules[0]!.fill).toBe("#C6EFCE");
    expect(rules[rules.length - 1]!.fill).toBe("#FFC7CE");
  });

  it("copies 表3-1 with the scale's columns for the report", () => {
    const { text } = reportTablesForClipboard([ev], rulesWith({ bands }), JA);
    const lines = text.split("\n");
    for (const b of bands) expect(lines.some((l) => l.split("\t").includes(`${b.label}評価`))).toBe(true);
  });
});

describe("the pane's rules form keeps the scale", () => {
  it("S/A/B/C stays S/A/B/C when its minimums are edited", () => {
    const base = rulesWith({ bands: SABC });
    const draft = { ...draftOf(base), mins: ["130", "100", "80"] as [string, string, string] };
    const out = applyDraft(base, draft);
    expect(out.ok && out.rules.bands).toEqual([
      { label: "S", min: 1.3 },
      { label: "A", min: 1 },
      { label: "B", min: 0.8 },
      { label: "C", min: null },
    ]);
  });

  it("a five-band scale from --rules is kept when only other settings change", () => {
    const base = rulesWith({ bands: AA_D });
    const out = applyDraft(base, { ...draftOf(base), count: "indicators" });
    expect(out.ok && out.rules.bands).toEqual(AA_D);
  });
});
