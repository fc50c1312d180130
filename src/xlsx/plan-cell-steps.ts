/**
 * The per-cell style steps and sheet settings of a SheetPlan, shared by the
 * in-memory writer (xlsx-plan-writer.ts) and the streaming one
 * (xlsx-plan-stream-writer.ts): both must produce the same sheet, so each step
 * is defined once here and the writers only decide when to run it.
 */
import type ExcelJS from "exceljs";
import type { PlanStyleName, RangeFormat, SheetPlan, PlanLink } from "../core/model/sheet-plan";
import type { CellRect } from "../core/model/snapshot";
import { columnLetters, quoteSheetName, rectAddress } from "../core/a1-address";
import { PLAN_STYLES, toArgb, toExcelJsStyle, type ExcelJsStyleParts } from "./plan-styles";

export const MAX_CELL_CHARS = 32767;

/**
 * Text cut to Excel's cell limit (32,767 UTF-16 units), never between the two halves of a surrogate pair (an
 * emoji, a rare kanji): a lone half is not valid XML text and Excel refuses the file.
 */
export function cutCellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  const last = text.charCodeAt(MAX_CELL_CHARS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS);
}
export const PAPER_SIZE = { A4: 9, A3: 8 } as const;

export type StyleOp = (st: Partial<ExcelJS.Style>) => void;

export interface FormatStep {
  range: CellRect;
  /** Plan order: later formats win. */
  index: number;
  /** Key of the op in SharedStyles' cache. */
  key: string;
  op: StyleOp;
}

export interface PlanCellSteps {
  /** The plan's font on every written cell (a nameless font record prints in a serif fallback). */
  baseFont: StyleOp;
  /** The table's header row. */
  tableHeader: StyleOp;
  formats: FormatStep[];
  link: StyleOp;
}

export function applyStyleParts(s: Partial<ExcelJS.Style>, parts: ExcelJsStyleParts): void {
  if (parts.font) s.font = { ...(s.font ?? {}), ...parts.font };
  if (parts.fill) s.fill = parts.fill;
  if (parts.alignment) s.alignment = { ...(s.alignment ?? {}), ...parts.alignment };
  if (parts.border) s.border = { ...parts.border };
}

export function planCellSteps(plan: SheetPlan): PlanCellSteps {
  const font: Partial<ExcelJS.Font> = plan.font ? { name: plan.font.name, size: plan.font.size } : {};
  const baseFont: StyleOp = (st) => (st.font = { ...font, ...(st.font ?? {}) });
  const header = toExcelJsStyle(PLAN_STYLES.header);
  const styleCache = new Map<PlanStyleName, ExcelJsStyleParts>();
  const formats = (plan.formats ?? []).map((f: RangeFormat, index): FormatStep => {
    let parts: ExcelJsStyleParts | undefined;
    if (f.style) {
      parts = styleCache.get(f.style);
      if (!parts) styleCache.set(f.style, (parts = toExcelJsStyle(PLAN_STYLES[f.style])));
    }
    const op: StyleOp = (st) => {
      baseFont(st);
      if (f.numberFormat !== undefined) st.numFmt = f.numberFormat;
      if (parts) applyStyleParts(st, parts);
    };
    return { range: f.range, index, key: `format-${index}`, op };
  });
  return {
    baseFont,
    tableHeader: (st) => {
      baseFont(st);
      applyStyleParts(st, header);
    },
    formats,
    link: (st) => (st.font = { ...font, ...(st.font ?? {}), color: { argb: "FF0563C1" }, underline: true }),
  };
}

/** An internal link to a source row, as ExcelJS stores it (the text capped at Excel's cell limit). */
export function linkValue(l: PlanLink): ExcelJS.CellValue {
  return {
    text: cutCellText(l.text), hyperlink: `#${quoteSheetName(l.sheet)}!${l.address.replace(/\$/g, "")}` };
}

/** Grade colours: cells equal to a grade's text get its fill and font colour. */
export function conditionalFormatting(
  cf: NonNullable<SheetPlan["conditionalFormats"]>[number],
): ExcelJS.ConditionalFormattingOptions | null {
  // priorities are left to ExcelJS, which numbers them uniquely over the sheet
  const rules: ExcelJS.ConditionalFormattingRule[] = cf.rules.map((rule) => {
    const fill = toArgb(rule.fill);
    const font = toArgb(rule.fontColor);
    return {
      type: "cellIs",
      operator: "equal",
      formulae: [`"${rule.text.replace(/"/g, '""')}"`],
      style: {
        ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } } : {}),
        ...(font ? { font: { color: { argb: font } } } : {}),
      },
    } as ExcelJS.ConditionalFormattingRule;
  });
  return rules.length ? { ref: rectAddress(cf.range), rules } : null;
}

/** A row height the plan may set (Excel's limit is 409 pt). */
export function usableRowHeight(h: unknown): h is number {
  return typeof h === "number" && Number.isFinite(h) && h > 0 && h <= 409;
}

/** The plan's page layout as ExcelJS page setup (the footer and row breaks are written by the writers). */
export function pageSetupOf(plan: SheetPlan): Partial<ExcelJS.PageSetup> | undefined {
  const pl = plan.pageLayout;
  if (!pl) return undefined;
  const ps: Partial<ExcelJS.PageSetup> = {
    orientation: pl.orientation,
    paperSize: PAPER_SIZE[pl.paperSize ?? "A4"] as ExcelJS.PageSetup["paperSize"],
  };
  if (pl.fitToWidth) {
    ps.fitToPage = true;
    ps.fitToWidth = 1;
    ps.fitToHeight = 0; // as many pages down as needed
  } else ps.fitToPage = false;
  if (pl.margins) ps.margins = { ...pl.margins };
  if (pl.printArea) {
    // ExcelJS writes "$" + each end: "A$1:F$9" becomes the absolute $A$1:$F$9 (LibreOffice ignores $A1:$F9).
    const a = pl.printArea;
    ps.printArea = `${columnLetters(a.left)}$${a.top + 1}:${columnLetters(a.right)}$${a.bottom + 1}`;
  }
  if (pl.printTitleRows) ps.printTitlesRow = `${pl.printTitleRows.first + 1}:${pl.printTitleRows.last + 1}`;
  return ps;
}
