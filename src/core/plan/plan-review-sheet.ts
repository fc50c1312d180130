/**
 * 要確認: what a reviewer must look at — disagreements between self and
 * suggested grades, unreadable values, exclusions, and skipped sheets —
 * each with a link to its source row.
 */
import type { PlanLink, PlanValue, SheetPlan } from "../model/sheet-plan";
import type { GradedEvaluation } from "../grading/evaluate-items";
import type { SheetLabels } from "../i18n/sheet-labels";
import { groupThousands } from "../i18n/number-text";
import { PAGE_FOOTER, PRINT_MARGINS } from "./plan-styles";

const COLUMN_WIDTHS = [12, 24, 6, 80, 18];
/** The note naming the columns left out of print, beside the header: one line. */
const NOTE_WIDTH = 30;
/** Printed columns: all but the last (元の行, a link that means nothing on paper). */
const PRINTED_COLUMNS = 4;

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
    // The review list, then the data checks (they need a look, not a decision).
    for (const e of [...ev.review, ...(ev.checks ?? [])]) {
      const r = rows.length;
      rows.push([ev.label, e.sheet, e.row, groupThousands(e.reasonJa ?? e.reason), null]);
      links.push({ row: r, col: 4, sheet: e.sheet, address: `A${e.row}`, text: `${e.sheet}!${e.row}` });
    }
  }
  // Nothing to review: one row that says so, so the printed page is not a header alone.
  if (rows.length === 1) rows.push(["", "", null, L.reviewNone, null]);
  const last = rows.length - 1;
  // Say in the sheet which columns do not print (beside the header, outside the table).
  rows[0]![COLUMN_WIDTHS.length] = L.listNotPrinted(L.reviewHeaders.slice(PRINTED_COLUMNS));
  const notPrintedNote = { top: 0, left: COLUMN_WIDTHS.length, bottom: 0, right: COLUMN_WIDTHS.length };
  return {
    role: "review",
    name,
    tabColor: "#C00000",
    rows,
    formats: [
      { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "header" },
      { range: notPrintedNote, numberFormat: "@", style: "note" as const },
      ...(last >= 1
        ? [
            { range: { top: 1, left: 0, bottom: last, right: 1 }, numberFormat: "@", style: "body" as const },
            { range: { top: 1, left: 2, bottom: last, right: 2 }, numberFormat: "0", style: "body" as const },
            { range: { top: 1, left: 3, bottom: last, right: 4 }, numberFormat: "@", style: "body" as const },
          ]
        : []),
    ],
    merges: [],
    columnWidths: [...COLUMN_WIDTHS, NOTE_WIDTH],
    freeze: { rows: 1, cols: 0 },
    links,
    conditionalFormats: [],
    charts: [],
    pageLayout: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: { first: 0, last: 0 },
      centerFooter: PAGE_FOOTER,
      printArea: { top: 0, left: 0, bottom: last, right: PRINTED_COLUMNS - 1 },
      margins: { ...PRINT_MARGINS },
    },
  };
}
