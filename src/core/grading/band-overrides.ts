/**
 * Which bands grade an indicator (issue 16, item 5): the first of the rules' bandOverrides that names it or whose
 * targetPercent is its target, else the rules' bands.
 */
import type { BandOverride, Rules } from "../model/settings";

/** Is a target (a fraction when its unit is %) the percent an override names? */
function isTargetPercent(value: number, unit: string | null, percent: number): boolean {
  return (unit === "%" || unit === "％") && Math.abs(value * 100 - percent) < 1e-9 * Math.max(1, percent);
}

/** The override that applies to an indicator (its name, its target when it reads as a number), or null. */
export function bandOverrideFor(
  rules: Rules,
  name: string,
  target: { value: number; unit: string | null } | null,
): BandOverride | null {
  for (const o of rules.bandOverrides) {
    if (
      o.indicator !== undefined
        ? o.indicator === name
        : target && isTargetPercent(target.value, target.unit, o.targetPercent!)
    )
      return o;
  }
  return null;
}

/** How the reason names the exception: 「指標別の評価基準（目標100%）」. */
export function overrideWords(o: BandOverride): { en: string; ja: string } {
  return o.indicator !== undefined
    ? { en: `bands for "${o.indicator}"`, ja: `指標別の評価基準（${o.indicator}）` }
    : { en: `bands for targets of ${o.targetPercent}%`, ja: `指標別の評価基準（目標${o.targetPercent}%）` };
}
