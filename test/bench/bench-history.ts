/**
 * npm run -s bench:history — the cost of each item's grade across the years (item-history.ts, issue 18) on the
 * pane's hot path: every open and every live この行 update runs reviewWorkbook, which grades every other year too.
 *   items=<n> years=<y> reviewMs=<median> historyBeforeMs=<median> historyAfterMs=<median> same=<true|false>
 * reviewMs: the whole reviewWorkbook (history included) on a generated sheet with year columns 令和元年度…;
 * historyBeforeMs: the years graded the way item-history.ts first did (each other year graded and then
 * materialised: reasons, 次の評価まで, data checks — all thrown away but the item grades), kept here as the reference;
 * historyAfterMs: itemHistories as it is now (each other year graded into codes only);
 * same: both give the same histories. Medians of 7 runs after 2 warm-ups; no assertions (BENCHMARKS.md).
 */
import { reviewWorkbook } from "../../src/core/run-review";
import { DEFAULT_RULES, type Rules } from "../../src/core/model/settings";
import type { RawValue, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { SheetGrid } from "../../src/core/layout/sheet-grid";
import { detectTable } from "../../src/core/layout/detect-header";
import { readColumnarTable } from "../../src/core/layout/read-columnar-table";
import type { ColumnarTable } from "../../src/core/layout/columnar-table";
import { StringTable } from "../../src/core/layout/string-table";
import { gradeTables } from "../../src/core/grading/grade-columnar";
import { materializeEvaluations, type GradedEvaluation } from "../../src/core/grading/evaluate-items";
import { itemHistories, itemIdentity, type HistoryEntry } from "../../src/core/grading/item-history";
import { yearsWithActuals } from "../../src/core/grading/evaluation-slots";

const SIZES = process.env.BENCH_ITEMS ? process.env.BENCH_ITEMS.split(",").map(Number) : [1_000, 5_000];
const YEARS = 5;
const RUNS = 7;
const WARMUPS = 2;

const ERA = ["令和元年度", "令和２年度", "令和３年度", "令和４年度", "令和５年度", "令和６年度", "令和７年度"];

/** One row per item with a target and an actual column per year (「令和２年度 目標値」), as staff keep a plan. */
function historySnapshot(items: number): WorkbookSnapshot {
  const header: RawValue[] = ["No", "事業名", "担当課", "指標"];
  for (let y = 0; y < YEARS; y++) header.push(`${ERA[y]} 目標値`, `${ERA[y]} 実績値`);
  const values: RawValue[][] = [header];
  for (let i = 0; i < items; i++) {
    const row: RawValue[] = [i + 1, `事業${i + 1}`, `課${i % 40}`, `指標${i % 7}`];
    for (let y = 0; y < YEARS; y++) {
      const target = 100 + (i % 50) * 10 + y * 10;
      row.push(`${target.toLocaleString("en-US")}件`, `${Math.round(target * (0.3 + (((i + y) * 37) % 100) / 100)).toLocaleString("en-US")}件`);
    }
    values.push(row);
  }
  return {
    source: "bench",
    sheets: [
      {
        name: "進捗",
        visibility: "Visible",
        origin: { row: 0, col: 0 },
        values,
        text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
        numberFormat: values.map((r) => r.map(() => "General")),
        merges: [],
      },
    ],
  };
}

function tablesOf(snap: WorkbookSnapshot): ColumnarTable[] {
  const strings = new StringTable();
  return snap.sheets.map((s) => {
    const grid = new SheetGrid(s);
    const d = detectTable(grid);
    if (!d.ok) throw new Error(d.reason);
    return readColumnarTable(grid, d.layout, strings);
  });
}

/** The first implementation: every other year graded and materialised in full, only the item grades kept. */
function historiesBefore(tables: ColumnarTable[], rules: Rules, graded: GradedEvaluation[]): Map<string, HistoryEntry[]> {
  const byYear = new Map<number, GradedEvaluation>();
  for (const ev of graded) if (ev.fiscalYear !== null && !byYear.has(ev.fiscalYear)) byYear.set(ev.fiscalYear, ev);
  const latest = Math.max(...byYear.keys());
  const years = [...new Set(tables.flatMap((t) => yearsWithActuals(t)))].sort((a, b) => a - b);
  for (const year of years.filter((y) => y <= latest && !byYear.has(y))) {
    const yearRules = { ...rules, year };
    const ev = materializeEvaluations(gradeTables(tables, yearRules), yearRules).find((e) => e.fiscalYear === year);
    if (ev) byYear.set(year, ev);
  }
  const out = new Map<string, HistoryEntry[]>();
  for (const [year, ev] of [...byYear].sort((a, b) => a[0] - b[0])) {
    for (const it of ev.items) {
      const id = itemIdentity(it);
      let h = out.get(id);
      if (!h) out.set(id, (h = []));
      // The sheet has no grade column: the suggestion is the grade in every year.
      if (h[h.length - 1]?.fiscalYear !== year) h.push({ fiscalYear: year, label: ev.label, grade: it.suggestedGrade });
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

for (const items of SIZES) {
  const snap = historySnapshot(items);
  const rules = DEFAULT_RULES;
  const tables = tablesOf(snap);
  const graded = materializeEvaluations(gradeTables(tables, rules), rules);
  const review = () => reviewWorkbook(snap, rules);
  const before = () => historiesBefore(tables, rules, graded);
  const after = () => itemHistories(tables, rules, graded);
  for (let i = 0; i < WARMUPS; i++) [review, before, after].forEach((f) => f());
  const t = { review: [] as number[], before: [] as number[], after: [] as number[] };
  // Interleaved, so that all three see the same load of this shared machine.
  for (let i = 0; i < RUNS; i++) {
    t.review.push(time(review));
    t.before.push(time(before));
    t.after.push(time(after));
  }
  const key = (m: Map<string, HistoryEntry[]>) =>
    JSON.stringify([...m].map(([id, h]) => [id, h.map((e) => [e.fiscalYear, e.label, e.grade])]));
  const same = key(before()) === key(after());
  console.log(
    `items=${items} years=${YEARS} reviewMs=${median(t.review).toFixed(1)} historyBeforeMs=${median(t.before).toFixed(1)} ` +
      `historyAfterMs=${median(t.after).toFixed(1)} same=${same}`,
  );
}
