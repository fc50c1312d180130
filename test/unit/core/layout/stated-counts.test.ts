/**
 * Issue 16, item 7: a totals sentence below a table is not an item; the counts it states are compared with ours.
 */
import { statedCounts } from "../../../../src/core/layout/total-row";
import { reviewSheets, sheetOf, type CellSpec } from "../helpers";

describe("totals sentences", () => {
  it.each<[string, Record<string, number>]>([
    ["A評価8件、B評価7件、C評価1件", { A: 8, B: 7, C: 1 }],
    ["評価A：3件、評価B：2件", { A: 3, B: 2 }],
    ["Ｓ評価１件，Ａ評価４件，Ｂ評価０件", { S: 1, A: 4, B: 0 }],
    ["合計16件（A評価8件、B評価7件、C評価1件）", { A: 8, B: 7, C: 1 }],
    ["A評価 12件", { A: 12 }],
  ])("%s", (text, counts) => {
    expect(statedCounts(text)).toEqual(counts);
  });

  it.each(["A棟の改修 3件", "電子申請 1,200件", "Bコース2件を実施し、参加者が増えた", "8件"])(
    "%s is not one",
    (text) => {
      expect(statedCounts(text)).toBeNull();
    },
  );
});

describe("a sheet's own counts", () => {
  // 110/80/50 not needed: default bands. 1,200/1,000 = 120 % → A (self A); 90/100 = 90 % → B (self B);
  // 40/100 = 40 % → D (self C).
  const table: CellSpec[][] = [
    ["No", "事業名", "指標名", "目標", "実績", "評価"],
    [1, "電子申請", "申請件数", 1000, 1200, "A"],
    [2, "窓口改善", "利用者数", 100, 90, "B"],
    [3, "職員研修", "受講者数", 100, 40, "C"],
    [],
  ];

  it("is not an item, and agrees with ours: nothing listed but the disagreement", () => {
    const ev = reviewSheets([sheetOf("評価", [...table, ["A評価1件、B評価1件、C評価1件"]])]).summary.evaluations[0]!;
    expect(ev.items.map((i) => i.name)).toEqual(["電子申請", "窓口改善", "職員研修"]);
    expect(ev.review.map((r) => r.reason)).toEqual(["self C, suggested D"]);
  });

  it("differs from ours: listed on 要確認 with both counts", () => {
    const r = reviewSheets([sheetOf("評価", [...table, ["A評価2件、B評価1件"]])]);
    const ev = r.summary.evaluations[0]!;
    expect(ev.items).toHaveLength(3);
    expect(ev.review.map((x) => [x.row, x.reason])).toEqual([
      [4, "self C, suggested D"],
      [6, "sheet states A 2, B 1; counted A 1, B 1, C 1"],
    ]);
    const review = r.plans.find((p) => p.role === "review")!;
    expect(review.rows.flat()).toContain("シートの記載「A評価2件、B評価1件」と集計（A 1件、B 1件、C 1件）が異なります");
  });
});
