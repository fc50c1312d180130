/**
 * Targets and actuals written with a word before or after the number (issue 10):
 * 「毎年67,000」「毎年95%」「最終年度に30,000」「年間5,300人」「各年度10件」, and the English
 * caps and floors that mean what 以内 / 以上 mean. Expected values are read off the text by hand.
 */
import { parseIndicatorValue } from "../../../../src/core/cells/parse-indicator-value";
import { splitLeadingWords, splitTrailingBasis, splitTrailingQualifier } from "../../../../src/core/cells/value-words";
import { cell, numCell, expectNumber, expectExact } from "../helpers";

describe("a word before the number says what the value is", () => {
  it.each([
    ["毎年67,000", 67000, "67000", null, "everyYear", "毎年"],
    ["毎年95%", 0.95, "0.95", "%", "everyYear", "毎年"],
    ["毎年度 95％", 0.95, "0.95", "%", "everyYear", "毎年度"],
    ["最終年度に30,000", 30000, "30000", null, "finalYear", "最終年度に"],
    ["最終年度までに30,000件", 30000, "30000", "件", "finalYear", "最終年度までに"],
    ["計画最終年度に 80%", 0.8, "0.8", "%", "finalYear", "計画最終年度に"],
    ["年間5,300人", 5300, "5300", "人", "everyYear", "年間"],
    ["年間　約5,300人", 5300, "5300", "人", "everyYear", "年間"],
    ["各年度10件", 10, "10", "件", "everyYear", "各年度"],
    ["各年10件", 10, "10", "件", "everyYear", "各年"],
    ["累計1,200人", 1200, "1200", "人", "cumulative", "累計"],
    ["毎年６７，０００", 67000, "67000", null, "everyYear", "毎年"],
    ["95%（毎年）", 0.95, "0.95", "%", "everyYear", "毎年"],
    ["30,000（最終年度）", 30000, "30000", null, "finalYear", "最終年度"],
    ["each year 95%", 0.95, "0.95", "%", "everyYear", "each year"],
    ["Every year 1,000 visitors", 1000, "1000", "visitors", "everyYear", "Every year"],
    ["by the final year 30,000", 30000, "30000", null, "finalYear", "by the final year"],
    ["annually 12", 12, "12", null, "everyYear", "annually"],
  ])("%s → %d (%s), unit %s, basis %s", (text, value, exact, unit, basis, basisText) => {
    const v = expectNumber(cell(text));
    expect(v.value).toBeCloseTo(value, 12);
    expectExact(v.exact, exact);
    expect(v.unit).toBe(unit);
    expect(v.basis).toBe(basis);
    expect(v.basisText).toBe(basisText);
    expect(v.qualifier).toBeNull();
  });

  it("a plain number has no basis", () => {
    const v = expectNumber(cell("67,000"));
    expect(v.basis).toBeNull();
    expect(v.basisText).toBeNull();
  });

  it("a basis word alone, or a word that is not a basis, is not a number", () => {
    for (const t of ["毎年", "最終年度に", "年間", "毎年たくさん", "前年67,000", "目標は67,000です"]) {
      expect(cell(t).kind).toBe("unreadable");
    }
  });

  it("a basis and a cap together: 毎年15分以内 is every year, at most 15 minutes", () => {
    const v = expectNumber(cell("毎年15分以内"));
    expect([v.value, v.unit, v.qualifier, v.basis]).toEqual([15, "分", "以内", "everyYear"]);
  });

  it('a number shown through a format with a leading word ("毎年"#,##0) keeps the word', () => {
    const v = expectNumber(numCell(67000, "毎年67,000", '"毎年"#,##0'));
    expect(v.value).toBe(67000);
    expect(v.basis).toBe("everyYear");
    const f = expectNumber(numCell(30000, "最終年度に30,000", '"最終年度に"#,##0'));
    expect(f.basis).toBe("finalYear");
  });
});

describe("English caps and floors mean what 以内 / 以上 mean", () => {
  it.each([
    ["15 minutes or less", 15, "minutes", "以下", "or less"],
    ["15 min or less", 15, "min", "以下", "or less"],
    ["15 or fewer", 15, null, "以下", "or fewer"],
    ["at most 15 min", 15, "min", "以下", "at most"],
    ["At most 15", 15, null, "以下", "At most"],
    ["within 15 minutes", 15, "minutes", "以内", "within"],
    ["Within 30 days", 30, "days", "以内", "Within"],
    ["≤ 15", 15, null, "以下", "≤"],
    ["≤15分", 15, "分", "以下", "≤"],
    ["≦15分", 15, "分", "以下", "≦"],
    ["<= 15", 15, null, "以下", "<="],
    ["max 15 min", 15, "min", "以下", "max"],
    ["Max. 15", 15, null, "以下", "Max."],
    ["15 max", 15, null, "以下", "max"],
    ["no more than 3", 3, null, "以下", "no more than"],
    ["up to 20 cases", 20, "cases", "以下", "up to"],
    ["less than 5", 5, null, "未満", "less than"],
    ["< 5", 5, null, "未満", "<"],
    ["＜5", 5, null, "未満", "<"],
    ["30 (lower is better)", 30, null, "以下", "lower is better"],
    ["30 min (lower is better)", 30, "min", "以下", "lower is better"],
    ["at least 95%", 0.95, "%", "以上", "at least"],
    ["95% or more", 0.95, "%", "以上", "or more"],
    ["≥ 80%", 0.8, "%", "以上", "≥"],
    ["min. 10", 10, null, "以上", "min."],
    ["more than 3", 3, null, "超", "more than"],
  ])("%s → %d, unit %s, qualifier %s (%s)", (text, value, unit, qualifier, written) => {
    const v = expectNumber(cell(text));
    expect(v.value).toBeCloseTo(value, 12);
    expect(v.unit).toBe(unit);
    expect(v.qualifier).toBe(qualifier);
    expect(v.qualifierText).toBe(written);
  });

  it("'min' after a number is minutes, not a floor: 15 min has no qualifier", () => {
    const v = expectNumber(cell("15 min"));
    expect(v.unit).toBe("min");
    expect(v.qualifier).toBeNull();
  });

  it("English words that are not caps stay units or make the text unreadable", () => {
    expect(expectNumber(cell("1,000 visitors per year")).unit).toBe("visitors per year");
    expect(cell("about fifteen").kind).toBe("unreadable");
    expect(cell("maximum effort").kind).toBe("unreadable");
  });

  it('a number shown through a format with "≤" before it is capped', () => {
    const v = expectNumber(numCell(15, "≤15", '"≤"0'));
    expect(v.qualifier).toBe("以下");
    expect(v.qualifierText).toBe("≤");
  });

  it("a Japanese qualifier stays its own word (qualifierText = qualifier)", () => {
    const v = expectNumber(cell("15分以内"));
    expect(v.qualifierText).toBe("以内");
  });
});

describe("the word splitters on their own", () => {
  it("splitLeadingWords takes the basis and the cap in either order", () => {
    expect(splitLeadingWords("毎年 ≤15分")).toEqual({
      basis: "everyYear",
      basisText: "毎年",
      qualifier: "以下",
      qualifierText: "≤",
      rest: "15分",
    });
    expect(splitLeadingWords("at most 15 each year").qualifier).toBe("以下");
    expect(splitLeadingWords("67,000")).toEqual({
      basis: null,
      basisText: null,
      qualifier: null,
      qualifierText: null,
      rest: "67,000",
    });
  });

  it("splitTrailingQualifier and splitTrailingBasis leave what precedes the word", () => {
    expect(splitTrailingQualifier("minutes or less")).toEqual({
      qualifier: "以下",
      qualifierText: "or less",
      rest: "minutes",
    });
    expect(splitTrailingQualifier("minutes")).toBeNull();
    expect(splitTrailingBasis("95%（毎年）")).toEqual({ basis: "everyYear", basisText: "毎年", rest: "95%" });
    expect(splitTrailingBasis("95%")).toBeNull();
  });

  it("the raw value path and the text path agree on a worded target typed as text", () => {
    const a = expectNumber(parseIndicatorValue("最終年度に30,000", "最終年度に30,000", "General"));
    const b = expectNumber(parseIndicatorValue("最終年度に30,000", "", "@"));
    expect([a.value, a.basis]).toEqual([b.value, b.basis]);
  });
});
