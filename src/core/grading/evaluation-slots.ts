/**
 * Which evaluations a workbook's tables make (GRADING.md §5): one per grade column label such as R3 / 総括, or
 * the evaluated year of target/actual tables; and for each table, which (grade column, year of the indicator
 * data) pairs feed which evaluation.
 */
import type { Rules } from "../model/settings";
import { readsAsNumber } from "../cells/parse-indicator-value";
import { formatFiscalYearJa } from "../japanese/fiscal-year";
import { yearKeysOfTable, type ColumnarTable, type YearKey } from "../layout/columnar-table";
import type { ColumnMapping, TableLayout } from "../layout/table-model";
import { headerYears } from "../layout/stated-year";

/** Evaluations of different sheets are the same when their key is (R3評価 = 令和3年度 = 2021年度). */
export type EvaluationKey = string;

export interface EvaluationSlot {
  key: EvaluationKey;
  label: string;
  fiscalYear: number | null;
}

/** One table's part of one evaluation: its grade column (index into the table's grade columns, or -1) and year. */
export interface SlotPlan {
  slot: EvaluationSlot;
  gradeIndex: number;
  yearKey: YearKey | null;
}

function slotForGradeColumn(c: ColumnMapping): EvaluationSlot {
  if (typeof c.fiscalYear === "number")
    return { key: `fy:${c.fiscalYear}`, label: c.label ?? c.header, fiscalYear: c.fiscalYear };
  if (c.overall) return { key: "overall", label: c.label ?? "総括", fiscalYear: null };
  return { key: `label:${c.label ?? c.header}`, label: c.label ?? c.header, fiscalYear: null };
}

/**
 * Which year a table is about: the one year it states (headers, title, sheet name), several years
 * (a multi-year table: the evaluated year is chosen for the whole workbook), or none.
 */
export type TableYear =
  | { kind: "stated"; fiscalYear: number; label: string }
  /** Several years in the headers; the title or sheet name may pick one of them. */
  | { kind: "several"; picked: { fiscalYear: number; label: string } | null }
  | { kind: "none" };

export function tableYearOf(table: { layout: TableLayout }): TableYear {
  const s = table.layout.statedYear;
  if (headerYears(table.layout.columns).length > 1) {
    if (!s?.amongSeveral) return { kind: "several", picked: null };
    const col = table.layout.columns.find((c) => c.fiscalYear === s.fiscalYear && c.label);
    return { kind: "several", picked: { fiscalYear: s.fiscalYear, label: col?.label ?? s.label } };
  }
  return s ? { kind: "stated", fiscalYear: s.fiscalYear, label: s.label } : { kind: "none" };
}

/** Years that have at least one actual that reads as a number (the default evaluated year is the latest). */
export function yearsWithActuals(table: ColumnarTable): number[] {
  const years: number[] = [];
  const { keys, cols } = table.actuals;
  for (let k = 0; k < keys.length; k++) {
    const y = keys[k]!;
    if (typeof y !== "number") continue;
    for (let i = 0; i < table.indicatorCount; i++) {
      const r = table.actualRow[i]!;
      if (r < 0 || (table.layout.kind === "pairs" && table.grid.isContinuation(r, cols[k]!))) continue;
      const v = table.grid.value(r, cols[k]!);
      if (typeof v === "number" || (typeof v === "string" && readsAsNumber(v))) {
        years.push(y);
        break;
      }
    }
  }
  return years.sort((a, b) => a - b);
}

/**
 * The fiscal year evaluated in multi-year tables: the rule's year, else the latest year with
 * actuals in those tables (a sheet that states its own year does not move it).
 */
export function chooseYear(tables: ColumnarTable[], rules: Rules): number | null {
  if (rules.year !== null) return rules.year;
  let latest: number | null = null;
  const several = tables.filter((t) => {
    const y = tableYearOf(t);
    return y.kind === "several" && y.picked === null;
  });
  for (const t of several.length > 0 ? several : tables)
    for (const y of yearsWithActuals(t)) if (latest === null || y > latest) latest = y;
  return latest;
}

/** Tables about another year than the one the reviewer chose (--year): they are not evaluated. */
export function tablesOutsideYear(tables: { layout: TableLayout }[], rules: Rules): { sheet: string; label: string }[] {
  if (rules.year === null) return [];
  const out: { sheet: string; label: string }[] = [];
  for (const t of tables) {
    const y = tableYearOf(t);
    const overall = t.layout.columns.some((c) => c.role === "selfGrade" && c.overall);
    const ownYearGrades = t.layout.columns.some((c) => c.role === "selfGrade" && c.fiscalYear === rules.year);
    if (y.kind === "stated" && y.fiscalYear !== rules.year && !overall && !ownYearGrades)
      out.push({ sheet: t.layout.sheet, label: y.label });
  }
  return out;
}

/**
 * A row-per-item table whose only target column is headed by one year (目標値（令和７年度）)
 * while its actuals are yearly: that year is the plan's final year.
 */
export function finalTargetColumn(table: { layout: TableLayout }): { fiscalYear: number; label: string } | null {
  if (table.layout.kind !== "rowPerItem") return null;
  const targets = table.layout.columns.filter((c) => c.role === "target");
  if (targets.length !== 1 || typeof targets[0]!.fiscalYear !== "number") return null;
  const t = targets[0]!;
  const fy = t.fiscalYear as number;
  return { fiscalYear: fy, label: t.label ?? formatFiscalYearJa(fy) };
}

/** For every table, the evaluations it feeds, in order. */
export function planEvaluations(tables: ColumnarTable[], rules: Rules): SlotPlan[][] {
  const year = chooseYear(tables, rules);
  // Sheets that state no year join the one year every other sheet states (departments' copies
  // of one form, one of them without its title).
  const statedYears = new Map<number, string>();
  for (const t of tables) {
    const y = tableYearOf(t);
    if (y.kind === "stated" && !statedYears.has(y.fiscalYear)) statedYears.set(y.fiscalYear, y.label);
  }
  const onlyStated: EvaluationSlot | null =
    statedYears.size === 1 && !tables.some((t) => tableYearOf(t).kind === "several")
      ? (([fy, label]) => ({ key: `fy:${fy}`, label, fiscalYear: fy }))([...statedYears][0]!)
      : null;

  return tables.map((table) => {
    const gradeCols = table.layout.columns.filter((c) => c.role === "selfGrade");
    const tableYears = yearKeysOfTable(table);
    const numericYears = tableYears.some((k) => typeof k === "number");
    const hasIndicators = table.indicatorCount > 0;
    const ty = tableYearOf(table);
    // The slot of this sheet's own year: the year it states, or the workbook's evaluated year.
    const ownSlot: EvaluationSlot | null =
      ty.kind === "stated"
        ? { key: `fy:${ty.fiscalYear}`, label: ty.label, fiscalYear: ty.fiscalYear }
        : ty.kind === "several" && ty.picked && rules.year === null
          ? { key: `fy:${ty.picked.fiscalYear}`, label: ty.picked.label, fiscalYear: ty.picked.fiscalYear }
          : ty.kind === "several" && year !== null
            ? {
                key: `fy:${year}`,
                label: table.layout.columns.find((c) => c.fiscalYear === year)?.label ?? formatFiscalYearJa(year),
                fiscalYear: year,
              }
            : onlyStated;
    const plan: SlotPlan[] = [];
    gradeCols.forEach((g, gradeIndex) => {
      // A grade column headed only by a word (自己評価, 達成度) grades the sheet's own year, unless that year has
      // its own grade column (R4評価): then it is an evaluation of its own, and no item is counted twice in R4.
      const yearless = typeof g.fiscalYear !== "number" && !g.overall;
      const ownYearGraded =
        ownSlot !== null && ownSlot.fiscalYear !== null && gradeCols.some((c) => c.fiscalYear === ownSlot.fiscalYear);
      const slot = yearless && ownSlot && !ownYearGraded ? ownSlot : slotForGradeColumn(g);
      if (rules.year !== null && slot.fiscalYear !== null && slot.fiscalYear !== rules.year) return;
      let yearKey: YearKey | null = null;
      if (hasIndicators) {
        if (slot.fiscalYear !== null && tableYears.includes(slot.fiscalYear)) yearKey = slot.fiscalYear;
        else if (yearless && slot.fiscalYear !== null && numericYears) yearKey = slot.fiscalYear;
        else if (yearless && slot.fiscalYear === null) yearKey = tableYears.includes("single") ? "single" : year;
        else if (tableYears.includes("single")) yearKey = "single";
      }
      plan.push({ slot, gradeIndex, yearKey });
    });
    if (plan.length === 0 && hasIndicators) {
      const slot = ownSlot ?? (numericYears ? null : { key: "label:評価", label: "評価", fiscalYear: null });
      if (slot && !(rules.year !== null && slot.fiscalYear !== null && slot.fiscalYear !== rules.year)) {
        const yearKey: YearKey = numericYears && slot.fiscalYear !== null ? slot.fiscalYear : "single";
        plan.push({ slot, gradeIndex: -1, yearKey });
      }
    }
    return plan;
  });
}
