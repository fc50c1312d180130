/** The three generated sheets, named so that no user sheet is ever taken. */
import type { Rules } from "../model/settings";
import type { Evaluation } from "../model/summary";
import type { SheetPlan } from "../model/sheet-plan";
import type { GradedEvaluation } from "../grading/evaluate-items";
import { sheetLabels } from "../i18n/sheet-labels";
import { chooseSheetName } from "./sheet-names";
import { planSummarySheet, REVIEWERS_LOOK } from "./plan-summary-sheet";
import { planListSheet } from "./plan-list-sheet";
import { planReviewSheet } from "./plan-review-sheet";
import { fitRowHeights } from "./row-heights";
import { PLAN_FONT } from "./plan-styles";

export function planGeneratedSheets(input: {
  evaluations: GradedEvaluation[];
  summaries: Evaluation[];
  skippedSheets: { sheet: string; reasonJa: string }[];
  rules: Rules;
  existingSheetNames: string[];
  previouslyGenerated: string[];
  /** The report's item noun (「システム」) and group heading, for 評価集計's wording. */
  wording?: { noun: string; groupHeading: string | null };
}): SheetPlan[] {
  const { rules } = input;
  const L = sheetLabels(rules.language);
  const taken = new Set<string>();
  const name = (wanted: string) => chooseSheetName(wanted, input.existingSheetNames, input.previouslyGenerated, taken);
  const plans = [
    planSummarySheet(
      name(rules.sheetNames.summary),
      input.summaries,
      rules,
      L,
      input.wording?.noun,
      REVIEWERS_LOOK,
      input.wording?.groupHeading ?? null,
    ),
    planListSheet(name(rules.sheetNames.list), input.evaluations, rules, L),
    planReviewSheet(name(rules.sheetNames.review), input.evaluations, input.skippedSheets, L),
  ];
  return plans.map((p) => ({ ...p, font: { ...PLAN_FONT }, rowHeights: fitRowHeights(p) }));
}
