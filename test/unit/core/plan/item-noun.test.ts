/**
 * The report's wording read from the sheets: the item noun from the item column's heading
 * (「個別システム件数」 for 「システム名」), the group word from the group column's heading when the
 * group names carry none (「表3-1 評価結果（ビジョン毎）」, not 「（区分毎）」).
 */
import { nounOfHeading } from "../../../../src/core/plan/item-noun";
import { reviewSheets, sheetOf } from "../helpers";

describe("nounOfHeading", () => {
  it.each([
    ["システム名", "システム"],
    ["事業名", "事業"],
    ["取組", "取組"],
    ["指標の名称", "指標"],
    ["評価結果 / システム名", "システム"],
    ["項目", null],
    ["名称", null],
    ["No.", null],
    ["取組（概要）", null],
  ])("%s → %s", (heading, noun) => {
    expect(nounOfHeading(heading)).toBe(noun);
  });
});

describe("wording read from a workbook", () => {
  const r = reviewSheets([
    sheetOf("進捗", [
      ["No", "ビジョン", "事業名", "目標値", "実績値", "自己評価"],
      [1, "市民サービスの向上", "電子申請", 1000, 1200, "A"],
      [2, "行政経営の効率化", "文書管理", 100, 90, "B"],
    ]),
  ]);

  it("names the items by the heading's noun and the groups by the group column's heading", () => {
    expect(r.wording).toEqual({ noun: "事業", keyHeader: "No", groupHeading: "ビジョン" });
    const summary = r.reportPlans.find((p) => p.role === "summary")!;
    expect(summary.rows[0]![0]).toBe("表3-1 評価結果（ビジョン毎）");
    expect(summary.rows[1]!.slice(0, 2)).toEqual(["ビジョン", "個別事業件数（割合）"]);
    expect(summary.charts.map((c) => c.title)).toEqual(["図3-1 評価結果（全事業）", "図3-2 ビジョン別評価結果"]);
    const list = r.reportPlans.find((p) => p.role === "list")!;
    expect(list.rows[1]).toEqual(["No", "事業名", "評価結果"]);
  });
});
