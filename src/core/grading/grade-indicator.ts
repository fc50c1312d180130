/**
 * One indicator in one evaluated year → achievement rate R and a grade, or
 * the reason it is not graded (GRADING.md §2–4). R is compared with the
 * bands as an exact rational.
 */
import type { Rules } from "../model/settings";
import { compare, div, rationalFromNumber, sign, sub, toNumber, type Rational } from "../cells/exact-number";
import type { IndicatorValue } from "../cells/parse-indicator-value";
import { BASIS_EN, BASIS_JA } from "../cells/value-words";
import type { Direction } from "./detect-direction";
import { sameUnit } from "../cells/same-unit";

export type IndicatorOutcome =
  | {
      graded: true;
      grade: string;
      /** R as a number; Infinity when a lower-is-better actual is 0. */
      achievement: number;
      reason: string;
      reasonJa: string;
    }
  | {
      graded: false;
      reason: string;
      reasonJa: string;
      /** Goes to the review list (unreadable values, zero targets, errors). */
      review: boolean;
    };

const bandCache = new WeakMap<Rules["bands"], (Rational | null)[]>();

export function exactBands(bands: Rules["bands"]): (Rational | null)[] {
  let b = bandCache.get(bands);
  if (!b) bandCache.set(bands, (b = bands.map((x) => (x.min === null ? null : rationalFromNumber(x.min)))));
  return b;
}

/** Is a float R so close to a band minimum or to zero that only the exact value can tell? */
function nearBoundary(r: number, bands: Rules["bands"]): boolean {
  if (Math.abs(r) < 1e-9) return true;
  for (const b of bands) if (b.min !== null && Math.abs(r - b.min) <= 1e-9 * Math.max(1, Math.abs(b.min))) return true;
  return false;
}

/** R (exact, or a float far from every boundary) → grade label. */
export function gradeFromRate(r: Rational | number | "infinite", bands: Rules["bands"]): string {
  const lowest = bands[bands.length - 1]!.label;
  if (r === "infinite") return bands[0]!.label;
  if (typeof r === "number") {
    if (r <= 0) return lowest; // R ≤ 0 is always the lowest grade
    for (const b of bands) if (b.min === null || r >= b.min) return b.label;
    return lowest;
  }
  if (sign(r) <= 0) return lowest;
  const exact = exactBands(bands);
  for (let i = 0; i < bands.length; i++) {
    const m = exact[i];
    if (m === null || m === undefined || compare(r, m) >= 0) return bands[i]!.label;
  }
  return lowest;
}

function notGraded(value: IndicatorValue, what: "target" | "actual" | "baseline"): IndicatorOutcome | null {
  const whatJa = what === "target" ? "目標" : what === "actual" ? "実績" : "基準値";
  switch (value.kind) {
    case "number":
      return null;
    case "blank":
      if (what === "baseline")
        return { graded: false, reason: "no baseline", reasonJa: "基準値がありません", review: true };
      return {
        graded: false,
        reason: `no ${what} for the year`,
        reasonJa: `当該年度の${whatJa}がありません`,
        review: false,
      };
    case "excluded":
      return { graded: false, reason: value.word, reasonJa: `${whatJa}が「${value.word}」`, review: false };
    case "error":
      return {
        graded: false,
        reason: `error value ${value.code}`,
        reasonJa: `${whatJa}がエラー値 ${value.code}`,
        review: true,
      };
    case "unreadable":
      return {
        graded: false,
        reason: "unreadable value",
        reasonJa: `${whatJa}「${value.text}」を数値として読めません`,
        review: true,
      };
  }
}

/**
 * How the target is named in a reason: a final-year target (最終年度に30,000) is graded by ratio as
 * any target but says so; an every-year (毎年) or cumulative (累計) target keeps its word.
 */
function targetWords(target: Extract<IndicatorValue, { kind: "number" }>): {
  en: string;
  enAfter: string;
  ja: string;
  jaAfter: string;
} {
  if (target.basis === "finalYear") return FINAL_YEAR_TARGET;
  if (target.basis !== null) {
    const word = target.basisText ?? BASIS_JA[target.basis];
    return { en: "target", enAfter: ` (${BASIS_EN[target.basis]}: ${word})`, ja: "目標", jaAfter: `（${word}）` };
  }
  return PLAIN_TARGET;
}

const FINAL_YEAR_TARGET = { en: BASIS_EN.finalYear, enAfter: "", ja: BASIS_JA.finalYear, jaAfter: "" } as const;
const PLAIN_TARGET = { en: "target", enAfter: "", ja: "目標", jaAfter: "" } as const;

type NumberReading = Extract<IndicatorValue, { kind: "number" }>;

/** The share of a period target due after `due` of its `years` (exact: the total × due / years). */
function proRataTarget(v: NumberReading, due: number, years: number): NumberReading {
  const exact = div(v.exact, div(rationalFromNumber(years), rationalFromNumber(due))!)!;
  return {
    kind: "number",
    value: (v.value * due) / years,
    exact,
    unit: v.unit,
    qualifier: v.qualifier,
    qualifierText: v.qualifierText,
    basis: null,
    basisText: null,
    periodYears: null,
  };
}

export function formatValue(v: Extract<IndicatorValue, { kind: "number" }>): string {
  if (v.unit === "%") return `${trim(v.value * 100)}%`;
  return `${trim(v.value)}${v.unit ?? ""}`;
}

function trim(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

export function percentText(r: number): string {
  if (!Number.isFinite(r)) return "∞";
  return `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

export function gradeIndicator(input: {
  target: IndicatorValue;
  actual: IndicatorValue;
  baseline: IndicatorValue | null;
  direction: Direction;
  rules: Rules;
  /** Years of the plan elapsed by the evaluated year (period targets, pro rata); 0 or absent: not known. */
  elapsedYears?: number;
  /** The indicator is graded with an exception's bands (rules.bands is then those bands): named in the reason. */
  exception?: { en: string; ja: string };
}): IndicatorOutcome {
  const { rules, direction } = input;
  let target = input.target;
  const actual = input.actual;
  const t = notGraded(target, "target");
  if (t) return t;
  const a = notGraded(actual, "actual");
  if (a) return a;
  if (target.kind !== "number" || actual.kind !== "number") throw new Error("unreachable");
  if (!sameUnit(target.unit, actual.unit)) {
    const tw = formatValue(target);
    const aw = formatValue(actual);
    return {
      graded: false,
      reason: `units differ (target ${tw}, actual ${aw})`,
      reasonJa: `目標「${tw}」と実績「${aw}」の単位が異なるため、達成率を計算しません`,
      review: true,
    };
  }
  let periodWords: ReturnType<typeof targetWords> | null = null;
  if (target.periodYears !== null && target.periodYears > 0) {
    const written = target.basisText ?? formatValue(target);
    if (rules.cumulative !== "pro-rata")
      return {
        graded: false,
        reason: `period target (${written}): not graded as one year's target (rules: cumulative "pro-rata" grades it pro rata)`,
        reasonJa: `期間目標（${written}）：単年度の目標ではないため評価しません（評価基準で按分を選ぶと経過年数に応じて評価します）`,
        review: true,
      };
    const elapsed = input.elapsedYears ?? 0;
    if (elapsed < 1)
      return {
        graded: false,
        reason: `period target (${written}): the plan's first year is not known (rules: planStartYear)`,
        reasonJa: `期間目標（${written}）：計画の開始年度が分からないため按分できません（評価基準の planStartYear）`,
        review: true,
      };
    const years = target.periodYears;
    const due = Math.min(elapsed, years);
    periodWords = {
      en: "pro-rata target",
      enAfter: ` (${due}/${years} of ${written}, year ${elapsed} of ${years})`,
      ja: "按分目標",
      jaAfter: `（${written}の${due}/${years}、${years}年間の${elapsed}年目）`,
    };
    target = proRataTarget(target, due, years);
  }
  const bands = rules.bands;
  const dirText = direction.lowerIsBetter ? "lower is better" : "higher is better";
  // R in floating point first; the exact rational is computed only where it can matter:
  // near a band boundary or near zero (a double is within 1e-15 of the true R).
  let rateFloat: number;
  let how: string;
  let howJa: string;
  let base: Extract<IndicatorValue, { kind: "number" }> | null = null;
  const targetText = formatValue(target);
  const actualText = formatValue(actual);
  if (rules.mode === "baseline" && input.baseline) {
    const b = notGraded(input.baseline, "baseline");
    if (b) return b;
    if (input.baseline.kind !== "number") throw new Error("unreachable");
    base = input.baseline;
    if (target.value === base.value) {
      return {
        graded: false,
        reason: "target equals baseline",
        reasonJa: "目標と基準値が同じため達成率を計算できません",
        review: true,
      };
    }
    rateFloat = (actual.value - base.value) / (target.value - base.value);
    const baseText = formatValue(base);
    how = `(actual ${actualText} − baseline ${baseText}) / (target ${targetText} − baseline)`;
    howJa = `（実績${actualText}−基準値${baseText}）÷（目標${targetText}−基準値）`;
  } else if (direction.lowerIsBetter) {
    const tw = periodWords ?? targetWords(target);
    rateFloat = actual.value === 0 ? Infinity : target.value / actual.value;
    how = `${tw.en} ${targetText}${tw.enAfter} / actual ${actualText} (${dirText}: ${direction.why})`;
    howJa = `${tw.ja}${targetText}${tw.jaAfter}÷実績${actualText}（低いほど良い：${direction.whyJa}）`;
  } else {
    if (target.value === 0) {
      return { graded: false, reason: "target is zero", reasonJa: "目標が0のため達成率を計算できません", review: true };
    }
    const tw = periodWords ?? targetWords(target);
    rateFloat = actual.value / target.value;
    how = `actual ${actualText} / ${tw.en} ${targetText}${tw.enAfter}`;
    howJa = `実績${actualText}÷${tw.ja}${targetText}${tw.jaAfter}`;
  }
  let rate: Rational | "infinite" | number = rateFloat === Infinity ? "infinite" : rateFloat;
  if (typeof rate === "number" && nearBoundary(rate, bands)) {
    const exact = base
      ? div(sub(actual.exact, base.exact), sub(target.exact, base.exact))
      : direction.lowerIsBetter
        ? div(target.exact, actual.exact)
        : div(actual.exact, target.exact);
    rate = exact ?? "infinite";
  }
  const grade = gradeFromRate(rate, bands);
  const achievement = rate === "infinite" ? Infinity : typeof rate === "number" ? rate : toNumber(rate);
  const nonPositive = rate !== "infinite" && (typeof rate === "number" ? rate <= 0 : sign(rate) <= 0);
  const words = bandWords(bands, grade);
  const ex = input.exception;
  const bandText = (nonPositive ? "R ≤ 0" : words.en) + (ex ? `, ${ex.en}` : "");
  const bandJa = (nonPositive ? "0%以下" : words.ja) + (ex ? `、${ex.ja}` : "");
  const pct = percentText(achievement);
  return {
    graded: true,
    grade,
    achievement,
    reason: `R = ${how} = ${pct} (${bandText}) → ${grade}`,
    reasonJa: `達成率 ${pct}＝${howJa}（${bandJa}）→ ${grade}`,
  };
}

const bandWordCache = new WeakMap<Rules["bands"], Map<string, { en: string; ja: string }>>();

/** "≥ 80.0%" / 「80.0%以上」 of a grade's band (the lowest band: "< 50.0%"), built once per set of bands. */
function bandWords(bands: Rules["bands"], grade: string): { en: string; ja: string } {
  let byGrade = bandWordCache.get(bands);
  if (!byGrade) {
    byGrade = new Map();
    for (const band of bands) {
      if (byGrade.has(band.label)) continue;
      const below = percentText(bands[bands.length - 2]?.min ?? 0);
      byGrade.set(
        band.label,
        band.min === null
          ? { en: `< ${below}`, ja: `${below}未満` }
          : { en: `≥ ${percentText(band.min)}`, ja: `${percentText(band.min)}以上` },
      );
    }
    bandWordCache.set(bands, byGrade);
  }
  return byGrade.get(grade)!;
}
