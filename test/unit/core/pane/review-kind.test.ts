import { reasonJa, reviewKind } from "../../../../src/core/pane/review-kind";

test.each([
  ["self A, suggested C", "disagreement", "自己評価 A、提案 C"],
  ['self "-", suggested B', "disagreement", "自己評価「-」、提案 B"],
  ["excluded: -", "excluded", "評価対象外（-）"],
  ["excluded: no actual for the year", "unreadable", "評価対象外（当該年度の実績がありません）"],
  ["最大待ち時間: unreadable value", "unreadable", "最大待ち時間：数値として読めない値"],
  ['unknown grade "S"', "unreadable", "評価「S」は評価区分にありません"],
])("%s → %s, 「%s」", (reason, kind, ja) => {
  expect(reviewKind({ reason })).toBe(kind);
  expect(reasonJa(reason)).toBe(ja);
});
