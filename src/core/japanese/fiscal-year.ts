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

/** A fiscal year in a narrow column heading: R3, H30 (the era's initial and year), else the western year. */
export function formatFiscalYearShort(year: number): string {
  if (year >= 2019) return `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  return String(year);
}

/** A fiscal year named in running text, with the words that name it as written. */
export interface YearMention {
  fiscalYear: number;
  /** The words as written in the text: 令和２年度, 平成25年度, R3, FY2021, 2013年度. */
  text: string;
}

const ERA_DIGITS = "元0-9０-９一二三四五六七八九十";
// No lookbehind (older Office web views lack it): what precedes a match is checked in code.
const MENTION = new RegExp(
  [
    `(?:令和|平成|昭和)\\s*[${ERA_DIGITS}]{1,3}\\s*年度?`,
    `(?:FY|ＦＹ)\\s*[0-9０-９]{4}(?![0-9０-９])`,
    `(?:19|20|21|１９|２０|２１)[0-9０-９]{2}\\s*年度?(?![0-9０-９])`,
    `(?:19|20|21|１９|２０|２１)[0-9０-９]{2}(?![0-9０-９])`,
    `[RHrhＲＨ]\\s*[0-9０-９]{1,2}(?![0-9０-９])`,
  ].join("|"),
  "gu",
);
const LETTER_BEFORE = /[A-Za-zＡ-Ｚａ-ｚ]/;
const DIGIT_BEFORE = /[0-9０-９]/;

/** Characters between two years that make them a period (令和元年度～令和５年度, 2019-2021). */
const RANGE_BETWEEN = /^\s*(?:[〜～~\-－–―]|から|より|to)\s*$/i;

/**
 * Every fiscal year a text mentions, in order, with the years of a period (令和元年度～令和５年度,
 * 2019-2021) left out: a plan period is not the evaluated year. A bare four-digit number counts
 * only when the text is short (a sheet named 「2021」) or it is the only number-like word.
 */
export function fiscalYearsIn(text: string): YearMention[] {
  const found: { fiscalYear: number; text: string; start: number; end: number; bare: boolean }[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m !== null; m = MENTION.exec(text)) {
    const word = m[0];
    const before = m.index > 0 ? text[m.index - 1]! : "";
    // 「ABR3」「XFY2021」 are not years; nor is 2021 inside 12021.
    if (/^[FRHfrhＦＲＨ]/.test(word) && LETTER_BEFORE.test(before)) continue;
    if (/^[0-9０-９]/.test(word) && DIGIT_BEFORE.test(before)) continue;
    const bare = /^[0-9０-９]{4}$/.test(word);
    const fy = parseFiscalYear(bare ? `${word}年度` : word);
    if (fy === null) continue;
    found.push({ fiscalYear: fy, text: word.trim(), start: m.index, end: m.index + word.length, bare });
  }
  const inPeriod = new Set<number>();
  for (let i = 0; i + 1 < found.length; i++) {
    if (RANGE_BETWEEN.test(text.slice(found[i]!.end, found[i + 1]!.start))) {
      inPeriod.add(i);
      inPeriod.add(i + 1);
    }
  }
  const shortText = toHalfWidth(text).replace(/\s+/g, "").length <= 12;
  return found
    .filter((f, i) => !inPeriod.has(i) && (!f.bare || shortText))
    .map((f) => ({ fiscalYear: f.fiscalYear, text: f.text }));
}

/** The one fiscal year a text names (title, sheet name), or null when it names none or several. */
export function singleFiscalYearIn(text: string): YearMention | null {
  const all = fiscalYearsIn(text);
  if (all.length === 0) return null;
  const first = all[0]!;
  return all.every((m) => m.fiscalYear === first.fiscalYear) ? first : null;
}
