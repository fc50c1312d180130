/**
 * The character-code scanner for the common indicator cell: a number as staff
 * type it (full-width or not, thousands commas, ▲ △ − signs, a decimal) and a
 * short Japanese unit or %, with an optional 以内 / 以下 / 未満 / 以上 / まで / 超.
 * It reads the text once by character code and fills one reused result: no
 * intermediate strings, arrays or regex matches. Anything it is not sure of
 * (words before the number, spaces, brackets, Latin letters, odd commas, more
 * digits than a double holds exactly) it declines, and the word-aware parser
 * in parse-indicator-value.ts reads the cell; a property test checks that
 * both agree wherever the scanner answers.
 */

/** Qualifier codes, in the order the pattern parser tries them (以内 first). */
export const QUALIFIER_CODES = ["以内", "以下", "未満", "以上", "まで", "超"] as const;

export interface ScannedNumber {
  /** The value as Number() of the decimal as written would give it (percent as a fraction). */
  value: number;
  negative: boolean;
  /** The digits as an integer and the power of ten to divide by (exact value = ±mantissa / 10^scale). */
  mantissa: number;
  scale: number;
  /** The unit's span in the text, or unitStart === unitEnd for none; unitIsPercent for % / ％. */
  unitStart: number;
  unitEnd: number;
  unitIsPercent: boolean;
  /** Index into QUALIFIER_CODES, or -1. */
  qualifier: number;
}

/** Exact powers of ten as doubles (10^22 is the largest one). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Fifteen digits always fit a double's 53-bit integer range. */
const MAX_DIGITS = 15;

const result: ScannedNumber = {
  value: 0,
  negative: false,
  mantissa: 0,
  scale: 0,
  unitStart: 0,
  unitEnd: 0,
  unitIsPercent: false,
  qualifier: -1,
};

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

const isComma = (c: number) => c === 0x2c || c === 0xff0c;
const isDot = (c: number) => c === 0x2e || c === 0xff0e;

/**
 * A character that may be part of a Japanese unit (件, 分, 人, か所, ポイント): kana, kanji and beyond, but not
 * full-width ASCII or brackets (the pattern parser folds or reads those) nor U+FEFF (trimmed as a space).
 */
function isUnitChar(c: number): boolean {
  return c >= 0x3040 && !(c >= 0xff00 && c <= 0xffef) && c !== 0xfeff;
}

/** Does text[start, end) end with word? */
function endsWith(text: string, start: number, end: number, word: string): boolean {
  const n = word.length;
  if (end - start < n) return false;
  for (let i = 0; i < n; i++) if (text.charCodeAt(end - n + i) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * Scans the whole text; the returned object is reused by the next call (read it before scanning again).
 * Null when the text is not of the common form (the caller then uses the word-aware parser).
 */
export function scanNumberText(text: string): ScannedNumber | null {
  const n = text.length;
  let i = 0;
  let negative = false;
  let c = n > 0 ? text.charCodeAt(0) : -1;
  // One sign directly before the digits: + - ＋ － − ▲ △.
  if (c === 0x2b || c === 0xff0b) i = 1;
  else if (c === 0x2d || c === 0xff0d || c === 0x2212 || c === 0x25b2 || c === 0x25b3) {
    negative = true;
    i = 1;
  }
  if (i >= n || digitOf(text.charCodeAt(i)) < 0) return null;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  // Digits of the current comma group; -1 before the first comma (the first group may have 1–3 digits).
  let group = 0;
  let sawComma = false;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      mantissa = mantissa * 10 + d;
      digits++;
      group++;
      continue;
    }
    if (isComma(c)) {
      if ((sawComma ? group !== 3 : group > 3) || digitOf(i + 1 < n ? text.charCodeAt(i + 1) : -1) < 0) return null;
      sawComma = true;
      group = 0;
      continue;
    }
    break;
  }
  if (sawComma && group !== 3) return null;
  if (i < n && isDot(text.charCodeAt(i))) {
    i++;
    if (i >= n || digitOf(text.charCodeAt(i)) < 0) return null;
    for (; i < n; i++) {
      const d = digitOf(text.charCodeAt(i));
      if (d < 0) break;
      mantissa = mantissa * 10 + d;
      digits++;
      scale++;
    }
  }
  if (digits > MAX_DIGITS) return null;
  // The rest: nothing, one % sign, or unit characters with an optional qualifier at the end.
  const unitStart = i;
  let unitEnd = n;
  let unitIsPercent = false;
  let qualifier = -1;
  if (i < n) {
    c = text.charCodeAt(i);
    if ((c === 0x25 || c === 0xff05) && i + 1 === n) unitIsPercent = true;
    // 114.5万冊: a magnitude, read by the word-aware parser (read-magnitude.ts).
    else if (c === 0x4e07 || c === 0x5104 || c === 0x5343 || c === 0x5146) return null;
    else {
      for (let k = i; k < n; k++) if (!isUnitChar(text.charCodeAt(k))) return null;
      for (let q = 0; q < QUALIFIER_CODES.length; q++) {
        if (endsWith(text, i, n, QUALIFIER_CODES[q]!)) {
          qualifier = q;
          unitEnd = n - QUALIFIER_CODES[q]!.length;
          break;
        }
      }
      // Longer than a unit: a sentence, which the word-aware parser judges.
      if (unitEnd - unitStart > 8) return null;
    }
  }
  if (unitIsPercent) scale += 2;
  if (scale >= POW10.length) return null;
  // An integer below 2^53 divided by an exact power of ten: one correctly rounded division, as Number("…e-k").
  const magnitude = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  result.value = negative ? -magnitude : magnitude;
  result.negative = negative;
  result.mantissa = mantissa;
  result.scale = scale;
  result.unitStart = unitStart;
  result.unitEnd = unitIsPercent ? n : unitEnd;
  result.unitIsPercent = unitIsPercent;
  result.qualifier = qualifier;
  return result;
}
