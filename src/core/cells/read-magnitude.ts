/**
 * Japanese magnitudes in a number as staff write it (issue 16, item 2): 「114.5万冊」 is 1,145,000 冊,
 * 「114万5346冊」 is 1,145,346 冊, 「1億2千万円」 is 120,000,000 円, 「500千円」 is 500,000 円. Without this,
 * 万冊 was a unit and a target of 790,000冊 against 72万冊 gave R = 0.0 %.
 */

const BIG: Record<string, number> = { 万: 4, 億: 8, 兆: 12 };
// Global, not sticky (IE11 and EdgeHTML 18, where the ribbon command runs, have no /y): a token must start where
// the previous one ended.
const TOKEN = /\s*(?:(\d[\d,]*(?:\.\d+)?|\.\d+)|([千万億兆]))/g;

export interface Magnitude {
  value: number;
  /** The value as a decimal for the exact comparison (e.g. "114.5e4"). */
  decimal: string;
  /** What follows the number (the unit, maybe a qualifier). */
  rest: string;
}

/** Does the text after a number begin with a magnitude character (the scanner then declines)? */
export function isMagnitudeChar(c: number): boolean {
  return c === 0x4e07 || c === 0x5104 || c === 0x5343 || c === 0x5146;
}

/**
 * The number at the start of `body` with its 千 / 万 / 億 / 兆, or null when the body has no magnitude character
 * right after a number (plain numbers are read by the other parsers). Commas must be well placed.
 */
export function readMagnitude(body: string): Magnitude | null {
  TOKEN.lastIndex = 0;
  // Terms as decimal strings with a power of ten: "114.5" × 10^4.
  const terms: { digits: string; power: number }[] = [];
  let pending: string | null = null;
  // Terms of the current 万-group (before its 万 / 億 / 兆): 2千 → 2 × 10^3; small counts its 千.
  let small = 0;
  let groupTerms: { digits: string; power: number }[] = [];
  let lastBig = Infinity;
  let sawMagnitude = false;
  let end = 0;
  for (;;) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m || m.index !== at) break;
    if (m[1] !== undefined) {
      if (pending !== null) break;
      const d = m[1];
      if (d.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(d)) return null;
      pending = d.replace(/,/g, "");
    } else {
      const ch = m[2]!;
      sawMagnitude = true;
      if (ch === "千") {
        if (small > 0) return null;
        groupTerms.push({ digits: pending ?? "1", power: 3 });
        small++;
      } else {
        const p = BIG[ch]!;
        if (p >= lastBig || (pending === null && groupTerms.length === 0)) return null;
        lastBig = p;
        if (pending !== null) groupTerms.push({ digits: pending, power: 0 });
        for (const t of groupTerms) terms.push({ digits: t.digits, power: t.power + p });
        groupTerms = [];
        small = 0;
      }
      pending = null;
    }
    end = TOKEN.lastIndex;
  }
  if (!sawMagnitude) return null;
  // A number after the last magnitude (114万5346) must be below it; one before nothing stays as written.
  if (pending !== null) {
    if (lastBig !== Infinity && groupTerms.length === 0 && Number(pending) >= 10 ** lastBig) return null;
    groupTerms.push({ digits: pending, power: 0 });
  }
  terms.push(...groupTerms);
  // The rest may not start with a digit (「3万2」 then 「5」 is no number).
  const rest = body.slice(end).trim();
  if (/^\d/.test(rest)) return null;
  const values = terms.map((t) => Number(`${t.digits}e${t.power}`));
  const value = values.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(value)) return null;
  let decimal: string;
  if (terms.length === 1) decimal = `${terms[0]!.digits}e${terms[0]!.power}`;
  else if (values.every(Number.isInteger) && Number.isSafeInteger(value)) decimal = String(value);
  else return null;
  return { value, decimal, rest };
}
