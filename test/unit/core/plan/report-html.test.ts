/** 表3-1 for the clipboard: what Word receives when the user pastes (golden numbers: Tokorozawa R3, GRADING.md §8). */
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import type { Evaluation } from "../../../../src/core/model/summary";
import { JA } from "../../../../src/core/i18n/sheet-labels";
import { reportTablesForClipboard } from "../../../../src/core/plan/report-html";

const R3: Evaluation = {
  label: "R3",
  fiscalYear: 2021,
  source: "self",
  groups: [
    {
      name: "ビジョン1. 市民本位な<サービス> & 価値創出",
      counts: { A: 16, B: 3, C: 0, D: 0 },
      evaluated: 19,
      excluded: 1,
      percent: { A: 84, B: 16, C: 0, D: 0 },
      aOrBPercent: 100,
    },
    {
      name: "ビジョン3. 情報セキュリティ",
      counts: { A: 2, B: 1, C: 0, D: 0 },
      evaluated: 3,
      excluded: 0,
      percent: { A: 67, B: 33, C: 0, D: 0 },
      aOrBPercent: 100,
    },
  ],
  total: {
    counts: { A: 18, B: 4, C: 0, D: 0 },
    evaluated: 22,
    excluded: 1,
    percent: { A: 82, B: 18, C: 0, D: 0 },
    aOrBPercent: 100,
  },
  items: [],
  review: [],
};

describe("reportTablesForClipboard", () => {
  const { html, text } = reportTablesForClipboard([R3], DEFAULT_RULES, JA);

  it("gives Word a real table with the two header rows of 表3-1", () => {
    expect(html).toContain("表3-1 評価結果（ビジョン毎）（R3）");
    expect(html).toMatch(
      /<th rowspan="2"[^>]*>ビジョン<\/th><th colspan="4"[^>]*>件数（割合）<\/th><th rowspan="2"[^>]*>AまたはB<br>評価の割合<\/th>/,
    );
    expect((html.match(/<tr>/g) ?? []).length).toBe(2 + 2);
    expect(html).toContain("font-family:'游ゴシック'");
  });

  it("writes one row per group like the report, text escaped, no total row", () => {
    expect(html).toContain("1. 市民本位な&lt;サービス&gt; &amp; 価値創出</td>");
    expect(html).toMatch(
      />16件 \(84%\)<\/td><td[^>]*>3件 \(16%\)<\/td><td[^>]*>0件 \(0%\)<\/td><td[^>]*>0件 \(0%\)<\/td><td[^>]*>100%<\/td>/,
    );
    expect(html).not.toContain("合計");
  });

  it("has a tab-separated plain-text fallback", () => {
    expect(text.split("\n")).toEqual([
      "表3-1 評価結果（ビジョン毎）（R3）",
      "ビジョン\t件数（割合）\t\t\t\tAまたはB評価の割合",
      "\tA評価\tB評価\tC評価\tD評価\t",
      "1. 市民本位な<サービス> & 価値創出\t16件 (84%)\t3件 (16%)\t0件 (0%)\t0件 (0%)\t100%",
      "3. 情報セキュリティ\t2件 (67%)\t1件 (33%)\t0件 (0%)\t0件 (0%)\t100%",
      "",
    ]);
  });
});
