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

  it("puts the footnote of the excluded item under 表3-1, worded as the report (システム)", () => {
    const plan = result.plans.find((p) => p.role === "summary")!;
    const texts = plan.rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("表3-1 評価結果（ビジョン毎）（R3）");
    expect(texts).toContain("個別システム件数（割合）");
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
  });

  it("lists the 58 systems as 表4-1 prints them: P., システム名, 主担当課, R3 and 総括, under their visions", () => {
    const list = result.reportPlans.find((p) => p.role === "list")!;
    expect(list.rows[0]).toEqual(["表4-1 令和3年度進捗状況評価結果一覧"]);
    expect(list.rows[1]).toEqual(["P.", "システム名", "主担当課", "評価結果"]);
    expect(list.rows[2]).toEqual([null, null, null, "R3", "総括"]);
    const headings = list.rows.filter((r) => r.length === 1 && String(r[0]).startsWith("ビジョン"));
    expect(headings.map((r) => r[0])).toEqual(expected.evaluations[0].groups.map((g: { name: string }) => g.name));
    const items = list.rows.filter((r) => r.length === 5 && /^\d+$/.test(String(r[0])));
    expect(items).toHaveLength(58);
    // 電子黒板整備 is excluded from R3 only: 「-」 under R3, its grade under 総括.
    expect(items.find((r) => r[1] === "電子黒板整備")!.slice(3)).toEqual(["-", "A"]);
    // Counted from the list, the grades give the report's totals (R3 A50 B7, 総括 A51 B7).
    const count = (col: number, g: string) => items.filter((r) => r[col] === g).length;
    expect([count(3, "A"), count(3, "B"), count(4, "A"), count(4, "B")]).toEqual([
      expected.evaluations[0].total.counts.A,
      expected.evaluations[0].total.counts.B,
      expected.evaluations[1].total.counts.A,
      expected.evaluations[1].total.counts.B,
    ]);
  });

  it("keeps the reviewers' sheets out of the report export unless the settings ask", () => {
    expect(result.reportPlans.map((p) => p.name)).toEqual(["評価集計", "評価一覧"]);
    expect(result.plans.map((p) => p.name)).toEqual(["評価集計", "評価一覧", "要確認"]);
  });
});
