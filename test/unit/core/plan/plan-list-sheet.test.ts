/**
 * The reviewers' detail list (評価一覧, issue 18): a 次の評価まで column in the words of この行, and one column per
 * fiscal year where the workbook holds several. Grades by year come from the Suita fixture's expected file
 * (令和元年度 in `otherYears`, 令和２年度 in `evaluations[0]`); the figures to the next grade are worked out by hand
 * from the default bands (A ≥ 100 %, B ≥ 80 %, C ≥ 50 %).
 */
import expected from "../../../fixtures/suita-5year-plan.expected.json";
import { reviewFixture } from "../../../helpers/review-fixture";
import { reviewSheets, sheetOf } from "../helpers";
import type { SheetPlan } from "../../../../src/core/model/sheet-plan";
import type { ReviewResult } from "../../../../src/core/run-review";

function listOf(r: ReviewResult): SheetPlan {
  return r.plans.find((p) => p.role === "list")!;
}

/** The list's rows as records by header (the header row's text). */
function records(list: SheetPlan): Record<string, unknown>[] {
  const head = list.rows[0]!.slice(0, list.table!.range.right + 1) as string[];
  return list.rows.slice(1).map((row) => Object.fromEntries(head.map((h, c) => [h, row[c] ?? null])));
}

describe("Suita (令和元年度 and 令和２年度 in year columns)", () => {
  let r: ReviewResult;
  beforeAll(async () => {
    r = await reviewFixture("suita-5year-plan.xlsx");
  });

  it("has one column per year, 「R1 評価」「R2 評価」, after the item's grades and before 次の評価まで", () => {
    const head = listOf(r).rows[0]!;
    const at = (h: string) => head.indexOf(h);
    expect(at("R1 評価")).toBe(at("項目の\n採用評価") + 1);
    expect(at("R2 評価")).toBe(at("R1 評価") + 1);
    expect(at("次の評価まで")).toBe(at("R2 評価") + 1);
    expect(at("理由")).toBe(at("次の評価まで") + 1);
    expect(head[listOf(r).table!.range.right]).toBe("元の行");
  });

  it("shows each item's grade of both years as the fixture expects (「-」 where a year was not graded)", () => {
    const byYear = (items: { no: string; grade: string | null }[]) => new Map(items.map((i) => [i.no, i.grade ?? "-"]));
    const r1 = byYear(expected.otherYears["令和元年度"].items);
    const r2 = byYear(expected.evaluations[0]!.items);
    const rows = records(listOf(r));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const no = row["No"] as string;
      expect({ no, R1: row["R1 評価"], R2: row["R2 評価"] }).toEqual({ no, R1: r1.get(no), R2: r2.get(no) });
    }
    // The movers a reviewer looks for: ⑭ ドローン A → C, ⑳ 研修 C → A, ⑲ not graded in 令和元年度.
    const first = (no: string) => rows.find((x) => x["No"] === no)!;
    expect([first("⑭")["R1 評価"], first("⑭")["R2 評価"]]).toEqual(["A", "C"]);
    expect([first("⑳")["R1 評価"], first("⑳")["R2 評価"]]).toEqual(["C", "A"]);
    expect([first("⑲")["R1 評価"], first("⑲")["R2 評価"]]).toEqual(["-", "A"]);
  });

  it("says what each indicator needs for the next grade, in この行's words", () => {
    const toNext = new Map(records(listOf(r)).map((x) => [x["評価指標"], x["次の評価まで"]]));
    // 特定保健指導実施率: target 65 %, actual 35.4 %; B from 0.8 × 65 = 52.0 %, 16.6 points more.
    expect(toNext.get("特定保健指導実施率（％）")).toBe("B まであと 16.6 ポイント（実績 52.0% 以上で B）");
    // 電子納税件数: target 36,000件, actual 11,584件; C from 0.5 × 36,000 = 18,000件, 6,416件 more.
    expect(toNext.get("電子納税件数（件）")).toBe("C まであと 6,416件（実績 18,000件 以上で C）");
    // ドローン操縦資格: target 8人, actual 6人; B from 0.8 × 8 = 6.4, so 7人 (whole people), 1人 more.
    expect(toNext.get("ドローン操縦資格を持つ職員数（人）")).toBe("B まであと 1人（実績 7人 以上で B）");
    // At the top grade (A: 32.8 % of 20 %) nothing; no target for the year: 目標未設定.
    expect(toNext.get("電子申込システム利用率(%)")).toBe("");
    expect(toNext.get("公開型GISの年間利用者数（人）")).toBe("目標未設定");
  });

  it("colours the year columns' grades like the other grade columns, and prints them", () => {
    const list = listOf(r);
    const head = list.rows[0]!;
    const [r1, r2, toNext] = ["R1 評価", "R2 評価", "次の評価まで"].map((h) => head.indexOf(h)) as [number, number, number];
    const colours = list.conditionalFormats[0]!.range;
    expect(colours.left).toBeLessThanOrEqual(r1);
    expect(colours.right).toBe(r2);
    const print = list.pageLayout!.printArea!;
    expect(print.right).toBeGreaterThanOrEqual(toNext);
    expect(print.right).toBe(list.table!.range.right - 1); // all but 元の行
    expect(list.rows[0]![list.table!.range.right + 1]).toBe("※印刷しない列：元の行");
  });

  it("keeps every header word whole (「R1」「評価」, 「次の評価まで」 on one line) and goes to A3 landscape", () => {
    // Whether it prints at ≥ 8 pt is checked on the PDF (test/integration/report/report-pdf.test.ts).
    const list = listOf(r);
    const w = (h: string) => list.columnWidths[list.rows[0]!.indexOf(h)]!;
    expect(w("R1 評価")).toBeGreaterThanOrEqual(6);
    expect(w("次の評価まで")).toBeGreaterThanOrEqual(14);
    expect(list.pageLayout).toMatchObject({ paperSize: "A3", orientation: "landscape", fitToWidth: true });
  });
});

describe("a workbook with one year", () => {
  const r = reviewSheets([
    sheetOf("進捗", [
      ["No", "事業名", "指標", "目標", "実績"],
      ["1", "電子申請", "オンライン化率", "20%", "6%"], // R = 30 % → D; C from 0.5 × 20 % = 10.0 %
      ["2", "窓口", "最大待ち時間", "15分以内", "40分"], // lower is better: R = 15 / 40 = 37.5 % → D; C at ≤ 30分
      ["3", "図書館", "来館者数", "1,000", "1,200"], // 120 % → A: nothing above
      ["4", "講座", "受講者数", "", "50"], // no target
    ]),
  ]);

  it("has no year columns: the header is the list's with 次の評価まで before 理由", () => {
    expect(listOf(r).rows[0]!.slice(0, listOf(r).table!.range.right + 1)).toEqual([
      "評価", "No", "項目", "区分", "担当課", "評価指標", "目標", "実績", "達成率",
      "指標の\n評価", "項目の\n自己評価", "項目の\n採用評価", "次の評価まで", "理由", "元の行",
    ]);
  });

  it("words the next grade both ways, and leaves the top grade empty", () => {
    expect(records(listOf(r)).map((x) => x["次の評価まで"])).toEqual([
      "C まであと 4.0 ポイント（実績 10.0% 以上で C）",
      "C まであと 10分（実績 30分 以下で C）",
      "",
      "目標未設定",
    ]);
  });

  it("links 元の行 to each source row from its own column", () => {
    const list = listOf(r);
    const source = list.rows[0]!.indexOf("元の行");
    expect(list.links.map((l) => [l.col, l.address])).toEqual([
      [source, "A2"],
      [source, "A3"],
      [source, "A4"],
      [source, "A5"],
    ]);
  });
});
