/**
 * --year: 令和2年度, 令和２年度, 令和元年度, 平成31年度, R2, R02, 2020, 2020年度,
 * FY2020 → the fiscal year (the year it starts: 令和2年度 = 2020).
 * The label reading is the core's (src/core/japanese/fiscal-year.ts).
 */
import { parseFiscalYear } from "../core/japanese/fiscal-year";

export type YearArg = { ok: true; year: number } | { ok: false; message: string };

export function parseYearArg(input: string): YearArg {
  const s = input.normalize("NFKC").trim();
  const bad: YearArg = {
    ok: false,
    message: `--year: 年度として読めません / not a fiscal year: "${input}" (例 / e.g. 令和2年度, R2, 2020)`,
  };
  const compact = s.replace(/\s+/g, "");
  // Only a year on its own (a header like 「R3評価」 is not a command-line year).
  const era = /^(令和|平成|昭和)(元|\d{1,2}|[一二三四五六七八九十]{1,3})(年度?)?$/.exec(compact);
  const shapes = [/^[RHS]\d{1,2}(年度?)?$/i, /^(FY)?\d{4}(年度?)?$/i];
  if (!era && !shapes.some((re) => re.test(compact))) return bad;
  const year = parseFiscalYear(era ? `${era[1]}${era[2]}年度` : compact);
  if (year === null) return bad;
  if (year < 1989 || year > 2200)
    return {
      ok: false,
      message: `--year: 1989〜2200 の年度を指定してください / the year must be 1989–2200: "${input}"`,
    };
  return { ok: true, year };
}
