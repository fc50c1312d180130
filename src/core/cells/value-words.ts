/**
 * Words written around the number of a target / actual cell and what they
 * mean: 「毎年67,000」「最終年度に30,000」「年間5,300人」「各年度10件」, and the
 * English caps and floors ("15 min or less", "≤ 15", "at least 95%").
 * Kept apart from the number scanner so that a faster scanner can be checked
 * against these functions word for word.
 */
import type { Qualifier } from "./parse-indicator-value";

/**
 * What a leading word says the number is:
 * - everyYear: the same value is the target of every year (毎年, 各年度, 年間, each year);
 * - finalYear: the value is to be reached by the plan's last year (最終年度に, by the final year);
 * - cumulative: a running total (累計);
 * - period: a total over a period of years (3年間で4.5万冊): graded pro rata, or listed (issue 16, item 4).
 */
export type ValueBasis = "everyYear" | "finalYear" | "cumulative" | "period";

export interface LeadingWords {
  basis: ValueBasis | null;
  /** The basis word as written (毎年, 最終年度に), for reasons. */
  basisText: string | null;
  qualifier: Qualifier | null;
  /** The cap / floor word as written (≤, at most, within), for reasons. */
  qualifierText: string | null;
  /** The text after the words (the number and what follows it). */
  rest: string;
}

const BASIS_WORDS: { pattern: RegExp; basis: ValueBasis }[] = [
  { pattern: /^(?:計画)?最終年度(?:までに|まで|に|で)?/, basis: "finalYear" },
  { pattern: /^目標年度(?:までに|まで|に)?/, basis: "finalYear" },
  { pattern: /^(?:毎年度?|各年度?|年間|単年度|毎期)(?:に|で)?/, basis: "everyYear" },
  { pattern: /^累計(?:で)?/, basis: "cumulative" },
  { pattern: /^(?:by|in)\s+the\s+final\s+year\b|^(?:by|in)\s+final\s+year\b|^final[-\s]year\b/i, basis: "finalYear" },
  { pattern: /^(?:every|each)\s+year\b|^annually\b|^per\s+year\b|^yearly\b|^annual\b/i, basis: "everyYear" },
  { pattern: /^cumulative(?:ly)?\b|^in\s+total\b/i, basis: "cumulative" },
];

/** Caps and floors written before the number. Longer words first (<= before <). */
const LEADING_QUALIFIERS: { pattern: RegExp; qualifier: Qualifier }[] = [
  { pattern: /^(?:≦|≤|=<|<=)/, qualifier: "以下" },
  { pattern: /^(?:≧|≥|=>|>=)/, qualifier: "以上" },
  { pattern: /^</, qualifier: "未満" },
  { pattern: /^>/, qualifier: "超" },
  {
    pattern: /^(?:at\s+most|no\s+more\s+than|not\s+more\s+than|max(?:imum)?\.?|up\s+to)(?=[\s\d:.+\-▲△])/i,
    qualifier: "以下",
  },
  { pattern: /^within(?=[\s\d])/i, qualifier: "以内" },
  { pattern: /^(?:less\s+than|under|below|fewer\s+than)(?=[\s\d])/i, qualifier: "未満" },
  {
    pattern: /^(?:at\s+least|no\s+less\s+than|not\s+less\s+than|min(?:imum)?\.?)(?=[\s\d:.+\-▲△])/i,
    qualifier: "以上",
  },
  { pattern: /^(?:more\s+than|over|above)(?=[\s\d])/i, qualifier: "超" },
];

/** Caps and floors written after the number and its unit. */
const TRAILING_QUALIFIERS: { pattern: RegExp; qualifier: Qualifier }[] = [
  { pattern: /\(?\s*(?:lower|smaller|less|fewer)\s+is\s+better\s*\)?$/i, qualifier: "以下" },
  { pattern: /\(?\s*(?:higher|larger|more|bigger)\s+is\s+better\s*\)?$/i, qualifier: "以上" },
  {
    pattern: /\bor\s+(?:less|fewer|lower|below|under)$|\bat\s+most$|\bmax(?:imum)?\.?$|\bor\s+shorter$/i,
    qualifier: "以下",
  },
  { pattern: /\bor\s+(?:more|greater|higher|above|over)$|\bat\s+least$|\bminimum$|\bor\s+longer$/i, qualifier: "以上" },
];

/** Strips the leading basis word and cap / floor word, in either order. */
/** Text that starts with a digit or a sign has no leading word (most cells): skip the word tables. */
const STARTS_WITH_NUMBER = /^[\d+\-▲△.]/;
/** A trailing word ends in a Latin letter, a dot or a bracket ("or less", "max.", "(lower is better)"). */
const MAY_END_IN_WORD = /[A-Za-z.)]$/;

/** Can the text start with a word (毎年, ≤, at most)? False for most cells, which start with a digit or a sign. */
export function mayStartWithWord(text: string): boolean {
  return text !== "" && !STARTS_WITH_NUMBER.test(text);
}

/** Can the text end with a cap / floor word or a bracketed basis? */
export function mayEndWithWord(text: string): boolean {
  return MAY_END_IN_WORD.test(text) || /[)）]\s*$/.test(text);
}

export function splitLeadingWords(text: string): LeadingWords {
  let rest = text.trim();
  if (STARTS_WITH_NUMBER.test(rest))
    return { basis: null, basisText: null, qualifier: null, qualifierText: null, rest };
  let basis: ValueBasis | null = null;
  let basisText: string | null = null;
  let qualifier: Qualifier | null = null;
  let qualifierText: string | null = null;
  // Two passes: 「毎年 ≤15」 and "at most 15 each year" are both written.
  for (let pass = 0; pass < 2; pass++) {
    if (basis === null) {
      for (const w of BASIS_WORDS) {
        const m = w.pattern.exec(rest);
        if (m && m[0].length > 0) {
          basis = w.basis;
          basisText = m[0].trim();
          rest = rest.slice(m[0].length).replace(/^[\s:：、,]+/, "");
          break;
        }
      }
    }
    if (qualifier === null) {
      for (const w of LEADING_QUALIFIERS) {
        const m = w.pattern.exec(rest);
        if (m) {
          qualifier = w.qualifier;
          qualifierText = m[0].trim();
          rest = rest.slice(m[0].length).replace(/^[\s:：]+/, "");
          break;
        }
      }
    }
  }
  return { basis, basisText, qualifier, qualifierText, rest };
}

/** A trailing cap / floor word ("or less", "(lower is better)"), or null; rest is what precedes it. */
export function splitTrailingQualifier(
  text: string,
): { qualifier: Qualifier; qualifierText: string; rest: string } | null {
  const t = text.trim();
  if (!MAY_END_IN_WORD.test(t)) return null;
  for (const w of TRAILING_QUALIFIERS) {
    const m = w.pattern.exec(t);
    if (m) {
      return {
        qualifier: w.qualifier,
        qualifierText: m[0].replace(/^\(\s*|\s*\)$/g, "").trim(),
        rest: t.slice(0, m.index).trim(),
      };
    }
  }
  return null;
}

/** 「95%（毎年）」「30,000（最終年度）」: a basis in brackets after the value; rest is what precedes it. */
export function splitTrailingBasis(text: string): { basis: ValueBasis; basisText: string; rest: string } | null {
  if (!/[)）]\s*$/.test(text)) return null;
  const m =
    /[(（]\s*(毎年度?|各年度?|年間|最終年度|目標年度|累計|every\s+year|each\s+year|annual|final\s+year|cumulative)\s*[)）]$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const word = m[1]!;
  const basis: ValueBasis = /最終|目標年度|final/i.test(word)
    ? "finalYear"
    : /累計|cumulative/i.test(word)
      ? "cumulative"
      : "everyYear";
  return { basis, basisText: word, rest: text.trim().slice(0, m.index).trim() };
}

/** Short Japanese / English name of a basis for reasons. */
export const BASIS_JA: Record<ValueBasis, string> = {
  everyYear: "毎年度の目標",
  finalYear: "最終年度目標",
  cumulative: "累計",
  period: "期間目標",
};
export const BASIS_EN: Record<ValueBasis, string> = {
  everyYear: "every-year target",
  finalYear: "final-year target",
  cumulative: "cumulative",
  period: "period target",
};

/** 「3年間で」「5か年で」「3年間の累計で」 before a number: the target is a total over that many years. */
const PERIOD_LEAD =
  /^(\d{1,2}|[一二三四五六七八九十])\s*(?:か|ヵ|ケ|カ|ヶ|箇)?年(?:間)?(?:の)?(?:累計|合計|総計|通算)?(?:で|に|間で)?\s*(?=[\d.+\-▲△約])/;
const KANJI_DIGITS = "一二三四五六七八九十";

/** The period of a period target (「3年間で100%」 → 3 years) and the text after it, or null. */
export function splitPeriod(text: string): { years: number; rest: string } | null {
  const m = PERIOD_LEAD.exec(text);
  if (!m) return null;
  const n = m[1]!;
  const years = /\d/.test(n) ? Number(n) : KANJI_DIGITS.indexOf(n) + 1;
  if (years < 2) return null;
  return { years, rest: text.slice(m[0].length) };
}
