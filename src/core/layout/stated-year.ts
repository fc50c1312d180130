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

const D = "[0-9０-９]";
/**
 * Calendar dates (作成日：令和6年5月31日, 2024年5月31日現在, 2024/5/31, R6.5.31) name a day, not the
 * evaluated fiscal year: a report for 令和5年度 is written in 令和6年.
 */
const DATE = new RegExp(
  [
    `(?:令和|平成|昭和)\\s*[元0-9０-９一二三四五六七八九十]{1,3}\\s*年\\s*${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*日)?`,
    `${D}{4}\\s*年\\s*${D}{1,2}\\s*月(?:\\s*${D}{1,2}\\s*日)?`,
    `${D}{4}[/.\\-／．－]${D}{1,2}[/.\\-／．－]${D}{1,2}`,
    `[RHＲＨ]${D}{1,2}[.．]${D}{1,2}[.．]${D}{1,2}`,
  ].join("|"),
  "g",
);

/** The year of the first title text that names exactly one year, else of the sheet name. */
function namedYear(titleTexts: readonly string[], sheetName: string): StatedYear | null {
  for (const t of titleTexts) {
    const m = singleFiscalYearIn(t.replace(DATE, " "));
    if (m) return { fiscalYear: m.fiscalYear, label: m.text, from: "title" };
  }
  const m = singleFiscalYearIn(sheetName);
  if (m) return { fiscalYear: m.fiscalYear, label: m.text, from: "sheetName" };
  return null;
}
