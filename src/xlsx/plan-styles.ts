/**
 * The one table of what the named plan styles look like in a file written
 * with ExcelJS (the Office.js adapter keeps its own mapping).
 */
import type ExcelJS from "exceljs";
import type { PlanStyle, PlanStyleName } from "../core/model/sheet-plan";

export const PLAN_STYLES: Readonly<Record<PlanStyleName, Readonly<PlanStyle>>> = {
  title: { bold: true, fontSize: 14, vAlign: "center" },
  subtitle: { bold: true, fontSize: 12, vAlign: "center" },
  header: { bold: true, fill: "#D9E1F2", hAlign: "center", vAlign: "center", wrap: true, border: true },
  body: { vAlign: "center", wrap: true, border: true },
  total: { bold: true, fill: "#F2F2F2", vAlign: "center", border: true },
  note: { fontSize: 9, fontColor: "#595959", vAlign: "top" },
  groupHeading: { bold: true, fill: "#EDEDED", vAlign: "center", border: true },
};

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
