/**
 * What layout detection finds in a sheet: which rows are the header, which
 * column plays which role (with confidence, overridable by the user), and
 * which of the two layouts the table uses.
 */
import type { ColumnRole } from "../model/settings";
import type { StatedYear } from "./stated-year";

export interface ColumnMapping {
  col: number;
  role: ColumnRole;
  /** Header text as shown (both header rows joined with " / "). */
  header: string;
  confidence: number;
  /** For year-bearing columns (target/actual/selfGrade per year, or a year column of a pairs table). */
  fiscalYear?: number | null;
  /** Grade column of the overall evaluation (総括). */
  overall?: boolean;
  /** Label of the evaluation a grade column belongs to (R3, 総括, 自己評価). */
  label?: string;
  /** The user chose this role. */
  overridden?: boolean;
}

export type TableLayoutKind = "rowPerItem" | "pairs";

export interface TableLayout {
  sheet: string;
  kind: TableLayoutKind;
  /** Zero-based sheet rows of the header (one to three rows: 目標・実績 / years / 目標 | 実績). */
  headerTop: number;
  headerBottom: number;
  columns: ColumnMapping[];
  /** Fiscal year named in a title above the header (令和3年度進捗状況…), if any. */
  titleYear: number | null;
  titleText: string | null;
  /** 「所管課：デジタル推進課」 above the header (a sheet per department): the department of rows without their own. */
  sheetDepartment?: string | null;
  /** The one fiscal year the sheet states (headers, title or sheet name); null when none or several. */
  statedYear: StatedYear | null;
  /** The table has self grades and names indicators, but its target and actual columns were not both found. */
  valuesNotFound?: boolean;
}

export type SheetDetection =
  { ok: true; layout: TableLayout } | { ok: false; sheet: string; reason: string; reasonJa: string };

export function columnsWithRole(layout: TableLayout, role: ColumnRole): ColumnMapping[] {
  return layout.columns.filter((c) => c.role === role);
}
