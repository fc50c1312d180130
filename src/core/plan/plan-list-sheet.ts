/**
 * 評価一覧 (the 表4-1 shape): one row per indicator (or per item without
 * indicators) and evaluation, with target, actual, R, suggested / self /
 * adopted grade, the item's grade in each year the workbook holds, 次の評価まで,
 * the reason, and a link to the source row; an Excel table with filters and
 * grade colours that keep their letter.
 */
import type { Rules } from "../model/settings";
import type { PlanLink, PlanValue, RangeFormat, SheetPlan } from "../model/sheet-plan";
import type { GradedEvaluation } from "../grading/evaluate-items";
import type { SheetLabels } from "../i18n/sheet-labels";
import { groupThousands } from "../i18n/number-text";
import { nextGradeText } from "../i18n/next-grade-text";
import { formatFiscalYearShort } from "../japanese/fiscal-year";
import { PAGE_FOOTER, PRINT_MARGINS } from "./plan-styles";
import { textUnits } from "./row-heights";

/**
 * Narrow enough that the printed columns fit A3 landscape at ≥ 8 pt even where a width unit is 10 px
 * (LibreOffice without Calibri); wrapped rows grow instead. Evaluation … item grade, then (after the year columns)
 * 次の評価まで, 理由 and 元の行.
 */
const LEAD_WIDTHS = [9, 5, 26, 22, 14, 26, 10, 10, 8, 7, 7, 7];
const TO_NEXT_WIDTH = 20;
/** 理由 gives up the width the added columns take, down to this (its text wraps instead). */
const REASON_WIDTH = 44;
const REASON_MIN_WIDTH = 26;
const SOURCE_WIDTH = 18;
/** A year's grade column (「R3 評価」 breaks between its two words). */
const YEAR_WIDTH = 6;
/** The note naming the columns left out of print, beside the header: one line. */
const NOTE_WIDTH = 30;
/** Widest table (in width units) that still prints at ≥ 8 pt on A4 landscape; wider goes to A3 (REPORT.md §2). */
const A4_MAX_UNITS = 190;
/** Columns before the year columns: 評価 … 項目の採用評価. */
const LEAD_COLUMNS = LEAD_WIDTHS.length;

export const GRADE_COLOURS: { fill: string; fontColor: string }[] = [
  { fill: "#C6EFCE", fontColor: "#006100" },
  { fill: "#DDEBF7", fontColor: "#1F4E78" },
  { fill: "#FFEB9C", fontColor: "#9C5700" },
  { fill: "#FFC7CE", fontColor: "#9C0006" },
  { fill: "#E7E6E6", fontColor: "#3A3838" },
  { fill: "#E7E6E6", fontColor: "#3A3838" },
];

/** "#,##0.##" would show "20,000." for whole numbers, so whole and fractional values get their own formats. */
function numberFormatFor(unit: string | null, whole: boolean): string {
  if (unit === "%") return "0.0#%";
  const n = whole ? "#,##0" : "#,##0.0##";
  if (!unit) return n;
  return `${n}"${unit.replace(/"/g, "")}"`;
}

/** A value with its unit as text: 4,800冊, 75% (a percent is stored as a fraction). */
function asRead(value: number, unit: string): string {
  const n = unit === "%" ? Number((value * 100).toPrecision(12)) : value;
  return `${groupThousands(String(n))}${unit}`;
}

/** Fiscal years of the items' histories, oldest first; none when the workbook holds one year. */
export function historyYears(evaluations: GradedEvaluation[]): number[] {
  const years = new Set<number>();
  for (const ev of evaluations) for (const it of ev.items) for (const h of it.history ?? []) years.add(h.fiscalYear);
  return years.size >= 2 ? [...years].sort((a, b) => a - b) : [];
}

export function planListSheet(
  name: string,
  evaluations: GradedEvaluation[],
  rules: Rules,
  L: SheetLabels,
): SheetPlan {
  const years = historyYears(evaluations);
  const toNextCol = LEAD_COLUMNS + years.length;
  const reasonCol = toNextCol + 1;
  const sourceCol = reasonCol + 1;
  const noteCol = sourceCol + 1;
  const headers = [
    ...L.listHeaders.slice(0, LEAD_COLUMNS),
    ...years.map((y) => L.listHistoryHeader(formatFiscalYearShort(y))),
    L.listToNextHeader,
    ...L.listHeaders.slice(LEAD_COLUMNS),
  ];
  const rows: PlanValue[][] = [headers.slice()];
  const links: PlanLink[] = [];
  const valueFormats: { row: number; format: string }[] = [];
  for (const ev of evaluations) {
    for (const it of ev.items) {
      const lines = it.indicators.length > 0 ? it.indicators : [null];
      // The item's grade in each year (「-」: listed that year but not graded; empty: not in that year's data).
      const gradeOf = new Map((it.history ?? []).map((h) => [h.fiscalYear, h.grade ?? L.publishedExcluded]));
      const yearCells = years.map((y) => gradeOf.get(y) ?? "");
      lines.forEach((ind, k) => {
        const r = rows.length;
        const reason = ind ? (it.indicatorReasonsJa[k] ?? ind.reason) : (it.excludedReasonJa ?? "");
        rows.push([
          ev.label,
          it.key,
          it.name,
          it.group ?? it.sheet,
          it.department ?? "",
          ind?.name ?? "",
          ind?.target ?? null,
          // An actual in another unit than the target's (listed, not graded) is shown as read, with its own unit.
          ind?.actualUnit && ind.actual !== null ? asRead(ind.actual, ind.actualUnit) : (ind?.actual ?? null),
          ind?.achievement ?? null,
          // An indicator that is not graded says so, beside its item's grades (issue 10).
          ind ? (ind.grade ?? L.notGraded) : (it.suggestedGrade ?? ""),
          it.selfGrade ?? "",
          it.grade ?? (it.excludedReasonJa ? "対象外" : ""),
          ...yearCells,
          ind ? nextGradeText(ind, L.toNext) : "",
          groupThousands(reason),
          null,
        ]);
        const row = ind ? (ind.targetRow ?? it.row) : it.row;
        links.push({ row: r, col: sourceCol, sheet: it.sheet, address: `A${row}`, text: `${it.sheet}!${row}` });
        const whole = Number.isInteger(ind?.target ?? 0) && Number.isInteger(ind?.actual ?? 0);
        valueFormats.push({ row: r, format: numberFormatFor(ind?.unit ?? null, whole) });
      });
    }
  }
  const last = rows.length - 1;
  const lastGradeCol = toNextCol - 1;
  const formats: RangeFormat[] = [{ range: { top: 0, left: 0, bottom: 0, right: sourceCol }, style: "header" }];
  if (last >= 1) {
    // Source text stays text: a name like "=SUM(A1)" or "-5" must not become a formula or a number.
    formats.push({ range: { top: 1, left: 0, bottom: last, right: 5 }, numberFormat: "@", style: "body" });
    formats.push({ range: { top: 1, left: 8, bottom: last, right: 8 }, numberFormat: "0.0%", style: "body" });
    formats.push({ range: { top: 1, left: 9, bottom: last, right: lastGradeCol }, numberFormat: "@", style: "grade" });
    formats.push({ range: { top: 1, left: toNextCol, bottom: last, right: sourceCol }, numberFormat: "@", style: "body" });
    // Target and actual: one format per run of rows with the same unit (ranges, not cells).
    let start = 0;
    for (let i = 1; i <= valueFormats.length; i++) {
      if (i === valueFormats.length || valueFormats[i]!.format !== valueFormats[start]!.format) {
        formats.push({
          range: { top: valueFormats[start]!.row, left: 6, bottom: valueFormats[i - 1]!.row, right: 7 },
          numberFormat: valueFormats[start]!.format,
          style: "body",
        });
        start = i;
      }
    }
  }
  const labels = rules.bands.map((b) => b.label);
  // The added columns take their width from 理由 (down to its minimum), so the table prints at the same scale.
  const added = TO_NEXT_WIDTH + years.length * YEAR_WIDTH;
  const widths = [
    ...LEAD_WIDTHS,
    ...years.map(() => YEAR_WIDTH),
    TO_NEXT_WIDTH,
    Math.max(REASON_MIN_WIDTH, REASON_WIDTH - added),
    SOURCE_WIDTH,
  ];
  // A column at least as wide as its header's longest word (a line of its header, or an English word) and as
  // its evaluation labels (「平成25年度」), so neither breaks inside a word.
  headers.forEach((h, c) => {
    for (const word of h.split(/[\n ]/)) widths[c] = Math.max(widths[c]!, textUnits(word) + 2);
  });
  for (const ev of evaluations) widths[0] = Math.max(widths[0]!, textUnits(ev.label) + 2);
  // Every column prints but the last (元の行, a link that means nothing on paper).
  const printedUnits = widths.slice(0, sourceCol).reduce((a, b) => a + b, 0);
  // Say in the sheet which columns do not print (beside the header, outside the table).
  rows[0]![noteCol] = L.listNotPrinted(headers.slice(sourceCol));
  formats.push({
    range: { top: 0, left: noteCol, bottom: 0, right: noteCol },
    numberFormat: "@",
    style: "note",
  });
  return {
    role: "list",
    name,
    tabColor: "#1F4E78",
    rows,
    formats,
    merges: [],
    columnWidths: [...widths, NOTE_WIDTH],
    freeze: { rows: 1, cols: 0 },
    links,
    table:
      last >= 1
        ? { name: "ProgressReviewList", range: { top: 0, left: 0, bottom: last, right: sourceCol }, style: "TableStyleLight9" }
        : undefined,
    conditionalFormats:
      last >= 1
        ? [
            {
              range: { top: 1, left: 9, bottom: last, right: lastGradeCol },
              // The best grade green, the lowest red on any scale (S–C, AA–D, five levels), the middle ones between.
              rules: labels.map((l, i) => ({
                text: l,
                ...GRADE_COLOURS[i === labels.length - 1 ? 3 : Math.min(i, 2)]!,
              })),
            },
          ]
        : [],
    charts: [],
    pageLayout: {
      orientation: "landscape",
      paperSize: printedUnits <= A4_MAX_UNITS ? "A4" : "A3",
      fitToWidth: true,
      printTitleRows: { first: 0, last: 0 },
      centerFooter: PAGE_FOOTER,
      printArea: { top: 0, left: 0, bottom: last, right: sourceCol - 1 },
      margins: { ...PRINT_MARGINS },
    },
  };
}
