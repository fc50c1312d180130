/**
 * A sheet that states its own counts below the table (「A評価8件、B評価7件、C評価1件」): compared with the grades
 * counted from its rows, and a difference listed on 要確認 (issue 16, item 7) — the sheet's sentence may be stale, or
 * a row may have been misread; either way a person should look.
 */
import type { ColumnarTable } from "../layout/columnar-table";
import type { GradedEvaluation } from "./evaluate-items";

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}

function countsText(c: Record<string, number>, ja: boolean): string {
  const parts = Object.entries(c).filter(([, n]) => n > 0);
  if (parts.length === 0) return ja ? "0件" : "none";
  return parts.map(([k, n]) => (ja ? `${k} ${n}件` : `${k} ${n}`)).join(ja ? "、" : ", ");
}

/** Adds a review entry to the first evaluation of the sheet when no evaluation of it counts what the sheet states. */
export function checkStatedCounts(tables: readonly ColumnarTable[], graded: GradedEvaluation[]): void {
  for (const t of tables) {
    for (const stated of t.statedCounts) {
      const counted: Record<string, number>[] = [];
      let first: GradedEvaluation | null = null;
      for (const ev of graded) {
        const c: Record<string, number> = {};
        let any = false;
        for (const it of ev.items) {
          if (it.sheet !== t.sheet) continue;
          any = true;
          if (it.grade !== null) c[it.grade] = (c[it.grade] ?? 0) + 1;
        }
        if (!any) continue;
        first ??= ev;
        counted.push(c);
      }
      if (!first || counted.some((c) => sameCounts(c, stated.counts))) continue;
      const ours = counted[0]!;
      first.review.push({
        sheet: t.sheet,
        row: stated.row + 1,
        reason: `sheet states ${countsText(stated.counts, false)}; counted ${countsText(ours, false)}`,
        reasonJa: `シートの記載「${stated.text}」と集計（${countsText(ours, true)}）が異なります`,
      });
      first.review.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : 0));
    }
  }
}
