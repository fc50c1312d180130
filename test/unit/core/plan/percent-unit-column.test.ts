/**
 * Issue 16, item 3: a 単位 column of 「%」 (or 「％」) beside plain numbers (目標 100, 実績 90) means percents:
 * 評価一覧 (and so --report / --pdf, which print the same plan) shows 100.0% and 90.0%, never 10000.0%.
 * 90 / 100 = 90 % → B with the default bands (A ≥ 100, B ≥ 80, C ≥ 50).
 */
import { reviewSheets, sheetOf } from "../helpers";
import { formatNumber } from "../../../../src/core/format/number-format";
import type { SheetPlan } from "../../../../src/core/model/sheet-plan";

/** The text Excel shows in a cell of the plan (its last range format that covers the cell). */
function shown(plan: SheetPlan, row: number, col: number): string {
  const v = plan.rows[row]![col];
  let format = "General";
  for (const f of plan.formats)
    if (f.numberFormat && row >= f.range.top && row <= f.range.bottom && col >= f.range.left && col <= f.range.right)
      format = f.numberFormat;
  return typeof v === "number" ? formatNumber(v, format) : String(v ?? "");
}

describe.each(["%", "％"])("a 単位 column of 「%s」 with plain numbers", (sign) => {
  const result = reviewSheets([
    sheetOf("指標", [
      ["No", "事業名", "指標名", "単位", "目標", "実績", "評価"],
      [1, "電子申請の推進", "オンライン化率", sign, 100, 90, "B"],
      [2, "窓口の満足度", "満足度", sign, "80", "84", "A"],
    ]),
  ]);
  const ev = result.summary.evaluations[0]!;

  it("reads the values as percents and grades them as before", () => {
    expect(ev.items.map((i) => [i.indicators[0]!.target, i.indicators[0]!.actual, i.indicators[0]!.unit])).toEqual([
      [1, 0.9, "%"],
      [0.8, 0.84, "%"],
    ]);
    // 90 / 100 = 90 % → B; 84 / 80 = 105 % → A
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["B", "A"]);
    expect(ev.items[0]!.indicators[0]!.reason).toBe("R = actual 90% / target 100% = 90.0% (≥ 80.0%) → B");
  });

  it("prints 100.0% and 90.0% on 評価一覧", () => {
    const list = result.plans.find((p) => p.role === "list")!;
    expect([shown(list, 1, 6), shown(list, 1, 7), shown(list, 2, 6), shown(list, 2, 7)]).toEqual([
      "100.0%",
      "90.0%",
      "80.0%",
      "84.0%",
    ]);
  });
});

it("a value with its own unit keeps it under a 単位 column of 「%」", () => {
  const ev = reviewSheets([
    sheetOf("指標", [
      ["No", "事業名", "指標名", "単位", "目標", "実績", "評価"],
      [1, "電子申請の推進", "オンライン化率", "%", { v: 1, t: "100%", f: "0%" }, "90%", "B"],
    ]),
  ]).summary.evaluations[0]!;
  expect([ev.items[0]!.indicators[0]!.target, ev.items[0]!.indicators[0]!.actual]).toEqual([1, 0.9]);
  expect(ev.items[0]!.suggestedGrade).toBe("B");
});
