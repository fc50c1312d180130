/**
 * Warnings about whole tables, for stderr and the pane (Japanese, naming the
 * sheet): a table none of whose rows could be graded (every row went to
 * 要確認), and sheets about another year than the one the reviewer chose.
 */
import type { ColumnarTable } from "../layout/columnar-table";
import type { GradedEvaluation } from "./evaluate-items";

/** Sheets of which not one row was graded in any evaluation, with the most common reason. */
export function tablesAllInReview(tables: readonly ColumnarTable[], graded: readonly GradedEvaluation[]): string[] {
  const gradedSheets = new Set<string>();
  const reasons = new Map<string, Map<string, number>>();
  const count = (sheet: string, reason: string | null) => {
    if (!reason) return;
    let m = reasons.get(sheet);
    if (!m) reasons.set(sheet, (m = new Map()));
    m.set(reason, (m.get(reason) ?? 0) + 1);
  };
  for (const ev of graded)
    for (const it of ev.items) {
      if (it.grade !== null) gradedSheets.add(it.sheet);
      else count(it.sheet, it.excludedReasonJa);
    }
  const out: string[] = [];
  for (const t of tables) {
    const sheet = t.layout.sheet;
    const rows = t.itemCount + t.unreadRows.length;
    if (rows === 0 || gradedSheets.has(sheet)) continue;
    for (const u of t.unreadRows) count(sheet, u.reasonJa);
    const top = [...(reasons.get(sheet) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0];
    const why = top ? `主な理由：${top[0]}` : "評価する年度の目標・実績がありません";
    out.push(
      `「${sheet}」: 表の ${rows} 行のどれも評価できず、すべて要確認に回りました（${why}）。見出しと値の書き方を確認してください。`,
    );
  }
  return out;
}

/** Warning for sheets left out because they are about another year than the chosen one. */
export function outsideYearWarning(sheets: readonly { sheet: string; label: string }[], yearJa: string): string[] {
  if (sheets.length === 0) return [];
  const list = sheets.map((s) => `「${s.sheet}」（${s.label}）`).join("、");
  return [`評価する年度（${yearJa}）と異なる年度のシートは集計していません: ${list}`];
}
