/**
 * 次の評価まで: the actual an indicator needs for the next grade up, as staff would type it.
 *
 * The figure is shown to the digits of the cells themselves (a percent with at least one decimal),
 * rounded towards "enough": an actual of exactly the shown figure gets the next grade, one unit of
 * the last shown digit less does not. The grader itself checks the candidate, so the figure can
 * never disagree with the grade the sheet would then get (band boundaries, exact rationals).
 */
import type { Rules } from "../model/settings";
import { rationalFromDecimalString } from "../cells/exact-number";
import type { IndicatorValue } from "../cells/parse-indicator-value";
import type { Direction } from "./detect-direction";
import { gradeIndicator, type IndicatorOutcome } from "./grade-indicator";

type NumberValue = Extract<IndicatorValue, { kind: "number" }>;

export interface NextGrade {
  /** The grade reached at `actual` (the next one up, or higher where bands are skipped). */
  grade: string;
  /** The actual needed, in the cell's own scale (a percent as a fraction: 10 % → 0.1). */
  actual: number;
  /** Decimals of the figure as shown (in percent points for a percent). */
  decimals: number;
  /** "atLeast": the actual must reach the figure; "atMost": it must not exceed it (lower is better). */
  bound: "atLeast" | "atMost";
}

export interface NextGradeInput {
  target: IndicatorValue;
  actual: IndicatorValue;
  baseline: IndicatorValue | null;
  direction: Direction;
  rules: Rules;
}

const MAX_DECIMALS = 6;

/** Decimals of a number as written in its shortest form (1.25 → 2, 3e-7 → 7, 1200 → 0). */
function decimalsOf(x: number): number {
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(Math.abs(x)));
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** The decimal string of k × 10^-scale, exactly (k an integer). */
function scaledDecimal(k: number, scale: number): string {
  const neg = k < 0;
  const digits = String(Math.abs(k)).padStart(scale + 1, "0");
  const s = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return neg ? `-${s}` : s;
}

/** The next grade up for a graded indicator, or null at the top grade or when no actual can reach one. */
export function nextGrade(input: NextGradeInput, outcome: IndicatorOutcome): NextGrade | null {
  const { target, actual, rules } = input;
  if (!outcome.graded || target.kind !== "number" || actual.kind !== "number") return null;
  const bands = rules.bands;
  const rank = (g: string) => bands.findIndex((b) => b.label === g);
  const current = rank(outcome.grade);
  if (current <= 0) return null;
  const goal = bands[current - 1]!.min;
  if (goal === null) return null;

  const percent = (target.unit ?? actual.unit) === "%";
  // Scale of the shown figure: percent points carry two more decimals in the cell's fraction.
  const shown = (x: number) => decimalsOf(percent ? Math.round(x * 1e10) / 1e8 : x);
  const decimals = Math.min(MAX_DECIMALS, Math.max(percent ? 1 : 0, shown(target.value), shown(actual.value)));
  const scale = decimals + (percent ? 2 : 0);

  // The actual at which R meets the goal, from R's definition (GRADING.md §2).
  const t = target.value;
  let needed: number;
  let bound: NextGrade["bound"];
  const base = rules.mode === "baseline" && input.baseline?.kind === "number" ? input.baseline.value : null;
  if (base !== null) {
    needed = base + goal * (t - base);
    bound = t > base ? "atLeast" : "atMost";
  } else if (input.direction.lowerIsBetter) {
    // R = target / actual: a zero target is met only by a zero actual.
    needed = t === 0 ? 0 : t / goal;
    bound = "atMost";
    if (t < 0) return null;
  } else {
    if (t <= 0) return null;
    needed = goal * t;
    bound = "atLeast";
  }
  if (!Number.isFinite(needed) || Math.abs(needed) > 1e15) return null;

  const gradeAt = (k: number): string | null => {
    const text = scaledDecimal(k, scale);
    const candidate: NumberValue = { ...actual, value: Number(text), exact: rationalFromDecimalString(text) };
    const out = gradeIndicator({ ...input, actual: candidate });
    return out.graded ? out.grade : null;
  };
  const better = (g: string | null) => g !== null && rank(g) >= 0 && rank(g) < current;

  // Start from the nearest shown figure and let the grader settle the last unit either way.
  const step = bound === "atLeast" ? 1 : -1;
  let k = Math.round(needed * 10 ** scale);
  if (!Number.isSafeInteger(k)) return null;
  for (let i = 0; i < 4 && !better(gradeAt(k)); i++) k += step;
  if (!better(gradeAt(k))) return null;
  for (let i = 0; i < 4 && better(gradeAt(k - step)); i++) k -= step;
  if (better(gradeAt(k - step))) return null;
  const grade = gradeAt(k)!;
  return { grade, actual: Number(scaledDecimal(k, scale)), decimals, bound };
}
