import { reasonEn, reasonJa, reviewKind } from "../../../../src/core/pane/review-kind";

test.each([
  ["self A, suggested C", "disagreement", "自己評価 A、評価案 C"],
  ['self "-", suggested B', "disagreement", "自己評価「-」、評価案 B"],
  ["excluded: -", "excluded", "評価対象外（「-」と記入）"],
  ["excluded: 評価期間前", "excluded", "評価対象外（評価期間前）"],
  // No target / actual for the year is 対象外, as the result card counts it (issue 18: one vocabulary).
  ["excluded: no actual for the year", "excluded", "評価対象外（当該年度の実績がありません）"],
  ["excluded: unreadable value", "unreadable", "読取不可：数値として読めない値"],
  ["dropped from last year (R4 B → R5 C)", "dropped", "前年度から下がった（R4 B → R5 C）"],
  ["最大待ち時間: unreadable value", "unreadable", "最大待ち時間：数値として読めない値"],
  ['unknown grade "S"', "unreadable", "評価「S」は評価区分にありません"],
])("%s → %s, 「%s」", (reason, kind, ja) => {
  expect(reviewKind({ reason })).toBe(kind);
  expect(reasonJa(reason)).toBe(ja);
});

test.each([
  ["excluded: -", 'the cell says "-"'],
  ["excluded: no actual for the year", "no actual for the year"],
  ["self A, suggested C", "self A, suggested C"],
])("English: %s → %s (the badge names the kind)", (reason, en) => {
  expect(reasonEn(reason)).toBe(en);
});
