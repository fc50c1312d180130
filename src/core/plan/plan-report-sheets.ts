/**
 * What the report export holds (--report, --pdf, 「報告書用ブックを作成」): what the
 * published report prints — 表3-N per evaluation with its figures (評価集計) and
 * the 表4-N list (評価一覧) — and, only when the settings ask, the reviewers'
 * detail list and 要確認. Row heights are fitted and the list's pages broken
 * here, so every host prints the same pages.
 */
import type { Rules } from "../model/settings";
import type { Evaluation } from "../model/summary";
import type { SheetPlan } from "../model/sheet-plan";
import type { GradedEvaluation } from "../grading/evaluate-items";
import { sheetLabels } from "../i18n/sheet-labels";
import { planSummarySheet } from "./plan-summary-sheet";
import { planPublishedList, publishedList } from "./plan-published-list";
import { planListSheet } from "./plan-list-sheet";
import { planReviewSheet } from "./plan-review-sheet";
import { fitRowHeights } from "./row-heights";
import { PLAN_FONT } from "./plan-styles";
import { listPageBreaks } from "./page-breaks";

export interface ReportWording {
  /** 「システム」: from the settings, else the sheets' item heading, else the language's default. */
  noun: string;
  /** The key column's own heading (「P.」), or null. */
  keyHeader: string | null;
  /** The group column's own heading (「ビジョン」), or null. */
  groupHeading: string | null;
}

/** The wording the report uses: the settings' noun wins over the one read from the sheets. */
export function reportWording(
  rules: Rules,
  fromSheets: { noun: string | null; keyHeader: string | null; groupHeading: string | null },
): ReportWording {
  const L = sheetLabels(rules.language);
  // A noun read from Japanese headings would not fit English sentences.
  const read = rules.language === "ja" ? fromSheets.noun : null;
  return {
    noun: rules.report.itemNoun ?? read ?? L.itemNoun,
    keyHeader: fromSheets.keyHeader,
    groupHeading: fromSheets.groupHeading,
  };
}

/** The published list's plan with its heights and page breaks. */
export function planPublishedListSheet(
  name: string,
  summaries: Evaluation[],
  rules: Rules,
  wording: ReportWording,
): SheetPlan {
  const L = sheetLabels(rules.language);
  const list = publishedList(summaries, rules, L, wording.noun, wording.keyHeader);
  const plan = planPublishedList(name, list);
  const heights = fitRowHeights(plan);
  const bodyTop = 3;
  const headings = new Set<number>();
  list.rows.forEach((r, i) => {
    if (r.kind === "group") headings.add(bodyTop + i);
  });
  const breaks = listPageBreaks({
    heights,
    bodyTop,
    repeatedRows: plan.pageLayout!.printTitleRows ?? null,
    headings,
    end: plan.rows.length,
  });
  return { ...plan, rowHeights: heights, pageLayout: { ...plan.pageLayout!, rowBreaksBefore: breaks } };
}

export function planReportSheets(input: {
  evaluations: GradedEvaluation[];
  summaries: Evaluation[];
  skippedSheets: { sheet: string; reasonJa: string }[];
  rules: Rules;
  wording: ReportWording;
}): SheetPlan[] {
  const { rules, wording } = input;
  const L = sheetLabels(rules.language);
  const names = rules.sheetNames;
  const fit = (p: SheetPlan): SheetPlan => ({
    ...p,
    font: { ...PLAN_FONT },
    rowHeights: p.rowHeights ?? fitRowHeights(p),
  });
  const plans = [
    fit(planSummarySheet(names.summary, input.summaries, rules, L, wording.noun, rules.report, wording.groupHeading)),
    fit(planPublishedListSheet(names.list, input.summaries, rules, wording)),
  ];
  if (rules.report.includeReviewSheets) {
    const detail = `${names.list}${rules.language === "en" ? " (detail)" : "（詳細）"}`.slice(0, 31);
    plans.push(fit(planListSheet(detail, input.evaluations, rules, L)));
    plans.push(fit(planReviewSheet(names.review, input.evaluations, input.skippedSheets, L)));
  }
  return plans;
}
