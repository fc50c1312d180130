/**
 * Suita 第4期情報化推進計画 5か年目標・実績: suggested grades for 令和２年度
 * (the latest year with actuals) and 令和元年度, per indicator, as in
 * ../../fixtures/suita-5year-plan.expected.json.
 */
import fs from "fs";
import path from "path";
import { FIXTURES, reviewFixture } from "../../helpers/review-fixture";
import type { Evaluation } from "../../../src/core/model/summary";

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "suita-5year-plan.expected.json"), "utf8"));

interface ExpectedIndicator {
  name: string;
  grade: string | null;
  achievement?: number;
  lowerIsBetter?: boolean;
  reason?: string;
}
interface ExpectedItem {
  no: string;
  plan: string;
  policy: string;
  grade: string | null;
  indicators: ExpectedIndicator[];
}

function checkEvaluation(got: Evaluation, want: { label: string; source: string; groups: unknown[]; total: unknown; items: ExpectedItem[] }) {
  expect(got.label).toBe(want.label);
  expect(got.source).toBe(want.source);
  expect(got.groups.map((g) => ({ name: g.name, counts: g.counts, evaluated: g.evaluated, excluded: g.excluded, percent: g.percent, aOrBPercent: g.aOrBPercent }))).toEqual(want.groups);
  expect(got.total).toEqual(want.total);
  expect(got.items.map((i) => i.key)).toEqual(want.items.map((i) => i.no));
  want.items.forEach((wi, k) => {
    const gi = got.items[k]!;
    expect({ no: gi.key, plan: gi.name, policy: gi.group, grade: gi.grade }).toEqual({ no: wi.no, plan: wi.plan, policy: wi.policy, grade: wi.grade });
    expect(gi.indicators.map((x) => x.name)).toEqual(wi.indicators.map((x) => x.name));
    wi.indicators.forEach((wx, j) => {
      const gx = gi.indicators[j]!;
      expect(gx.grade).toBe(wx.grade);
      if (wx.achievement !== undefined) expect(gx.achievement!).toBeCloseTo(wx.achievement, 9);
      if (wx.lowerIsBetter !== undefined) expect(gx.lowerIsBetter).toBe(wx.lowerIsBetter);
      if (wx.reason !== undefined) expect(gx.reason).toBe(wx.reason);
    });
  });
}

describe("Suita 5か年目標・実績", () => {
  it("evaluates 令和２年度 by default (the latest year with actuals), indicator by indicator", async () => {
    const result = await reviewFixture("suita-5year-plan.xlsx");
    expect(result.summary.evaluations).toHaveLength(1);
    checkEvaluation(result.summary.evaluations[0]!, expected.evaluations[0]);
    expect(result.summary.evaluations[0]!.fiscalYear).toBe(2020);
  });

  it("evaluates 令和元年度 when that year is chosen", async () => {
    const result = await reviewFixture("suita-5year-plan.xlsx", { year: 2019 });
    expect(result.summary.evaluations).toHaveLength(1);
    checkEvaluation(result.summary.evaluations[0]!, expected.otherYears["令和元年度"]);
  });

  it("gives each item its grade of both years (令和元年度 → 令和２年度), from the fixture's two expected years", async () => {
    const result = await reviewFixture("suita-5year-plan.xlsx");
    const ev = result.summary.evaluations[0]!;
    const before: ExpectedItem[] = expected.otherYears["令和元年度"].items;
    for (const [k, want] of (expected.evaluations[0].items as ExpectedItem[]).entries()) {
      const prev = before.find((b) => b.no === want.no)!;
      expect({ no: ev.items[k]!.key, history: ev.items[k]!.history }).toEqual({
        no: want.no,
        history: [
          { fiscalYear: 2019, label: "令和元年度", grade: prev.grade },
          { fiscalYear: 2020, label: "令和２年度", grade: want.grade },
        ],
      });
    }
  });

  it("lists the items whose grade went down from the year before on 要確認 (⑭ A → C), and no other", async () => {
    const result = await reviewFixture("suita-5year-plan.xlsx");
    const ev = result.summary.evaluations[0]!;
    const dropped = (ev.checks ?? []).filter((r) => r.reason.startsWith("dropped from last year"));
    const item14 = ev.items.find((i) => i.key === "⑭")!;
    expect(dropped).toEqual([
      {
        sheet: item14.sheet,
        row: item14.row,
        reason: "dropped from last year (令和元年度 A → 令和２年度 C)",
      },
    ]);
    // The 要確認 sheet says it in Japanese.
    const reviewPlan = result.plans.find((p) => p.role === "review")!;
    const texts = reviewPlan.rows.flat().map((c) => String(c ?? ""));
    expect(texts).toContain(`${item14.name}：前年度から下がった（令和元年度 A → 令和２年度 C）`);
  });

  it("detects 最大待ち時間 as lower-is-better because its targets say 以内", async () => {
    const result = await reviewFixture("suita-5year-plan.xlsx");
    const ind = result.summary.evaluations[0]!.items.find((i) => i.key === "⑪")!.indicators[0]!;
    expect(ind.lowerIsBetter).toBe(true);
    expect(ind.target).toBe(30);
    expect(ind.actual).toBe(15);
    expect(ind.unit).toBe("分");
  });

  it("lists every excluded item on the review sheet with its reason", async () => {
    const result = await reviewFixture("suita-5year-plan.xlsx");
    const ev = result.summary.evaluations[0]!;
    const excludedRows = ev.items.filter((i) => i.grade === null).map((i) => i.row);
    const reviewRows = ev.review.map((r) => r.row);
    for (const row of excludedRows) expect(reviewRows).toContain(row);
    const reviewPlan = result.plans.find((p) => p.role === "review")!;
    expect(reviewPlan.rows.length - 1).toBeGreaterThanOrEqual(excludedRows.length);
  });
});
