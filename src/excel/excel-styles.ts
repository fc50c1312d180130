/**
 * The named plan styles as concrete formatting. The core names the styles
 * (sheet-plan.ts) and leaves their look to the adapters; this table is the
 * Office.js side's reading of them.
 */
import type { PlanStyle, PlanStyleName } from "../core/model/sheet-plan";

export const EXCEL_PLAN_STYLES: Readonly<Record<PlanStyleName, Readonly<PlanStyle>>> = {
  // Same look as the ExcelJS adapter's table (src/xlsx/plan-styles.ts), so files
  // written by the add-in and by the command line match.
  title: { bold: true, fontSize: 14, vAlign: "center" },
  subtitle: { bold: true, fontSize: 12, vAlign: "center" },
  header: { bold: true, fill: "#D9E1F2", hAlign: "center", vAlign: "center", wrap: true, border: true },
  body: { vAlign: "center", wrap: true, border: true },
  total: { bold: true, fill: "#F2F2F2", vAlign: "center", border: true },
  note: { fontSize: 9, fontColor: "#595959", vAlign: "top" },
  groupHeading: { bold: true, fill: "#EDEDED", vAlign: "center", border: true },
};

type BorderName = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** Apply one style to a whole range (never cell by cell). */
export function applyStyle(range: Excel.Range, style: PlanStyle, rows: number, cols: number): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.border) {
    const edges: BorderName[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (cols > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#A6A6A6";
    }
  }
}
