import { RowIndex } from "../../../../src/core/pane/row-index";
import type { ItemResult } from "../../../../src/core/model/summary";

const item = (row: number, targetRow: number, actualRow: number): ItemResult => ({
  sheet: "5か年",
  row,
  key: String(row),
  name: `item ${row}`,
  group: null,
  department: null,
  selfGrade: null,
  suggestedGrade: "A",
  grade: "A",
  excludedReason: null,
  indicators: [{ name: "i", target: 1, actual: 1, unit: null, lowerIsBetter: false, achievement: 1, grade: "A", reason: "", nextGrade: null, targetRow, actualRow }],
});

test("every row of an item (its target and actual rows) finds it, in each evaluation; other rows find nothing", () => {
  const a = item(5, 5, 6);
  const b = item(7, 7, 8);
  const index = new RowIndex({
    evaluations: [
      { label: "R2", fiscalYear: 2020, source: "suggested", groups: [], total: { counts: {}, evaluated: 0, excluded: 0, percent: {}, aOrBPercent: null }, items: [a, b], review: [] },
      { label: "R1", fiscalYear: 2019, source: "suggested", groups: [], total: { counts: {}, evaluated: 0, excluded: 0, percent: {}, aOrBPercent: null }, items: [a], review: [] },
    ],
  });
  expect(index.lookup("5か年", 6).map((h) => [h.evaluation, h.item.name])).toEqual([["R2", "item 5"], ["R1", "item 5"]]);
  expect(index.lookup("5か年", 8).map((h) => h.item.name)).toEqual(["item 7"]);
  expect(index.lookup("5か年", 4)).toEqual([]);
  expect(index.lookup("other", 5)).toEqual([]);
});
