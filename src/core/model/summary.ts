/**
 * The summary: the contract of summary.json (documented in the README) and
 * what the sheet plans are built from. Field names are stable.
 */

import type { NextGrade } from "../grading/next-grade";
import type { HistoryEntry } from "../grading/item-history";

export type GradeCounts = Record<string, number>;

export interface GroupSummary {
  name: string;
  counts: GradeCounts;
  evaluated: number;
  excluded: number;
  /** Whole percents, rounded half up; keys as counts. */
  percent: GradeCounts;
  aOrBPercent: number | null;
}

export interface IndicatorResult {
  name: string;
  target: number | null;
  actual: number | null;
  unit: string | null;
  /** The actual's unit when it is not `unit` (units that cannot be reconciled: the row is listed, not graded). */
  actualUnit?: string;
  lowerIsBetter: boolean;
  /** Achievement rate R (1 = 100 %); null when not graded; Infinity is written as null with reason. */
  achievement: number | null;
  grade: string | null;
  /** Why this grade (or why not graded), in English; stable for tests. */
  reason: string;
  /** The same in Japanese (実績÷目標, the band and the grade), as この行 and the lists show it. */
  reasonJa?: string;
  /** 次の評価まで: the actual needed for the next grade up; null at the top grade or with nothing to compute. */
  nextGrade: NextGrade | null;
  /** Sheet rows (1-based) of the target and actual cells. */
  targetRow?: number;
  actualRow?: number;
}

export interface ItemResult {
  sheet: string;
  /** 1-based sheet row of the item's first row. */
  row: number;
  key: string;
  name: string;
  group: string | null;
  department: string | null;
  selfGrade: string | null;
  suggestedGrade: string | null;
  grade: string | null;
  excludedReason: string | null;
  indicators: IndicatorResult[];
  /** The item's grade in each year the workbook holds, oldest first, up to this evaluation's year. */
  history?: HistoryEntry[];
}

export interface ReviewEntry {
  sheet: string;
  row: number;
  reason: string;
  /** Japanese text of the reason, for the 要確認 sheet. */
  reasonJa?: string;
}

export interface Evaluation {
  label: string;
  fiscalYear: number | null;
  source: "self" | "suggested" | "mixed";
  groups: GroupSummary[];
  total: Omit<GroupSummary, "name">;
  items: ItemResult[];
  review: ReviewEntry[];
  /**
   * The grade labels best first (the rules' bands). Object keys that look like integers (a 5-level scale 5…1) are
   * ordered ascending by JSON / JavaScript, so the counts' key order is not the scale's: read the order here.
   */
  grades?: string[];
  /**
   * Data checks (a self grade without an actual, a share above 100 %, units that differ, a target that changed)
   * and items whose grade went down from the year before: listed on 要確認 beside `review`, never counted.
   */
  checks?: ReviewEntry[];
  /**
   * 上昇 / 維持 / 低下 / 前年度評価なし per group since the year before: only for a year's evaluation in a workbook
   * that holds another year (the items graded this year, by their adopted grade).
   */
  movement?: Movement;
}

/** Items per 評価の推移 class since the year before (movement.ts). */
export interface MovementCounts {
  /** A better grade than the year before. */
  up: number;
  same: number;
  down: number;
  /** No grade the year before (not graded, or not in that year's data): 前年度評価なし. */
  noPrevious: number;
}

export interface Movement {
  previousYear: number;
  /** The year before as the workbook labels it; null when no item has that year. */
  previousLabel: string | null;
  groups: (MovementCounts & { name: string })[];
  total: MovementCounts;
}

export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export interface SummaryJson {
  evaluations: Evaluation[];
  /** Sheets that hold no progress table, with the reason (not part of the stable contract's required fields). */
  skippedSheets?: SkippedSheet[];
  warnings?: string[];
}
