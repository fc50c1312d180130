/**
 * The report's tables for the clipboard (the pane's 「報告書用にコピー」): each
 * evaluation's 表3-N and the 表4-N list exactly as the report export prints
 * them — the same titles, two header rows, 「16件 (84%)」 cells, A-or-B share,
 * ※ notes, 評価の推移 where the settings ask, group heading rows spanning the list — as HTML tables (pasted into
 * Word they become real tables, captions above) and as tab-separated text
 * for editors without HTML. Built from the summary only.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, MovementCounts } from "../model/summary";
import { formatFiscalYearJa } from "../japanese/fiscal-year";
import type { SheetLabels } from "../i18n/sheet-labels";
import { commonGroupWord, rowLabel, summaryNotes, summaryTableTitle } from "./plan-summary-sheet";
import { publishedList } from "./plan-published-list";
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
const GROUP = `${CELL}background:#EDEDED;font-weight:bold;`;
const TABLE = `border-collapse:collapse;font-family:'${PLAN_FONT.name}',sans-serif;font-size:10.5pt`;
const CAPTION = "font-weight:bold;margin:6pt 0 2pt";
const NOTE = "font-size:9pt;margin:2pt 0 0";

const caption = (t: string) => `<p style="${CAPTION}">${escapeHtml(t)}</p>`;
const notesHtml = (notes: string[]) => notes.map((n) => `<p style="${NOTE}">${escapeHtml(n)}</p>`).join("");
const th = (s: string, attrs = "") => `<th${attrs} style="${HEAD}">${escapeHtml(s).replace(/\n/g, "<br>")}</th>`;

/** 評価の推移 under a 表3-N, as the summary sheet prints it (rules.report.movementTable), or null. */
function movementRows(ev: Evaluation, rules: Rules, L: SheetLabels, word: string | null, groupWord: string) {
  const m = ev.movement;
  if (!rules.report.movementTable || !m) return null;
  const counts = (c: MovementCounts) => [c.up, c.same, c.down, c.noPrevious].map((n) => L.countOnly(n));
  const rows = m.groups.map((g) => [rowLabel(g.name, word), ...counts(g)]);
  if (rules.report.totalRow) rows.push([L.total, ...counts(m.total)]);
  return {
    title: L.movementTitle(m.previousLabel ?? formatFiscalYearJa(m.previousYear), ev.label),
    headers: [groupWord, ...L.movementHeaders],
    rows,
    note: L.movementNote,
  };
}

/** 表3-N of each evaluation. */
function summaryTables(
  evaluations: Evaluation[],
  rules: Rules,
  L: SheetLabels,
  noun: string,
  groupHeading: string | null,
): ReportClipboard {
  const labels = rules.bands.map((b) => b.label);
  const html: string[] = [];
  const text: string[] = [];
  evaluations.forEach((ev, i) => {
    const word = commonGroupWord(ev.groups.map((g) => g.name));
    const groupWord = word ?? groupHeading ?? L.groupHeader;
    const title = summaryTableTitle(evaluations, i, word ?? groupHeading, rules.report, L);
    const aOrB = L.aOrBHeader(labels[0]!, labels[1] ?? labels[0]!);
    const rowOf = (name: string, b: Omit<Evaluation["groups"][number], "name">) => [
      name,
      ...labels.map((l) => L.countCell(b.counts[l] ?? 0, b.percent[l] ?? 0)),
      L.percent(b.aOrBPercent),
    ];
    const rows = ev.groups.map((g) => rowOf(rowLabel(g.name, word), g));
    if (rules.report.totalRow) rows.push(rowOf(L.total, ev.total));
    const notes = summaryNotes(ev, rules, L);
    const movement = movementRows(ev, rules, L, word, groupWord);
    html.push(
      caption(title) +
        `<table style="${TABLE}">` +
        `<thead><tr>${th(groupWord, ' rowspan="2"')}${th(L.countsHeader(noun), ` colspan="${labels.length}"`)}` +
        `${th(aOrB, ' rowspan="2"')}</tr>` +
        `<tr>${labels.map((l) => th(L.gradeHeader(l))).join("")}</tr></thead>` +
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
          .join("")}</tbody></table>` +
        notesHtml(notes) +
        (movement
          ? caption(movement.title) +
            `<table style="${TABLE}"><thead><tr>${movement.headers.map((h) => th(h)).join("")}</tr></thead><tbody>` +
            movement.rows
              .map(
                (r) =>
                  `<tr><td style="${CELL}">${escapeHtml(r[0]!)}</td>` +
                  r.slice(1).map((c) => `<td style="${CELL}text-align:right">${escapeHtml(c)}</td>`).join("") +
                  `</tr>`,
              )
              .join("") +
            `</tbody></table>` +
            notesHtml([movement.note])
          : ""),
    );
    text.push(
      [
        title,
        [groupWord, L.countsHeader(noun), ...labels.slice(1).map(() => ""), aOrB.replace(/\n/g, "")].join("\t"),
        ["", ...labels.map((l) => L.gradeHeader(l)), ""].join("\t"),
        ...rows.map((r) => r.join("\t")),
        ...notes,
        ...(movement
          ? ["", movement.title, movement.headers.map((h) => h.replace(/\n/g, "")).join("\t"), ...movement.rows.map((r) => r.join("\t")), movement.note]
          : []),
      ].join("\n"),
    );
  });
  return { html: html.join(""), text: text.join("\n\n") };
}

/** 表4-N, the published list. */
function listTable(
  evaluations: Evaluation[],
  rules: Rules,
  L: SheetLabels,
  noun: string,
  keyHeader: string | null,
): ReportClipboard {
  const list = publishedList(evaluations, rules, L, noun, keyHeader);
  const { headers } = list;
  const fixed = [headers.key, headers.name, headers.department].filter((h): h is string => h !== null);
  const width = fixed.length + headers.evaluations.length;
  const html =
    caption(list.title) +
    `<table style="${TABLE}"><thead><tr>${fixed.map((h) => th(h, ' rowspan="2"')).join("")}` +
    th(headers.results, headers.evaluations.length > 1 ? ` colspan="${headers.evaluations.length}"` : "") +
    `</tr><tr>${headers.evaluations.map((e) => th(e)).join("")}</tr></thead><tbody>` +
    list.rows
      .map((r) =>
        r.kind === "group"
          ? `<tr><td colspan="${width}" style="${GROUP}">${escapeHtml(r.cells[0]!)}</td></tr>`
          : `<tr>${r.cells
              .map((c, k) => {
                const centred = k >= fixed.length || (k === 0 && headers.key !== null);
                return `<td style="${CELL}${centred ? "text-align:center;" : ""}">${escapeHtml(c)}</td>`;
              })
              .join("")}</tr>`,
      )
      .join("") +
    `</tbody></table>` +
    notesHtml(list.notes);
  const text = [
    list.title,
    [...fixed, headers.results, ...headers.evaluations.slice(1).map(() => "")].join("\t"),
    [...fixed.map(() => ""), ...headers.evaluations].join("\t"),
    ...list.rows.map((r) => r.cells.join("\t")),
    ...list.notes,
  ].join("\n");
  return { html, text };
}

export function reportTablesForClipboard(
  evaluations: Evaluation[],
  rules: Rules,
  L: SheetLabels,
  wording: { noun: string; keyHeader: string | null; groupHeading?: string | null } = {
    noun: L.itemNoun,
    keyHeader: null,
  },
): ReportClipboard {
  const parts = [summaryTables(evaluations, rules, L, wording.noun, wording.groupHeading ?? null)];
  if (evaluations.some((e) => e.items.length > 0))
    parts.push(listTable(evaluations, rules, L, wording.noun, wording.keyHeader));
  return {
    html: `<html><body>${parts.map((p) => p.html).join("<p></p>")}</body></html>`,
    text: parts.map((p) => p.text).join("\n\n") + "\n",
  };
}
