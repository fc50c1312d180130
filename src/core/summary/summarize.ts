/**
 * Graded items → the 表3-1-shaped summary per evaluation (GRADING.md §7):
 * counts per group and in total, percentages of the evaluated items rounded
 * half up, and "A or B" from the raw counts, never from rounded percents.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, GroupSummary, ItemResult } from "../model/summary";
import type { GradedEvaluation, GradedItem } from "../grading/evaluate-items";
import { Tally } from "./grade-tally";
import { movementOf } from "./movement";

export { roundedPercent } from "./grade-tally";

/** Adds an item's counted units (the item, or its indicators when the rules count indicators) to a tally. */
function addItem(t: Tally, item: GradedItem, rules: Rules): void {
  if (rules.count === "items" || item.indicators.length === 0) t.add(item.grade, 1);
  // Counting indicators: the adopted item grade only stands for the item when self-graded.
  else if (item.adoptedFrom === "self") t.add(item.grade, item.indicators.length);
  else for (const i of item.indicators) t.add(i.grade, 1);
}

/** Counts from the items in their public shape (the columnar path counts from the grade codes: count-grades.ts). */
export function summarizeEvaluation(ev: GradedEvaluation, rules: Rules): Evaluation {
  const labels = rules.bands.map((b) => b.label);
  const byGroup = new Map<string, Tally>();
  const total = new Tally(labels);
  for (const item of ev.items) {
    const group = item.group ?? item.sheet;
    let t = byGroup.get(group);
    if (!t) byGroup.set(group, (t = new Tally(labels)));
    addItem(t, item, rules);
    addItem(total, item, rules);
  }
  // A Map keeps the order in which groups first appear, the order of the report.
  const groups: GroupSummary[] = [...byGroup].map(([name, t]) => ({ name, ...t.block(rules) }));
  return evaluationSummary(ev, { groups, total: total.block(rules) }, labels);
}

/** The summary.json shape of an evaluation: its counts, and its items and review list from the graded items. */
export function evaluationSummary(
  ev: GradedEvaluation,
  counted: { groups: GroupSummary[]; total: Omit<GroupSummary, "name"> },
  /** The scale's labels, best first (written as `grades`). */
  labels: string[],
): Evaluation {
  const movement = movementOf(ev, labels);
  // The contract's fields, in the order summary.json has always written them (no rest-copy per item).
  const items: ItemResult[] = ev.items.map((i) => ({
    sheet: i.sheet,
    row: i.row,
    key: i.key,
    name: i.name,
    group: i.group,
    department: i.department,
    selfGrade: i.selfGrade,
    suggestedGrade: i.suggestedGrade,
    grade: i.grade,
    excludedReason: i.excludedReason,
    indicators: i.indicators,
    history: i.history ?? [],
  }));
  return {
    label: ev.label,
    fiscalYear: ev.fiscalYear,
    source: ev.source,
    groups: counted.groups,
    total: counted.total,
    items,
    review: ev.review.map((r) => ({ sheet: r.sheet, row: r.row, reason: r.reason })),
    grades: labels.slice(),
    checks: (ev.checks ?? []).map((r) => ({ sheet: r.sheet, row: r.row, reason: r.reason })),
    ...(movement ? { movement } : {}),
  };
}
