/**
 * Tokorozawa ICT推進アクションプラン 令和3年度進捗状況等評価報告書:
 * 表4-1 (the workbook) must give 表3-1 (R3) and 表3-2 (総括) exactly.
 * Expected numbers: ../../fixtures/tokorozawa-r3-list.expected.json, taken from the report.
 */
import fs from "fs";
import path from "path";
import { FIXTURES, reviewFixture } from "../../helpers/review-fixture";
import type { ReviewResult } from "../../../src/core/run-review";

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));

describe("Tokorozawa 表4-1 → 表3-1 / 表3-2", () => {
  let result: ReviewResult;
  beforeAll(async () => {
    result = await reviewFixture("tokorozawa-r3-list.xlsx");
  });

  it("finds the two evaluations R3 and 総括 from the self grades", () => {
    expect(result.summary.evaluations.map((e) => e.label)).toEqual(["R3", "総括"]);
    expect(result.summary.evaluations.map((e) => e.source)).toEqual(["self", "self"]);
    expect(result.summary.evaluations[0]!.fiscalYear).toBe(2021);
    expect(result.summary.evaluations[1]!.fiscalYear).toBeNull();
  });

  it.each([0, 1])("evaluation %i equals the report's table group by group", (i) => {
    const got = result.summary.evaluations[i]!;
    const want = expected.evaluations[i];
    expect(
      got.groups.map((g) => ({
        name: g.name,
        counts: g.counts,
        evaluated: g.evaluated,
        excluded: g.excluded,
        percent: g.percent,
        aOrBPercent: g.aOrBPercent,
      })),
    ).toEqual(want.groups);
    expect(got.total).toEqual(want.total);
  });

  it("excludes exactly 電子黒板整備 in R3, with its own word as the reason", () => {
    const r3 = result.summary.evaluations[0]!;
    const excluded = r3.items.filter((i) => i.grade === null);
    expect(excluded.map((i) => i.name)).toEqual(expected.evaluations[0].excludedItems);
    expect(excluded[0]!.excludedReason).toBe("-");
    expect(result.summary.evaluations[1]!.items.filter((i) => i.grade === null)).toEqual([]);
  });

  it("reads the ※ note below the table as a note, not as an item", () => {
    const names = result.summary.evaluations[0]!.items.map((i) => i.name);
    expect(names).toHaveLength(58);
    expect(names.some((n) => n.startsWith("※"))).toBe(false);
  });

  it("puts the footnote of the excluded item and the denominator under 表3-1", () => {
    const plan = result.plans.find((p) => p.role === "summary")!;
    const texts = plan.rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("表3-1 評価結果（ビジョン毎）");
    expect(texts).toContain("対象：R3");
    // 「16件 (84%)」: the count is the number 16, its cell's number format shows 件 and the percent.
    const row = plan.rows.findIndex((r) => r[0] === "1. ICTを利活用した市民本位なサービスの提供とそれによる価値創出");
    expect(plan.rows[row]!.slice(1, 6)).toEqual([16, 3, 0, 0, 1]);
    const formatOf = (c: number) =>
      plan.formats
        .filter(
          (f) =>
            f.range.top <= row && row <= f.range.bottom && f.range.left <= c && c <= f.range.right && f.numberFormat,
        )
        .pop()?.numberFormat;
    expect([1, 2, 3, 4, 5].map(formatOf)).toEqual(['0"件 (84%)"', '0"件 (16%)"', '0"件 (0%)"', '0"件 (0%)"', "0%"]);
    expect(texts.some((t) => t.includes("電子黒板整備") && t.includes("評価対象外"))).toBe(true);
    expect(texts.some((t) => t.includes("評価対象57件"))).toBe(true);
  });
});
