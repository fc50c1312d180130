/**
 * 次の評価まで as words: 「C まであと 4.0 ポイント（実績 10.0% 以上で C）」. One formatter for この行 and the
 * reviewers' detail list, so both show the same figure in the same words; each passes its own words for the cases
 * without a figure (the pane says 「最上位の評価です」, a list cell stays empty).
 */
import type { IndicatorResult } from "../model/summary";

export interface NextGradeWords {
  /** 「C まであと 4.0 ポイント（実績 10.0% 以上で C）」 from the grade, the gap, the needed actual and the bound. */
  toNextText: (grade: string, gap: string, needed: string, atMost: boolean) => string;
  /** After a gap in percent points: 「 ポイント」. */
  points: string;
  /** No target for the year: 「目標未設定」. */
  noTarget: string;
  /** Already the top grade. */
  topGrade: string;
  /** A target but no grade (no actual, unreadable…): the reason says why. */
  notGraded: string;
}

/** The figure to the digits the grader checked (a percent in points), grouped as the cells show numbers. */
function fixed(x: number, unit: string | null, decimals: number): string {
  const shown = unit === "%" ? x * 100 : x;
  return shown.toLocaleString("ja-JP", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function nextGradeText(
  ind: Pick<IndicatorResult, "target" | "actual" | "unit" | "grade" | "nextGrade">,
  w: NextGradeWords,
): string {
  if (ind.target === null) return w.noTarget;
  const ng = ind.nextGrade;
  if (!ng) return ind.grade === null ? w.notGraded : w.topGrade;
  const unit = ind.unit;
  const needed = `${fixed(ng.actual, unit, ng.decimals)}${unit ?? ""}`;
  const gapValue = ind.actual === null ? null : Math.abs(ng.actual - ind.actual);
  const gap =
    gapValue === null ? needed : `${fixed(gapValue, unit, ng.decimals)}${unit === "%" ? w.points : (unit ?? "")}`;
  return w.toNextText(ng.grade, gap, needed, ng.bound === "atMost");
}
