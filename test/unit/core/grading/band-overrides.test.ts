/**
 * Issue 16, item 5: a publisher grades indicators whose target is 100 % as A when reached, beside 110/90/60 bands
 * for the rest; one indicator named in the rules has 100/80/50. By hand:
 *   1 電子申請 オンライン実施率 100% / 100%: 100 % (target 100 %: A ≥ 100)        → A (self A); 110/90/60 would give B
 *   2 図書館   利用者数 1,000人 / 1,050人: 105 % (110/90/60)                       → B (self B)
 *   3 窓口     満足度 100% / 95%: 95 % (target 100 %: B ≥ 90)                      → B (self B)
 *   4 研修     研修受講者数 100人 / 80人: 80 % (by name: 100/80/50, B ≥ 80)        → B (self B); 110/90/60: C
 */
import { parseRules, type Rules } from "../../../../src/core/model/settings";
import { reviewSheets, rulesWith, sheetOf, BANDS_110_90_60 } from "../helpers";

const TARGET_100: Rules["bandOverrides"][number] = {
  targetPercent: 100,
  bands: [
    { label: "A", min: 1 },
    { label: "B", min: 0.9 },
    { label: "C", min: 0.6 },
    { label: "D", min: null },
  ],
};
const BY_NAME: Rules["bandOverrides"][number] = {
  indicator: "研修受講者数",
  bands: [
    { label: "A", min: 1 },
    { label: "B", min: 0.8 },
    { label: "C", min: 0.5 },
    { label: "D", min: null },
  ],
};

const sheet = sheetOf("評価", [
  ["No", "事業名", "指標名", "目標", "実績", "評価"],
  [1, "電子申請", "オンライン実施率", "100%", "100%", "A"],
  [2, "図書館", "利用者数", "1,000人", "1,050人", "B"],
  [3, "窓口", "満足度", "100%", "95%", "B"],
  [4, "研修", "研修受講者数", "100人", "80人", "B"],
]);

describe("per-indicator bands", () => {
  it("grades each indicator with its exception, the rest with the rules' bands, and says so", () => {
    const ev = reviewSheets([sheet], rulesWith({ bands: BANDS_110_90_60, bandOverrides: [TARGET_100, BY_NAME] }))
      .summary.evaluations[0]!;
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["A", "B", "B", "B"]);
    expect(ev.review).toEqual([]);
    expect(ev.items[0]!.indicators[0]!.reason).toBe(
      "R = actual 100% / target 100% = 100.0% (≥ 100.0%, bands for targets of 100%) → A",
    );
    expect(ev.items[3]!.indicators[0]!.reason).toContain('bands for "研修受講者数"');
  });

  it("without them the same sheet grades B, B, B, C (and the disagreements are listed)", () => {
    const ev = reviewSheets([sheet], rulesWith({ bands: BANDS_110_90_60 })).summary.evaluations[0]!;
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["B", "B", "B", "C"]);
    expect(ev.review.map((r) => r.reason)).toEqual(["self A, suggested B", "self B, suggested C"]);
  });

  it("a 単位 column of 「%」 with 100 is a target of 100 % too", () => {
    const ev = reviewSheets(
      [
        sheetOf("評価", [
          ["No", "事業名", "指標名", "単位", "目標", "実績", "評価"],
          [1, "電子申請", "オンライン実施率", "%", 100, 100, "A"],
        ]),
      ],
      rulesWith({ bands: BANDS_110_90_60, bandOverrides: [TARGET_100] }),
    ).summary.evaluations[0]!;
    expect(ev.items[0]!.suggestedGrade).toBe("A");
  });
});

describe("validated like the bands, each problem at its field", () => {
  const base = { bands: BANDS_110_90_60 };
  it.each<[string, unknown, string]>([
    [
      "bands out of order",
      {
        targetPercent: 100,
        bands: [
          { label: "A", min: 0.9 },
          { label: "B", min: 1 },
          { label: "D", min: null },
        ],
      },
      "bandOverrides.0.bands.1.min",
    ],
    [
      "a grade not on the scale",
      {
        indicator: "満足度",
        bands: [
          { label: "S", min: 1.2 },
          { label: "D", min: null },
        ],
      },
      "bandOverrides.0.bands.0.label",
    ],
    [
      "an open band that is not the last",
      {
        indicator: "満足度",
        bands: [
          { label: "A", min: null },
          { label: "D", min: null },
        ],
      },
      "bandOverrides.0.bands.0.min",
    ],
    [
      "both a name and a target",
      { indicator: "満足度", targetPercent: 100, bands: TARGET_100.bands },
      "bandOverrides.0.indicator",
    ],
    ["neither", { bands: TARGET_100.bands }, "bandOverrides.0.indicator"],
  ])("%s", (_, override, field) => {
    const r = parseRules({ ...base, bandOverrides: [override] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`${field}:`);
  });

  it("an unknown key in an override is named", () => {
    const r = parseRules({ ...base, bandOverrides: [{ ...TARGET_100, bnads: [] }] });
    expect(!r.ok && r.message).toContain('unknown field "bandOverrides.0.bnads" (did you mean "bands"?)');
  });
});
