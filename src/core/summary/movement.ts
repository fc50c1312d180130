/**
 * 評価の推移: per group, how many items went up, stayed or went down since the year before (上昇 / 維持 / 低下, as
 * some prefectures publish beside 表3-1). Items graded this year are counted — the same items 表3-1 counts — and an
 * item without a grade the year before (not graded then, or not in that year's data) is 「前年度評価なし」, never
 * dropped, so the four counts add up to the items graded.
 */
import type { Movement, MovementCounts } from "../model/summary";
import type { GradedEvaluation } from "../grading/evaluate-items";

const zero = (): MovementCounts => ({ up: 0, same: 0, down: 0, noPrevious: 0 });

/** The movement of a year's evaluation, or null when it has no year or the workbook holds no other year. */
export function movementOf(ev: GradedEvaluation, labels: string[]): Movement | null {
  const year = ev.fiscalYear;
  if (year === null || !ev.items.some((it) => (it.history?.length ?? 0) >= 2)) return null;
  let previousLabel: string | null = null;
  const byGroup = new Map<string, MovementCounts>();
  const total = zero();
  for (const it of ev.items) {
    if (it.grade === null) continue;
    const group = it.group ?? it.sheet;
    let counts = byGroup.get(group);
    if (!counts) byGroup.set(group, (counts = zero()));
    const before = it.history?.find((h) => h.fiscalYear === year - 1) ?? null;
    if (before) previousLabel ??= before.label;
    const was = before?.grade == null ? -1 : labels.indexOf(before.grade);
    const now = labels.indexOf(it.grade);
    // Best first: a smaller index is a better grade.
    const key: keyof MovementCounts = was < 0 || now < 0 ? "noPrevious" : now < was ? "up" : now > was ? "down" : "same";
    counts[key]++;
    total[key]++;
  }
  return {
    previousYear: year - 1,
    previousLabel,
    groups: [...byGroup].map(([name, c]) => ({ name, ...c })),
    total,
  };
}
