/**
 * Sheets this add-in generated, recognised by their layout when they carry no owner marker (written by an
 * earlier version, or copied without the marker): 評価一覧's and 要確認's header rows, 評価集計's title. Such a
 * sheet is never read as data — its items would be counted twice — and is listed as skipped. It is still not ours
 * to write (ownership is by marker only): a new generated sheet takes another name.
 * Header rows of every version so far (Japanese and English), from the first cut to the report-shaped sheets.
 */
import type { SheetSnapshot } from "./model/snapshot";

export type GeneratedKind = "summary" | "list" | "review";

/** Leading header cells of 評価一覧 in every version (later columns changed names). */
const LIST_HEADS = [
  ["評価", "No", "項目", "区分", "担当課", "評価指標", "目標", "実績", "達成率"],
  ["Evaluation", "No", "Item", "Group", "Department", "Indicator", "Target", "Actual", "Achievement"],
];
const REVIEW_HEADS = [
  ["評価", "シート", "行", "内容", "元の行"],
  ["Evaluation", "Sheet", "Row", "Reason", "Source row"],
];
/** 「表3-1 評価結果（ビジョン毎）」, and the first cut's 「表3-1 評価結果（R3）」; English likewise. */
const SUMMARY_TITLE = /^(?:表3-\d+ 評価結果（.+）|Table 3-\d+ Evaluation results (?:by .+|\(.+\)))$/;

/** Rows near the top that are looked at (a title row or two may stand above the header). */
const TOP_ROWS = 4;

function startsWith(row: string[], head: string[]): boolean {
  return head.every((h, i) => (row[i] ?? "").trim() === h);
}

/** Which of our generated layouts the sheet has, or null. */
export function recogniseGeneratedLayout(sheet: SheetSnapshot): GeneratedKind | null {
  // the header starts in column A: the block's left edge must be column A for a row to be compared from its start
  if (sheet.origin.col !== 0) return null;
  const rows = sheet.text.slice(0, Math.max(0, TOP_ROWS - sheet.origin.row));
  for (const row of rows) {
    if (LIST_HEADS.some((h) => startsWith(row, h))) return "list";
    if (REVIEW_HEADS.some((h) => startsWith(row, h))) return "review";
    if (SUMMARY_TITLE.test((row[0] ?? "").trim())) return "summary";
  }
  return null;
}
