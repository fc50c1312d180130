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
  ['unknown grade "S"', "badGrade", "評価「S」は評価区分にありません"],
  ["self grade without an actual (A)", "gradeWithoutActual", "自己評価 A がありますが、実績がありません"],
  ["actual without a self grade", "actualWithoutGrade", "実績はありますが、自己評価が空欄です"],
  ["電子申請の利用率: share above 100% (120%)", "shareOver100", "電子申請の利用率：割合の実績が100%を超えています（120%）"],
  ["貸出: units differ (target 冊, actual 人)", "unitDiffers", "貸出：目標と実績の単位が違います（目標 冊、実績 人）"],
  ["来館者数: target changed from last year (R4 60000人 → R5 70000人)", "targetChanged", "来館者数：目標が前年度から変わっています（R4 60000人 → R5 70000人）"],
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
