/**
 * Each item's grade across the years a workbook holds (year columns, one sheet per year, or one grade column per
 * year): R3 A → R4 B → R5 C. The evaluated year comes from the main run; every other year is graded again with the
 * same rules and that year chosen, so a year's grade here is the grade that year's report would have had.
 * This runs on every review (the pane's open and each live この行 update): the other years are graded into codes
 * only, never materialised (reasons, 次の評価まで, checks), and an item's targets of such a year are read only
 * when the 目標が変わった check asks for them (npm run bench:history).
 */
import type { Rules } from "../model/settings";
import type { ColumnarTable } from "../layout/columnar-table";
import type { ItemResult } from "../model/summary";
import { gradeTables, type ColumnarEvaluation } from "./grade-columnar";
import { materializeBlockItem, type GradedEvaluation, type GradedItem } from "./evaluate-items";
import { NO_GRADE } from "./reason-codes";
import { tableYearOf, yearsWithActuals } from "./evaluation-slots";

export interface HistoryEntry {
  fiscalYear: number;
  /** The year as the workbook labels it (R3, 令和３年度…). */
  label: string;
  grade: string | null;
}

/** What an item's indicators targeted in one year, and where (for the 目標が変わった check). */
export interface YearTargets {
  fiscalYear: number;
  label: string;
  sheet: string;
  /** Read when asked: only the 目標が変わった check between two sheets needs them. */
  targets: () => Map<string, { target: number; unit: string | null }>;
}

/** How many years back the history goes: a plan period is 3–5 years; older columns are archive. */
const MAX_YEARS = 10;

/** The same item in another year's evaluation: its No and name (sheets and rows differ between year sheets). */
export function itemIdentity(item: Pick<ItemResult, "key" | "name">): string {
  return `${item.key}\u0001${item.name}`;
}

/** Fiscal years with data in the tables: years with actuals, and years sheets state. */
function yearsOf(tables: ColumnarTable[]): number[] {
  const years = new Set<number>();
  for (const t of tables) {
    for (const y of yearsWithActuals(t)) years.add(y);
    const ty = tableYearOf(t);
    if (ty.kind === "stated") years.add(ty.fiscalYear);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Per item identity, its grade in each year up to the latest evaluated one, oldest first. Items without a year
 * (総括 only) and workbooks with one year get a history of at most one entry.
 */
export function itemHistories(
  tables: ColumnarTable[],
  rules: Rules,
  graded: GradedEvaluation[],
  targetsOut?: Map<string, YearTargets[]>,
): Map<string, HistoryEntry[]> {
  const byYear = new Map<number, GradedEvaluation>();
  for (const ev of graded) if (ev.fiscalYear !== null && !byYear.has(ev.fiscalYear)) byYear.set(ev.fiscalYear, ev);
  const latest = Math.max(...byYear.keys());
  const years = yearsOf(tables).filter((y) => y <= latest && !byYear.has(y)).slice(-MAX_YEARS);
  // A self grade belongs to the year its sheet states; a plain 自己評価 beside year columns is the evaluated year's
  // own, so another year of such a sheet takes the grade its target and actual give.
  const statedYear = new Map<string, number>();
  for (const t of tables) {
    const ty = tableYearOf(t);
    if (ty.kind === "stated") statedYear.set(t.layout.sheet, ty.fiscalYear);
  }
  const regraded = new Map<number, ColumnarEvaluation>();
  for (const year of years) {
    const yearRules = { ...rules, year };
    const ev = gradeTables(tables, yearRules).find((e) => e.fiscalYear === year);
    if (ev) regraded.set(year, ev);
  }
  const targetsOf = (it: Pick<GradedItem, "indicators">) => {
    const targets = new Map<string, { target: number; unit: string | null }>();
    for (const ind of it.indicators) if (ind.target !== null) targets.set(ind.name, { target: ind.target, unit: ind.unit });
    return targets;
  };
  const out = new Map<string, HistoryEntry[]>();
  const add = (year: number, label: string, id: string, sheet: string, grade: string | null, targets: YearTargets["targets"]) => {
    let h = out.get(id);
    if (!h) out.set(id, (h = []));
    // An item listed twice in one year (two sheets) keeps its first grade there.
    if (h[h.length - 1]?.fiscalYear === year) return;
    h.push({ fiscalYear: year, label, grade });
    if (targetsOut) {
      let list = targetsOut.get(id);
      if (!list) targetsOut.set(id, (list = []));
      list.push({ fiscalYear: year, label, sheet, targets });
    }
  };
  const labels = rules.bands.map((b) => b.label);
  const labelOf = (code: number) => (code === NO_GRADE ? null : labels[code]!);
  const all = [...new Set([...byYear.keys(), ...regraded.keys()])].sort((a, b) => a - b).slice(-MAX_YEARS);
  for (const year of all) {
    const ev = byYear.get(year);
    if (ev) {
      for (const it of ev.items) add(year, ev.label, itemIdentity(it), it.sheet, it.grade, () => targetsOf(it));
      continue;
    }
    const cev = regraded.get(year)!;
    const yearRules = { ...rules, year };
    for (const block of cev.blocks) {
      const t = block.table;
      // A plain 自己評価 beside year columns is the evaluated year's own: this year takes its suggested grade.
      const own = statedYear.get(t.sheet) === year;
      for (let item = 0; item < t.itemCount; item++) {
        const code = own ? block.itemGrade[item]! : block.itemSuggested[item]!;
        const id = itemIdentity({ key: t.itemKey[item]!, name: t.itemName[item]! });
        add(year, cev.label, id, t.sheet, labelOf(code), () => targetsOf(materializeBlockItem(block, item, yearRules)));
      }
    }
  }
  return out;
}

/** The grade moved down from the year before (B → C, A → 対象外 does not count: nothing to compare). */
export function droppedFromLastYear(history: HistoryEntry[], labels: string[]): { from: HistoryEntry; to: HistoryEntry } | null {
  if (history.length < 2) return null;
  const to = history[history.length - 1]!;
  const from = history[history.length - 2]!;
  if (from.grade === null || to.grade === null || to.fiscalYear - from.fiscalYear !== 1) return null;
  const a = labels.indexOf(from.grade);
  const b = labels.indexOf(to.grade);
  return a >= 0 && b > a ? { from, to } : null;
}
