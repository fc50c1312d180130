/**
 * What the named plan styles look like: one table for both adapters, so a
 * workbook written by the add-in and one written by the command line match.
 */
import type { PlanStyle, PlanStyleName } from "../model/sheet-plan";

export const PLAN_STYLES: Readonly<Record<PlanStyleName, Readonly<PlanStyle>>> = {
  title: { bold: true, fontSize: 14, vAlign: "center" },
  subtitle: { bold: true, fontSize: 12, vAlign: "center" },
  header: { bold: true, fill: "#D9E1F2", hAlign: "center", vAlign: "center", wrap: true, border: true },
  body: { vAlign: "center", wrap: true, border: true },
  total: { bold: true, fill: "#F2F2F2", vAlign: "center", border: true },
  note: { fontSize: 9, fontColor: "#595959", vAlign: "top" },
  groupHeading: { bold: true, fill: "#EDEDED", vAlign: "center", border: true },
};
