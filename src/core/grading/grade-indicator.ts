/**
 * One indicator in one evaluated year → achievement rate R and a grade, or
 * the reason it is not graded (GRADING.md §2–4). R is compared with the
 * bands as an exact rational.
 */
import type { Rules } from "../model/settings";
import { compare, div, isZero, rationalFromNumber, sub, toNumber, type Rational } from "../cells/exact-number";
import type { IndicatorValue } from "../cells/parse-indicator-value";
import type { Direction } from "./detect-direction";

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

export function gradeFromRate(r: Rational | "infinite", bands: Rules["bands"]): string {
  if (r === "infinite") return bands[0]!.label;
  if (r.num <= BigInt(0)) return bands[bands.length - 1]!.label; // R ≤ 0 is always the lowest grade
  for (const b of bands) {
    if (b.min === null) return b.label;
    if (compare(r, rationalFromNumber(b.min)) >= 0) return b.label;
  }
  return bands[bands.length - 1]!.label;
}

function notGraded(value: IndicatorValue, what: "target" | "actual" | "baseline"): IndicatorOutcome | null {
  const whatJa = what === "target" ? "目標" : what === "actual" ? "実績" : "基準値";
  switch (value.kind) {
    case "number":
      return null;
    case "blank":
      if (what === "baseline") return { graded: false, reason: "no baseline", reasonJa: "基準値がありません", review: true };
      return {
        graded: false,
        reason: `no ${what} for the year`,
        reasonJa: `当該年度の${whatJa}がありません`,
        review: false,
      };
    case "excluded":
      return { graded: false, reason: value.word, reasonJa: `${whatJa}が「${value.word}」`, review: false };
    case "error":
      return { graded: false, reason: `error value ${value.code}`, reasonJa: `${whatJa}がエラー値 ${value.code}`, review: true };
    case "unreadable":
      return {
        graded: false,
        reason: "unreadable value",
        reasonJa: `${whatJa}「${value.text}」を数値として読めません`,
        review: true,
      };
  }
}

export function formatValue(v: Extract<IndicatorValue, { kind: "number" }>): string {
  if (v.unit === "%") return `${trim(v.value * 100)}%`;
  return `${trim(v.value)}${v.unit ?? ""}`;
}

function trim(x: number): string {
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
}): IndicatorOutcome {
  const { target, actual, rules, direction } = input;
  const t = notGraded(target, "target");
  if (t) return t;
  const a = notGraded(actual, "actual");
  if (a) return a;
  if (target.kind !== "number" || actual.kind !== "number") throw new Error("unreachable");
  const bands = rules.bands;
  const dirText = direction.lowerIsBetter ? "lower is better" : "higher is better";
  let rate: Rational | "infinite";
  let how: string;
  let howJa: string;
  if (rules.mode === "baseline" && input.baseline) {
    const b = notGraded(input.baseline, "baseline");
    if (b) return b;
    if (input.baseline.kind !== "number") throw new Error("unreachable");
    const span = sub(target.exact, input.baseline.exact);
    const r = div(sub(actual.exact, input.baseline.exact), span);
    if (r === null) {
      return { graded: false, reason: "target equals baseline", reasonJa: "目標と基準値が同じため達成率を計算できません", review: true };
    }
    rate = r;
    how = `(actual ${formatValue(actual)} − baseline ${formatValue(input.baseline)}) / (target ${formatValue(target)} − baseline)`;
    howJa = `（実績${formatValue(actual)}−基準値${formatValue(input.baseline)}）÷（目標${formatValue(target)}−基準値）`;
  } else if (direction.lowerIsBetter) {
    if (isZero(actual.exact)) rate = "infinite";
    else rate = div(target.exact, actual.exact)!;
    how = `target ${formatValue(target)} / actual ${formatValue(actual)} (${dirText}: ${direction.why})`;
    howJa = `目標${formatValue(target)}÷実績${formatValue(actual)}（低いほど良い：${direction.whyJa}）`;
  } else {
    const r = div(actual.exact, target.exact);
    if (r === null) {
      return { graded: false, reason: "target is zero", reasonJa: "目標が0のため達成率を計算できません", review: true };
    }
    rate = r;
    how = `actual ${formatValue(actual)} / target ${formatValue(target)}`;
    howJa = `実績${formatValue(actual)}÷目標${formatValue(target)}`;
  }
  const grade = gradeFromRate(rate, bands);
  const achievement = rate === "infinite" ? Infinity : toNumber(rate);
  const band = bands.find((b) => b.label === grade)!;
  const bandText =
    rate !== "infinite" && rate.num <= BigInt(0)
      ? "R ≤ 0"
      : band.min === null
        ? `< ${percentText(bands[bands.length - 2]!.min ?? 0)}`
        : `≥ ${percentText(band.min)}`;
  const bandJa =
    rate !== "infinite" && rate.num <= BigInt(0)
      ? "0%以下"
      : band.min === null
        ? `${percentText(bands[bands.length - 2]!.min ?? 0)}未満`
        : `${percentText(band.min)}以上`;
  return {
    graded: true,
    grade,
    achievement,
    reason: `R = ${how} = ${percentText(achievement)} (${bandText}) → ${grade}`,
    reasonJa: `達成率 ${percentText(achievement)}＝${howJa}（${bandJa}）→ ${grade}`,
  };
}
