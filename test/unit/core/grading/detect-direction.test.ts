/**
 * Direction (GRADING.md §2): lower is better when any of these holds, else higher:
 * 1. an explicit direction column or a per-indicator override says so;
 * 2. any target cell carries 以内 / 以下 / 未満 / まで;
 * 3. ≥ 2 yearly targets that strictly decrease (90分 → 30分 → 15分以内);
 * 4. baseline > target.
 */
import { detectDirection } from "../../../../src/core/grading/detect-direction";
import type { IndicatorValue } from "../../../../src/core/cells/parse-indicator-value";
import { cell } from "../helpers";

function lower(input: {
  override?: "higher" | "lower" | null;
  directionCell?: string | null;
  targets?: string[];
  baseline?: string | null;
  target?: string | null;
}): boolean {
  const targets: IndicatorValue[] = (input.targets ?? []).map(cell);
  const target =
    input.target !== undefined && input.target !== null ? cell(input.target) : (targets[targets.length - 1] ?? null);
  return detectDirection({
    override: input.override ?? null,
    directionCell: input.directionCell ?? null,
    targets,
    baseline: input.baseline ? cell(input.baseline) : null,
    target,
  }).lowerIsBetter;
}

describe("rule 1: explicit direction column or override", () => {
  it("an override decides, even against the other rules", () => {
    expect(lower({ override: "lower", targets: ["100"] })).toBe(true);
    expect(lower({ override: "higher", targets: ["15分以内"] })).toBe(false);
    expect(lower({ override: "higher", targets: ["90", "30", "15"] })).toBe(false);
    expect(lower({ override: "higher", baseline: "120", targets: ["100"] })).toBe(false);
  });

  it("the reason names the reviewer's setting", () => {
    const d = detectDirection({ override: "lower", directionCell: null, targets: [], baseline: null, target: null });
    expect(d.why).toBe("set by the reviewer");
  });

  it.each(["低", "減少", "↓", "lower", "Down", "減"])("direction column %s → lower is better", (word) => {
    expect(lower({ directionCell: word, targets: ["100"] })).toBe(true);
  });

  it.each(["高", "増加", "↑", "higher", "up"])("direction column %s → higher is better, even with 以内", (word) => {
    expect(lower({ directionCell: word, targets: ["15分以内"] })).toBe(false);
  });
});

describe("rule 2: a target with 以内 / 以下 / 未満 / まで", () => {
  it.each(["15分以内", "10件以下", "5人未満", "30日まで", "１５分以内"])("target %s → lower is better", (t) => {
    expect(lower({ targets: [t] })).toBe(true);
  });

  it("any year's target counts, not only the evaluated one", () => {
    expect(lower({ targets: ["20分", "25分", "15分以内"], target: "20分" })).toBe(true);
  });

  it("以上 is higher is better", () => {
    expect(lower({ targets: ["80%以上"] })).toBe(false);
  });

  it("超 (more than) is higher is better: it is not one of 以内 / 以下 / 未満 / まで", () => {
    expect(lower({ targets: ["100件超"] })).toBe(false);
  });
});

describe("rule 3: yearly targets that strictly decrease", () => {
  it("90分 → 30分 → 15分 → lower is better", () => {
    expect(lower({ targets: ["90分", "30分", "15分"] })).toBe(true);
  });

  it("90分 → 30分 → 15分以内 → lower is better", () => {
    expect(lower({ targets: ["90分", "30分", "15分以内"] })).toBe(true);
  });

  it("two decreasing targets are enough", () => {
    expect(lower({ targets: ["10", "8"] })).toBe(true);
  });

  it.each([
    [["30", "30"], "equal"],
    [["90", "100", "80"], "not monotonic"],
    [["10", "20", "30"], "increasing"],
    [["90"], "one target"],
  ])("%p (%s) → higher is better", (targets) => {
    expect(lower({ targets })).toBe(false);
  });

  it("blank or excluded years are skipped: 90 → (blank) → 30 still decreases", () => {
    expect(lower({ targets: ["90", "", "30"], target: "30" })).toBe(true);
  });

  it("percent targets decreasing: 12.0% → 10.0% → 8.0%", () => {
    expect(lower({ targets: ["12.0%", "10.0%", "8.0%"] })).toBe(true);
  });
});

describe("rule 4: baseline above the target", () => {
  it("baseline 120, target 100 → lower is better", () => {
    expect(lower({ baseline: "120", targets: ["100"] })).toBe(true);
  });

  it("baseline 80, target 100 → higher is better", () => {
    expect(lower({ baseline: "80", targets: ["100"] })).toBe(false);
  });

  it("baseline equal to the target → higher is better", () => {
    expect(lower({ baseline: "100", targets: ["100"] })).toBe(false);
  });

  it("a baseline that is not a number does not decide", () => {
    expect(lower({ baseline: "対象外", targets: ["100"] })).toBe(false);
  });
});

describe("default", () => {
  it("no rule applies → higher is better, and the reason says so", () => {
    const d = detectDirection({
      override: null,
      directionCell: null,
      targets: [cell("100件")],
      baseline: null,
      target: cell("100件"),
    });
    expect(d.lowerIsBetter).toBe(false);
    expect(d.why).toBe("higher is better");
  });
});

describe("English wording marks lower is better as 以内 does (issue 10)", () => {
  it.each(["15 minutes or less", "at most 15", "within 15 minutes", "≤ 15", "max 15 min", "15 (lower is better)", "less than 15"])(
    "a target written %s → lower is better",
    (t) => {
      expect(lower({ targets: [t] })).toBe(true);
    },
  );

  it.each(["at least 95%", "95% or more", "≥ 95%", "more than 3"])("a target written %s → higher is better", (t) => {
    expect(lower({ targets: [t] })).toBe(false);
  });

  it("the reason quotes the word as written", () => {
    const d = detectDirection({ override: null, directionCell: null, targets: [cell("15 min or less")], baseline: null, target: null });
    expect(d.why).toBe("a target says or less");
    expect(d.whyJa).toBe("目標に「or less」");
  });

  it.each([
    ["Average wait (minutes, lower is better)", true],
    ["Complaints — fewer is better", true],
    ["待ち時間（短いほど良い）", true],
    ["事故件数（少ないほど良い）", true],
    ["Satisfaction (higher is better)", false],
  ])("the indicator's name %s states the direction", (name, isLower) => {
    const d = detectDirection({ override: null, directionCell: null, targets: [cell("15")], baseline: null, target: cell("15"), indicatorName: name });
    expect(d.lowerIsBetter).toBe(isLower);
    expect(d.why).toMatch(/the indicator says/);
  });

  it("a name without such words leaves the other rules to decide", () => {
    const d = detectDirection({ override: null, directionCell: null, targets: [cell("15分以内")], baseline: null, target: null, indicatorName: "Average wait" });
    expect(d.lowerIsBetter).toBe(true);
    expect(d.why).toBe("a target says 以内");
  });
});
