/**
 * Japanese fiscal-year labels → Western fiscal year (the year the FY starts).
 * 令和元年度 = 2019, 令和２年度 = 2020, 平成31年度 = 2019, R2 / R02 = 2020,
 * 2020年度 / FY2020 = 2020. 総括 / 3か年総括 / 最終評価 are the overall evaluation.
 */
import { toHalfWidth } from "./normalize-text";

const ERAS: Record<string, number> = {
  令和: 2018,
  平成: 1988,
  昭和: 1925,
  r: 2018,
  h: 1988,
  s: 1925,
};

const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function kanjiNumber(s: string): number | null {
  if (s === "元") return 1;
  if (/^\d+$/.test(s)) return Number(s);
  // 十, 十二, 二十, 二十三 …
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const d = KANJI_DIGITS[ch];
    if (d === undefined) return null;
    if (d === 10) {
      total += (current || 1) * 10;
      current = 0;
    } else current = d;
  }
  return total + current || null;
}

/**
 * The fiscal year a label names, or null. Accepts the label anywhere in a short
 * header such as 「令和３年度実績」「評価(R3)」「R3評価」「2021年度目標」.
 */
export function parseFiscalYear(label: string): number | null {
  const s = toHalfWidth(label).replace(/\s+/g, "");
  let m = /(令和|平成|昭和)(元|\d{1,2}|[一二三四五六七八九十]{1,3})年/.exec(s);
  if (m) {
    const n = kanjiNumber(m[2]!);
    if (n !== null) return ERAS[m[1]!]! + n;
  }
  m = /(?:^|[^a-z])fy(\d{4})(?!\d)/i.exec(s);
  if (m) return Number(m[1]);
  m = /(?:^|\D)((?:19|20|21)\d{2})(?:年度|年|fy)?(?!\d)/i.exec(s);
  if (m && (/年度/.test(s) || /^\D{0,8}(?:19|20|21)\d{2}\D{0,8}$/.test(s))) return Number(m[1]);
  m = /(?:^|[^a-z])([rhs])0?(\d{1,2})(?:年度)?(?![\d])/i.exec(s);
  if (m) {
    const n = Number(m[2]);
    if (n >= 1 && n <= 64) return ERAS[m[1]!.toLowerCase()]! + n;
  }
  return null;
}

/** 総括, 3か年総括, 総括評価, 最終評価, 計画期間全体, overall → the overall evaluation. */
export function isOverallLabel(label: string): boolean {
  const s = toHalfWidth(label).replace(/\s+/g, "").toLowerCase();
  return /総括|最終評価|期間全体|全期間|overall|summary/.test(s);
}

/** Display label of a fiscal year in the workbook's style: 令和２年度. */
export function formatFiscalYearJa(year: number): string {
  if (year >= 2019) {
    const n = year - 2018;
    return n === 1 ? "令和元年度" : `令和${n}年度`;
  }
  if (year >= 1989) return year === 1989 ? "平成元年度" : `平成${year - 1988}年度`;
  return `${year}年度`;
}
