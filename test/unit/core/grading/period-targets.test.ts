/**
 * Issue 16, item 4: period and final-year targets as a prefectural library writes them (a three-year plan,
 * 令和4〜6年度, evaluated in 令和5年度 = year 2 of 3), graded with its 110/90/60 bands (A ≥ 110 %, B ≥ 90 %,
 * C ≥ 60 %, D below). By hand, with `cumulative: "pro-rata"`:
 *   1 蔵書の充実   3年間で4.5万冊 / 2.8万冊: due 2/3 × 45,000 = 30,000; 28,000 / 30,000 = 93.3 % → B (self B)
 *   2 研修の受講   3年間で100% / 60%: due 66.7 %; 0.6 / (2/3) = 90 % exactly → B (self B)
 *   3 評価の公表   最終年度に報告 / 中間報告済: not a number → 要確認, no grade (self A adopted)
 *   4 読み聞かせ   週1回 / 週1回: not a number → 要確認, no grade (self A adopted)
 * Without the rule, rows 1 and 2 are listed with 「期間目標（3年間で…）」 and get no suggestion.
 */
import fc from "fast-check";
import { reviewSheets, rulesWith, sheetOf, BANDS_110_90_60, type CellSpec } from "../helpers";
import type { Rules } from "../../../../src/core/model/settings";

const rows: CellSpec[][] = [
  ["令和5年度 図書館サービス計画 評価"],
  ["No", "重点取組業務", "数値目標", "活動実績", "評価"],
  [1, "蔵書の充実", "3年間で4.5万冊", "2.8万冊", "B"],
  [2, "研修の受講", "3年間で100%", "60%", "B"],
  [3, "評価の公表", "最終年度に報告", "中間報告済", "A"],
  [4, "読み聞かせ", "週1回", "週1回", "A"],
];

function evaluate(rules: Partial<Rules>, sheetRows = rows) {
  return reviewSheets([sheetOf("評価", sheetRows)], rulesWith({ bands: BANDS_110_90_60, ...rules })).summary
    .evaluations[0]!;
}

describe("period targets with cumulative: pro-rata", () => {
  const ev = evaluate({ cumulative: "pro-rata", planStartYear: 2022 });

  it("grades against the share of the period elapsed and says so", () => {
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["B", "B", null, null]);
    const first = ev.items[0]!.indicators[0]!;
    expect(first.achievement).toBeCloseTo(28000 / 30000, 12);
    expect(first.reason).toBe(
      "R = actual 28000冊 / pro-rata target 30000冊 (2/3 of 3年間で4.5万冊, year 2 of 3) = 93.3% (≥ 90.0%) → B",
    );
    expect(ev.items[1]!.indicators[0]!.achievement).toBeCloseTo(0.9, 12);
  });

  it("lists the non-numeric targets, never grades them", () => {
    expect(ev.review.map((r) => [r.row, r.reason])).toEqual([
      [5, "評価の公表: unreadable value"],
      [6, "読み聞かせ: unreadable value"],
    ]);
  });

  it("without a first year it cannot share the period out: listed", () => {
    const noStart = evaluate({ cumulative: "pro-rata" });
    expect(noStart.items.map((i) => i.suggestedGrade)).toEqual([null, null, null, null]);
    expect(noStart.review[0]!.reason).toBe(
      "蔵書の充実: period target (3年間で4.5万冊): the plan's first year is not known (rules: planStartYear)",
    );
  });
});

describe("period targets without the rule", () => {
  it("are listed on 要確認 with 期間目標（3年間で…）, never graded as one year's target", () => {
    const r = reviewSheets([sheetOf("評価", rows)], rulesWith({ bands: BANDS_110_90_60 }));
    const ev = r.summary.evaluations[0]!;
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual([null, null, null, null]);
    expect(ev.items.map((i) => i.grade)).toEqual(["B", "B", "A", "A"]);
    const review = r.plans.find((p) => p.role === "review")!.rows.flat().map(String);
    expect(review.some((t) => t.startsWith("蔵書の充実：蔵書の充実の期間目標（3年間で4.5万冊）"))).toBe(true);
    expect(review.some((t) => t.startsWith("研修の受講：研修の受講の期間目標（3年間で100%）"))).toBe(true);
  });
});

describe("property: any period target, any year of it", () => {
  // The publisher's bands in integer arithmetic: R = actual × years / (total × due) ≥ min ⇔ 10·actual·years ≥ k·total·due.
  function gradeByHand(actual: number, total: number, due: number, years: number): string {
    const lhs = 10 * actual * years;
    const rhs = total * due;
    if (lhs >= 11 * rhs) return "A";
    if (lhs >= 9 * rhs) return "B";
    if (lhs >= 6 * rhs) return "C";
    return "D";
  }
  it("is graded on its share of the total, whatever the notation of the period", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom("年間で", "か年で", "ヵ年で", "年間の累計で", "年で"),
        (years, elapsed, total, actual, word) => {
          const ev = evaluate({ cumulative: "pro-rata", planStartYear: 2024 - elapsed }, [
            ["令和5年度 評価"],
            ["No", "事業名", "数値目標", "活動実績", "評価"],
            [1, "事業", `${years}${word}${total}件`, `${actual}件`, null],
          ]);
          const due = Math.min(elapsed, years);
          expect(ev.items[0]!.suggestedGrade).toBe(gradeByHand(actual, total, due, years));
        },
      ),
      { numRuns: 200 },
    );
  });
});
