/**
 * The counts of one block of the summary (a group or the total), tallied straight from grades: an Int32 count per
 * grade label plus the excluded count; percentages rounded half up in integers (GRADING.md §7).
 */
import type { Rules } from "../model/settings";
import type { GradeCounts, GroupSummary } from "../model/summary";

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
export class Tally {
  readonly counts: Int32Array;
  excluded = 0;
  private others: GradeCounts | null = null;
  constructor(readonly labels: string[]) {
    this.counts = new Int32Array(labels.length);
  }
  /** A grade code (index into the labels), or -1 for an excluded unit. */
  addCode(code: number, times: number): void {
    if (code < 0) this.excluded += times;
    else this.counts[code]! += times;
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
