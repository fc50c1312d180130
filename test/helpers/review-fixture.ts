import path from "path";
import ExcelJS from "exceljs";
import { snapshotWorkbook } from "../../src/xlsx/xlsx-snapshot";
import { reviewWorkbook, type ReviewResult } from "../../src/core/run-review";
import { DEFAULT_RULES, rulesSchema, type Rules } from "../../src/core/model/settings";

export const FIXTURES = path.join(__dirname, "..", "fixtures");

export async function loadFixture(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURES, name));
  return wb;
}

export function review(wb: ExcelJS.Workbook, rules: Partial<Rules> = {}): ReviewResult {
  const snap = snapshotWorkbook(wb, { source: "test" });
  const r: Rules = Object.keys(rules).length ? rulesSchema.parse({ ...DEFAULT_RULES, ...rules }) : DEFAULT_RULES;
  return reviewWorkbook(snap, r, { existingSheetNames: snap.sheets.map((s) => s.name) });
}

export async function reviewFixture(name: string, rules: Partial<Rules> = {}): Promise<ReviewResult> {
  return review(await loadFixture(name), rules);
}
