/**
 * One indicator → R and a grade (GRADING.md §2–4). Every expected grade is
 * worked out by hand from R and the band table:
 *   A: R ≥ 100 %, B: 80 % ≤ R < 100 %, C: 50 % ≤ R < 80 %, D: R < 50 %.
 */
import { gradeIndicator, gradeFromRate, type IndicatorOutcome } from "../../../../src/core/grading/grade-indicator";
import type { Direction } from "../../../../src/core/grading/detect-direction";
import { parseIndicatorValue, type IndicatorValue } from "../../../../src/core/cells/parse-indicator-value";
import { rationalFromDecimalString } from "../../../../src/core/cells/exact-number";
import { DEFAULT_RULES, type Rules } from "../../../../src/core/model/settings";
import { BANDS_110_80_50, BANDS_110_90_60, cell, numCell, rulesWith } from "../helpers";

const HIGHER: Direction = { lowerIsBetter: false, why: "higher is better", whyJa: "高いほど良い" };
const LOWER: Direction = { lowerIsBetter: true, why: "a target says 以内", whyJa: "目標に「以内」" };

function grade(
  target: IndicatorValue | string,
  actual: IndicatorValue | string,
  opts: { rules?: Rules; direction?: Direction; baseline?: IndicatorValue | string } = {},
): IndicatorOutcome {
  const v = (x: IndicatorValue | string) => (typeof x === "string" ? cell(x) : x);
  return gradeIndicator({
    target: v(target),
    actual: v(actual),
    baseline: opts.baseline === undefined ? null : v(opts.baseline),
    direction: opts.direction ?? HIGHER,
    rules: opts.rules ?? DEFAULT_RULES,
  });
}

function gradeOf(o: IndicatorOutcome): string | null {
  return o.graded ? o.grade : null;
}

const num = (x: number) => numCell(x, String(x), "General");

describe("default bands, higher is better: R = actual / target", () => {
  it.each([
    // target, actual, R by hand, grade
    ["100", "100", "R = 1 exactly", "A"],
    ["100", "150", "R = 1.5", "A"],
    ["100", "99.9", "R = 0.999", "B"],
    ["100", "80", "R = 0.8 exactly", "B"],
    ["100", "79.9", "R = 0.799", "C"],
    ["70", "56", "R = 56/70 = 0.8 exactly", "B"],
    ["70", "55.9", "R = 0.7986", "C"],
    ["100", "50", "R = 0.5 exactly", "C"],
    ["70", "35", "R = 35/70 = 0.5 exactly", "C"],
    ["100", "49.9", "R = 0.499", "D"],
    ["100", "1", "R = 0.01", "D"],
    ["100", "0", "R = 0", "D"],
    ["36,000件", "36,000件", "R = 1", "A"],
    ["３６，０００件", "28,800件", "R = 0.8 exactly", "B"],
    ["32.80%", "16.40%", "R = 0.5 exactly", "C"],
  ])("target %s, actual %s (%s) → %s", (target, actual, _why, want) => {
    expect(gradeOf(grade(target, actual))).toBe(want);
  });

  it("exact boundaries where doubles are below the band: 0.08/0.1 and 0.056/0.07 are exactly 0.8 → B", () => {
    // In doubles 0.08 / 0.1 = 0.7999999999999999 (would be C); the spec compares exact rationals.
    expect(gradeOf(grade(num(0.1), num(0.08)))).toBe("B");
    expect(gradeOf(grade(num(0.07), num(0.056)))).toBe("B");
    expect(gradeOf(grade("10%", "8%"))).toBe("B");
    expect(gradeOf(grade("10.0%", "8.0%"))).toBe("B");
  });

  it("0.56 / 0.7 (doubles 0.8000000000000002) and 0.35 / 0.7 are exactly 0.8 and 0.5", () => {
    expect(gradeOf(grade(num(0.7), num(0.56)))).toBe("B");
    expect(gradeOf(grade(num(0.7), num(0.35)))).toBe("C");
    expect(gradeOf(grade("70%", "56%"))).toBe("B");
  });

  it("just under a boundary by one unit in the last written digit is the lower grade", () => {
    expect(gradeOf(grade(num(0.7), num(0.55999)))).toBe("C");
    expect(gradeOf(grade(num(1), num(0.99999999)))).toBe("B");
    expect(gradeOf(grade(num(1), num(0.4999999999)))).toBe("D");
  });

  it("the achievement rate is reported: 56/70 → 0.8, 150/100 → 1.5", () => {
    const o = grade("70", "56");
    expect(o.graded && o.achievement).toBeCloseTo(0.8, 12);
    const p = grade("100", "150");
    expect(p.graded && p.achievement).toBeCloseTo(1.5, 12);
  });

  it("R ≤ 0 is always D: target +10.0 %, actual ▲16.68 % (R = −1.668)", () => {
    const o = grade("+10.0%", "▲16.68%");
    expect(gradeOf(o)).toBe("D");
    expect(o.graded && o.achievement).toBeCloseTo(-1.668, 12);
  });

  it('R ≤ 0 is D also when the actual is a number shown with 0.00%;"▲"0.00%', () => {
    expect(gradeOf(grade(num(0.1), numCell(-0.1668, "▲16.68%", '0.00%;"▲"0.00%')))).toBe("D");
  });

  it("R ≤ 0 is D even with a band whose minimum is 0 or below", () => {
    const rules = rulesWith({
      bands: [
        { label: "A", min: 1 },
        { label: "B", min: 0 },
        { label: "C", min: null },
      ],
    });
    expect(gradeOf(grade("100", "0", { rules }))).toBe("C");
    expect(gradeOf(grade("100", "-5", { rules }))).toBe("C");
    expect(gradeOf(grade("100", "1", { rules }))).toBe("B");
  });

  it('target 0 is not graded: review, reason "target is zero"', () => {
    for (const target of ["0", "0件", "0%", "０"]) {
      const o = grade(target, "5");
      expect(o).toMatchObject({ graded: false, reason: "target is zero", review: true });
    }
    expect(grade(num(0), num(0))).toMatchObject({ graded: false, reason: "target is zero", review: true });
  });
});

describe("presets via custom bands", () => {
  const p1 = rulesWith({ bands: BANDS_110_80_50 });
  const p2 = rulesWith({ bands: BANDS_110_90_60 });

  it.each([
    ["100", "110", "A"],
    ["100", "109.9", "B"],
    ["100", "100", "B"],
    ["100", "80", "B"],
    ["100", "79.9", "C"],
    ["100", "50", "C"],
    ["100", "49.9", "D"],
    ["70", "77", "A"], // 77/70 = 1.1 exactly
  ])("110/80/50: target %s, actual %s → %s", (t, a, want) => {
    expect(gradeOf(grade(t, a, { rules: p1 }))).toBe(want);
  });

  it("110/80/50: 0.011/0.01 is exactly 1.1 → A (doubles: 1.0999999999999999)", () => {
    expect(gradeOf(grade(num(0.01), num(0.011), { rules: p1 }))).toBe("A");
  });

  it.each([
    ["100", "110", "A"],
    ["100", "100", "B"],
    ["100", "90", "B"],
    ["100", "89.9", "C"],
    ["100", "60", "C"],
    ["100", "59.9", "D"],
    ["70", "63", "B"], // 0.9 exactly
    ["70", "42", "C"], // 0.6 exactly
  ])("110/90/60: target %s, actual %s → %s", (t, a, want) => {
    expect(gradeOf(grade(t, a, { rules: p2 }))).toBe(want);
  });

  it("110/90/60: exact boundaries where doubles fall short (0.009/0.01 = 0.9, 0.102/0.17 = 0.6)", () => {
    expect(gradeOf(grade(num(0.01), num(0.009), { rules: p2 }))).toBe("B");
    expect(gradeOf(grade(num(0.17), num(0.102), { rules: p2 }))).toBe("C");
  });

  it("labels other than A–D: S–C with three bands", () => {
    const rules = rulesWith({
      bands: [
        { label: "S", min: 1 },
        { label: "A", min: 0.8 },
        { label: "B", min: 0.5 },
        { label: "C", min: null },
      ],
    });
    expect(gradeOf(grade("10", "10", { rules }))).toBe("S");
    expect(gradeOf(grade("10", "8", { rules }))).toBe("A");
    expect(gradeOf(grade("10", "4", { rules }))).toBe("C");
  });
});

describe("lower is better: R = target / actual", () => {
  it.each([
    ["15分以内", "15分", "R = 1", "A"],
    ["15分以内", "12分", "R = 1.25", "A"],
    ["15分以内", "18分", "R = 15/18 = 0.833", "B"],
    ["30", "37.5", "R = 0.8 exactly", "B"],
    ["30", "37.6", "R = 0.798", "C"],
    ["30", "60", "R = 0.5 exactly", "C"],
    ["30", "61", "R = 0.492", "D"],
  ])("target %s, actual %s (%s) → %s", (t, a, _why, want) => {
    expect(gradeOf(grade(t, a, { direction: LOWER }))).toBe(want);
  });

  it("actual 0 → R = ∞ → A", () => {
    const o = grade("5件", "0件", { direction: LOWER });
    expect(gradeOf(o)).toBe("A");
    expect(o.graded && o.achievement).toBe(Infinity);
  });

  it("a negative actual (R < 0) is D", () => {
    expect(gradeOf(grade("10", "-5", { direction: LOWER }))).toBe("D");
  });
});

describe("progress-from-baseline mode: R = (actual − baseline) / (target − baseline)", () => {
  const rules = rulesWith({ mode: "baseline" });

  it.each([
    // baseline, target, actual, R by hand, grade
    ["50", "100", "100", "R = 1", "A"],
    ["50", "100", "110", "R = 1.2", "A"],
    ["50", "100", "90", "R = 40/50 = 0.8", "B"],
    ["50", "100", "75", "R = 25/50 = 0.5", "C"],
    ["50", "100", "74", "R = 0.48", "D"],
    ["50", "100", "50", "R = 0", "D"],
    ["50", "100", "40", "R = −0.2", "D"],
    // Lower is better is handled by the same formula.
    ["100", "50", "60", "R = −40/−50 = 0.8", "B"],
    ["100", "50", "50", "R = 1", "A"],
    ["100", "50", "110", "R = −0.2", "D"],
    ["32.0%", "40.0%", "38.4%", "R = 6.4/8 = 0.8", "B"],
  ])("baseline %s, target %s, actual %s (%s) → %s", (b, t, a, _why, want) => {
    expect(gradeOf(grade(t, a, { rules, baseline: b }))).toBe(want);
  });

  it("the direction does not change the baseline formula", () => {
    expect(gradeOf(grade("50", "60", { rules, baseline: "100", direction: LOWER }))).toBe("B");
  });

  it("target equal to the baseline is not graded and goes to review", () => {
    expect(grade("50", "60", { rules, baseline: "50" })).toMatchObject({ graded: false, review: true });
  });

  it("without a baseline column the ratio is used", () => {
    expect(gradeOf(grade("100", "90", { rules }))).toBe("B");
  });
});

describe("not graded, with the reason (GRADING.md §4)", () => {
  it.each([
    ["", "50", "no target for the year", false],
    ["100", "", "no actual for the year", false],
    ["100", "評価期間前", "評価期間前", false],
    ["対象外", "50", "対象外", false],
    ["100", "集計中", "集計中", false],
    ["100", "未確定", "未確定", false],
    ["100", "-", "-", false],
    ["100", "－", "－", false],
    ["100", "―", "―", false],
    ["100", "#DIV/0!", "error value #DIV/0!", true],
    ["#N/A", "50", "error value #N/A", true],
    ["100", "たくさん", "unreadable value", true],
    ["たくさん", "50", "unreadable value", true],
  ])("target %p, actual %p → %p (review %p)", (t, a, reason, review) => {
    const o = grade(cell(t), cell(a));
    expect(o).toMatchObject({ graded: false, reason, review });
  });

  it("a blank cell (null) is the same as an empty string", () => {
    expect(grade(numCell(100, "100", "General"), { kind: "blank" })).toMatchObject({
      graded: false,
      reason: "no actual for the year",
    });
  });

  it("a date and a boolean are unreadable values, listed for review", () => {
    expect(grade("100", numCell(44287, "2021/4/1", "yyyy/m/d"))).toMatchObject({
      graded: false,
      reason: "unreadable value",
      review: true,
    });
    expect(grade("100", numCell(44287, "R3.4.1", "ge.m.d"))).toMatchObject({
      graded: false,
      reason: "unreadable value",
      review: true,
    });
    expect(grade("100", parseIndicatorValue(true, "TRUE", "General"))).toMatchObject({
      graded: false,
      reason: "unreadable value",
      review: true,
    });
  });

  it("every reason has a Japanese text too", () => {
    const o = grade("100", "たくさん");
    expect(o.reasonJa).toContain("たくさん");
  });
});

describe("gradeFromRate", () => {
  const r = rationalFromDecimalString;
  it("maps exact R to the default bands, ∞ to the top grade and R ≤ 0 to the last", () => {
    const bands = DEFAULT_RULES.bands;
    expect(gradeFromRate(r("1"), bands)).toBe("A");
    expect(gradeFromRate(r("0.8"), bands)).toBe("B");
    expect(gradeFromRate(r("0.7999999999999999999"), bands)).toBe("C");
    expect(gradeFromRate(r("0.5"), bands)).toBe("C");
    expect(gradeFromRate(r("0.4999999999999999999"), bands)).toBe("D");
    expect(gradeFromRate(r("0"), bands)).toBe("D");
    expect(gradeFromRate(r("-3"), bands)).toBe("D");
    expect(gradeFromRate("infinite", bands)).toBe("A");
  });
});

describe("targets written with a word before the number (issue 10)", () => {
  it("a final-year target is graded by ratio and the reason says 最終年度目標 / final-year target", () => {
    // 24,000 / 30,000 = 80 % → B (80 % ≤ R < 100 %).
    const o = grade("最終年度に30,000", "24,000");
    expect(gradeOf(o)).toBe("B");
    expect(o.reason).toBe("R = actual 24000 / final-year target 30000 = 80.0% (≥ 80.0%) → B");
    expect(o.reasonJa).toContain("最終年度目標30000");
  });

  it("an every-year target is that year's target: 毎年95%, actual 96% → 101.1 % → A, the word kept in the reason", () => {
    const o = grade("毎年95%", "96%");
    expect(gradeOf(o)).toBe("A");
    expect(o.reason).toContain("(every-year target: 毎年)");
    expect(o.reasonJa).toContain("目標95%（毎年）");
  });

  it("年間5,300人 against 4,000人: 4000/5300 = 75.5 % → C", () => {
    expect(gradeOf(grade("年間5,300人", "4,000人"))).toBe("C");
  });

  it("各年度10件 against 10件 → 100 % → A", () => {
    expect(gradeOf(grade("各年度10件", "10件"))).toBe("A");
  });

  it("a final-year target that is lower-is-better says both", () => {
    // 30 / 40 = 75 % → C.
    const o = grade("最終年度に30分以内", "40分", { direction: LOWER });
    expect(gradeOf(o)).toBe("C");
    expect(o.reason).toContain("final-year target 30分 / actual 40分");
  });

  it("a plain target keeps the reason it always had", () => {
    expect(grade("100", "90").reason).toBe("R = actual 90 / target 100 = 90.0% (≥ 80.0%) → B");
  });
});
