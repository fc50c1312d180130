/**
 * 要確認: what a reviewer must look at — disagreements between self and
 * suggested grades, unreadable values, exclusions, and skipped sheets —
 * each with a link to its source row.
 */
import type { PlanLink, PlanValue, SheetPlan } from "../model/sheet-plan";
import type { GradedEvaluation } from "../grading/evaluate-items";
import type { SheetLabels } from "../i18n/sheet-labels";

export function planReviewSheet(
  name: string,
  evaluations: GradedEvaluation[],
  skipped: { sheet: string; reasonJa: string }[],
  L: SheetLabels,
): SheetPlan {
  const rows: PlanValue[][] = [L.reviewHeaders.slice()];
  const links: PlanLink[] = [];
  for (const s of skipped) rows.push(["―", s.sheet, null, `${L.skippedSheet}：${s.reasonJa}`, null]);
  for (const ev of evaluations) {
    for (const e of ev.review) {
      const r = rows.length;
      rows.push([ev.label, e.sheet, e.row, e.reasonJa ?? e.reason, null]);
      links.push({ row: r, col: 4, sheet: e.sheet, address: `A${e.row}`, text: `${e.sheet}!${e.row}` });
    }
  }
  const last = rows.length - 1;
  return {
    role: "review",
    name,
    tabColor: "#C00000",
    rows,
    formats: [
      { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "header" },
      ...(last >= 1
        ? [
            { range: { top: 1, left: 0, bottom: last, right: 1 }, numberFormat: "@", style: "body" as const },
            { range: { top: 1, left: 2, bottom: last, right: 2 }, numberFormat: "0", style: "body" as const },
            { range: { top: 1, left: 3, bottom: last, right: 4 }, numberFormat: "@", style: "body" as const },
          ]
        : []),
    ],
    merges: [],
    columnWidths: [12, 24, 6, 80, 18],
    freeze: { rows: 1, cols: 0 },
    links,
    conditionalFormats: [],
    charts: [],
    pageLayout: {
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: { first: 0, last: 0 },
      centerFooter: "&P / &N",
    },
  };
}
