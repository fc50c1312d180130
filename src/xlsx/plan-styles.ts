/**
 * The named plan styles (src/core/plan/plan-styles.ts) as ExcelJS style parts.
 */
import type ExcelJS from "exceljs";
import type { PlanStyle } from "../core/model/sheet-plan";
export { PLAN_STYLES } from "../core/plan/plan-styles";

/** "#RRGGBB" (or "RRGGBB") → ExcelJS ARGB, or undefined when malformed. */
export function toArgb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? "FF" + m[1]!.toUpperCase() : undefined;
}

const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FFA6A6A6" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface ExcelJsStyleParts {
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  alignment?: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
}

/** PlanStyle → the ExcelJS style parts it sets (each a fresh object). */
export function toExcelJsStyle(style: PlanStyle): ExcelJsStyleParts {
  const out: ExcelJsStyleParts = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  const fc = toArgb(style.fontColor);
  if (fc) font.color = { argb: fc };
  if (Object.keys(font).length) out.font = font;
  const fill = toArgb(style.fill);
  if (fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign === "center" ? "middle" : style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (style.border) out.border = { ...BORDER };
  return out;
}
