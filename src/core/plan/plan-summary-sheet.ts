/**
 * 評価集計: per evaluation, the table as the report prints it (表3-1 / 表3-2,
 * REPORT.md §1): title 「表3-N 評価結果（ビジョン毎）」 with the grouping word
 * found in the group names, two merged header rows (「個別システム件数（割合）」
 * with the item noun), one row per group with 「16件 (84%)」 cells that hold
 * the count as a number (each cell's number format carries its own percent,
 * so the counts can be re-added), and the A-or-B share. A total row and the
 * ※ notes are settings (rules.report), right under the table, without gaps;
 * then the numbered charts (図3-N: pie of all items, bars per group) inside
 * the printed page. The charts' data block sits right of the print area.
 * Where the settings ask (rules.report.movementTable) and the workbook holds the year before, 評価の推移
 * (上昇 / 維持 / 低下 / 前年度評価なし per group) follows the notes, inside the printed page: beside the table
 * it would not fit A4 portrait at a readable size.
 */
import type { ReportRules, Rules } from "../model/settings";
import type { Evaluation, MovementCounts } from "../model/summary";
import type { PlanChart, PlanValue, RangeFormat, SheetPlan } from "../model/sheet-plan";
import type { CellRect } from "../model/snapshot";
import type { SheetLabels } from "../i18n/sheet-labels";
import { GRADE_CHART_COLOURS, PAGE_FOOTER, PRINT_MARGINS } from "./plan-styles";
import { fitRowHeights, textUnits } from "./row-heights";
import { formatFiscalYearJa } from "../japanese/fiscal-year";

/** Width units of the printed table (A4 portrait at ≥ 9 pt for 11 pt text, REPORT.md §2). */
const PRINTABLE_UNITS = 83;
/** 「AまたはB」 and 「評価の割合」 each on one line (10 units of text and the cell's padding). */
const AOB_WIDTH = 13;
/** A bar label longer than this (in width units) is cut: the bars, not their labels, are the chart. */
const BAR_LABEL_UNITS = 16;

/** Height of an empty row (Excel's with 游ゴシック 11 pt, taller than LibreOffice's 15 pt). */
const DEFAULT_ROW_PT = 18.75;
/** A4 portrait minus the top and bottom margins (0.6 in each), in points. */
const A4_PORTRAIT_PRINTABLE_PT = 841.89 - 2 * 0.6 * 72;

/** Rows the charts take on the printed page: the pie under the group column, the bars beside it. */
const CHART_ROWS = 15;

/**
 * The word the group names start with (「ビジョン1. …」→ ビジョン, 「基本方針１：…」→ 基本方針)
 * when every group shares it, else null.
 */
export function commonGroupWord(names: string[]): string | null {
  let word: string | null = null;
  for (const n of names) {
    const m = /^([^\d０-９\s.．:：、,，（(]{1,8}?)\s*[0-9０-９]/.exec(n);
    if (!m) return null;
    if (word !== null && word !== m[1]) return null;
    word = m[1]!;
  }
  return word;
}

/** A group's row label: the name without the shared grouping word (「1. 市民本位な…」, as in 表3-1). */
export function rowLabel(name: string, word: string | null): string {
  return word && name.startsWith(word) ? name.slice(word.length).trimStart() : name;
}

/** A group's bar label: 「ビジョン1」 when the name is the word and a number, else the row label, cut short. */
export function shortLabel(name: string, word: string | null): string {
  const m = word && name.startsWith(word) ? /^\s*([0-9０-９]+)/.exec(name.slice(word.length)) : null;
  if (m) return `${word}${m[1]}`;
  const label = rowLabel(name, word);
  if (textUnits(label) <= BAR_LABEL_UNITS) return label;
  let cut = "";
  for (const ch of label) {
    if (textUnits(cut + ch) > BAR_LABEL_UNITS - 2) break;
    cut += ch;
  }
  return `${cut}…`;
}

/** 「3-1」: the chapter and the n-th number of a run that starts where the settings say. */
export function reportNumber(numbering: ReportRules["summaryTables"], n: number): string {
  return `${numbering.chapter}-${numbering.start + n}`;
}

/** The title of evaluation `i`'s 表3-N, with its label when there are several (R3 and 総括 share the title). */
export function summaryTableTitle(
  evaluations: Evaluation[],
  i: number,
  word: string | null,
  report: ReportRules,
  L: SheetLabels,
): string {
  const title = L.summaryTitle(reportNumber(report.summaryTables, i), word ?? L.groupHeader);
  return evaluations.length > 1 ? title + L.evaluationSuffix(evaluations[i]!.label) : title;
}

/** What closes a 表3-N: the report export follows the settings (rules.report), the reviewers' sheet shows all. */
export interface SummaryLook {
  totalRow: boolean;
  notes: ReportRules["notes"];
}

/** 評価集計 in the workbook: the total row (user formulas may point at it) and every note, for the reviewers. */
export const REVIEWERS_LOOK: SummaryLook = { totalRow: true, notes: "all" };

/** The ※ notes under an evaluation's table, as the look asks. */
export function summaryNotes(
  ev: Evaluation,
  rules: Rules,
  L: SheetLabels,
  mode: SummaryLook["notes"] = rules.report.notes,
): string[] {
  if (mode === "none") return [];
  const notes: string[] = [];
  if (mode === "all") {
    const denominator = rules.includeExcludedInDenominator
      ? ev.total.evaluated + ev.total.excluded
      : ev.total.evaluated;
    notes.push(L.footDenominator(denominator), L.footRounded);
  }
  const excludedNames = ev.items.filter((it) => it.grade === null).map((it) => it.name);
  if (excludedNames.length > 0) notes.push(L.footExcluded(excludedNames));
  if (mode === "all") notes.push(L.footSource(L.sourceNames[ev.source] ?? ev.source));
  return notes;
}

export function planSummarySheet(
  name: string,
  evaluations: Evaluation[],
  rules: Rules,
  L: SheetLabels,
  /** 「システム」: 「個別システム件数（割合）」, 「全システム」. */
  noun: string = L.itemNoun,
  look: SummaryLook = rules.report,
  /** The group column's own heading (「ビジョン」), for titles when the group names share no word. */
  groupHeading: string | null = null,
): SheetPlan {
  const report = rules.report;
  const labels = rules.bands.map((b) => b.label);
  const width = labels.length + 2; // group, grades…, A-or-B
  // 評価の推移 (a setting) under a table: group and four counts, so a two-grade table's columns are one short.
  const movementShown = (ev: Evaluation) => report.movementTable && ev.movement !== undefined;
  const tableWidth = evaluations.some(movementShown) ? Math.max(width, 5) : width;
  const dataCol = tableWidth + 1; // one empty column, then the charts' data
  const rows: PlanValue[][] = [];
  const formats: RangeFormat[] = [];
  const merges: CellRect[] = [];
  const charts: PlanChart[] = [];
  const breaks: number[] = [];
  const blocks: { top: number; chartRow: number }[] = [];
  const set = (r: number, c: number, v: PlanValue) => {
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = v;
  };
  const rect = (top: number, left: number, bottom: number, right: number): CellRect => ({ top, left, bottom, right });
  const percentCell = (r: number, c: number, p: number | null) => {
    if (p === null) {
      set(r, c, L.percent(null));
      formats.push({ range: rect(r, c, r, c), numberFormat: "@" });
    } else {
      set(r, c, p / 100);
      formats.push({ range: rect(r, c, r, c), numberFormat: "0%" });
    }
  };
  const countCells = (r: number, counts: Record<string, number>, percent: Record<string, number>) =>
    labels.forEach((l, j) => {
      set(r, 1 + j, counts[l] ?? 0);
      formats.push({ range: rect(r, 1 + j, r, 1 + j), numberFormat: L.countFormat(percent[l] ?? 0) });
    });

  /** 評価の推移 from row r: title, header, a row per group, the total (as 表3-1 has one), a note; the next free row. */
  const movementTable = (
    top: number,
    m: NonNullable<Evaluation["movement"]>,
    label: string,
    word: string | null,
    shown: string | null,
  ): number => {
    let row = top;
    const right = 4;
    set(row, 0, L.movementTitle(m.previousLabel ?? formatFiscalYearJa(m.previousYear), label));
    merges.push(rect(row, 0, row, Math.max(right, width - 1)));
    formats.push({ range: rect(row, 0, row, Math.max(right, width - 1)), numberFormat: "@", style: "subtitle" });
    row++;
    set(row, 0, shown ?? L.groupHeader);
    L.movementHeaders.forEach((h, j) => set(row, 1 + j, h));
    formats.push({ range: rect(row, 0, row, right), numberFormat: "@", style: "header" });
    row++;
    const counts = (at: number, c: MovementCounts) =>
      [c.up, c.same, c.down, c.noPrevious].forEach((n, j) => set(at, 1 + j, n));
    const first = row;
    for (const g of m.groups) {
      set(row, 0, rowLabel(g.name, word));
      counts(row, g);
      row++;
    }
    if (row > first) {
      formats.push({ range: rect(first, 0, row - 1, 0), numberFormat: "@", style: "body" });
      formats.push({ range: rect(first, 1, row - 1, right), numberFormat: L.movementCountFormat, style: "body" });
    }
    if (look.totalRow) {
      set(row, 0, L.total);
      counts(row, m.total);
      formats.push({ range: rect(row, 0, row, right), style: "total" });
      formats.push({ range: rect(row, 0, row, 0), numberFormat: "@" });
      formats.push({ range: rect(row, 1, row, right), numberFormat: L.movementCountFormat });
      row++;
    }
    set(row, 0, L.movementNote);
    merges.push(rect(row, 0, row, Math.max(right, width - 1)));
    formats.push({ range: rect(row, 0, row, Math.max(right, width - 1)), numberFormat: "@", style: "note" });
    return row + 2;
  };

  let r = 0;
  if (evaluations.length === 0) {
    set(0, 0, L.noData);
    formats.push({ range: rect(0, 0, 0, 0), style: "title" });
    r = 1;
  }
  evaluations.forEach((ev, i) => {
    if (i > 0) breaks.push(r);
    const blockTop = r;
    const word = commonGroupWord(ev.groups.map((g) => g.name));
    const shown = word ?? groupHeading;
    set(r, 0, summaryTableTitle(evaluations, i, shown, report, L));
    merges.push(rect(r, 0, r, width - 1));
    formats.push({ range: rect(r, 0, r, width - 1), numberFormat: "@", style: "title" });
    r++;

    // Two header rows: group and A-or-B span both; the counts header spans the grades.
    const h = r;
    set(h, 0, shown ?? L.groupHeader);
    set(h, 1, L.countsHeader(noun));
    labels.forEach((g, j) => set(h + 1, 1 + j, L.gradeHeader(g)));
    set(h, width - 1, L.aOrBHeader(labels[0]!, labels[1] ?? labels[0]!));
    merges.push(rect(h, 0, h + 1, 0), rect(h, 1, h, labels.length), rect(h, width - 1, h + 1, width - 1));
    formats.push({ range: rect(h, 0, h + 1, width - 1), numberFormat: "@", style: "header" });
    r += 2;

    const firstBody = r;
    for (const g of ev.groups) {
      set(r, 0, rowLabel(g.name, word));
      r++;
    }
    if (ev.groups.length > 0) {
      formats.push({ range: rect(firstBody, 0, r - 1, 0), numberFormat: "@", style: "body" });
      formats.push({ range: rect(firstBody, 1, r - 1, width - 1), style: "body" });
      ev.groups.forEach((g, k) => {
        countCells(firstBody + k, g.counts, g.percent);
        percentCell(firstBody + k, width - 1, g.aOrBPercent);
      });
    }

    // The total (a setting; the report has none) closes the table; the notes follow it without a gap.
    if (look.totalRow) {
      set(r, 0, L.total);
      formats.push({ range: rect(r, 0, r, width - 1), style: "total" });
      formats.push({ range: rect(r, 0, r, 0), numberFormat: "@" });
      countCells(r, ev.total.counts, ev.total.percent);
      percentCell(r, width - 1, ev.total.aOrBPercent);
      r++;
    }
    for (const n of summaryNotes(ev, rules, L, look.notes)) {
      set(r, 0, n);
      merges.push(rect(r, 0, r, width - 1));
      formats.push({ range: rect(r, 0, r, width - 1), numberFormat: "@", style: "note" });
      r++;
    }
    r++;
    if (movementShown(ev)) r = movementTable(r, ev.movement!, ev.label, word, shown);

    // Chart data beside the print area: grade counts of the total (pie), and per group (bars), as numbers.
    const pieTop = r; // level with the charts
    set(pieTop, dataCol, L.groupHeader);
    set(pieTop, dataCol + 1, L.total);
    labels.forEach((l, j) => {
      set(pieTop + 1 + j, dataCol, L.gradeHeader(l));
      set(pieTop + 1 + j, dataCol + 1, ev.total.counts[l] ?? 0);
    });
    const pieData = rect(pieTop, dataCol, pieTop + labels.length, dataCol + 1);
    const barTop = pieData.bottom + 2;
    set(barTop, dataCol, L.groupHeader);
    labels.forEach((l, j) => set(barTop, dataCol + 1 + j, L.gradeHeader(l)));
    ev.groups.forEach((g, k) => {
      set(barTop + 1 + k, dataCol, shortLabel(g.name, word));
      labels.forEach((l, j) => set(barTop + 1 + k, dataCol + 1 + j, g.counts[l] ?? 0));
    });
    const barData = rect(barTop, dataCol, barTop + Math.max(ev.groups.length, 1), dataCol + labels.length);
    formats.push({ range: rect(pieTop, dataCol, barData.bottom, dataCol), numberFormat: "@" });
    formats.push({ range: rect(pieTop, dataCol + 1, barData.bottom, dataCol + labels.length), numberFormat: "0" });

    const colours = labels.map((_, j) => GRADE_CHART_COLOURS[j % GRADE_CHART_COLOURS.length]!);
    const altCounts = labels.map((l) => `${l} ${ev.total.counts[l] ?? 0}`).join(", ");
    blocks.push({ top: blockTop, chartRow: r });
    // Figures are numbered in print order: each evaluation's pie, then its bars.
    const pieTitle = L.pieTitle(reportNumber(report.figures, 2 * i), noun);
    const barTitle = L.barTitle(reportNumber(report.figures, 2 * i + 1), shown ?? L.groupHeader);
    const suffix = evaluations.length > 1 ? L.evaluationSuffix(ev.label) : "";
    charts.push({
      kind: "pie",
      title: pieTitle,
      data: pieData,
      seriesBy: "columns",
      // The pie over the group column and the first grade's: wide enough for its title on one line.
      anchor: { row: r, col: 0, rows: CHART_ROWS, cols: 2 },
      altText: `${pieTitle}${suffix}: ${altCounts}`,
      colors: colours,
    });
    charts.push({
      kind: "bar",
      title: barTitle,
      data: barData,
      seriesBy: "columns",
      anchor: { row: r, col: 2, rows: CHART_ROWS, cols: width - 2 },
      altText:
        `${barTitle}${suffix}: ` +
        ev.groups.map((g) => `${g.name} ${labels.map((l) => `${l}${g.counts[l] ?? 0}`).join("/")}`).join("; "),
      colors: colours,
    });
    r = Math.max(r + CHART_ROWS, barData.bottom + 1) + 1;
  });
  const lastPrinted = Math.max(r - 2, 0);

  // Count columns as wide as their widest 「16件 (84%)」 (a number that does not fit prints ####), the
  // group column what is left of an A4 portrait page at ≥ 9 pt even where a width unit is 10 px.
  let countWidth = 10;
  for (const ev of evaluations)
    for (const g of [...ev.groups, ev.total])
      for (const l of labels)
        countWidth = Math.max(countWidth, textUnits(L.countCell(g.counts[l] ?? 0, g.percent[l] ?? 0)) + 2);
  const groupWidth = Math.max(24, PRINTABLE_UNITS - labels.length * countWidth - AOB_WIDTH);
  const columnWidths = [groupWidth, ...labels.map(() => countWidth), AOB_WIDTH];
  while (columnWidths.length < tableWidth) columnWidths.push(countWidth);
  columnWidths.push(2, 30, ...labels.map(() => 8));
  // A chart title wider than its chart breaks after the figure number, never inside a word (titles are 12 pt).
  for (const c of charts) {
    let room = 0;
    for (let k = c.anchor.col; k < c.anchor.col + c.anchor.cols; k++) room += columnWidths[k] ?? 8;
    if ((textUnits(c.title) * 12) / 11 + 4 > room) c.title = c.title.replace(" ", "\n");
  }
  // A table too long to share its page with the charts: the charts start the next page, whole.
  const heights = fitRowHeights({ rows, formats, merges, columnWidths } as SheetPlan);
  for (const b of blocks) {
    let h = CHART_ROWS * DEFAULT_ROW_PT;
    for (let row = b.top; row < b.chartRow; row++) h += heights[row] ?? DEFAULT_ROW_PT;
    if (h > A4_PORTRAIT_PRINTABLE_PT) breaks.push(b.chartRow);
  }
  breaks.sort((a, b) => a - b);

  return {
    role: "summary",
    name,
    tabColor: "#2E7D32",
    rows,
    formats,
    merges,
    columnWidths,
    links: [],
    conditionalFormats: [],
    charts,
    pageLayout: {
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: true,
      centerFooter: PAGE_FOOTER,
      printArea: rect(0, 0, lastPrinted, tableWidth - 1),
      margins: { ...PRINT_MARGINS },
      rowBreaksBefore: breaks,
    },
  };
}
