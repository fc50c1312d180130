/**
 * Is lower better for this indicator? (GRADING.md §2, in this order)
 * 1. an explicit direction column or a per-indicator override;
 * 2. any target carries 以内 / 以下 / 未満 / まで;
 * 3. ≥ 2 yearly targets that strictly decrease (90分 → 30分 → 15分);
 * 4. baseline > target.
 * Plain float comparisons are exact here: equal decimals parse to equal doubles, and order is kept.
 */
import { toHalfWidth } from "../japanese/normalize-text";
import type { IndicatorValue } from "../cells/parse-indicator-value";

export interface Direction {
  lowerIsBetter: boolean;
  why: string;
  whyJa: string;
}

const LOWER_WORDS = /^(低|減|減少|下げ|小|↓|lower|down|decrease|less|min)/i;
/** Qualifiers that cap a target (§2 rule 2); 以上 and 超 set a floor. */
const LOWER_QUALIFIERS = new Set(["以内", "以下", "未満", "まで"]);
const HIGHER_WORDS = /^(高|増|増加|上げ|大|↑|higher|up|increase|more|max)/i;

const NAME_LOWER =
  /(?:lower|smaller|less|fewer|shorter)\s+is\s+better|低いほど|少ないほど|短いほど|小さいほど|減少が望ましい|\(↓\)|（↓）/i;
const NAME_HIGHER =
  /(?:higher|larger|more|greater|longer)\s+is\s+better|高いほど|多いほど|長いほど|大きいほど|\(↑\)|（↑）/i;

/** An indicator whose name states its direction ("… (lower is better)", 「…（少ないほど良い）」). */
export function nameSaysDirection(name: string): Direction | null {
  const n = toHalfWidth(name);
  const low = NAME_LOWER.exec(n);
  if (low) return { lowerIsBetter: true, why: `the indicator says "${low[0]}"`, whyJa: `指標名に「${low[0]}」` };
  const high = NAME_HIGHER.exec(n);
  if (high) return { lowerIsBetter: false, why: `the indicator says "${high[0]}"`, whyJa: `指標名に「${high[0]}」` };
  return null;
}

/**
 * Rule 1 and the indicator's name: what the words say (an override, the direction cell, the name), or null when
 * the values decide. Depends only on these three, so a grader can ask it once per distinct indicator.
 */
export function directionFromWords(
  override: "higher" | "lower" | null,
  directionCell: string | null,
  indicatorName: string | null,
): Direction | null {
  if (override) {
    return override === "lower" ? REVIEWER_LOWER : REVIEWER_HIGHER;
  }
  if (directionCell) {
    const d = toHalfWidth(directionCell).trim();
    if (LOWER_WORDS.test(d))
      return { lowerIsBetter: true, why: `direction column says ${d}`, whyJa: `方向の列が「${d}」` };
    if (HIGHER_WORDS.test(d))
      return { lowerIsBetter: false, why: `direction column says ${d}`, whyJa: `方向の列が「${d}」` };
  }
  if (indicatorName) return nameSaysDirection(indicatorName);
  return null;
}

export function detectDirection(input: {
  override: "higher" | "lower" | null;
  directionCell: string | null;
  /** Targets in fiscal-year order. */
  targets: IndicatorValue[];
  baseline: IndicatorValue | null;
  target: IndicatorValue | null;
  /** The indicator's name: "Wait time (lower is better)", 「待ち時間（少ないほど良い）」. */
  indicatorName?: string;
}): Direction {
  const said = directionFromWords(input.override, input.directionCell, input.indicatorName ?? null);
  if (said) return said;
  for (const t of input.targets) {
    if (t.kind === "number" && t.qualifier && LOWER_QUALIFIERS.has(t.qualifier)) {
      const word = t.qualifierText ?? t.qualifier;
      return { lowerIsBetter: true, why: `a target says ${word}`, whyJa: `目標に「${word}」` };
    }
  }
  if (numbersStrictlyDecrease(input.targets)) return TARGETS_DECREASE;
  if (
    input.baseline?.kind === "number" &&
    input.target?.kind === "number" &&
    input.baseline.value > input.target.value
  ) {
    return BASELINE_ABOVE;
  }
  return HIGHER_BY_DEFAULT;
}

/** ≥ 2 numeric targets (other cells skipped), each below the previous one; no filtered copy per indicator. */
function numbersStrictlyDecrease(targets: IndicatorValue[]): boolean {
  let count = 0;
  let previous = 0;
  for (const t of targets) {
    if (t.kind !== "number") continue;
    if (count > 0 && !(t.value < previous)) return false;
    previous = t.value;
    count++;
  }
  return count >= 2;
}

// The fixed answers are shared (read-only), not built again for every indicator.
const REVIEWER_LOWER: Direction = Object.freeze({
  lowerIsBetter: true,
  why: "set by the reviewer",
  whyJa: "評価者の設定",
});
const REVIEWER_HIGHER: Direction = Object.freeze({
  lowerIsBetter: false,
  why: "set by the reviewer",
  whyJa: "評価者の設定",
});
const TARGETS_DECREASE: Direction = Object.freeze({
  lowerIsBetter: true,
  why: "yearly targets decrease",
  whyJa: "年度目標が減少している",
});
const BASELINE_ABOVE: Direction = Object.freeze({
  lowerIsBetter: true,
  why: "baseline is above the target",
  whyJa: "基準値が目標より大きい",
});
const HIGHER_BY_DEFAULT: Direction = Object.freeze({
  lowerIsBetter: false,
  why: "higher is better",
  whyJa: "高いほど良い",
});
