/**
 * Summary tables (GRADING.md §7): percentage = count / evaluated, rounded half
 * up to a whole percent; "A or B" from the raw counts; excluded items out of
 * the denominator unless the option says otherwise. Expected values by hand.
 */
import { roundedPercent, summarizeEvaluation } from "../../../../src/core/summary/summarize";
import type { GradedEvaluation, GradedItem } from "../../../../src/core/grading/evaluate-items";
import type { IndicatorResult } from "../../../../src/core/model/summary";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { rulesWith } from "../helpers";

describe("roundedPercent: half up to a whole percent", () => {
  it.each([
    [1, 8, 13], // 12.5 → 13
    [3, 8, 38], // 37.5 → 38
    [5, 8, 63], // 62.5 → 63
    [7, 8, 88], // 87.5 → 88
    [1, 3, 33], // 33.3…
    [2, 3, 67], // 66.6…
    [1, 2, 50],
    [1, 200, 1], // 0.5 → 1
    [1, 201, 0], // 0.4975…
    [199, 200, 100], // 99.5 → 100
    [397, 400, 99], // 99.25
    [16, 19, 84], // 84.2… (Tokorozawa R3 group 1)
    [3, 19, 16], // 15.8…
    [32, 35, 91], // 91.4…
    [3, 35, 9], // 8.57…
    [0, 5, 0],
    [5, 5, 100],
  ])("%d / %d → %d %%", (count, denominator, want) => {
    expect(roundedPercent(count, denominator)).toBe(want);
  });

  it("a zero denominator gives 0, not NaN", () => {
    expect(roundedPercent(0, 0)).toBe(0);
  });

  it("is exact for every count of every denominator up to 400 (compared with integer arithmetic)", () => {
    for (let d = 1; d <= 400; d++) {
      for (let c = 0; c <= d; c++) {
        // Half up: floor(100c/d + 1/2) = floor((200c + d) / 2d), done on integers with BigInt.
        const want = Number(BigInt(200 * c + d) / BigInt(2 * d));
        if (roundedPercent(c, d) !== want) throw new Error(`${c}/${d}: ${roundedPercent(c, d)} ≠ ${want}`);
      }
    }
  });
});

function ind(grade: string | null): IndicatorResult {
  return {
    name: "指標",
    target: null,
    actual: null,
    unit: null,
    lowerIsBetter: false,
    achievement: null,
    grade,
    reason: grade ? "graded" : "blank",
    nextGrade: null,
  };
}

let rowNo = 2;
function it_(
  group: string,
  grade: string | null,
  opts: { indicators?: (string | null)[]; adoptedFrom?: GradedItem["adoptedFrom"] } = {},
): GradedItem {
  const row = rowNo++;
  return {
    sheet: "一覧",
    row,
    key: String(row),
    name: `事業${row}`,
    group,
    department: null,
    selfGrade: opts.adoptedFrom === "self" ? grade : null,
    suggestedGrade: grade,
    grade,
    excludedReason: grade === null ? "対象外" : null,
    excludedReasonJa: grade === null ? "対象外" : null,
    adoptedFrom: grade === null ? null : (opts.adoptedFrom ?? "suggested"),
    indicators: (opts.indicators ?? [grade]).map(ind),
    indicatorReasonsJa: [],
  };
}

function ev(items: GradedItem[]): GradedEvaluation {
  return { key: "label:評価", label: "評価", fiscalYear: null, source: "suggested", items, review: [] };
}

function many(group: string, counts: Record<string, number>, excluded = 0): GradedItem[] {
  const out: GradedItem[] = [];
  for (const [g, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push(it_(group, g));
  for (let i = 0; i < excluded; i++) out.push(it_(group, null));
  return out;
}

describe("summarizeEvaluation", () => {
  it("A 1, B 1, C 1: each 33 %, but A or B is 2/3 = 67 % (not 33 + 33 = 66)", () => {
    const s = summarizeEvaluation(ev(many("1", { A: 1, B: 1, C: 1 })), DEFAULT_RULES);
    expect(s.total.percent).toEqual({ A: 33, B: 33, C: 33, D: 0 });
    expect(s.total.aOrBPercent).toBe(67);
  });

  it("Tokorozawa 表3-1 group 1: A 16, B 3, 1 excluded → 84 % / 16 %, A or B 100 %", () => {
    const s = summarizeEvaluation(ev(many("1. ビジョン1", { A: 16, B: 3 }, 1)), DEFAULT_RULES);
    expect(s.groups).toEqual([
      {
        name: "1. ビジョン1",
        counts: { A: 16, B: 3, C: 0, D: 0 },
        evaluated: 19,
        excluded: 1,
        percent: { A: 84, B: 16, C: 0, D: 0 },
        aOrBPercent: 100,
      },
    ]);
  });

  it("Suita 基本方針１: A 6, B 0, C 1, D 2, 3 excluded → 67 / 0 / 11 / 22, A or B 67", () => {
    const s = summarizeEvaluation(ev(many("基本方針１", { A: 6, C: 1, D: 2 }, 3)), DEFAULT_RULES);
    expect(s.total).toEqual({
      counts: { A: 6, B: 0, C: 1, D: 2 },
      evaluated: 9,
      excluded: 3,
      percent: { A: 67, B: 0, C: 11, D: 22 },
      aOrBPercent: 67,
    });
  });

  it("A or B from raw counts: A 1, B 1 of 8 → 13 % + 13 % rounded, but A or B = 2/8 = 25 %", () => {
    const s = summarizeEvaluation(ev(many("g", { A: 1, B: 1, C: 6 })), DEFAULT_RULES);
    expect(s.total.percent).toEqual({ A: 13, B: 13, C: 75, D: 0 });
    expect(s.total.aOrBPercent).toBe(25);
  });

  it("excluded items are not in the denominator by default: A 1, B 1, 2 excluded → 50 / 50, A or B 100", () => {
    const s = summarizeEvaluation(ev(many("g", { A: 1, B: 1 }, 2)), DEFAULT_RULES);
    expect(s.total).toMatchObject({
      evaluated: 2,
      excluded: 2,
      percent: { A: 50, B: 50, C: 0, D: 0 },
      aOrBPercent: 100,
    });
  });

  it("option: excluded items in the denominator → 25 / 25, A or B 50", () => {
    const s = summarizeEvaluation(ev(many("g", { A: 1, B: 1 }, 2)), rulesWith({ includeExcludedInDenominator: true }));
    expect(s.total).toMatchObject({
      evaluated: 2,
      excluded: 2,
      percent: { A: 25, B: 25, C: 0, D: 0 },
      aOrBPercent: 50,
    });
  });

  it("a group with nothing evaluated: all 0 %, A or B not given", () => {
    const s = summarizeEvaluation(ev(many("g", {}, 2)), DEFAULT_RULES);
    expect(s.total).toEqual({
      counts: { A: 0, B: 0, C: 0, D: 0 },
      evaluated: 0,
      excluded: 2,
      percent: { A: 0, B: 0, C: 0, D: 0 },
      aOrBPercent: null,
    });
  });

  it("groups in first-seen order; the total adds them up", () => {
    const items = [...many("1", { A: 2, C: 1 }), ...many("2", { B: 1, D: 1 }, 1), ...many("1", { A: 1 })];
    const s = summarizeEvaluation(ev(items), DEFAULT_RULES);
    expect(s.groups.map((g) => [g.name, g.counts, g.excluded])).toEqual([
      ["1", { A: 3, B: 0, C: 1, D: 0 }, 0],
      ["2", { A: 0, B: 1, C: 0, D: 1 }, 1],
    ]);
    expect(s.total.counts).toEqual({ A: 3, B: 1, C: 1, D: 1 });
    expect(s.total.excluded).toBe(1);
    // Total 6 evaluated: A 50, B 16.7 → 17, C 17, D 17; A or B 4/6 = 66.7 → 67.
    expect(s.total.percent).toEqual({ A: 50, B: 17, C: 17, D: 17 });
    expect(s.total.aOrBPercent).toBe(67);
  });

  it("an item without a group is counted under its sheet", () => {
    const item = it_("x", "A");
    item.group = null;
    const s = summarizeEvaluation(ev([item]), DEFAULT_RULES);
    expect(s.groups.map((g) => g.name)).toEqual(["一覧"]);
  });

  it("counting indicators: an item with indicators A and C (suggested) counts A 1, C 1", () => {
    const s = summarizeEvaluation(
      ev([it_("g", "C", { indicators: ["A", "C"] }), it_("g", "B", { indicators: ["B", null] })]),
      rulesWith({ count: "indicators" }),
    );
    expect(s.total.counts).toEqual({ A: 1, B: 1, C: 1, D: 0 });
    expect(s.total.excluded).toBe(1);
  });

  it("labels other than A–D: S / A / B / C, 'A or B' is the two top labels", () => {
    const rules = rulesWith({
      bands: [
        { label: "S", min: 1 },
        { label: "A", min: 0.8 },
        { label: "B", min: 0.5 },
        { label: "C", min: null },
      ],
    });
    const s = summarizeEvaluation(ev(many("g", { S: 1, A: 1, B: 1 })), rules);
    expect(s.total.counts).toEqual({ S: 1, A: 1, B: 1, C: 0 });
    expect(s.total.aOrBPercent).toBe(67);
  });

  it("the items and review list are passed through", () => {
    const items = many("g", { A: 1 }, 1);
    const g = ev(items);
    g.review.push({ sheet: "一覧", row: items[1]!.row, reason: "excluded: 対象外", reasonJa: "…" });
    const s = summarizeEvaluation(g, DEFAULT_RULES);
    expect(s.items.map((i) => i.grade)).toEqual(["A", null]);
    expect(s.review).toEqual([{ sheet: "一覧", row: items[1]!.row, reason: "excluded: 対象外" }]);
    expect(s.items[0]).not.toHaveProperty("adoptedFrom");
  });
});
