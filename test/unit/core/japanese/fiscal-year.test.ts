/**
 * Fiscal-year labels → the year the fiscal year starts (令和元年度 = 2019),
 * overall labels (総括), and the evaluation headers of GRADING.md §5
 * (令和3年度評価 = R3評価 = 評価(R3) = 2021年度).
 */
import { parseFiscalYear, isOverallLabel, formatFiscalYearJa, fiscalYearsIn, singleFiscalYearIn } from "../../../../src/core/japanese/fiscal-year";

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

describe("fiscalYearsIn / singleFiscalYearIn: the year a title or a sheet name states (issue 10)", () => {
  it.each([
    ["平成25年度", 2013, "平成25年度"],
    ["令和２年度 目標値", 2020, "令和２年度"],
    ["H25", 2013, "H25"],
    ["R3評価", 2021, "R3"],
    ["FY2021 progress", 2021, "FY2021"],
    ["2021", 2021, "2021"],
    ["2013年度", 2013, "2013年度"],
    ["令和 3 年度", 2021, "令和 3 年度"],
    ["図書館サービス評価（平成26年度）", 2014, "平成26年度"],
    ["所沢市ICT推進アクションプラン 2019-2021 令和3年度進捗状況等評価報告書", 2021, "令和3年度"],
    ["第4期計画（令和元年度～令和５年度） 令和２年度実績", 2020, "令和２年度"],
  ])("%s → %d, written %s", (text, year, written) => {
    expect(singleFiscalYearIn(text)).toEqual({ fiscalYear: year, text: written });
  });

  it.each([
    "Sheet1",
    "表4-1",
    "記入要領",
    "第4期情報化推進計画（令和元年度～令和５年度）",
    "Plan 2019-2021",
    "Road 2030 vision for the city",
    "令和元年度と令和２年度の比較",
    "ABR3",
    "No.12021",
    "XFY2021",
  ])("%s states no single year", (text) => {
    expect(singleFiscalYearIn(text)).toBeNull();
  });

  it("lists every year outside a period, in order", () => {
    expect(fiscalYearsIn("令和元年度と令和２年度").map((m) => m.fiscalYear)).toEqual([2019, 2020]);
    expect(fiscalYearsIn("令和元年度～令和５年度")).toEqual([]);
  });
});
