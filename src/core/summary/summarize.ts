/**
 * Graded items → the 表3-1-shaped summary per evaluation (GRADING.md §7):
 * counts per group and in total, percentages of the evaluated items rounded
 * half up, and "A or B" from the raw counts, never from rounded percents.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, GradeCounts, GroupSummary } from "../model/summary";
import type { GradedEvaluation, GradedItem } from "../grading/evaluate-items";

/** count / denominator as a whole percent, rounded half up, in integers (no float drift). */
export function roundedPercent(count: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.floor((200 * count + denominator) / (2 * denominator));
}

function emptyCounts(labels: string[]): GradeCounts {
  const c: GradeCounts = {};
  for (const l of labels) c[l] = 0;
  return c;
}

/** One counted unit: an item, or an indicator when the rules count indicators. */
interface Unit {
  group: string;
  grade: string | null;
}

function unitsOf(item: GradedItem, rules: Rules): Unit[] {
  const group = item.group ?? item.sheet;
  if (rules.count === "items" || item.indicators.length === 0) return [{ group, grade: item.grade }];
  // Counting indicators: the adopted item grade only stands for the item when self-graded.
  if (item.adoptedFrom === "self") return item.indicators.map(() => ({ group, grade: item.grade }));
  return item.indicators.map((i) => ({ group, grade: i.grade }));
}

export function summarizeBlock(units: Unit[], labels: string[], rules: Rules): Omit<GroupSummary, "name"> {
  const counts = emptyCounts(labels);
  let excluded = 0;
  for (const u of units) {
    if (u.grade === null) excluded++;
    else counts[u.grade] = (counts[u.grade] ?? 0) + 1;
  }
  const evaluated = labels.reduce((s, l) => s + counts[l]!, 0);
  const denominator = rules.includeExcludedInDenominator ? evaluated + excluded : evaluated;
  const percent = emptyCounts(labels);
  for (const l of labels) percent[l] = roundedPercent(counts[l]!, denominator);
  const top2 = labels.slice(0, 2).reduce((s, l) => s + counts[l]!, 0);
  return {
    counts,
    evaluated,
    excluded,
    percent,
    aOrBPercent: denominator > 0 ? roundedPercent(top2, denominator) : null,
  };
}

export function summarizeEvaluation(ev: GradedEvaluation, rules: Rules): Evaluation {
  const labels = rules.bands.map((b) => b.label);
  const units = ev.items.flatMap((i) => unitsOf(i, rules));
  const order: string[] = [];
  const byGroup = new Map<string, Unit[]>();
  for (const u of units) {
    if (!byGroup.has(u.group)) {
      byGroup.set(u.group, []);
      order.push(u.group);
    }
    byGroup.get(u.group)!.push(u);
  }
  const groups: GroupSummary[] = order.map((name) => ({ name, ...summarizeBlock(byGroup.get(name)!, labels, rules) }));
  const items = ev.items.map((i) => {
    const { adoptedFrom: _a, excludedReasonJa: _e, indicatorReasonsJa: _r, ...rest } = i;
    void _a;
    void _e;
    void _r;
    return rest;
  });
  return {
    label: ev.label,
    fiscalYear: ev.fiscalYear,
    source: ev.source,
    groups,
    total: summarizeBlock(units, labels, rules),
    items,
    review: ev.review.map((r) => ({ sheet: r.sheet, row: r.row, reason: r.reason })),
  };
}
