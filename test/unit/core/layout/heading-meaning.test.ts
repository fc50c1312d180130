/**
 * Issue 16, item 1 and 8: column roles from what a heading means and from what the column holds, as the
 * prefectural libraries' evaluation tables write them. Expected grades are worked out by hand from each
 * publisher's bands (110/90/60: A ≥ 110 %, B ≥ 90 %, C ≥ 60 %, D below).
 */
import fc from "fast-check";
import { reviewSheets, rulesWith, sheetOf, BANDS_110_90_60, type CellSpec } from "../helpers";
import { detectTable } from "../../../../src/core/layout/detect-header";
import { SheetGrid } from "../../../../src/core/layout/sheet-grid";

const RULES = rulesWith({ bands: BANDS_110_90_60 });

function roles(rows: CellSpec[][]) {
  const d = detectTable(new SheetGrid(sheetOf("表", rows)));
  if (!d.ok) throw new Error(d.reasonJa);
  return d.layout.columns.map((c) => [c.header, c.role, c.confidence]);
}

describe("headings read by meaning (重点取組業務 / 数値目標 / 活動実績)", () => {
  // Library 1, 令和5年度 重点取組の評価:
  //   1 レファレンス 5,000件 / 5,600件 = 112 %  → A (self A)
  //   2 講座         20回 / 15回       = 75 %   → C (self C)
  //   3 展示         12回 / 6回        = 50 %   → D (self C: adopted C, listed)
  const rows: CellSpec[][] = [
    ["令和5年度 重点取組の評価"],
    ["No", "重点取組業務", "数値目標", "活動実績", "評価"],
    [1, "レファレンスサービスの充実", "5,000件", "5,600件", "A"],
    [2, "図書館講座の開催", "20回", "15回", "C"],
    [3, "企画展示の実施", "12回", "6回", "C"],
  ];

  it("maps item, target and actual with the confidence of a guess", () => {
    expect(roles(rows)).toEqual([
      ["No", "key", 1],
      ["重点取組業務", "item", 0.7],
      ["数値目標", "target", 0.75],
      ["活動実績", "actual", 0.75],
      ["評価", "selfGrade", 1],
    ]);
  });

  it("grades every row as the publisher did, and lists the one disagreement", () => {
    const ev = reviewSheets([sheetOf("重点取組", rows)], RULES).summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.name, i.suggestedGrade, i.grade])).toEqual([
      ["レファレンスサービスの充実", "A", "A"],
      ["図書館講座の開催", "C", "C"],
      ["企画展示の実施", "D", "C"],
    ]);
    expect(ev.review.map((r) => r.reason)).toEqual(["self C, suggested D"]);
  });
});

describe("評価項目 is the indicator, 具体的方策 the item, 実績値(R5) the actual of 令和5年度", () => {
  // Library 2: 110/90/60.  1 来館者数 200,000人 / 185,000人 = 92.5 % → B;  2 相談件数 300件 / 390件 = 130 % → A.
  const rows: CellSpec[][] = [
    ["No", "具体的方策", "評価項目", "目標値", "実績値(R5)", "評価"],
    [1, "魅力ある施設づくり", "来館者数", "200,000人", "185,000人", "B"],
    [2, "相談体制の強化", "相談件数", "300件", "390件", "A"],
  ];

  it("reads the roles", () => {
    const r = roles(rows);
    expect(r.map((x) => x[1])).toEqual(["key", "item", "indicator", "target", "actual", "selfGrade"]);
  });

  it("names indicators and items by their text and grades them", () => {
    const ev = reviewSheets([sheetOf("評価", rows)], RULES).summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.items.map((i) => [i.name, i.indicators[0]!.name, i.suggestedGrade])).toEqual([
      ["魅力ある施設づくり", "来館者数", "B"],
      ["相談体制の強化", "相談件数", "A"],
    ]);
    expect(ev.review).toEqual([]);
  });
});

describe("a column is an actual by what it holds, beside the target", () => {
  it("takes the numbers right of 数値目標 under an unknown heading as the actuals, with a low confidence", () => {
    const rows: CellSpec[][] = [
      ["No", "事業名", "数値目標", "到達値", "評価"],
      [1, "読書推進", "1,000人", "1,100人", "A"],
    ];
    const r = roles(rows);
    expect(r[3]).toEqual(["到達値", "actual", 0.5]);
    const ev = reviewSheets([sheetOf("s", rows)], RULES).summary.evaluations[0]!;
    // 1,100 / 1,000 = 110 % → A
    expect(ev.items[0]!.suggestedGrade).toBe("A");
  });
});

describe("a table whose target and actual are not found is never silent", () => {
  it("lists every row on 要確認 when indicators are named but no actual column is found", () => {
    const rows: CellSpec[][] = [
      ["No", "事業名", "評価指標", "目標", "評価"],
      [1, "読書推進", "参加者数", "1,000人", "A"],
      [2, "資料整備", "蔵書数", "10,000冊", "B"],
    ];
    const ev = reviewSheets([sheetOf("s", rows)], RULES).summary.evaluations[0]!;
    expect(ev.items.map((i) => i.grade)).toEqual(["A", "B"]);
    expect(ev.review.map((r) => [r.row, r.reason])).toEqual([
      [2, "no suggestion: the target and actual columns were not found"],
      [3, "no suggestion: the target and actual columns were not found"],
    ]);
  });

  it("a table of self grades alone (no indicator named) stays as it was", () => {
    const rows: CellSpec[][] = [
      ["No", "事業名", "評価"],
      [1, "読書推進", "A"],
    ];
    expect(reviewSheets([sheetOf("s", rows)], RULES).summary.evaluations[0]!.review).toEqual([]);
  });
});

describe("item 8: a No column of numbers and an unknown name heading", () => {
  it("names the items by the text column, not 「1」「2」", () => {
    const rows: CellSpec[][] = [
      ["No", "内容", "目標", "実績", "評価"],
      [1, "児童書の充実", "500冊", "550冊", "A"],
      [2, "郷土資料のデジタル化", "100点", "95点", "B"],
    ];
    const ev = reviewSheets([sheetOf("s", rows)], RULES).summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.key, i.name])).toEqual([
      ["1", "児童書の充実"],
      ["2", "郷土資料のデジタル化"],
    ]);
    // 550 / 500 = 110 % → A; 95 / 100 = 95 % → B
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["A", "B"]);
  });
});


describe("property: headings that contain 目標 / 実績 / an undertaking word get their role", () => {
  const pick = (xs: string[]) => fc.constantFrom(...xs);
  it("reads any such heading set, and grades the row from it", () => {
    fc.assert(
      fc.property(
        pick(["数値", "成果", "活動", "年間", "令和5年度の", "事業"]),
        pick(["", "値", "数値", "（件）", "水準"]),
        pick(["活動", "事業", "年間", "取組", "利用"]),
        pick(["", "値", "数", "（件）"]),
        pick(["重点取組業務", "具体的方策", "主要事業", "取組項目", "主な活動"]),
        (tPre, tSuf, aPre, aSuf, itemWord) => {
          const rows: CellSpec[][] = [
            ["No", itemWord, `${tPre}目標${tSuf}`, `${aPre}実績${aSuf}`, "評価"],
            [1, "読書推進", "1,000人", "950人", "B"],
          ];
          const r = roles(rows).map((x) => x[1]);
          expect(r).toEqual(["key", "item", "target", "actual", "selfGrade"]);
          // 950 / 1,000 = 95 % → B (110/90/60)
          const ev = reviewSheets([sheetOf("s", rows)], RULES).summary.evaluations[0]!;
          expect(ev.items[0]!.suggestedGrade).toBe("B");
        },
      ),
      { numRuns: 150 },
    );
  });
});
