/**
 * A SheetPlan as sized write operations on one worksheet, in two parts:
 *   data       number formats, values, styles, merges, column widths — what
 *              must be written for the sheet to be right;
 *   cosmetics  font family and body size, row heights, table (filter
 *              buttons), freeze panes, tab colour, links, conditional
 *              formats, charts with the plan's colours, page layout (paper,
 *              print area, margins, titles, footer) — written after the
 *              data, best effort (a failure is a warning; some builds fail
 *              on freezePanes, zoom, or a table name that clashes).
 * Each operation's size is measured as it is built, the way Office.js will
 * encode it (excel-request-meter.ts); the port packs the operations of all
 * plans into as few syncs as the payload limit allows (usually one each).
 *
 * Source text stays text: every string cell gets the text format "@"
 * before its value is written, so that "=SUM(A1)", "+81-3", "-5", "@x",
 * "1/2" or "10%" are not taken as a formula, a number or a date.
 */
import type { CellRect } from "../core/model/snapshot";
import type { PlanValue, SheetPlan } from "../core/model/sheet-plan";
import { cellAddress, quoteSheetName, rectAddress } from "./excel-address";
import { jsonBytes, splitRowBlocks } from "./excel-batching";
import { measureRequest, type Metered } from "./excel-request-meter";
import type { ExcelFeatures } from "./excel-requirements";
import { NOTE_NO_PAGE_LAYOUT } from "./excel-requirements";
import { applyStyle, EXCEL_PLAN_STYLES } from "./excel-styles";

export type CosmeticKind =
  | "table"
  | "freeze"
  | "tabColor"
  | "links"
  | "conditionalFormats"
  | "charts"
  | "pageLayout"
  | "fonts"
  | "rowHeights"
  | "autofit";

export interface WriteOp {
  /** Request bytes, measured (an upper bound of what Office.js sends, without the worksheet itself). */
  bytes: number;
  /** Index of the plan (and of its worksheet). */
  sheet: number;
  /** For cosmetics: what it is (named in a warning when it fails). */
  kind?: CosmeticKind;
  /** Through the metered view: a member the request meter does not list is a compile error. */
  apply(ws: Metered<Excel.Worksheet>): void;
}

export interface PlanOps {
  data: WriteOp[];
  cosmetics: WriteOp[];
}

/** What a cosmetic failure is called in the warning (Japanese / English). */
export const COSMETIC_LABELS: Record<CosmeticKind, string> = {
  table: "テーブル（フィルター）/ table (filters)",
  freeze: "ウィンドウ枠の固定 / frozen panes",
  tabColor: "シート見出しの色 / tab colour",
  links: "元の行へのリンク / links to the source rows",
  conditionalFormats: "評価の色分け（条件付き書式）/ grade colours (conditional formats)",
  charts: "グラフ / charts",
  pageLayout: "印刷設定 / page layout",
  fonts: "フォント / fonts",
  rowHeights: "行の高さ / row heights",
  autofit: "行の高さの自動調整 / row autofit",
};

/** Paper sizes of the plan → Excel.PaperType (checked where it is assigned). */
const PAPER = { A4: "A4", A3: "A3" } as const;
const inches = (n: number) => Math.round(n * 72 * 100) / 100;

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** Column width in characters (of the default font's digits) → points, as Excel converts them. */
export function charsToPoints(chars: number): number {
  const pixels = Math.trunc(chars * 7 + 5);
  return Math.round(pixels * 0.75 * 100) / 100;
}

/** A string Excel could read as something else (formula, number, date) when written to a General cell. */
export function needsTextGuard(value: PlanValue): boolean {
  return typeof value === "string" && value.length > 0;
}

function rowsOf(r: CellRect): number {
  return r.bottom - r.top + 1;
}
function colsOf(r: CellRect): number {
  return r.right - r.left + 1;
}

function rangeOf(ws: Metered<Excel.Worksheet>, r: CellRect): Metered<Excel.Range> {
  return ws.getRangeByIndexes(r.top, r.left, rowsOf(r), colsOf(r));
}

export interface WriterContext {
  features: ExcelFeatures;
  /** Bytes one operation may take (values and formats are split into row blocks to fit). */
  blockBudget: number;
  /** The table's name when the plan's is taken elsewhere in the workbook. */
  tableName?: string;
  /** The sheet already has this table (a refresh): it is resized in place, not added. */
  keepTable?: boolean;
  notes: string[];
}

/** The exact rectangle of the cell block: values, number formats and links. */
export function planExtent(plan: SheetPlan): { rows: number; cols: number } {
  let rows = plan.rows.length;
  let cols = plan.rows.reduce((m, r) => Math.max(m, r.length), 0);
  for (const f of plan.formats) {
    if (f.numberFormat === undefined) continue;
    rows = Math.max(rows, f.range.bottom + 1);
    cols = Math.max(cols, f.range.right + 1);
  }
  for (const l of plan.links) {
    rows = Math.max(rows, l.row + 1);
    cols = Math.max(cols, l.col + 1);
  }
  return { rows, cols };
}

/** Number format of every cell of the extent: the plan's formats, then "@" on every string. */
export function numberFormatMatrix(plan: SheetPlan, rows: number, cols: number): string[][] {
  const m: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(GENERAL_FORMAT));
  for (const f of plan.formats) {
    if (f.numberFormat === undefined) continue;
    for (let r = f.range.top; r <= f.range.bottom; r++)
      for (let c = f.range.left; c <= f.range.right; c++) m[r]![c] = f.numberFormat;
  }
  plan.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (needsTextGuard(v)) m[r]![c] = TEXT_FORMAT;
    }),
  );
  for (const l of plan.links) if (needsTextGuard(l.text)) m[l.row]![l.col] = TEXT_FORMAT;
  return m;
}

/** Excel's limit on the characters (UTF-16 units) of one cell; a longer write fails. */
export const MAX_CELL_CHARS = 32767;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

export const NOTE_CELL_CUT =
  "セルに入りきらない長い文字列（32,767 文字超）を切り詰めて書き込みました。/ Text longer than a cell holds (32,767 characters) was cut.";

/** `s` cut to Excel's cell limit, never between the two halves of a surrogate pair. */
export function fitCell(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let end = MAX_CELL_CHARS - 1; // room for "…"
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose low half would be cut off
  return `${s.slice(0, end)}…`;
}

/** Values with the extent's exact shape: ragged rows padded, null written as "", text cut to a cell's limit. */
export function valueMatrix(
  plan: SheetPlan,
  rows: number,
  cols: number,
  onCut: () => void = () => undefined,
): (string | number | boolean)[][] {
  const m: (string | number | boolean)[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = plan.rows[r] ?? [];
    const row: (string | number | boolean)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = src[c];
      if (typeof v === "string" && v.length > MAX_CELL_CHARS) {
        onCut();
        row[c] = fitCell(v);
      } else row[c] = v === null || v === undefined ? "" : v;
    }
    m.push(row);
  }
  return m;
}

function op(sheet: number, apply: (ws: Metered<Excel.Worksheet>) => void, kind?: CosmeticKind): WriteOp {
  return { sheet, bytes: measureRequest<Excel.Worksheet>(apply), apply, ...(kind ? { kind } : {}) };
}

/** Runs of consecutive rows [0, n) with the same value: one operation per run instead of one per row. */
function runsOf<T>(n: number, valueAt: (r: number) => T): { first: number; count: number; value: T }[] {
  const runs: { first: number; count: number; value: T }[] = [];
  for (let r = 0; r < n;) {
    const value = valueAt(r);
    let end = r;
    while (end + 1 < n && valueAt(end + 1) === value) end++;
    runs.push({ first: r, count: end - r + 1, value });
    r = end + 1;
  }
  return runs;
}

/** Number formats then values of rows [start, start + count), split again while a block measures over the budget. */
function cellBlocks(
  sheet: number,
  formats: string[][],
  values: (string | number | boolean)[][],
  cols: number,
  block: { start: number; count: number },
  budget: number,
): WriteOp[] {
  const f = formats.slice(block.start, block.start + block.count);
  const v = values.slice(block.start, block.start + block.count);
  const ops = [
    op(sheet, (ws) => {
      ws.getRangeByIndexes(block.start, 0, block.count, cols).numberFormat = f;
    }),
    op(sheet, (ws) => {
      ws.getRangeByIndexes(block.start, 0, block.count, cols).values = v;
    }),
  ];
  if (block.count > 1 && ops.some((o) => o.bytes > budget)) {
    const half = Math.ceil(block.count / 2);
    return [
      ...cellBlocks(sheet, formats, values, cols, { start: block.start, count: half }, budget),
      ...cellBlocks(sheet, formats, values, cols, { start: block.start + half, count: block.count - half }, budget),
    ];
  }
  return ops;
}

export function planWriteOps(plan: SheetPlan, sheet: number, wc: WriterContext): PlanOps {
  const data: WriteOp[] = [];
  const cosmetics: WriteOp[] = [];
  const { rows, cols } = planExtent(plan);

  // 1–2. Number formats, then values, in row blocks that fit the budget.
  if (rows > 0 && cols > 0) {
    const formats = numberFormatMatrix(plan, rows, cols);
    const values = valueMatrix(plan, rows, cols, () => {
      if (!wc.notes.includes(NOTE_CELL_CUT)) wc.notes.push(NOTE_CELL_CUT);
    });
    const rowBytes = (r: number) => jsonBytes(formats[r]) + jsonBytes(values[r]) + 2;
    // Blocks planned from the payload, then measured whole (and split again if a block is over).
    for (const block of splitRowBlocks(rows, rowBytes, Math.floor(wc.blockBudget * 0.9)))
      data.push(...cellBlocks(sheet, formats, values, cols, block, wc.blockBudget));
  }

  // 3. Styles, one operation per range.
  for (const f of plan.formats) {
    if (!f.style) continue;
    const style = EXCEL_PLAN_STYLES[f.style];
    const range = f.range;
    data.push(op(sheet, (ws) => applyStyle(rangeOf(ws, range), style, rowsOf(range), colsOf(range))));
  }

  // 4. Merges.
  for (const m of plan.merges) {
    if (rowsOf(m) === 1 && colsOf(m) === 1) continue;
    data.push(op(sheet, (ws) => rangeOf(ws, m).merge(false)));
  }

  // 5. Column widths (characters → points), consecutive equal widths together.
  const widths = plan.columnWidths;
  for (let c = 0; c < widths.length;) {
    const w = widths[c];
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    if (typeof w === "number" && w > 0) {
      const points = charsToPoints(w);
      const first = c;
      const count = end - c + 1;
      data.push(
        op(sheet, (ws) => {
          ws.getRangeByIndexes(0, first, 1, count).getEntireColumn().format.columnWidth = points;
        }),
      );
    }
    c = end + 1;
  }

  // Cosmetics from here on.
  // 5a. One font family for every generated cell, the body size where no style sets its own (after the
  // styles of the data phase, which this must not undo).
  const font = plan.font;
  if (font && rows > 0 && cols > 0) {
    const sized = plan.formats.filter((f) => f.style && EXCEL_PLAN_STYLES[f.style].fontSize !== undefined);
    cosmetics.push(
      op(
        sheet,
        (ws) => {
          const all = ws.getRangeByIndexes(0, 0, rows, cols).format.font;
          all.name = font.name;
          all.size = font.size;
          for (const f of sized) rangeOf(ws, f.range).format.font.size = EXCEL_PLAN_STYLES[f.style!].fontSize!;
        },
        "fonts",
      ),
    );
  }

  // 5b. Row heights computed by the core from the text and the column widths (wrapped and merged cells,
  // which Excel does not autofit); consecutive rows of the same height in one operation.
  const heights = plan.rowHeights ?? [];
  // Capped at Excel's 409 pt (a taller value fails the whole operation); the file writer's limit too.
  const capped = (r: number) => {
    const h = heights[r];
    return typeof h === "number" ? Math.min(MAX_ROW_HEIGHT, h) : h;
  };
  for (const run of runsOf(heights.length, capped)) {
    const h = run.value;
    if (typeof h === "number" && h > 0)
      cosmetics.push(
        op(
          sheet,
          (ws) => {
            ws.getRangeByIndexes(run.first, 0, run.count, 1).format.rowHeight = h;
          },
          "rowHeights",
        ),
      );
  }

  // 5c. Excel's own autofit where it can serve: rows that no merged cell touches (Excel ignores merged cells
  // when it autofits, which would shrink a merged title or header back to one line). After 5b, so that a host
  // refusing autofit still leaves the computed heights.
  if (rows > 0 && cols > 0) {
    const merged = new Uint8Array(rows);
    for (const m of plan.merges)
      if (m.top !== m.bottom || m.left !== m.right)
        for (let r = m.top; r <= Math.min(m.bottom, rows - 1); r++) merged[r] = 1;
    for (const run of runsOf(rows, (r) => merged[r]))
      if (run.value === 0)
        cosmetics.push(
          op(
            sheet,
            (ws) => {
              ws.getRangeByIndexes(run.first, 0, run.count, cols).format.autofitRows();
            },
            "autofit",
          ),
        );
  }

  // 6. The Excel table (with filter buttons).
  const table = plan.table;
  if (table) {
    const name = wc.tableName ?? table.name;
    cosmetics.push(
      op(
        sheet,
        (ws) => {
          // In place: the same table (id, name) over the new rows, so that references to it keep working.
          const t = wc.keepTable ? ws.tables.getItem(name) : ws.tables.add(rangeOf(ws, table.range), true);
          if (wc.keepTable) t.resize(rangeOf(ws, table.range));
          else t.name = name;
          t.style = table.style;
          t.showFilterButton = true;
        },
        "table",
      ),
    );
  }

  // 7. Freeze panes (ExcelApi 1.7).
  const freeze = plan.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    cosmetics.push(
      op(
        sheet,
        (ws) => {
          if (freeze.cols === 0) ws.freezePanes.freezeRows(freeze.rows);
          else if (freeze.rows === 0) ws.freezePanes.freezeColumns(freeze.cols);
          else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
        },
        "freeze",
      ),
    );
  }

  // 8. Tab colour (ExcelApi 1.7).
  const tabColor = plan.tabColor;
  if (tabColor) cosmetics.push(op(sheet, (ws) => (ws.tabColor = tabColor), "tabColor"));

  // 9. Links back to the source rows (ExcelApi 1.7), one per cell.
  for (const l of plan.links) {
    const hyperlink: Excel.RangeHyperlink = {
      documentReference: `${quoteSheetName(l.sheet)}!${l.address}`,
      textToDisplay: fitCell(l.text),
      screenTip: `${l.sheet}!${l.address}`,
    };
    cosmetics.push(
      op(
        sheet,
        (ws) => {
          ws.getRangeByIndexes(l.row, l.col, 1, 1).hyperlink = hyperlink;
        },
        "links",
      ),
    );
  }

  // 10. Grade colours as conditional formats (ExcelApi 1.6): cell value equal to the grade.
  for (const cf of plan.conditionalFormats) {
    for (const rule of cf.rules) {
      const range = cf.range;
      cosmetics.push(
        op(
          sheet,
          (ws) => {
            const f = rangeOf(ws, range).conditionalFormats.add("CellValue");
            f.cellValue.format.fill.color = rule.fill;
            f.cellValue.format.font.color = rule.fontColor;
            f.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
          },
          "conditionalFormats",
        ),
      );
    }
  }

  // 11. Charts, placed on the plan's anchor.
  for (const chart of plan.charts) {
    cosmetics.push(
      op(
        sheet,
        (ws) => {
          // Bars per group stacked by grade, group 1 on top (REPORT.md §3).
          const ch = ws.charts.add(
            chart.kind === "pie" ? "Pie" : "BarStacked",
            rangeOf(ws, chart.data),
            chart.seriesBy === "rows" ? "Rows" : "Columns",
          );
          ch.title.text = chart.title;
          if (chart.kind === "pie") {
            ch.dataLabels.showPercentage = true;
            ch.dataLabels.showValue = false;
          }
          // The plan's colours: per slice of the pie, per series (grade) of the bars.
          const colors = chart.colors ?? [];
          if (chart.kind === "pie") {
            const points = ch.series.getItemAt(0).points;
            colors.forEach((c, i) => points.getItemAt(i).format.fill.setSolidColor(c));
          } else {
            colors.forEach((c, i) => ch.series.getItemAt(i).format.fill.setSolidColor(c));
          }
          const a = chart.anchor;
          ch.setPosition(
            cellAddress(a.row, a.col),
            cellAddress(a.row + Math.max(1, a.rows) - 1, a.col + Math.max(1, a.cols) - 1),
          );
        },
        "charts",
      ),
    );
  }

  // 12. Page layout, only where ExcelApi 1.9 is there.
  const layout = plan.pageLayout;
  if (layout) {
    if (!wc.features.pageLayout) {
      if (!wc.notes.includes(NOTE_NO_PAGE_LAYOUT)) wc.notes.push(NOTE_NO_PAGE_LAYOUT);
    } else {
      cosmetics.push(
        op(
          sheet,
          (ws) => {
            const p = ws.pageLayout;
            p.orientation = layout.orientation === "landscape" ? "Landscape" : "Portrait";
            if (layout.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
            if (layout.printTitleRows) {
              p.setPrintTitleRows(`$${layout.printTitleRows.first + 1}:$${layout.printTitleRows.last + 1}`);
            }
            if (layout.centerFooter !== undefined)
              p.headersFooters.defaultForAllPages.centerFooter = layout.centerFooter;
            p.paperSize = PAPER[layout.paperSize ?? "A4"];
            if (layout.printArea) p.setPrintArea(rectAddress(layout.printArea));
            // Manual breaks (a block per evaluation, charts moved whole): the old ones go first.
            const breaks = layout.rowBreaksBefore ?? [];
            ws.horizontalPageBreaks.removePageBreaks();
            for (const row of breaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1));
            const m = layout.margins;
            if (m) {
              p.leftMargin = inches(m.left);
              p.rightMargin = inches(m.right);
              p.topMargin = inches(m.top);
              p.bottomMargin = inches(m.bottom);
              p.headerMargin = inches(m.header);
              p.footerMargin = inches(m.footer);
            }
          },
          "pageLayout",
        ),
      );
    }
  }
  return { data, cosmetics };
}

/** The A1 address of a plan's whole cell block (for messages and tests). */
export function planAddress(plan: SheetPlan): string | null {
  const { rows, cols } = planExtent(plan);
  return rows > 0 && cols > 0 ? rectAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }) : null;
}
