/**
 * The published list in 表4-1's shape (REPORT.md §1), on hand-made summaries: title, two header rows,
 * a heading row per group spanning the table, one row per item with a grade per evaluation, and
 * columns sized from their text.
 */
import type { Evaluation, ItemResult } from "../../../../src/core/model/summary";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { JA } from "../../../../src/core/i18n/sheet-labels";
import { planPublishedList, publishedList, PUBLISHED_UNITS } from "../../../../src/core/plan/plan-published-list";
import { textUnits } from "../../../../src/core/plan/row-heights";

function item(p: Partial<ItemResult> & Pick<ItemResult, "key" | "name" | "grade">): ItemResult {
  return {
    sheet: "進捗",
    row: 5,
    group: null,
    department: null,
    selfGrade: p.grade,
    suggestedGrade: null,
    excludedReason: p.grade === null ? "-" : null,
    indicators: [],
    ...p,
  };
}

function evaluation(label: string, fiscalYear: number | null, items: ItemResult[]): Evaluation {
  const total = { counts: {}, evaluated: 0, excluded: 0, percent: {}, aOrBPercent: null };
  return { label, fiscalYear, source: "self", groups: [], total, items, review: [] };
}

describe("publishedList", () => {
  it("leaves out the number column when the keys are the items' names (no No column in the sheet)", () => {
    const items = [
      item({
        key: "地域の課題を解決するデジタル技術の活用",
        name: "地域の課題を解決するデジタル技術の活用",
        grade: "A",
      }),
      item({ key: "窓口改善", name: "窓口改善", grade: "B", row: 6 }),
    ];
    const list = publishedList([evaluation("平成25年度", 2013, items)], DEFAULT_RULES, JA, "事業", null);
    expect(list.headers.key).toBeNull();
    expect(list.rows.map((r) => r.cells)).toEqual([
      ["地域の課題を解決するデジタル技術の活用", "A"],
      ["窓口改善", "B"],
    ]);
    expect(list.headers.department).toBeNull();
    expect(list.title).toBe("表4-1 平成25年度進捗状況評価結果一覧");
  });

  it("joins the evaluations' grades by source row: 「-」 where one left the item out, blank where it has none", () => {
    const a = item({ key: "1", name: "電子申請", grade: "A", row: 5 });
    const b = item({ key: "2", name: "電子黒板整備", grade: null, row: 6 });
    const list = publishedList(
      [evaluation("R3", 2021, [a, b]), evaluation("総括", null, [{ ...b, grade: "B", excludedReason: null }])],
      DEFAULT_RULES,
      JA,
      "システム",
      "P.",
    );
    expect(list.rows.map((r) => r.cells)).toEqual([
      ["1", "電子申請", "A", ""],
      ["2", "電子黒板整備", "-", "B"],
    ]);
    expect(list.notes).toEqual(["※「-」は評価対象外"]);
  });
});

describe("planPublishedList: many evaluations", () => {
  it("narrows the department column before the page overflows (five years and 総括)", () => {
    const it1 = item({ key: "1", name: "電子申請システム", grade: "A", department: "市民医療センター事務部総務課" });
    const labels = ["平成29年度", "平成30年度", "令和元年度", "令和2年度", "令和3年度", "総括"];
    const evs = labels.map((l, i) => evaluation(l, i < 5 ? 2017 + i : null, [it1]));
    const plan = planPublishedList("評価一覧", publishedList(evs, DEFAULT_RULES, JA, "システム", "P."));
    const w = plan.columnWidths;
    // Number 4, name ≥ 20, six grade columns of 13 (「平成29年度」 + padding): the department gets what is left, ≥ 12.
    expect(w[2]).toBeGreaterThanOrEqual(12);
    expect(w[2]).toBeLessThan(textUnits("市民医療センター事務部総務課") + 2);
    expect(w[1]).toBeGreaterThanOrEqual(20);
  });
});

describe("planPublishedList: name and department share the width", () => {
  it("gives the width to the long names when only one department is long (fewest printed lines)", () => {
    // Names of 16 wide characters print 29.6 units (1.85 each): one line from a 31-unit column (30.25 usable).
    // One department of 14 (25.9 units) would need 27: giving it that makes every name two lines.
    const items = ["一", "二", "三"].map((k, i) =>
      item({ key: String(i + 1), name: k.repeat(16), grade: "A", row: 5 + i, department: "市民課" }),
    );
    items.push(item({ key: "4", name: "短い名前", grade: "A", row: 8, department: "市民医療センター事務部総務課" }));
    const evs = [evaluation("R3", 2021, items), evaluation("総括", null, items)];
    const w = planPublishedList("評価一覧", publishedList(evs, DEFAULT_RULES, JA, "システム", "P.")).columnWidths;
    expect(w[1]).toBeGreaterThanOrEqual(31);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PUBLISHED_UNITS);
  });
});

describe("planPublishedList", () => {
  const items = Array.from({ length: 8 }, (_, i) =>
    item({
      key: String(i + 1),
      name: `${"情報".repeat(i + 1)}システム`,
      grade: "A",
      row: 5 + i,
      group: i < 4 ? "ビジョン1. 市民サービス" : "ビジョン2. 行政経営",
      department: "市民医療センター事務部総務課",
    }),
  );
  const evs = [evaluation("平成25年度", 2013, items), evaluation("総括", null, items)];
  const list = publishedList(evs, DEFAULT_RULES, JA, "システム", "P.");
  const plan = planPublishedList("評価一覧", list);

  it("has the title, two header rows (評価結果 over the evaluations) and a heading row spanning the table", () => {
    expect(plan.rows[0]).toEqual(["表4-1 平成25年度進捗状況評価結果一覧"]);
    expect(plan.rows[1]).toEqual(["P.", "システム名", "主担当課", "評価結果"]);
    expect(plan.rows[2]).toEqual([null, null, null, "平成25年度", "総括"]);
    expect(plan.rows[3]).toEqual(["ビジョン1. 市民サービス"]);
    expect(plan.merges).toContainEqual({ top: 3, left: 0, bottom: 3, right: 4 });
    expect(plan.merges).toContainEqual({ top: 1, left: 3, bottom: 1, right: 4 });
    expect(plan.pageLayout).toMatchObject({
      orientation: "portrait",
      paperSize: "A4",
      printTitleRows: { first: 1, last: 2 },
    });
  });

  it("fits the page and keeps every label whole: the year header and the grades on one line, the number readable", () => {
    const w = plan.columnWidths;
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PUBLISHED_UNITS);
    // 「平成25年度」 is 10 units; a column narrower than that broke it 「平成25年 / 度」.
    expect(w[3]).toBeGreaterThanOrEqual(textUnits("平成25年度") + 1);
    expect(w[0]).toBeGreaterThanOrEqual(3);
    expect(w[1]).toBeGreaterThanOrEqual(20);
  });
});
