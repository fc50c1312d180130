/**
 * Data checks for 要確認 (issue 18 §3): things a reviewer wants to look at even when a grade came out — a self
 * grade with nothing to back it, an actual nobody graded, a share above 100 %, units that disagree, a target that
 * moved between years. Each has a stable English reason (its own filter in the pane) and a Japanese text.
 */
import type { IndicatorValue } from "../cells/parse-indicator-value";
import { toHalfWidth } from "../japanese/normalize-text";

export interface DataCheck {
  reason: string;
  reasonJa: string;
}

/** The English reasons start with these words; the pane's filter goes by them. */
export const DATA_CHECK_PREFIXES = {
  gradeWithoutActual: "self grade without an actual",
  actualWithoutGrade: "actual without a self grade",
  shareOver100: "share above 100%",
  unitDiffers: "units differ",
  targetChanged: "target changed from last year",
} as const;

/** Names of shares: a rate of people / cases that cannot exceed the whole (利用率, 普及率, 割合 …). */
const SHARE = /率|割合|シェア|カバー/;
/** Rates that can exceed 100 % by nature: growth, year on year, achievement, ratios to a base. */
const NOT_A_SHARE = /増加|伸び|上昇|前年|成長|達成率|対前|倍率|比率|改善率|削減率|回転率/;


function percentText(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

function unitKey(unit: string | null): string | null {
  return unit === null ? null : toHalfWidth(unit).replace(/\s+/g, "").replace("％", "%");
}

/**
 * Checks on one indicator of one year: a share above 100 %. (Target and actual in different units are never
 * divided: the grader lists those rows itself, with the reason "units differ".)
 */
export function indicatorChecks(name: string, target: IndicatorValue, actual: IndicatorValue): DataCheck[] {
  const out: DataCheck[] = [];
  if (actual.kind === "number" && actual.unit === "%" && actual.value > 1 && SHARE.test(name) && !NOT_A_SHARE.test(name)) {
    out.push({
      reason: `${name}: ${DATA_CHECK_PREFIXES.shareOver100} (${percentText(actual.value)})`,
      reasonJa: `${name}：割合の実績が100%を超えています（${percentText(actual.value)}）`,
    });
  }
  return out;
}

/**
 * Checks on an item's self grade against its actuals: a grade with no actual behind it, or actuals that nobody
 * graded although the sheet has a self-grade column.
 */
export function selfGradeChecks(input: {
  selfGrade: string | null;
  selfBlank: boolean;
  sheetHasGradeColumn: boolean;
  sheetHasActuals: boolean;
  anyActual: boolean;
}): DataCheck[] {
  const { selfGrade, selfBlank, sheetHasGradeColumn, sheetHasActuals, anyActual } = input;
  if (selfGrade !== null && sheetHasActuals && !anyActual)
    return [
      {
        reason: `${DATA_CHECK_PREFIXES.gradeWithoutActual} (${selfGrade})`,
        reasonJa: `自己評価 ${selfGrade} がありますが、実績がありません`,
      },
    ];
  if (selfBlank && sheetHasGradeColumn && anyActual)
    return [{ reason: DATA_CHECK_PREFIXES.actualWithoutGrade, reasonJa: "実績はありますが、自己評価が空欄です" }];
  return [];
}

/** The same indicator's target in consecutive years of one-sheet-per-year workbooks. */
export function targetChangedCheck(
  name: string,
  before: { label: string; target: number; unit: string | null },
  now: { label: string; target: number; unit: string | null },
): DataCheck | null {
  if (before.target === now.target && unitKey(before.unit) === unitKey(now.unit)) return null;
  const show = (v: { target: number; unit: string | null }) =>
    v.unit === "%" ? percentText(v.target) : `${v.target}${v.unit ?? ""}`;
  return {
    reason: `${name}: ${DATA_CHECK_PREFIXES.targetChanged} (${before.label} ${show(before)} → ${now.label} ${show(now)})`,
    reasonJa: `${name}：目標が前年度から変わっています（${before.label} ${show(before)} → ${now.label} ${show(now)}）`,
  };
}
