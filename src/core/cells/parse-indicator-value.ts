/**
 * One target / actual cell → what it means for grading. Reads the value as
 * staff write it: 36,000件, 32.80%, ▲16.68%, １５分以内, 評価期間前, or a
 * number shown through a format such as 0.00%;"▲"0.00% or #,##0"件".
 */
import { toHalfWidth, cleanText } from "../japanese/normalize-text";
import { rationalFromDecimalString, type Rational } from "./exact-number";
import { QUALIFIER_CODES, scanNumberText } from "./scan-number-text";
import { isMagnitudeChar, readMagnitude } from "./read-magnitude";
import type { RawValue } from "../model/snapshot";
import {
  mayEndWithWord,
  mayStartWithWord,
  splitLeadingWords,
  splitTrailingBasis,
  splitPeriod,
  splitTrailingQualifier,
  type ValueBasis,
} from "./value-words";

export type Qualifier = "以内" | "以下" | "未満" | "以上" | "まで" | "超";

export type IndicatorValue =
  | {
      kind: "number";
      /** The value as a plain number (percent as a fraction: 32.8 % → 0.328). */
      value: number;
      /** Exact value, computed on demand (only the band comparison near a boundary needs it). */
      readonly exact: Rational;
      unit: string | null;
      qualifier: Qualifier | null;
      /** The cap / floor word as written (以内, ≤, or less), when it differs from the canonical qualifier. */
      qualifierText: string | null;
      /** What a word before the number says the value is (毎年 → everyYear, 最終年度に → finalYear). */
      basis: ValueBasis | null;
      /** That word as written (for a period target, the whole cell: 3年間で4.5万冊). */
      basisText: string | null;
      /** The years of a period target (3年間で… → 3), else null. */
      periodYears: number | null;
    }
  | { kind: "blank" }
  /** A word that means "not evaluated": 評価期間前, 対象外, -, … */
  | { kind: "excluded"; word: string }
  | { kind: "error"; code: string }
  /** Present but not a number: text, a date, TRUE/FALSE. */
  | { kind: "unreadable"; text: string; why: "text" | "date" | "boolean" };

/** Words that mean the value is not evaluated (GRADING.md §4). */
export const EXCLUDED_WORDS = [
  "評価期間前",
  "対象外",
  "集計中",
  "未確定",
  "該当なし",
  "評価対象外",
  "未実施",
  "-",
  "－",
  "―",
  "—",
  "‐",
  "−",
  "ー",
  "–",
  "n/a",
  "na",
];
const EXCLUDED_SET = new Set(EXCLUDED_WORDS);

const ERROR_VALUES =
  /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

export function isErrorValue(v: unknown): v is string {
  return typeof v === "string" && v.length > 2 && v[0] === "#" && ERROR_VALUES.test(v);
}

const LONGEST_EXCLUDED = Math.max(...EXCLUDED_WORDS.map((w) => w.length)) + 4;

export function excludedWord(text: string): string | null {
  if (text.length > LONGEST_EXCLUDED * 2) return null;
  const t = toHalfWidth(cleanText(text)).toLowerCase();
  return EXCLUDED_SET.has(t) ? cleanText(text) : null;
}

const QUALIFIERS: Qualifier[] = ["以内", "以下", "未満", "以上", "まで", "超"];

/** Number formats that display a date or a time. */
export function isDateFormat(format: string): boolean {
  if (!format || format === "General" || format === "@") return false;
  // Ignore quoted literals and colour / condition brackets before looking for date tokens.
  // Escaped literals (\h) are text too; E+ / E- is scientific notation, not the era year.
  const f = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[ymdhs]|ggg?|e{1,2}(?![a-z+-])/i.test(f.replace(/General/gi, ""));
}

/** Literal unit text inside a number format: #,##0"件" → 件; 0.0% → %. */
export function unitFromFormat(format: string): string | null {
  if (!format || format === "General") return null;
  const first = format.split(";")[0]!;
  const quoted = /"([^"]+)"\s*$/.exec(first) ?? /\\(.)\s*$/.exec(first);
  if (quoted && /[^\d.,\s▲△-]/.test(quoted[1]!)) return quoted[1]!.trim();
  if (/%/.test(first.replace(/"[^"]*"/g, ""))) return "%";
  return null;
}

const NUMBER_TEXT = /^([+\-▲△]?)\s*(約|概ね|およそ)?\s*([+\-▲△]?)(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(.*)$/;

/** A unit is a short word without digits (件, 分, %, 人/年), or a few English words (visitors per year). */
function isUnitText(rest: string): boolean {
  if (rest === "") return true;
  if (/\d/.test(rest)) return false;
  return rest.length <= 8 || /^[a-z][a-z ./%-]{0,23}$/i.test(rest);
}

/**
 * Parses text like "36,000件", "▲16.68%", "15分以内", "+3.5ポイント", and with words around the number:
 * 「毎年67,000」「最終年度に30,000」「年間5,300人」「各年度10件」, "≤ 15 min", "15 minutes or less", "at least 95%".
 * The common form is read by the character-code scanner; the rest by the word-aware pattern parser.
 */
export function parseNumberText(raw: string): IndicatorValue | null {
  return scannedValue(raw) ?? parseNumberTextByPattern(raw);
}

/** Does the text read as a number? The common form is answered by the scanner without building a value. */
export function readsAsNumber(raw: string): boolean {
  return scanNumberText(raw) !== null || parseNumberTextByPattern(raw) !== null;
}

/** The last unit read by the scanner: most columns repeat one unit, so its string is reused, not sliced again. */
let lastUnit = "";

/** The scanner's reading of the common form as an IndicatorValue, or null when the scanner declines. */
export function scannedValue(raw: string): IndicatorValue | null {
  const s = scanNumberText(raw);
  if (s === null) return null;
  let unit: string | null = null;
  if (s.unitIsPercent) unit = "%";
  else if (s.unitEnd > s.unitStart) {
    const len = s.unitEnd - s.unitStart;
    let same = lastUnit.length === len;
    for (let k = 0; same && k < len; k++) same = lastUnit.charCodeAt(k) === raw.charCodeAt(s.unitStart + k);
    unit = same ? lastUnit : (lastUnit = raw.slice(s.unitStart, s.unitEnd));
  }
  const qualifier = s.qualifier < 0 ? null : QUALIFIER_CODES[s.qualifier]!;
  return new NumberValue(s.value, null, unit, qualifier, qualifier, null, null, s.mantissa, s.scale, s.negative);
}

/** The word-aware parser (and the scanner's test oracle): every form the scanner declines. */
export function parseNumberTextByPattern(raw: string): IndicatorValue | null {
  const t = toHalfWidth(cleanText(raw)).replace(/，/g, ",").replace(/．/g, ".");
  // 3年間で4.5万冊: a total over the period, never the target of one year.
  const period = /^[\d一二三四五六七八九十]/.test(t) ? splitPeriod(t) : null;
  const written = period ? t : "";
  const lead = period ? null : mayStartWithWord(t) ? splitLeadingWords(t) : null;
  let body = period ? period.rest : lead ? lead.rest : t;
  let basis: ValueBasis | null = period ? "period" : (lead?.basis ?? null);
  let basisText = period ? written : (lead?.basisText ?? null);
  const trailingBasis = basis === null && mayEndWithWord(body) ? splitTrailingBasis(body) : null;
  if (trailingBasis) {
    basis = trailingBasis.basis;
    basisText = trailingBasis.basisText;
    body = trailingBasis.rest;
  }
  const m = NUMBER_TEXT.exec(body);
  if (!m) return null;
  const signChar = m[1] || m[3] || "";
  const negative = signChar === "-" || signChar === "▲" || signChar === "△";
  const digits = m[4]!;
  // Thousands separators must be well placed, else this is not a number ("1,2,3").
  if (digits.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return null;
  let rest = m[5]!.trim();
  // 114.5万冊, 114万5346冊, 1億2千万円: the magnitude is part of the number, not of the unit.
  const magnitude = rest !== "" && isMagnitudeChar(rest.charCodeAt(0)) ? readMagnitude(digits + rest) : null;
  if (rest !== "" && isMagnitudeChar(rest.charCodeAt(0)) && magnitude === null) return null;
  if (magnitude) rest = magnitude.rest;
  let qualifier: Qualifier | null = lead?.qualifier ?? null;
  let qualifierText: string | null = lead?.qualifierText ?? null;
  for (const q of QUALIFIERS) {
    if (rest.endsWith(q)) {
      qualifier ??= q;
      rest = rest.slice(0, -q.length).trim();
      break;
    }
  }
  const trailing = mayEndWithWord(rest) ? splitTrailingQualifier(rest) : null;
  if (trailing) {
    if (qualifier === null) {
      qualifier = trailing.qualifier;
      qualifierText = trailing.qualifierText;
    }
    rest = trailing.rest;
  }
  // Anything longer than a unit is a sentence, not a value.
  if (!isUnitText(rest)) return null;
  const unit = rest === "" ? null : rest;
  if (magnitude && unit === "%") return null;
  // "16.68%" is 16.68e-2: the decimal as written, so the exact value needs no float.
  const decimal =
    (negative ? "-" : "") + (magnitude ? magnitude.decimal : digits.replace(/,/g, "") + (unit === "%" ? "e-2" : ""));
  return new NumberValue(
    Number(decimal),
    decimal,
    unit,
    qualifier,
    qualifierText ?? qualifier,
    basis,
    basisText,
    0,
    0,
    false,
    period?.years ?? null,
  );
}

/** A class, not an object literal with a getter: creating millions of these stays cheap. */
class NumberValue {
  readonly kind = "number" as const;
  private exactValue: Rational | undefined;
  constructor(
    readonly value: number,
    /** The decimal as written; null when the scanner read it (then ±mantissa / 10^scale). */
    private readonly decimal: string | null,
    readonly unit: string | null,
    readonly qualifier: Qualifier | null,
    readonly qualifierText: string | null = qualifier,
    readonly basis: ValueBasis | null = null,
    readonly basisText: string | null = null,
    private readonly mantissa = 0,
    private readonly scale = 0,
    private readonly negative = false,
    readonly periodYears: number | null = null,
  ) {}
  get decimalText(): string {
    return this.decimal ?? `${this.negative ? "-" : ""}${this.mantissa}e-${this.scale}`;
  }
  get exact(): Rational {
    if (this.exactValue) return this.exactValue;
    return (this.exactValue = rationalFromDecimalString(this.decimalText));
  }
  toJSON() {
    return {
      kind: this.kind,
      value: this.value,
      unit: this.unit,
      qualifier: this.qualifier,
      basis: this.basis,
      ...(this.periodYears !== null ? { periodYears: this.periodYears } : {}),
    };
  }
}

/** The same number with a basis the sheet gives elsewhere (a target column headed by the plan's last year). */
export function withBasis(v: IndicatorValue, basis: ValueBasis, basisText: string): IndicatorValue {
  if (v.kind !== "number" || v.basis !== null) return v;
  const n = v as NumberValue;
  return new NumberValue(n.value, n.decimalText, n.unit, n.qualifier, n.qualifierText, basis, basisText);
}

/** Is a 単位 column's text a percent sign (「%」「％」): its plain numbers are percent points then. */
export function isPercentUnit(unit: string | null): boolean {
  return unit === "%" || unit === "％";
}

/**
 * A plain number under a 単位 column of 「%」 (目標 100, 実績 90) as the percent it is: 100 → 100 % (1.0), so that
 * it prints as 100%, not 10000.0% (issue 16, item 3). A value with a unit of its own keeps it.
 */
export function asPercentPoints(v: IndicatorValue): IndicatorValue {
  if (v.kind !== "number" || v.unit !== null) return v;
  const n = v as NumberValue;
  const m = /^(.*?)(?:e([+-]?\d+))?$/i.exec(n.decimalText)!;
  const decimal = `${m[1]}e${Number(m[2] ?? "0") - 2}`;
  return new NumberValue(
    Number(decimal),
    decimal,
    "%",
    n.qualifier,
    n.qualifierText,
    n.basis,
    n.basisText,
    0,
    0,
    false,
    n.periodYears,
  );
}

/** Reads one indicator cell from its raw value, displayed text and number format. */
export function parseIndicatorValue(value: RawValue, text: string, numberFormat: string): IndicatorValue {
  if (value === null || value === undefined || (typeof value === "string" && cleanText(value) === "")) {
    return { kind: "blank" };
  }
  if (typeof value === "boolean") return { kind: "unreadable", text: text || String(value), why: "boolean" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "unreadable", text: text || String(value), why: "text" };
    if (isDateFormat(numberFormat)) return { kind: "unreadable", text: text || String(value), why: "date" };
    const unit = unitFromFormat(numberFormat);
    // The displayed text can carry words through the format: 15"分以内", "毎年"#,##0, "≤"0.
    let qualifier: Qualifier | null = null;
    const shown = text ? toHalfWidth(text) : "";
    for (const q of QUALIFIERS) if (shown.endsWith(q)) qualifier = q;
    const words = mayStartWithWord(shown) ? splitLeadingWords(cleanText(shown)) : null;
    const trailing = qualifier === null && mayEndWithWord(shown) ? splitTrailingQualifier(cleanText(shown)) : null;
    const qualifierText = qualifier ?? words?.qualifierText ?? trailing?.qualifierText ?? null;
    qualifier ??= words?.qualifier ?? trailing?.qualifier ?? null;
    let unitClean = unit ? stripQualifier(unit) : null;
    const basis = words?.basis ?? null;
    // 72 shown through #,##0"万冊" is 720,000 冊.
    let decimal = String(value);
    const power = unitClean ? MAGNITUDE_POWER[unitClean.charAt(0)] : undefined;
    if (power !== undefined && unitClean) {
      decimal = `${decimal}e${power}`;
      value = Number(decimal);
      unitClean = unitClean.slice(1);
    }
    return new NumberValue(
      value,
      decimal,
      unitClean || null,
      qualifier,
      qualifierText,
      basis,
      words?.basisText ?? null,
    );
  }
  const s = String(value);
  // The common cell (36,000件, ▲16.68%): a number has no error sign and no excluded word has digits.
  const scanned = scannedValue(s);
  if (scanned) return scanned;
  if (isErrorValue(s.trim())) return { kind: "error", code: s.trim() };
  const word = excludedWord(s);
  if (word !== null) return { kind: "excluded", word };
  const parsed = parseNumberTextByPattern(s);
  if (parsed) return parsed;
  return { kind: "unreadable", text: cleanText(s), why: "text" };
}

const MAGNITUDE_POWER: Record<string, number> = { 千: 3, 万: 4, 億: 8, 兆: 12 };

/** The unit a number format shows (its quoted literal without a cap word and a magnitude), or "" for none. */
export function formatUnit(format: string): string {
  const u = unitFromFormat(format);
  if (!u) return "";
  const clean = stripQualifier(u);
  return MAGNITUDE_POWER[clean.charAt(0)] !== undefined ? clean.slice(1) : clean;
}

function stripQualifier(unit: string): string {
  for (const q of QUALIFIERS) if (unit.endsWith(q)) return unit.slice(0, -q.length).trim();
  return unit;
}
