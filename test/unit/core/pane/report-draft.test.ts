/** 設定 › 報告書: the report's wording and numbering as typed, back to rules.report (checked by the --rules schema). */
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { applyDraft, draftOf } from "../../../../src/core/pane/rules-draft";
import { parseReportNumber, reportDraftOf } from "../../../../src/core/pane/report-draft";

test("the defaults are the report's look: 表3-1, 図3-1, 表4-1, no total row, the excluded note, no reviewers' sheets, no movement table", () => {
  expect(reportDraftOf(DEFAULT_RULES.report)).toEqual({
    itemNoun: "",
    summaryTables: "3-1",
    figures: "3-1",
    listTable: "4-1",
    totalRow: false,
    notes: "excluded",
    includeReviewSheets: false,
    movementTable: false,
  });
});

test("numbers as typed (full-width too), a noun, a total row, the movement table: saved in rules.report", () => {
  const d = draftOf(DEFAULT_RULES);
  const r = applyDraft(DEFAULT_RULES, {
    ...d,
    report: {
      ...d.report,
      itemNoun: " 事業 ",
      summaryTables: "５－２",
      figures: "5-3",
      listTable: "6-1",
      totalRow: true,
      movementTable: true,
    },
  });
  expect(r.ok && r.rules.report).toEqual({
    itemNoun: "事業",
    summaryTables: { chapter: 5, start: 2 },
    figures: { chapter: 5, start: 3 },
    listTable: { chapter: 6, start: 1 },
    totalRow: true,
    notes: "excluded",
    includeReviewSheets: false,
    movementTable: true,
  });
});

test("a number that is not 「3-1」 is refused at its field; a blank noun means 「from the sheets」", () => {
  const d = draftOf(DEFAULT_RULES);
  const bad = applyDraft(DEFAULT_RULES, { ...d, report: { ...d.report, figures: "三", listTable: "4-0" } });
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["report.figures", "report.listTable"]);
  expect(parseReportNumber("3 - 1")).toEqual({ chapter: 3, start: 1 });
  expect(parseReportNumber("3")).toBeNull();
  const blank = applyDraft(DEFAULT_RULES, { ...d, report: { ...d.report, itemNoun: "  " } });
  expect(blank.ok && blank.rules.report.itemNoun).toBeNull();
});
