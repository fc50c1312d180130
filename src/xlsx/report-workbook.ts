/**
 * The report workbook: only the generated sheets (values, formats, print
 * settings and native charts), for the published report — the CLI's
 * --report and the pane's 「報告書用ブックを作成」. Links to source rows become
 * their plain text: the report has no source sheets to point at.
 *
 * Browser-safe (the pane loads it on demand): ExcelJS and JSZip resolve to
 * their browser builds under webpack; nothing here imports Node.
 */
import ExcelJS from "exceljs";
import type { SheetPlan } from "../core/model/sheet-plan";
import { writeSheetPlan } from "./xlsx-plan-writer";
import { addChartsToPackage } from "./ooxml/add-charts-to-package";

/** The plan without links: each link cell keeps the link's text. */
function withoutLinks(plan: SheetPlan): SheetPlan {
  if (plan.links.length === 0) return plan;
  const rows = plan.rows.map((r) => r.slice());
  for (const l of plan.links) {
    while (rows.length <= l.row) rows.push([]);
    rows[l.row]![l.col] = l.text;
  }
  return { ...plan, rows, links: [] };
}

/** The report workbook's bytes. */
export async function buildReportWorkbook(plans: SheetPlan[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Progress Review";
  const written = plans.map((p) => withoutLinks(p));
  for (const p of written) writeSheetPlan(wb, p);
  const buffer = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return addChartsToPackage(
    buffer,
    written.map((plan) => ({ plan, sheetName: plan.name })),
  );
}
