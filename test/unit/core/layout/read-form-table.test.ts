/**
 * Issue 16, item 6: a form layout, one block per indicator as label–value rows (a prefectural library's
 * 評価シート, 110/90/60 bands: A ≥ 110 %, B ≥ 90 %, C ≥ 60 %). By hand:
 *   蔵書の充実   蔵書冊数 790,000冊 / 72万冊 = 91.1 %           → B (self B)
 *                受入冊数 20,000冊 / 21,000冊 = 105 %          → B; the item's lowest: B
 *   読書推進     貸出者数 50,000人 / 40,000人 = 80 %            → C (self B: adopted B, listed)
 */
import { reviewSheets, rulesWith, sheetOf, BANDS_110_90_60, type CellSpec } from "../helpers";

const form: CellSpec[][] = [
  ["令和5年度 図書館評価シート"],
  [],
  ["事業名", "蔵書の充実"],
  ["指標名", "蔵書冊数"],
  ["目標", "790,000冊"],
  ["実績", "72万冊"],
  ["指標名", "受入冊数"],
  ["目標", "20,000冊"],
  ["実績", "21,000冊"],
  ["評価", "B"],
  [],
  ["事業名", "読書推進"],
  ["指標名", "貸出者数"],
  ["目標値", "50,000人"],
  ["実績値", "40,000人"],
  ["評価", "B"],
  [],
  ["※ 評価は担当課による。"],
];

describe("a form of label–value blocks", () => {
  const r = reviewSheets([sheetOf("評価シート", form)], rulesWith({ bands: BANDS_110_90_60 }));
  const ev = r.summary.evaluations[0]!;

  it("is read, not skipped", () => {
    expect(r.skippedSheets).toEqual([]);
    expect(ev.fiscalYear).toBe(2023);
    expect(ev.items.map((i) => [i.name, i.indicators.map((x) => x.name)])).toEqual([
      ["蔵書の充実", ["蔵書冊数", "受入冊数"]],
      ["読書推進", ["貸出者数"]],
    ]);
  });

  it("grades each block as the publisher's bands give", () => {
    expect(ev.items.map((i) => i.indicators.map((x) => x.grade))).toEqual([["B", "B"], ["C"]]);
    expect(ev.items.map((i) => [i.selfGrade, i.suggestedGrade, i.grade])).toEqual([
      ["B", "B", "B"],
      ["B", "C", "B"],
    ]);
    expect(ev.items[0]!.indicators[0]!.achievement).toBeCloseTo(720000 / 790000, 12);
    expect(ev.review.map((x) => [x.row, x.reason])).toEqual([[12, "self B, suggested C"]]);
    expect(ev.total.counts).toEqual({ A: 0, B: 2, C: 0, D: 0 });
  });

  it("blocks without 事業名 are items named by their indicator", () => {
    const ev2 = reviewSheets([
      sheetOf("様式", [
        ["指標名", "来館者数"],
        ["目標", 1000],
        ["実績", 1200],
        ["評価", "A"],
        ["指標名", "相談件数"],
        ["目標", 100],
        ["実績", 50],
        ["評価", "C"],
      ]),
    ]).summary.evaluations[0]!;
    // default bands: 120 % → A; 50 % → C
    expect(ev2.items.map((i) => [i.name, i.suggestedGrade, i.grade])).toEqual([
      ["来館者数", "A", "A"],
      ["相談件数", "C", "C"],
    ]);
  });

  it("a sheet of notes is still skipped", () => {
    const r3 = reviewSheets([sheetOf("記入要領", [["記入要領"], ["目標と実績を記入してください。"]])]);
    expect(r3.skippedSheets.map((s) => s.sheet)).toEqual(["記入要領"]);
  });
});
