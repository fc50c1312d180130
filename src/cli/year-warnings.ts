/**
 * Warnings about fiscal years that a person scripting the command would want:
 * - `--year` that matches no data: a warning naming the years the sheets have
 *   (the run goes on, exit 0: the summary still lists every item with its reason);
 * - several inputs whose evaluated years differ (e.g. one department's workbook
 *   has R3 actuals, another only R2): which input evaluates which year.
 */
import { formatFiscalYearJa } from "../core/japanese/fiscal-year";
import type { ReviewResult } from "../core/run-review";

/** Fiscal years named anywhere in the detected tables: year columns, year grade columns, titles. */
export function yearsInData(result: Pick<ReviewResult, "layouts">, sheets?: ReadonlySet<string>): number[] {
  const years = new Set<number>();
  for (const layout of result.layouts) {
    if (sheets && !sheets.has(layout.sheet)) continue;
    for (const c of layout.columns) if (typeof c.fiscalYear === "number") years.add(c.fiscalYear);
    if (layout.titleYear !== null) years.add(layout.titleYear);
  }
  return [...years].sort((a, b) => a - b);
}

function yearList(years: readonly number[]): { ja: string; en: string } {
  if (years.length === 0) return { ja: "なし", en: "none" };
  return { ja: years.map((y) => `${formatFiscalYearJa(y)}`).join("、"), en: years.join(", ") };
}

/** The --year warning, or null when the data has that year. */
export function requestedYearWarning(year: number, result: Pick<ReviewResult, "layouts">): string | null {
  const found = yearsInData(result);
  if (found.includes(year)) return null;
  const list = yearList(found);
  return (
    `--year ${formatFiscalYearJa(year)}（${year}）のデータは見つかりませんでした。見つかった年度: ${list.ja}` +
    ` / no data for fiscal year ${year}; years found: ${list.en}`
  );
}

export interface InputSheets {
  label: string;
  /** Names of the input's sheets in the combined workbook. */
  sheets: string[];
}

/** Which input evaluates which year, when the inputs' evaluated years differ; null when they agree. */
export function inputYearsWarning(
  inputs: readonly InputSheets[],
  result: Pick<ReviewResult, "summary">,
): string | null {
  if (inputs.length < 2) return null;
  const perInput = inputs.map((input) => {
    const sheets = new Set(input.sheets);
    const years = new Set<number>();
    let undated = false;
    for (const ev of result.summary.evaluations) {
      if (!ev.items.some((item) => sheets.has(item.sheet))) continue;
      if (ev.fiscalYear === null) undated = true;
      else years.add(ev.fiscalYear);
    }
    return { label: input.label, years: [...years].sort((a, b) => a - b), undated };
  });
  const key = (p: (typeof perInput)[number]) => p.years.join(",");
  const withData = perInput.filter((p) => p.years.length > 0 || p.undated);
  if (withData.length < 2 || new Set(withData.map(key)).size === 1) return null;
  const ja = perInput.map((p) => `${p.label} → ${p.years.length ? yearList(p.years).ja : "年度なし"}`).join("；");
  const en = perInput.map((p) => `${p.label} → ${p.years.length ? yearList(p.years).en : "no year"}`).join("; ");
  return `入力によって評価する年度が異なります: ${ja} / the inputs evaluate different fiscal years: ${en}`;
}
