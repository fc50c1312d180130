/**
 * @jest-environment jsdom
 */
/**
 * The report's tables for the clipboard: what Word receives when the user pastes — 表3-N and 表4-N as printed
 * (golden numbers: Tokorozawa R3, GRADING.md §8; list rows from the report's 表4-1).
 */
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import type { Evaluation, ItemResult } from "../../../../src/core/model/summary";
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

/** Three systems of the report's 表4-1, one excluded from R3. */
function item(key: string, name: string, group: string, department: string, grade: string | null): ItemResult {
  return {
    sheet: "表4-1",
    row: Number(key),
    key,
    name,
    group,
    department,
    selfGrade: grade,
    suggestedGrade: null,
    grade,
    excludedReason: grade === null ? "-" : null,
    indicators: [],
  };
}
const V1 = "ビジョン1. 市民本位な<サービス> & 価値創出";
const V3 = "ビジョン3. 情報セキュリティ";
const R3_ITEMS: Evaluation = {
  ...R3,
  items: [
    item("10", "電子申請・届出サービスシステム", V1, "デジタル戦略課", "A"),
    item("23", "電子黒板整備", V1, "教育センター", null),
    item("67", "ICT-BCP", V3, "デジタル戦略課", "B"),
  ],
};
const TOTAL_ITEMS: Evaluation = {
  ...R3_ITEMS,
  label: "総括",
  fiscalYear: null,
  items: R3_ITEMS.items.map((it) => ({ ...it, grade: "A", selfGrade: "A", excludedReason: null })),
};

describe("reportTablesForClipboard: 表3-1 and 表4-1 as printed", () => {
  const { html, text } = reportTablesForClipboard([R3_ITEMS, TOTAL_ITEMS], DEFAULT_RULES, JA, {
    noun: "システム",
    keyHeader: "P.",
  });
  // What Word parses: the HTML as a document (jsdom stands in for Word's HTML import).
  const doc = new DOMParser().parseFromString(html, "text/html");
  const tables = [...doc.querySelectorAll("table")];
  const captionOf = (t: Element) => t.previousElementSibling?.textContent;
  const grid = (t: Element) =>
    [...t.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th,td")].map((c) => c.textContent));

  it("pastes three tables, each under its caption: 表3-1 (R3), 表3-2 (総括), 表4-1", () => {
    expect(tables.map(captionOf)).toEqual([
      "表3-1 評価結果（ビジョン毎）（R3）",
      "表3-2 評価結果（ビジョン毎）（総括）",
      "表4-1 令和3年度進捗状況評価結果一覧",
    ]);
  });

  it("表3-1 has the report's header (個別システム件数（割合）) and rows, and the excluded item's note under it", () => {
    expect(grid(tables[0]!)).toEqual([
      ["ビジョン", "個別システム件数（割合）", "AまたはB評価の割合"],
      ["A評価", "B評価", "C評価", "D評価"],
      ["1. 市民本位な<サービス> & 価値創出", "16件 (84%)", "3件 (16%)", "0件 (0%)", "0件 (0%)", "100%"],
      ["3. 情報セキュリティ", "2件 (67%)", "1件 (33%)", "0件 (0%)", "0件 (0%)", "100%"],
    ]);
    expect(tables[0]!.nextElementSibling?.textContent).toBe("※評価対象外（1件）：電子黒板整備");
  });

  it("表4-1 has P. | システム名 | 主担当課 | 評価結果 (R3, 総括), a vision row spanning the table, one row per system", () => {
    expect(grid(tables[2]!)).toEqual([
      ["P.", "システム名", "主担当課", "評価結果"],
      ["R3", "総括"],
      [V1],
      ["10", "電子申請・届出サービスシステム", "デジタル戦略課", "A", "A"],
      ["23", "電子黒板整備", "教育センター", "-", "A"],
      [V3],
      ["67", "ICT-BCP", "デジタル戦略課", "B", "A"],
    ]);
    const heading = tables[2]!.querySelectorAll("tr")[2]!.querySelector("td")!;
    expect(heading.getAttribute("colspan")).toBe("5");
    expect(tables[2]!.querySelector("th")!.getAttribute("rowspan")).toBe("2");
    expect(tables[2]!.nextElementSibling?.textContent).toBe("※「-」は評価対象外");
  });

  it("gives the same tables as tab-separated text", () => {
    const lines = text.split("\n");
    expect(lines).toContain("表4-1 令和3年度進捗状況評価結果一覧");
    expect(lines).toContain("P.\tシステム名\t主担当課\t評価結果\t");
    expect(lines).toContain("23\t電子黒板整備\t教育センター\t-\tA");
    expect(lines).toContain("1. 市民本位な<サービス> & 価値創出\t16件 (84%)\t3件 (16%)\t0件 (0%)\t0件 (0%)\t100%");
  });
});

describe("reportTablesForClipboard", () => {
  const { html, text } = reportTablesForClipboard([R3], DEFAULT_RULES, JA);

  it("gives Word a real table with the two header rows of 表3-1", () => {
    expect(html).toContain("表3-1 評価結果（ビジョン毎）");
    expect(html).not.toContain("（R3）");
    expect(html).toMatch(
      /<th rowspan="2"[^>]*>ビジョン<\/th><th colspan="4"[^>]*>個別項目件数（割合）<\/th><th rowspan="2"[^>]*>AまたはB<br>評価の割合<\/th>/,
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
      "表3-1 評価結果（ビジョン毎）",
      "ビジョン\t個別項目件数（割合）\t\t\t\tAまたはB評価の割合",
      "\tA評価\tB評価\tC評価\tD評価\t",
      "1. 市民本位な<サービス> & 価値創出\t16件 (84%)\t3件 (16%)\t0件 (0%)\t0件 (0%)\t100%",
      "3. 情報セキュリティ\t2件 (67%)\t1件 (33%)\t0件 (0%)\t0件 (0%)\t100%",
      "",
    ]);
  });
});

describe("評価の推移 in the copy for Word (report.movementTable, issue 18)", () => {
  const moved: Evaluation = {
    ...R3,
    movement: {
      previousYear: 2020,
      previousLabel: "R2",
      groups: [
        { name: "ビジョン1. 市民本位な<サービス> & 価値創出", up: 2, same: 15, down: 1, noPrevious: 1 },
        { name: "ビジョン3. 情報セキュリティ", up: 0, same: 3, down: 0, noPrevious: 0 },
      ],
      total: { up: 2, same: 18, down: 1, noPrevious: 1 },
    },
  };
  const on = { ...DEFAULT_RULES, report: { ...DEFAULT_RULES.report, movementTable: true } };

  it("is left out unless the setting asks", () => {
    expect(reportTablesForClipboard([moved], DEFAULT_RULES, JA)).toEqual(reportTablesForClipboard([R3], DEFAULT_RULES, JA));
  });

  it("follows 表3-1 as a table of its own, counts as 「2件」, names escaped", () => {
    const { html, text } = reportTablesForClipboard([moved], on, JA);
    const doc = new DOMParser().parseFromString(html, "text/html");
    const tables = [...doc.querySelectorAll("table")];
    const movement = tables[1]!;
    expect([...movement.querySelectorAll("th")].map((c) => c.textContent)).toEqual(["ビジョン", "上昇", "維持", "低下", "前年度評価なし"]);
    expect([...movement.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent))).toEqual([
      ["1. 市民本位な<サービス> & 価値創出", "2件", "15件", "1件", "1件"],
      ["3. 情報セキュリティ", "0件", "3件", "0件", "0件"],
    ]);
    expect(doc.body.textContent).toContain("前年度からの評価の推移（R2 → R3）");
    expect(text).toContain(
      [
        "前年度からの評価の推移（R2 → R3）",
        "ビジョン\t上昇\t維持\t低下\t前年度評価なし",
        "1. 市民本位な<サービス> & 価値創出\t2件\t15件\t1件\t1件",
        "3. 情報セキュリティ\t0件\t3件\t0件\t0件",
      ].join("\n"),
    );
  });
});
