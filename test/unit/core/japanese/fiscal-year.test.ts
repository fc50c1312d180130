/**
 * Fiscal-year labels → the year the fiscal year starts (令和元年度 = 2019),
 * overall labels (総括), and the evaluation headers of GRADING.md §5
 * (令和3年度評価 = R3評価 = 評価(R3) = 2021年度).
 */
import { parseFiscalYear, isOverallLabel, formatFiscalYearJa } from "../../../../src/core/japanese/fiscal-year";

describe("parseFiscalYear", () => {
  it.each([
    ["令和元年度", 2019],
    ["令和２年度", 2020],
    ["令和2年度", 2020],
    ["平成31年度", 2019],
    ["平成30年度", 2018],
    ["R2", 2020],
    ["R02", 2020],
    ["r2", 2020],
    ["Ｒ２", 2020],
    ["R10", 2028],
    ["H31", 2019],
    ["2020年度", 2020],
    ["２０２０年度", 2020],
    ["FY2020", 2020],
    ["fy2020", 2020],
    ["令和三年度", 2021],
    ["令和十二年度", 2030],
  ])("%s → %d", (label, year) => {
    expect(parseFiscalYear(label)).toBe(year);
  });

  it.each([
    ["令和3年度評価", 2021],
    ["評価(R3)", 2021],
    ["評価（Ｒ３）", 2021],
    ["R3評価", 2021],
    ["2021年度", 2021],
    ["令和３年度実績", 2021],
    ["2021年度目標", 2021],
    ["実績（令和3年度）", 2021],
  ])("header %s names fiscal year %d", (label, year) => {
    expect(parseFiscalYear(label)).toBe(year);
  });

  it("令和元年度 and 平成31年度 are the same fiscal year", () => {
    expect(parseFiscalYear("令和元年度")).toBe(parseFiscalYear("平成31年度"));
  });

  it.each(["総括", "3か年総括", "事業名", "目標", "No", "たくさん", "Results"])("%s is not a fiscal year", (label) => {
    expect(parseFiscalYear(label)).toBeNull();
  });
});

describe("isOverallLabel", () => {
  it.each(["総括", "3か年総括", "３か年総括", "総括評価", "評価(総括)", "最終評価"])(
    "%s is the overall evaluation",
    (label) => {
      expect(isOverallLabel(label)).toBe(true);
    },
  );

  it.each(["R3評価", "令和3年度評価", "自己評価", "評価"])("%s is not the overall evaluation", (label) => {
    expect(isOverallLabel(label)).toBe(false);
  });
});

describe("formatFiscalYearJa", () => {
  it("writes years the way the workbooks do", () => {
    expect(formatFiscalYearJa(2019)).toBe("令和元年度");
    expect(formatFiscalYearJa(2020)).toBe("令和2年度");
    expect(formatFiscalYearJa(2018)).toBe("平成30年度");
    expect(formatFiscalYearJa(1989)).toBe("平成元年度");
  });

  it("round-trips through parseFiscalYear", () => {
    for (let y = 1990; y <= 2040; y++) expect(parseFiscalYear(formatFiscalYearJa(y))).toBe(y);
  });
});
