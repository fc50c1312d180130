/**
 * The published list, shaped like the report's 表4-1 (REPORT.md §1): a title
 * 「表4-1 令和3年度進捗状況評価結果一覧」, two header rows (P. | システム名 |
 * 主担当課 | 評価結果 over one column per evaluation: R3, 総括), a heading
 * row spanning the table per group (ビジョン) and one row per item under it,
 * one closing ※ note. Built from the summary alone (items, groups, grades),
 * so the report workbook, the PDF and the pane's copy for Word agree.
 *
 * The reviewers' detail list (indicators, targets, actuals, R, reasons, links)
 * is plan-list-sheet.ts; it is not part of what is published.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, ItemResult } from "../model/summary";
import type { CellRect } from "../model/snapshot";
import type { PlanValue, RangeFormat, SheetPlan } from "../model/sheet-plan";
import type { SheetLabels } from "../i18n/sheet-labels";
import { formatFiscalYearJa } from "../japanese/fiscal-year";
import { PAGE_FOOTER, PRINT_MARGINS } from "./plan-styles";
import { reportNumber } from "./plan-summary-sheet";
import { linesOfUnits, printedUnits, textUnits } from "./row-heights";

/** Width units of the printed list: A4 portrait at 100 % even where a width unit is 9.5 px (LibreOffice), so the page breaks counted here are the host's. */
export const PUBLISHED_UNITS = 72;
const MIN_NAME_UNITS = 20;
const MAX_DEPARTMENT_UNITS = 26;
/** A key wider than this is not a number (P. / No) but a name: the column is left out. */
const MAX_KEY_UNITS = 8;

export interface PublishedRow {
  kind: "group" | "item";
  /** Group heading: the group's name; item: key, name, department, one grade cell per evaluation. */
  cells: string[];
}

export interface PublishedList {
  title: string;
  /** Header cells: key (absent when the column is left out), name, department (absent when no item has one). */
  headers: { key: string | null; name: string; department: string | null; results: string; evaluations: string[] };
  rows: PublishedRow[];
  notes: string[];
}

/** The year the list is about: the latest fiscal year among the evaluations, as the report writes it. */
function listYear(evaluations: Evaluation[], language: Rules["language"]): string | null {
  const years = evaluations.map((e) => e.fiscalYear).filter((y): y is number => y !== null);
  if (years.length === 0) return null;
  const y = Math.max(...years);
  return language === "en" ? `FY${y}` : formatFiscalYearJa(y);
}

/**
 * The list's content: items of every evaluation joined by their source row, grouped by group in the
 * evaluations' group order (so a workbook kept one sheet per department still lists each vision together),
 * in sheet order within a group.
 */
export function publishedList(
  evaluations: Evaluation[],
  rules: Rules,
  L: SheetLabels,
  noun: string,
  /** The key column's own heading (「P.」), when every sheet has the same; null: 「No」 or none. */
  keyHeader: string | null,
): PublishedList {
  const groupOrder = new Map<string, number>();
  for (const ev of evaluations)
    for (const g of ev.groups) if (!groupOrder.has(g.name)) groupOrder.set(g.name, groupOrder.size);
  // Groups only items name (none counted) follow, in order of appearance.
  for (const ev of evaluations)
    for (const it of ev.items)
      if (it.group !== null && !groupOrder.has(it.group)) groupOrder.set(it.group, groupOrder.size);
  const sheetOrder = new Map<string, number>();
  const byRow = new Map<string, { item: ItemResult; order: number; grades: (string | null)[] }>();
  evaluations.forEach((ev, e) => {
    for (const it of ev.items) {
      if (!sheetOrder.has(it.sheet)) sheetOrder.set(it.sheet, sheetOrder.size);
      const id = `${it.sheet}\u0000${it.row}`;
      let entry = byRow.get(id);
      if (!entry) {
        entry = { item: it, order: byRow.size, grades: evaluations.map(() => null) };
        byRow.set(id, entry);
      }
      entry.grades[e] = it.grade ?? L.publishedExcluded;
    }
  });
  const groupIndex = (g: string | null) =>
    g === null ? Number.MAX_SAFE_INTEGER : (groupOrder.get(g) ?? groupOrder.size);
  const entries = [...byRow.values()].sort(
    (a, b) =>
      groupIndex(a.item.group) - groupIndex(b.item.group) ||
      sheetOrder.get(a.item.sheet)! - sheetOrder.get(b.item.sheet)! ||
      a.item.row - b.item.row ||
      a.order - b.order,
  );
  const items = entries.map((e) => e.item);
  // A key that is really the item's name (sheets without a number column) or too long for a number is left out.
  const keyShown = items.length > 0 && items.every((it) => it.key !== it.name && textUnits(it.key) <= MAX_KEY_UNITS);
  const departmentShown = items.some((it) => (it.department ?? "").trim() !== "");
  const rows: PublishedRow[] = [];
  const headed = groupOrder.size > 0;
  let current: string | null | undefined;
  for (const e of entries) {
    if (headed && e.item.group !== current) {
      current = e.item.group;
      rows.push({ kind: "group", cells: [current ?? L.groupHeader] });
    }
    rows.push({
      kind: "item",
      cells: [
        ...(keyShown ? [e.item.key] : []),
        e.item.name,
        ...(departmentShown ? [e.item.department ?? ""] : []),
        ...e.grades.map((g) => g ?? ""),
      ],
    });
  }
  const anyExcluded = entries.some((e) => e.grades.includes(L.publishedExcluded));
  return {
    title: L.publishedListTitle(reportNumber(rules.report.listTable, 0), listYear(evaluations, rules.language)),
    headers: {
      key: keyShown ? (keyHeader ?? L.publishedKey) : null,
      name: L.publishedName(noun),
      department: departmentShown ? L.publishedDepartment : null,
      results: L.publishedResults,
      evaluations: evaluations.map((e) => e.label),
    },
    rows,
    notes: anyExcluded ? [L.publishedExcludedNote] : [],
  };
}

/** The published list as a sheet plan: A4 portrait, header rows repeated on every page, page breaks by the caller. */
export function planPublishedList(name: string, list: PublishedList): SheetPlan {
  const { headers } = list;
  const gradeCols = headers.evaluations.length;
  const fixed = (headers.key !== null ? 1 : 0) + 1 + (headers.department !== null ? 1 : 0);
  const width = fixed + gradeCols;
  const nameCol = headers.key !== null ? 1 : 0;
  const deptCol = headers.department !== null ? nameCol + 1 : -1;
  const rows: PlanValue[][] = [];
  const formats: RangeFormat[] = [];
  const merges: CellRect[] = [];
  const rect = (top: number, left: number, bottom: number, right: number): CellRect => ({ top, left, bottom, right });

  rows.push([list.title]);
  merges.push(rect(0, 0, 0, width - 1));
  formats.push({ range: rect(0, 0, 0, width - 1), numberFormat: "@", style: "title" });
  const h = 1;
  const head1: PlanValue[] = [];
  const head2: PlanValue[] = [];
  if (headers.key !== null) head1.push(headers.key);
  head1.push(headers.name);
  if (headers.department !== null) head1.push(headers.department);
  head1.push(headers.results);
  for (let c = 0; c < fixed; c++) merges.push(rect(h, c, h + 1, c));
  if (gradeCols > 1) merges.push(rect(h, fixed, h, width - 1));
  for (let c = 0; c < fixed; c++) head2.push(null);
  head2.push(...headers.evaluations);
  rows.push(head1, head2);
  formats.push({ range: rect(h, 0, h + 1, width - 1), numberFormat: "@", style: "header" });

  const first = rows.length;
  for (const r of list.rows) {
    const at = rows.length;
    if (r.kind === "group") {
      rows.push([r.cells[0]!]);
      merges.push(rect(at, 0, at, width - 1));
      formats.push({ range: rect(at, 0, at, width - 1), numberFormat: "@", style: "groupHeading" });
    } else rows.push(r.cells.slice());
  }
  const last = rows.length - 1;
  // Source text stays text; item rows get the body look, grades centred, one range per run of item rows
  // (heading rows were styled above).
  let runStart = -1;
  for (let r = first; r <= last + 1; r++) {
    const isItem = r <= last && list.rows[r - first]!.kind === "item";
    if (isItem && runStart < 0) runStart = r;
    if (!isItem && runStart >= 0) {
      formats.push({ range: rect(runStart, 0, r - 1, fixed - 1), numberFormat: "@", style: "body" });
      formats.push({ range: rect(runStart, fixed, r - 1, width - 1), numberFormat: "@", style: "grade" });
      runStart = -1;
    }
  }
  for (const n of list.notes) {
    const at = rows.length;
    rows.push([n]);
    merges.push(rect(at, 0, at, width - 1));
    formats.push({ range: rect(at, 0, at, width - 1), numberFormat: "@", style: "note" });
  }

  // Widths from the text they hold: numbers and grades as wide as their widest cell or header word, the
  // department as its longest name (capped), the name what is left of the page.
  const itemRows = list.rows.filter((r) => r.kind === "item");
  const texts = new Map<number, string[]>();
  const colText = (c: number) => {
    let t = texts.get(c);
    if (!t) texts.set(c, (t = itemRows.map((r) => r.cells[c] ?? "")));
    return t;
  };
  const widestOf = new Map<string[], number>();
  const widest = (ts: string[]) => {
    let w = widestOf.get(ts);
    if (w === undefined) widestOf.set(ts, (w = ts.reduce((m, t) => Math.max(m, textUnits(t)), 0)));
    return w;
  };
  const widths: number[] = [];
  if (headers.key !== null) widths.push(Math.max(widest(colText(0)), textUnits(headers.key)) + 3);
  widths.push(0);
  if (headers.department !== null)
    widths.push(Math.min(MAX_DEPARTMENT_UNITS, Math.max(widest(colText(deptCol)), textUnits(headers.department)) + 2));
  for (let k = 0; k < gradeCols; k++)
    widths.push(Math.max(6, textUnits(headers.evaluations[k]!) + 3, widest(colText(fixed + k)) + 3));
  if (gradeCols === 1) widths[fixed] = Math.max(widths[fixed]!, textUnits(headers.results) + 3);
  // Many evaluations: the department column gives way first (its names wrap), down to 12 units.
  if (deptCol >= 0) {
    const over = widths.reduce((a, b) => a + b, 0) + MIN_NAME_UNITS - PUBLISHED_UNITS;
    if (over > 0) widths[deptCol] = Math.max(12, widths[deptCol]! - over);
  }
  const nameWidth = () =>
    Math.max(
      MIN_NAME_UNITS,
      Math.min(widest(colText(nameCol)) + 3, PUBLISHED_UNITS - widths.reduce((a, b) => a + b, 0) + widths[nameCol]!),
    );
  widths[nameCol] = nameWidth();
  // Name and department share what is left: the split that prints the fewest lines (the shortest list).
  if (deptCol >= 0) {
    // Each text measured once (single-line names; a name with a line break counts its lines at the end).
    const names = colText(nameCol).map(printedUnits);
    const depts = colText(deptCol).map(printedUnits);
    const linesWith = (dept: number, nameW: number) => {
      let n = 0;
      for (let i = 0; i < names.length; i++)
        n += Math.max(linesOfUnits(names[i]!, nameW), linesOfUnits(depts[i]!, dept));
      return n;
    };
    const room = widths[nameCol]! + widths[deptCol]!;
    let best = { dept: widths[deptCol]!, lines: linesWith(widths[deptCol]!, widths[nameCol]!) };
    for (let d = Math.min(widths[deptCol]!, room - MIN_NAME_UNITS); d >= 12; d--) {
      const lines = linesWith(d, room - d);
      if (lines < best.lines) best = { dept: d, lines };
    }
    widths[nameCol] = room - best.dept;
    widths[deptCol] = best.dept;
  }

  return {
    role: "list",
    name,
    tabColor: "#1F4E78",
    rows,
    formats,
    merges,
    columnWidths: widths,
    freeze: { rows: 3, cols: 0 },
    links: [],
    conditionalFormats: [],
    charts: [],
    pageLayout: {
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: { first: h, last: h + 1 },
      centerFooter: PAGE_FOOTER,
      printArea: rect(0, 0, Math.max(rows.length - 1, 0), width - 1),
      margins: { ...PRINT_MARGINS },
    },
  };
}
