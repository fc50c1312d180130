/**
 * 表3-1 (the summary per group and in total) as an HTML table and as tab-separated text, for
 * the pane's "Copy for the report" button: pasted into Word it becomes a table, into a plain
 * editor aligned text. Pure: strings in, strings out.
 */
import type { Evaluation } from "../model/summary";

export interface ReportTableLabels {
  group: string;
  total: string;
  evaluated: string;
  excluded: string;
  aOrB: string;
  caption: (label: string) => string;
}

export const REPORT_LABELS_JA: ReportTableLabels = {
  group: "区分",
  total: "合計",
  evaluated: "評価数",
  excluded: "対象外",
  aOrB: "A+B",
  caption: (label) => `評価結果（${label}）`,
};

export const REPORT_LABELS_EN: ReportTableLabels = {
  group: "Group",
  total: "Total",
  evaluated: "Evaluated",
  excluded: "Excluded",
  aOrB: "A+B",
  caption: (label) => `Evaluation results (${label})`,
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Rows of the table: header, one per group, total. Cells are display strings. */
export function reportRows(ev: Evaluation, labels: ReportTableLabels): string[][] {
  const grades = ev.grades ?? Object.keys(ev.total.counts);
  // The share column is of the top two grades of the scale: S+A on an S–C scale, AA+A on AA–D.
  const topTwo = grades.length >= 2 && (grades[0] !== "A" || grades[1] !== "B") ? `${grades[0]}+${grades[1]}` : null;
  const header = [labels.group, ...grades.map((g) => g), labels.evaluated, labels.excluded, topTwo ?? labels.aOrB];
  const row = (name: string, b: Evaluation["total"]) => [
    name,
    ...grades.map((g) => `${b.counts[g] ?? 0}（${b.percent[g] ?? 0}%）`),
    String(b.evaluated),
    String(b.excluded),
    b.aOrBPercent === null ? "-" : `${b.aOrBPercent}%`,
  ];
  return [header, ...ev.groups.map((g) => row(g.name, g)), row(labels.total, ev.total)];
}

export function reportTableText(ev: Evaluation, labels: ReportTableLabels): string {
  return [labels.caption(ev.label), ...reportRows(ev, labels).map((r) => r.join("\t"))].join("\n") + "\n";
}

export function reportTableHtml(ev: Evaluation, labels: ReportTableLabels): string {
  const rows = reportRows(ev, labels);
  const cell = (tag: "th" | "td", s: string, i: number) =>
    `<${tag}${i > 0 ? ' style="text-align:right"' : ""}>${escapeHtml(s)}</${tag}>`;
  const head = `<tr>${rows[0]!.map((s, i) => cell("th", s, i)).join("")}</tr>`;
  const body = rows
    .slice(1)
    .map((r) => `<tr>${r.map((s, i) => cell(i === 0 ? "th" : "td", s, i)).join("")}</tr>`)
    .join("");
  return `<table border="1" style="border-collapse:collapse"><caption>${escapeHtml(labels.caption(ev.label))}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}
