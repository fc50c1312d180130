/**
 * The year a sheet states, wherever it states it (issue 10): the target /
 * actual headers, the title above the table, or the sheet name, in that order.
 */
import { SheetGrid } from "../../../../src/core/layout/sheet-grid";
import { detectTable } from "../../../../src/core/layout/detect-header";
import type { TableLayout } from "../../../../src/core/layout/table-model";
import { sheetOf, type CellSpec } from "../helpers";

function layoutOf(name: string, rows: CellSpec[][]): TableLayout {
  const d = detectTable(new SheetGrid(sheetOf(name, rows)));
  if (!d.ok) throw new Error(d.reason);
  return d.layout;
}

const BODY: CellSpec[][] = [["1", "貸出", "貸出冊数", "1,000冊", "1,100冊", "A"]];
const PLAIN_HEADER = ["No", "事業名", "指標", "目標値", "実績値", "達成度"];

describe("statedYear", () => {
  it("from the target / actual headers: 「令和２年度 目標値」 → 2020, labelled as written", () => {
    const l = layoutOf("Sheet1", [
      ["No", "事業名", "指標", "令和２年度 目標値", "令和２年度 実績値", "達成度"],
      ...BODY,
    ]);
    expect(l.statedYear).toEqual({ fiscalYear: 2020, label: "令和２年度", from: "header" });
  });

  it("from a year over 目標 / 実績 in a two-row header", () => {
    const l = layoutOf("Sheet1", [
      ["No", "事業名", "指標", "平成26年度", "平成26年度", "達成度"],
      ["No", "事業名", "指標", "目標", "実績", "達成度"],
      ...BODY,
    ]);
    expect(l.statedYear).toEqual({ fiscalYear: 2014, label: "平成26年度", from: "header" });
  });

  it("from the title above the table, also when the year is on a second title row or beside the title", () => {
    expect(layoutOf("Sheet1", [["平成25年度 図書館評価"], [], PLAIN_HEADER, ...BODY]).statedYear).toEqual({
      fiscalYear: 2013,
      label: "平成25年度",
      from: "title",
    });
    expect(layoutOf("Sheet1", [["図書館評価"], ["（平成27年度）"], PLAIN_HEADER, ...BODY]).statedYear?.fiscalYear).toBe(
      2015,
    );
    expect(
      layoutOf("Sheet1", [["図書館評価", null, null, null, "令和3年度"], PLAIN_HEADER, ...BODY]).statedYear?.fiscalYear,
    ).toBe(2021);
  });

  it("from the sheet name: 「平成25年度」, 「H26」, 「2015年度」", () => {
    expect(layoutOf("平成25年度", [PLAIN_HEADER, ...BODY]).statedYear).toEqual({
      fiscalYear: 2013,
      label: "平成25年度",
      from: "sheetName",
    });
    expect(layoutOf("H26", [PLAIN_HEADER, ...BODY]).statedYear?.fiscalYear).toBe(2014);
    expect(layoutOf("2015年度", [PLAIN_HEADER, ...BODY]).statedYear?.fiscalYear).toBe(2015);
  });

  it("headers win over the title, the title over the sheet name", () => {
    const l = layoutOf("H25", [
      ["令和元年度 評価"],
      ["No", "事業名", "指標", "令和２年度目標", "令和２年度実績", "達成度"],
      ...BODY,
    ]);
    expect(l.statedYear?.fiscalYear).toBe(2020);
    expect(layoutOf("H25", [["平成26年度 評価"], PLAIN_HEADER, ...BODY]).statedYear?.fiscalYear).toBe(2014);
  });

  it("a title naming the plan period names no year; the sheet name still does", () => {
    const l = layoutOf("H26", [["第2期計画（平成25年度～平成29年度）"], PLAIN_HEADER, ...BODY]);
    expect(l.statedYear).toEqual({ fiscalYear: 2014, label: "H26", from: "sheetName" });
  });

  it("a multi-year table states no single year", () => {
    const l = layoutOf("進捗", [
      ["No", "事業名", "指標", "令和元年度目標", "令和元年度実績", "令和２年度目標", "令和２年度実績", "自己評価"],
      ["1", "貸出", "貸出冊数", "1,000冊", "1,100冊", "1,000冊", "900冊", "B"],
    ]);
    expect(l.statedYear).toBeNull();
  });

  it("a multi-year table whose title names one of its years: that year, marked amongSeveral", () => {
    const l = layoutOf("進捗", [
      ["令和２年度 進捗状況"],
      ["No", "事業名", "指標", "令和元年度目標", "令和元年度実績", "令和２年度目標", "令和２年度実績", "自己評価"],
      ["1", "貸出", "貸出冊数", "1,000冊", "1,100冊", "1,000冊", "900冊", "B"],
    ]);
    expect(l.statedYear).toEqual({ fiscalYear: 2020, label: "令和２年度", from: "title", amongSeveral: true });
  });

  it("a date in the title block (作成日：令和6年5月31日) is not the evaluated year", () => {
    for (const date of [
      "作成日：令和6年5月31日",
      "2024年5月31日現在",
      "更新 2024/05/31",
      "R6.5.31 時点",
      "令和６年５月",
    ]) {
      expect(layoutOf("Sheet1", [["進捗状況評価シート"], [date], PLAIN_HEADER, ...BODY]).statedYear).toBeNull();
      // The year of the title still counts when a date stands beside it.
      expect(layoutOf("Sheet1", [[`令和5年度 進捗状況（${date}）`], PLAIN_HEADER, ...BODY]).statedYear).toEqual({
        fiscalYear: 2023,
        label: "令和5年度",
        from: "title",
      });
    }
    // …and the sheet name then still names the year.
    expect(layoutOf("R5", [["作成日：令和6年5月31日"], PLAIN_HEADER, ...BODY]).statedYear).toEqual({
      fiscalYear: 2023,
      label: "R5",
      from: "sheetName",
    });
  });

  it("no year anywhere → null", () => {
    expect(layoutOf("Sheet1", [["図書館評価"], PLAIN_HEADER, ...BODY]).statedYear).toBeNull();
  });
});
