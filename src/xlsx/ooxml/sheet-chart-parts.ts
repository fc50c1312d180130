/**
 * Everything one generated sheet needs for its native charts, as parts to add
 * to an .xlsx package: the drawing, its rels, one chart part per plan chart,
 * the sheet's relationship to the drawing, the <drawing> element for the sheet
 * XML and the content types. Pure strings; the package writer decides the
 * numbers (unique in the package) and does the zip work.
 */
import type { SheetPlan } from "../../core/model/sheet-plan";
import { PLAN_FONT } from "../../core/plan/plan-styles";
import { chartPartXml } from "./chart-part";
import { drawingPartXml, drawingRelsXml, type PlacedChart } from "./drawing-part";

export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export interface PackagePart {
  /** Path inside the zip, without a leading slash: "xl/charts/chart1.xml". */
  path: string;
  xml: string;
  /** Content type for an <Override PartName="/path">, or null for .rels parts (covered by Default). */
  contentType: string | null;
}

export interface SheetChartParts {
  parts: PackagePart[];
  /** Relationship to add to the sheet's rels (xl/worksheets/_rels/sheetK.xml.rels). */
  sheetRel: { id: string; type: string; target: string };
  /** Element to put into the sheet XML (after headerFooter/rowBreaks, before legacyDrawing/tableParts/extLst). */
  drawingElement: string;
}

/**
 * Parts for `plan`'s charts on the sheet named `sheetName`, or null when it has none.
 * `drawingNumber` and `firstChartNumber` must be unused in the package (drawingN.xml, chartN.xml);
 * `sheetRelId` must be unused in the sheet's rels.
 */
export function sheetChartParts(
  plan: SheetPlan,
  sheetName: string,
  numbers: { drawingNumber: number; firstChartNumber: number; sheetRelId: string },
): SheetChartParts | null {
  if (!plan.charts || plan.charts.length === 0) return null;
  const style = { font: plan.font?.name ?? PLAN_FONT.name };
  const placed: PlacedChart[] = plan.charts.map((chart, i) => ({
    chart,
    relId: `rId${i + 1}`,
    target: `../charts/chart${numbers.firstChartNumber + i}.xml`,
  }));
  const drawingPath = `xl/drawings/drawing${numbers.drawingNumber}.xml`;
  const parts: PackagePart[] = [
    { path: drawingPath, xml: drawingPartXml(placed), contentType: CT_DRAWING },
    {
      path: `xl/drawings/_rels/drawing${numbers.drawingNumber}.xml.rels`,
      xml: drawingRelsXml(placed),
      contentType: null,
    },
    ...plan.charts.map((chart, i) => ({
      path: `xl/charts/chart${numbers.firstChartNumber + i}.xml`,
      xml: chartPartXml(chart, plan, sheetName, style),
      contentType: CT_CHART,
    })),
  ];
  return {
    parts,
    sheetRel: { id: numbers.sheetRelId, type: REL_DRAWING, target: `../drawings/drawing${numbers.drawingNumber}.xml` },
    drawingElement: `<drawing r:id="${numbers.sheetRelId}"/>`,
  };
}
