/**
 * 評価の推移 (issue 18): per group, items that went up, stayed, went down since the year before, and those without a
 * grade then (前年度評価なし). Suita's grades of both years are in the fixture's expected file (令和元年度 in
 * `otherYears`); the counts below are worked out from it by hand, item by item.
 */
import expected from "../../../fixtures/suita-5year-plan.expected.json";
import { reviewFixture } from "../../../helpers/review-fixture";
import { reviewSheets, sheetOf } from "../helpers";
import type { Evaluation } from "../../../../src/core/model/summary";

describe("Suita, 令和２年度 against 令和元年度", () => {
  let ev: Evaluation;
  beforeAll(async () => {
    ev = (await reviewFixture("suita-5year-plan.xlsx")).summary.evaluations[0]!;
  });

  it("counts per 基本方針 as worked out by hand", () => {
    // 基本方針１: ①③⑤⑥⑧⑪⑫ stay (A A, D D, A A, A A, C C, A A, A A); ② and ④ had no grade in 令和元年度.
    // 基本方針２: ⑬ stays A; ⑭ A → C. 基本方針３: ⑳ C → A; ⑲ had no grade. Items not graded now are not counted.
    expect(ev.movement).toEqual({
      previousYear: 2019,
      previousLabel: "令和元年度",
      groups: [
        { name: "基本方針１：市民のためのサービスデザイン", up: 0, same: 7, down: 0, noPrevious: 2 },
        { name: "基本方針２：市民を守るICT", up: 0, same: 1, down: 1, noPrevious: 0 },
        { name: "基本方針３：業務改善を支えるICT", up: 1, same: 0, down: 0, noPrevious: 1 },
      ],
      total: { up: 1, same: 8, down: 1, noPrevious: 3 },
    });
  });

  it("agrees with the fixture's grades of both years, and adds up to the items 表3-1 counts", () => {
    const rank = (g: string) => ["A", "B", "C", "D"].indexOf(g);
    const before = new Map(expected.otherYears["令和元年度"].items.map((i) => [i.no, i.grade]));
    const want = { up: 0, same: 0, down: 0, noPrevious: 0 };
    for (const it of expected.evaluations[0]!.items) {
      if (it.grade === null) continue;
      const was = before.get(it.no) ?? null;
      if (was === null) want.noPrevious++;
      else if (rank(it.grade) < rank(was)) want.up++;
      else if (rank(it.grade) > rank(was)) want.down++;
      else want.same++;
    }
    expect(ev.movement!.total).toEqual(want);
    const t = ev.movement!.total;
    expect(t.up + t.same + t.down + t.noPrevious).toBe(expected.evaluations[0]!.total.evaluated);
  });
});

it("is left out of a workbook with one year", () => {
  const r = reviewSheets([sheetOf("進捗", [["No", "事業名", "指標", "目標", "実績"], ["1", "図書館", "来館者数", "100", "90"]])]);
  expect(r.summary.evaluations[0]!).not.toHaveProperty("movement");
});
