/**
 * The fiscal year a sheet says it is about, wherever it says it: the
 * target / actual headers (「令和２年度 目標値」), the title above the table
 * (「平成25年度 図書館評価」), or the sheet name (「平成25年度」), in that order.
 * It labels the sheet's evaluation, so that workbooks kept as one sheet per
 * fiscal year give one evaluation per year.
 */
import { formatFiscalYearJa, singleFiscalYearIn } from "../japanese/fiscal-year";
import type { ColumnMapping } from "./table-model";

export interface StatedYear {
  fiscalYear: number;
  /** The year as the sheet writes it (令和２年度, 平成25年度, FY2021), for the evaluation's label. */
  label: string;
  from: "header" | "title" | "sheetName";
  /**
   * The headers hold several years and the title or sheet name picks this one of them: the
   * sheet's evaluated year unless the reviewer chose another (--year).
   */
  amongSeveral?: true;
}

const YEAR_BEARING = new Set(["target", "actual", "year"]);

/** Distinct fiscal years of the target / actual / year columns, ascending. */
export function headerYears(columns: readonly ColumnMapping[]): number[] {
  const years = new Set<number>();
  for (const c of columns) if (YEAR_BEARING.has(c.role) && typeof c.fiscalYear === "number") years.add(c.fiscalYear);
  return [...years].sort((a, b) => a - b);
}

/**
 * The one year the sheet states, or null: none stated, or the headers hold several years and
 * neither the title nor the sheet name picks one of them (a multi-year table, whose evaluated
 * year is chosen for the whole workbook). Header years win over the title, the title over the
 * sheet name; a title naming a period (令和元年度～令和５年度) names no year.
 */
export function statedYear(
  columns: readonly ColumnMapping[],
  titleTexts: readonly string[],
  sheetName: string,
): StatedYear | null {
  const years = headerYears(columns);
  if (years.length > 1) {
    // A multi-year table whose title or sheet name picks one of its years (「令和２年度 進捗状況」).
    const named = namedYear(titleTexts, sheetName);
    return named && years.includes(named.fiscalYear) ? { ...named, amongSeveral: true } : null;
  }
  if (years.length === 1) {
    const fy = years[0]!;
    const col = columns.find((c) => YEAR_BEARING.has(c.role) && c.fiscalYear === fy)!;
    const written = [col.label ?? "", col.header].map((t) => singleFiscalYearIn(t)).find((m) => m?.fiscalYear === fy);
    return { fiscalYear: fy, label: written?.text ?? formatFiscalYearJa(fy), from: "header" };
  }
  return namedYear(titleTexts, sheetName);
}

/** The year of the first title text that names exactly one year, else of the sheet name. */
function namedYear(titleTexts: readonly string[], sheetName: string): StatedYear | null {
  for (const t of titleTexts) {
    const m = singleFiscalYearIn(t);
    if (m) return { fiscalYear: m.fiscalYear, label: m.text, from: "title" };
  }
  const m = singleFiscalYearIn(sheetName);
  if (m) return { fiscalYear: m.fiscalYear, label: m.text, from: "sheetName" };
  return null;
}
