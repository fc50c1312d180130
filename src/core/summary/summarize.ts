/**
 * Graded items → the 表3-1-shaped summary per evaluation (GRADING.md §7):
 * counts per group and in total, percentages of the evaluated items rounded
 * half up, and "A or B" from the raw counts, never from rounded percents.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, GradeCounts, GroupSummary, ItemResult } from "../model/summary";
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

/**
 * Counts of one block (a group or the total), tallied straight from the grades: an index per grade label,
 * plus the excluded count; no per-unit objects.
 */
class Tally {
  readonly counts: Int32Array;
  excluded = 0;
  private others: GradeCounts | null = null;
  constructor(readonly labels: string[]) {
    this.counts = new Int32Array(labels.length);
  }
  add(grade: string | null, times: number): void {
    if (grade === null) {
      this.excluded += times;
      return;
    }
    const i = this.labels.indexOf(grade);
    if (i >= 0) this.counts[i]! += times;
    // A grade outside the labels (not produced today: parse-grade refuses them) is shown, never counted as evaluated.
    else (this.others ??= {})[grade] = (this.others[grade] ?? 0) + times;
  }
  block(rules: Rules): Omit<GroupSummary, "name"> {
    const counts = emptyCounts(this.labels);
    let evaluated = 0;
    for (let i = 0; i < this.labels.length; i++) {
      counts[this.labels[i]!] = this.counts[i]!;
      evaluated += this.counts[i]!;
    }
    if (this.others) Object.assign(counts, this.others);
    const denominator = rules.includeExcludedInDenominator ? evaluated + this.excluded : evaluated;
    const percent = emptyCounts(this.labels);
    for (const l of this.labels) percent[l] = roundedPercent(counts[l]!, denominator);
    const top2 = (this.counts[0] ?? 0) + (this.counts[1] ?? 0);
    return {
      counts,
      evaluated,
      excluded: this.excluded,
      percent,
      aOrBPercent: denominator > 0 ? roundedPercent(top2, denominator) : null,
    };
  }
}

/** Adds an item's counted units (the item, or its indicators when the rules count indicators) to a tally. */
function addItem(t: Tally, item: GradedItem, rules: Rules): void {
  if (rules.count === "items" || item.indicators.length === 0) t.add(item.grade, 1);
  // Counting indicators: the adopted item grade only stands for the item when self-graded.
  else if (item.adoptedFrom === "self") t.add(item.grade, item.indicators.length);
  else for (const i of item.indicators) t.add(i.grade, 1);
}

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
  }));
  return {
    label: ev.label,
    fiscalYear: ev.fiscalYear,
    source: ev.source,
    groups,
    total: total.block(rules),
    items,
    review: ev.review.map((r) => ({ sheet: r.sheet, row: r.row, reason: r.reason })),
  };
}
