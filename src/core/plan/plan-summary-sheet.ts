/**
 * 評価集計: per evaluation, the 表3-1-shaped table (counts with percents per
 * group, 対象外, A-or-B share), footnotes, a data block for the charts and
 * the chart specs (pie of the total like 図3-1, bars per group).
 */
import type { Rules } from "../model/settings";
import type { Evaluation } from "../model/summary";
import type { PlanChart, PlanValue, RangeFormat, SheetPlan } from "../model/sheet-plan";
import type { CellRect } from "../model/snapshot";
import type { SheetLabels } from "../i18n/sheet-labels";

const DATA_COL = 9; // chart data lives from column J, beside the printed table

export function planSummarySheet(name: string, evaluations: Evaluation[], rules: Rules, L: SheetLabels): SheetPlan {
  const labels = rules.bands.map((b) => b.label);
  const width = labels.length + 3; // group, grades…, excluded, A-or-B
  const rows: PlanValue[][] = [];
  const formats: RangeFormat[] = [];
  const merges: CellRect[] = [];
  const charts: PlanChart[] = [];
  const set = (r: number, c: number, v: PlanValue) => {
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = v;
  };
  const rect = (top: number, left: number, bottom: number, right: number): CellRect => ({ top, left, bottom, right });

  let r = 0;
  if (evaluations.length === 0) {
    set(0, 0, L.noData);
    formats.push({ range: rect(0, 0, 0, 0), style: "title" });
  }
  evaluations.forEach((ev, i) => {
    const titleRow = r;
    set(r, 0, L.summaryTitle(i + 1, ev.label));
    merges.push(rect(r, 0, r, width - 1));
    formats.push({ range: rect(r, 0, r, width - 1), style: "title" });
    r++;
    const headerRow = r;
    set(r, 0, L.groupHeader);
    labels.forEach((g, j) => set(r, 1 + j, L.gradeHeader(g)));
    set(r, labels.length + 1, L.excludedHeader);
    set(r, labels.length + 2, L.aOrBHeader(labels[0]!, labels[1]!));
    formats.push({ range: rect(r, 0, r, width - 1), style: "header" });
    r++;
    const firstBody = r;
    for (const g of ev.groups) {
      set(r, 0, g.name);
      labels.forEach((l, j) => set(r, 1 + j, L.countCell(g.counts[l] ?? 0, g.percent[l] ?? 0)));
      set(r, labels.length + 1, L.countOnly(g.excluded));
      set(r, labels.length + 2, L.percent(g.aOrBPercent));
      r++;
    }
    if (ev.groups.length > 0) {
      formats.push({ range: rect(firstBody, 0, r - 1, 0), numberFormat: "@", style: "body" });
      formats.push({ range: rect(firstBody, 1, r - 1, width - 1), numberFormat: "@", style: "body" });
    }
    set(r, 0, L.total);
    labels.forEach((l, j) => set(r, 1 + j, L.countCell(ev.total.counts[l] ?? 0, ev.total.percent[l] ?? 0)));
    set(r, labels.length + 1, L.countOnly(ev.total.excluded));
    set(r, labels.length + 2, L.percent(ev.total.aOrBPercent));
    formats.push({ range: rect(r, 0, r, width - 1), numberFormat: "@", style: "total" });
    r++;
    const denominator = rules.includeExcludedInDenominator
      ? ev.total.evaluated + ev.total.excluded
      : ev.total.evaluated;
    const notes = [L.footDenominator(denominator), L.footRounded];
    const excludedNames = ev.items.filter((it) => it.grade === null).map((it) => it.name);
    if (excludedNames.length > 0) notes.push(L.footExcluded(excludedNames));
    notes.push(L.footSource(L.sourceNames[ev.source] ?? ev.source));
    for (const n of notes) {
      set(r, 0, n);
      formats.push({ range: rect(r, 0, r, 0), numberFormat: "@", style: "note" });
      r++;
    }

    // Chart data: grade counts of the total (pie), and per group (bars), as numbers.
    const pieTop = titleRow;
    set(pieTop, DATA_COL, `${L.chartData}（${ev.label}）`);
    set(pieTop + 1, DATA_COL, L.groupHeader);
    set(pieTop + 1, DATA_COL + 1, L.total);
    labels.forEach((l, j) => {
      set(pieTop + 2 + j, DATA_COL, L.gradeHeader(l));
      set(pieTop + 2 + j, DATA_COL + 1, ev.total.counts[l] ?? 0);
    });
    const pieData = rect(pieTop + 1, DATA_COL, pieTop + 1 + labels.length, DATA_COL + 1);
    const barTop = pieTop + 2 + labels.length + 1;
    set(barTop, DATA_COL, L.groupHeader);
    labels.forEach((l, j) => set(barTop, DATA_COL + 1 + j, L.gradeHeader(l)));
    ev.groups.forEach((g, k) => {
      set(barTop + 1 + k, DATA_COL, g.name);
      labels.forEach((l, j) => set(barTop + 1 + k, DATA_COL + 1 + j, g.counts[l] ?? 0));
    });
    const barData = rect(barTop, DATA_COL, barTop + Math.max(ev.groups.length, 1), DATA_COL + labels.length);
    formats.push({ range: rect(pieTop, DATA_COL, barData.bottom, DATA_COL), numberFormat: "@", style: "note" });
    formats.push({
      range: rect(pieData.top, DATA_COL + 1, barData.bottom, DATA_COL + labels.length),
      numberFormat: "0",
    });

    const chartTop = Math.max(r + 1, barData.bottom + 2);
    const altCounts = labels.map((l) => `${l} ${ev.total.counts[l] ?? 0}`).join(", ");
    charts.push({
      kind: "pie",
      title: L.pieTitle(ev.label),
      data: pieData,
      seriesBy: "columns",
      anchor: { row: chartTop, col: 0, rows: 15, cols: 3 },
      altText: `${L.pieTitle(ev.label)}: ${altCounts}`,
    });
    charts.push({
      kind: "bar",
      title: L.barTitle(ev.label),
      data: barData,
      seriesBy: "columns",
      anchor: { row: chartTop, col: 3, rows: 15, cols: Math.max(4, width - 3) },
      altText:
        `${L.barTitle(ev.label)}: ` +
        ev.groups.map((g) => `${g.name} ${labels.map((l) => `${l}${g.counts[l] ?? 0}`).join("/")}`).join("; "),
    });
    r = chartTop + 16;
    void headerRow;
  });

  const columnWidths = [44, ...labels.map(() => 12), 10, 14, 2, 40, ...labels.map(() => 8)];
  return {
    role: "summary",
    name,
    tabColor: "#2E7D32",
    rows,
    formats,
    merges,
    columnWidths,
    links: [],
    conditionalFormats: [],
    charts,
    pageLayout: { orientation: "landscape", fitToWidth: true, centerFooter: "&P / &N" },
  };
}
