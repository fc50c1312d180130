/**
 * 表3-1 for the clipboard (the pane's 「報告書用にコピー」): each evaluation's
 * table as an HTML table with the report's look, so that pasting into Word
 * gives a real table, and as tab-separated plain text for the fallback.
 * Same content as 評価集計 (title with the grouping word, two header rows,
 * 「16件 (84%)」 cells, A-or-B share); no total row and no notes, as in the
 * report.
 */
import type { Rules } from "../model/settings";
import type { Evaluation } from "../model/summary";
import type { SheetLabels } from "../i18n/sheet-labels";
import { commonGroupWord, rowLabel } from "./plan-summary-sheet";
import { PLAN_FONT } from "./plan-styles";

export interface ReportClipboard {
  html: string;
  text: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const CELL = "border:1px solid #000;padding:2pt 4pt;";
const HEAD = `${CELL}background:#D9E1F2;font-weight:bold;text-align:center;vertical-align:middle;`;

export function reportTablesForClipboard(evaluations: Evaluation[], rules: Rules, L: SheetLabels): ReportClipboard {
  const labels = rules.bands.map((b) => b.label);
  const html: string[] = [];
  const text: string[] = [];
  evaluations.forEach((ev, i) => {
    const word = commonGroupWord(ev.groups.map((g) => g.name));
    const groupWord = word ?? L.groupHeader;
    const title = L.summaryTitle(i + 1, groupWord);
    const aOrB = L.aOrBHeader(labels[0]!, labels[1] ?? labels[0]!);
    const rows = ev.groups.map((g) => [
      rowLabel(g.name, word),
      ...labels.map((l) => L.countCell(g.counts[l] ?? 0, g.percent[l] ?? 0)),
      L.percent(g.aOrBPercent),
    ]);

    html.push(
      `<p style="font-weight:bold;margin:6pt 0 2pt">${escapeHtml(title)}（${escapeHtml(ev.label)}）</p>` +
        `<table style="border-collapse:collapse;font-family:'${PLAN_FONT.name}',sans-serif;font-size:10.5pt">` +
        `<thead><tr><th rowspan="2" style="${HEAD}">${escapeHtml(groupWord)}</th>` +
        `<th colspan="${labels.length}" style="${HEAD}">${escapeHtml(L.countsHeader)}</th>` +
        `<th rowspan="2" style="${HEAD}">${escapeHtml(aOrB).replace(/\n/g, "<br>")}</th></tr>` +
        `<tr>${labels.map((l) => `<th style="${HEAD}">${escapeHtml(L.gradeHeader(l))}</th>`).join("")}</tr></thead>` +
        `<tbody>${rows
          .map(
            (r) =>
              `<tr><td style="${CELL}">${escapeHtml(r[0]!)}</td>` +
              r
                .slice(1)
                .map((c) => `<td style="${CELL}text-align:right;white-space:nowrap">${escapeHtml(c)}</td>`)
                .join("") +
              `</tr>`,
          )
          .join("")}</tbody></table>`,
    );
    text.push(
      [
        `${title}（${ev.label}）`,
        [groupWord, L.countsHeader, ...labels.slice(1).map(() => ""), aOrB.replace(/\n/g, "")].join("\t"),
        ["", ...labels.map((l) => L.gradeHeader(l)), ""].join("\t"),
        ...rows.map((r) => r.join("\t")),
      ].join("\n"),
    );
  });
  return {
    html: `<html><body>${html.join("")}</body></html>`,
    text: text.join("\n\n") + "\n",
  };
}
