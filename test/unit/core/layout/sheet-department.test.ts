/**
 * Workbooks kept one sheet per department: the department is written once above the table
 * (「所管課：情報政策課」), not in a column. Every row of the sheet belongs to it, and the published
 * list groups the items by vision across the sheets (not in sheet order).
 */
import { reviewSheets, sheetOf, type CellSpec } from "../helpers";
import { sheetDepartmentIn } from "../../../../src/core/layout/detect-header";
import { publishedList } from "../../../../src/core/plan/plan-published-list";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { JA } from "../../../../src/core/i18n/sheet-labels";

const HEADER: CellSpec[] = ["No", "ビジョン", "事業名", "目標値", "実績値", "自己評価"];

const SOMU: CellSpec[][] = [
  ["令和5年度 進捗状況評価シート"],
  ["所管課：情報政策課"],
  [],
  HEADER,
  [1, "ビジョン2. 行政経営", "文書管理の電子化", 100, 100, "A"],
  [2, "ビジョン1. 市民サービス", "電子申請", 1000, 1200, "A"],
];

const SHIMIN: CellSpec[][] = [
  ["令和5年度 進捗状況評価シート"],
  ["所管課: 市民課"],
  [],
  HEADER,
  [3, "ビジョン1. 市民サービス", "窓口改善", 100, 90, "B"],
  [4, "ビジョン2. 行政経営", "証明書のコンビニ交付", 100, 100, "A"],
];

describe("a sheet per department (所管課：… above the table)", () => {
  const r = reviewSheets([sheetOf("総務部", SOMU), sheetOf("市民部", SHIMIN)]);
  const ev = r.summary.evaluations[0]!;

  it("gives every row of the sheet its department", () => {
    expect(ev.items.map((i) => [i.name, i.department])).toEqual([
      ["文書管理の電子化", "情報政策課"],
      ["電子申請", "情報政策課"],
      ["窓口改善", "市民課"],
      ["証明書のコンビニ交付", "市民課"],
    ]);
  });

  it("lists the items by vision in the published list, each vision once", () => {
    const list = publishedList(r.summary.evaluations, DEFAULT_RULES, JA, "事業", null);
    expect(list.rows.map((row) => row.cells.slice(0, 3))).toEqual([
      ["ビジョン2. 行政経営"],
      ["1", "文書管理の電子化", "情報政策課"],
      ["4", "証明書のコンビニ交付", "市民課"],
      ["ビジョン1. 市民サービス"],
      ["2", "電子申請", "情報政策課"],
      ["3", "窓口改善", "市民課"],
    ]);
  });
});

describe("sheetDepartmentIn", () => {
  it.each([
    [["所管課：情報政策課"], "情報政策課"],
    [["【担当課】：市民課"], "市民課"],
    [["主担当課: デジタル戦略課 "], "デジタル戦略課"],
    // The author of the sheet is not its owner; a title is not a department.
    [["作成課：情報政策課"], null],
    [["令和5年度 進捗状況評価シート"], null],
  ])("%j → %s", (texts, dept) => {
    expect(sheetDepartmentIn(texts)).toBe(dept);
  });
});
