/**
 * 次の評価まで (issue 18 §1). The worked examples are computed by hand from the band table
 * (A ≥ 100 %, B ≥ 80 %, C ≥ 50 %, or the 110/80/50 preset); the property checks the promise the
 * pane makes to staff: typing exactly the shown figure gives the next grade, one unit of the last
 * shown digit less does not.
 */
import fc from "fast-check";
import { gradeIndicator } from "../../../../src/core/grading/grade-indicator";
import { nextGrade } from "../../../../src/core/grading/next-grade";
import type { Direction } from "../../../../src/core/grading/detect-direction";
import type { IndicatorValue } from "../../../../src/core/cells/parse-indicator-value";
import { DEFAULT_RULES, type Rules } from "../../../../src/core/model/settings";
import { BANDS_110_80_50, BANDS_110_90_60, cell, rulesWith } from "../helpers";

const HIGHER: Direction = { lowerIsBetter: false, why: "higher is better", whyJa: "高いほど良い" };
const LOWER: Direction = { lowerIsBetter: true, why: "a target says 以内", whyJa: "目標に「以内」" };

function next(target: string, actual: string, opts: { rules?: Rules; direction?: Direction; baseline?: string } = {}) {
  const input = {
    target: cell(target),
    actual: cell(actual),
    baseline: opts.baseline === undefined ? null : cell(opts.baseline),
    direction: opts.direction ?? HIGHER,
    rules: opts.rules ?? DEFAULT_RULES,
  };
  return nextGrade(input, gradeIndicator(input));
}

describe("worked examples", () => {
  it("target 20 %, actual 6 % (R 30 % → D): C from 10.0 %", () => {
    // C needs R ≥ 50 %: 0.5 × 20 % = 10 %; shown with one decimal of a percent.
    expect(next("20%", "6%")).toEqual({ grade: "C", actual: 0.1, decimals: 1, bound: "atLeast" });
  });

  it("target 36,000件, actual 30,000件 (R 83.3 % → B): A from 36,000件", () => {
    expect(next("36,000件", "30,000件")).toEqual({ grade: "A", actual: 36000, decimals: 0, bound: "atLeast" });
  });

  it("rounds up to the cell's digits: target 7件, actual 3件, C needs 3.5 → 4件", () => {
    expect(next("7件", "3件")).toMatchObject({ grade: "C", actual: 4 });
  });

  it("target 12.5, actual 9.0 (R 72 % → C): B needs 0.8 × 12.5 = 10.0 exactly", () => {
    expect(next("12.5", "9.0")).toMatchObject({ grade: "B", actual: 10, decimals: 1 });
  });

  it("lower is better, target 15分以内, actual 40分 (R 37.5 % → D): C at 30分 or less", () => {
    // R = 15 / actual ≥ 0.5 ⇔ actual ≤ 30.
    expect(next("15分以内", "40分", { direction: LOWER })).toEqual({
      grade: "C",
      actual: 30,
      decimals: 0,
      bound: "atMost",
    });
  });

  it("lower is better, target 0件 (事故 0件), actual 2件 → D; only 0件 reaches A", () => {
    expect(next("0件", "2件", { direction: LOWER })).toMatchObject({ grade: "A", actual: 0, bound: "atMost" });
  });

  it("110/80/50: target 100 %, actual 100 % (B) → A from 110.0 %", () => {
    expect(next("100%", "100%", { rules: rulesWith({ bands: BANDS_110_80_50 }) })).toMatchObject({
      grade: "A",
      actual: 1.1,
    });
  });

  it("baseline mode: baseline 40, target 60, actual 45 (R 25 % → D): C needs 40 + 0.5 × 20 = 50", () => {
    const rules = rulesWith({ mode: "baseline" });
    expect(next("60", "45", { rules, baseline: "40" })).toMatchObject({ grade: "C", actual: 50, bound: "atLeast" });
  });

  it("none above the top grade", () => {
    expect(next("100", "120")).toBeNull();
  });

  it("nothing to compute without a target (目標未設定)", () => {
    expect(next("", "50")).toBeNull();
    expect(next("評価期間前", "50")).toBeNull();
  });
});

describe("property: exactly the shown figure gets the next grade, one unit less does not", () => {
  const decimalText = (digits: number, scale: number) => {
    const s = String(digits).padStart(scale + 1, "0");
    return scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  };
  const arbValue = fc
    .tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 3 }))
    .map(([d, s]) => decimalText(d, s));
  const arbUnit = fc.constantFrom("", "件", "%", "人");
  const arbBands = fc.constantFrom(DEFAULT_RULES.bands, BANDS_110_80_50, BANDS_110_90_60);

  it("holds for both directions and every preset", () => {
    fc.assert(
      fc.property(arbValue, arbValue, arbUnit, arbBands, fc.boolean(), (t, a, unit, bands, lower) => {
        const rules = rulesWith({ bands });
        const direction = lower ? LOWER : HIGHER;
        const target = cell(`${t}${unit}`);
        const actual = cell(`${a}${unit}`);
        const input = { target, actual, baseline: null, direction, rules };
        const outcome = gradeIndicator(input);
        if (!outcome.graded) return;
        const rank = (g: string) => bands.findIndex((b) => b.label === g);
        const ng = nextGrade(input, outcome);
        if (rank(outcome.grade) === 0) {
          expect(ng).toBeNull();
          return;
        }
        expect(ng).not.toBeNull();
        const shown = ng!.actual * (unit === "%" ? 100 : 1);
        const unitStep = 10 ** -ng!.decimals;
        const typed = (x: number): IndicatorValue => cell(`${x.toFixed(ng!.decimals)}${unit}`);
        const at = gradeIndicator({ ...input, actual: typed(shown) });
        expect(at.graded && rank(at.grade) < rank(outcome.grade)).toBe(true);
        expect(at.graded && at.grade).toBe(ng!.grade);
        const lessEnough = ng!.bound === "atLeast" ? shown - unitStep : shown + unitStep;
        const before = gradeIndicator({ ...input, actual: typed(lessEnough) });
        expect(before.graded && rank(before.grade) < rank(outcome.grade)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
