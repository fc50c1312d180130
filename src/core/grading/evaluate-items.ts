/**
 * Source tables of every sheet → the evaluations (GRADING.md §5–6): which
 * evaluations exist (one per grade column label such as R3 / 総括, or the
 * evaluated year of target/actual tables), and for each item its self,
 * suggested and adopted grade, or why it is excluded.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, IndicatorResult, ItemResult } from "../model/summary";
import { parseIndicatorValue, withBasis, type IndicatorValue } from "../cells/parse-indicator-value";
import { parseGradeCell } from "../cells/parse-grade";
import { formatFiscalYearJa } from "../japanese/fiscal-year";
import { detectDirection } from "./detect-direction";
import { gradeIndicator } from "./grade-indicator";
import { yearsWithActuals, type SourceCell, type SourceTable, type YearKey } from "../layout/read-table";
import type { ColumnMapping } from "../layout/table-model";
import { headerYears } from "../layout/stated-year";
import type { SmallMap } from "../layout/small-map";

/** Evaluations of different sheets are the same when their key is (R3評価 = 令和3年度 = 2021年度). */
export type EvaluationKey = string;

interface EvaluationSlot {
  key: EvaluationKey;
  label: string;
  fiscalYear: number | null;
}

export interface GradedItem extends ItemResult {
  /** Where the adopted grade came from. */
  adoptedFrom: "self" | "suggested" | null;
  excludedReasonJa: string | null;
  /** Japanese reasons, parallel to indicators (for the generated sheets). */
  indicatorReasonsJa: string[];
}

export interface GradedEvaluation extends Omit<Evaluation, "groups" | "total" | "items"> {
  key: EvaluationKey;
  items: GradedItem[];
}

function slotForGradeColumn(c: ColumnMapping): EvaluationSlot {
  if (typeof c.fiscalYear === "number")
    return { key: `fy:${c.fiscalYear}`, label: c.label ?? c.header, fiscalYear: c.fiscalYear };
  if (c.overall) return { key: "overall", label: c.label ?? "総括", fiscalYear: null };
  return { key: `label:${c.label ?? c.header}`, label: c.label ?? c.header, fiscalYear: null };
}

function read(cell: SourceCell | undefined): IndicatorValue {
  if (!cell) return { kind: "blank" };
  return parseIndicatorValue(cell.value, cell.text, cell.format);
}

function yearsOfTable(table: SourceTable): YearKey[] {
  const keys = new Set<YearKey>();
  // Targets' years first, then actuals' (index loops: no iterator per indicator).
  for (const it of table.items)
    for (const ind of it.indicators) for (let i = 0; i < ind.targets.size; i++) keys.add(ind.targets.keyAt(i));
  for (const it of table.items)
    for (const ind of it.indicators) for (let i = 0; i < ind.actuals.size; i++) keys.add(ind.actuals.keyAt(i));
  return [...keys];
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

export function tableYearOf(table: SourceTable): TableYear {
  const s = table.layout.statedYear;
  if (headerYears(table.layout.columns).length > 1) {
    if (!s?.amongSeveral) return { kind: "several", picked: null };
    const col = table.layout.columns.find((c) => c.fiscalYear === s.fiscalYear && c.label);
    return { kind: "several", picked: { fiscalYear: s.fiscalYear, label: col?.label ?? s.label } };
  }
  return s ? { kind: "stated", fiscalYear: s.fiscalYear, label: s.label } : { kind: "none" };
}

/**
 * The fiscal year evaluated in multi-year tables: the rule's year, else the latest year with
 * actuals in those tables (a sheet that states its own year does not move it).
 */
export function chooseYear(tables: SourceTable[], rules: Rules): number | null {
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
export function tablesOutsideYear(tables: SourceTable[], rules: Rules): { sheet: string; label: string }[] {
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

/** The cell of a year: the year's own column, else a yearless column (「毎年95%」 applies to every year). */
function cellOfYear(cells: SmallMap<YearKey, SourceCell>, yearKey: YearKey): SourceCell | undefined {
  return cells.get(yearKey) ?? (yearKey === "single" ? undefined : cells.get("single"));
}

export function evaluateTables(tables: SourceTable[], rules: Rules): GradedEvaluation[] {
  const labels = rules.bands.map((b) => b.label);
  const year = chooseYear(tables, rules);
  const evaluations = new Map<EvaluationKey, GradedEvaluation>();
  const ensure = (slot: EvaluationSlot): GradedEvaluation => {
    let e = evaluations.get(slot.key);
    if (!e) {
      e = {
        key: slot.key,
        label: slot.label,
        fiscalYear: slot.fiscalYear,
        source: "self",
        items: [],
        review: [],
      };
      evaluations.set(slot.key, e);
    }
    return e;
  };
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

  for (const table of tables) {
    const gradeCols = table.layout.columns.filter((c) => c.role === "selfGrade");
    const tableYears = yearsOfTable(table);
    const numericYears = tableYears.some((k) => typeof k === "number");
    const hasIndicators = table.items.some((i) => i.indicators.length > 0);
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
    // Which (grade column, year of the indicator data) pairs make the evaluations of this sheet.
    const plan: { slot: EvaluationSlot; gradeCol: ColumnMapping | null; yearKey: YearKey | null }[] = [];
    for (const g of gradeCols) {
      // A grade column headed only by a word (自己評価, 達成度) grades the sheet's own year.
      const yearless = typeof g.fiscalYear !== "number" && !g.overall;
      const slot = yearless && ownSlot ? ownSlot : slotForGradeColumn(g);
      if (rules.year !== null && slot.fiscalYear !== null && slot.fiscalYear !== rules.year) continue;
      let yearKey: YearKey | null = null;
      if (hasIndicators) {
        if (slot.fiscalYear !== null && tableYears.includes(slot.fiscalYear)) yearKey = slot.fiscalYear;
        else if (yearless && slot.fiscalYear !== null && numericYears) yearKey = slot.fiscalYear;
        else if (yearless && slot.fiscalYear === null) yearKey = tableYears.includes("single") ? "single" : year;
        else if (tableYears.includes("single")) yearKey = "single";
      }
      plan.push({ slot, gradeCol: g, yearKey });
    }
    if (plan.length === 0 && hasIndicators) {
      const slot = ownSlot ?? (numericYears ? null : { key: "label:評価", label: "評価", fiscalYear: null });
      if (slot && !(rules.year !== null && slot.fiscalYear !== null && slot.fiscalYear !== rules.year)) {
        const yearKey: YearKey = numericYears && slot.fiscalYear !== null ? slot.fiscalYear : "single";
        plan.push({ slot, gradeCol: null, yearKey });
      }
    }

    const finalTarget = finalTargetColumn(table);
    for (const p of plan) {
      const ev = ensure(p.slot);
      for (const src of table.items) {
        const item = gradeItem(src, p.gradeCol, p.yearKey, rules, labels, ev, finalTarget);
        ev.items.push(item);
      }
      for (const u of table.unreadRows)
        ev.review.push({ sheet: u.sheet, row: u.row + 1, reason: u.reason, reasonJa: u.reasonJa });
    }
  }

  for (const ev of evaluations.values()) {
    const from = new Set(ev.items.filter((i) => i.adoptedFrom).map((i) => i.adoptedFrom));
    ev.source = from.size === 2 ? "mixed" : from.has("suggested") ? "suggested" : "self";
    ev.review.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : 0));
  }
  return [...evaluations.values()];
}

/**
 * A row-per-item table whose only target column is headed by one year (目標値（令和７年度）)
 * while its actuals are yearly: that year is the plan's final year.
 */
function finalTargetColumn(table: SourceTable): { fiscalYear: number; label: string } | null {
  if (table.layout.kind !== "rowPerItem") return null;
  const targets = table.layout.columns.filter((c) => c.role === "target");
  if (targets.length !== 1 || typeof targets[0]!.fiscalYear !== "number") return null;
  const t = targets[0]!;
  const fy = t.fiscalYear as number;
  return { fiscalYear: fy, label: t.label ?? formatFiscalYearJa(fy) };
}

/** A review entry of an item (a plain function: a closure per item costs more than the entry). */
function review(ev: GradedEvaluation, src: SourceTable["items"][number], reason: string, reasonJa: string): void {
  ev.review.push({ sheet: src.sheet, row: src.row + 1, reason, reasonJa: `${src.name}：${reasonJa}` });
}

function gradeItem(
  src: SourceTable["items"][number],
  gradeCol: ColumnMapping | null,
  yearKey: YearKey | null,
  rules: Rules,
  labels: string[],
  ev: GradedEvaluation,
  finalTarget: { fiscalYear: number; label: string } | null = null,
): GradedItem {
  const indicators: IndicatorResult[] = [];
  const reasonsJa: string[] = [];
  let suggested: string | null = null;
  let firstReason: { en: string; ja: string } | null = null;
  if (yearKey !== null) {
    for (const ind of src.indicators) {
      // Rule 3 of the direction needs the yearly targets in order; a one-column table has none.
      const targets =
        yearKey === "single" || ind.targets.size < 2
          ? []
          : [...ind.targets.keys()]
              .filter((k): k is number => typeof k === "number")
              .sort((a, b) => a - b)
              .map((y) => read(ind.targets.get(y)));
      let targetCell = cellOfYear(ind.targets, yearKey);
      const actualCell = cellOfYear(ind.actuals, yearKey);
      let target = read(targetCell);
      if (!targetCell && finalTarget && typeof yearKey === "number" && yearKey < finalTarget.fiscalYear) {
        // The only target column is headed by a later year (目標値（令和７年度）): the plan's final-year target.
        targetCell = ind.targets.get(finalTarget.fiscalYear);
        target = withBasis(read(targetCell), "finalYear", finalTarget.label);
      }
      const actual = read(actualCell);
      const baseline = ind.baseline
        ? parseIndicatorValue(ind.baseline.value, ind.baseline.text, ind.baseline.format)
        : null;
      const direction = detectDirection({
        // Own keys only: an indicator named "constructor" must not find Object.prototype.
        override: Object.hasOwn(rules.directionOverrides, ind.name) ? rules.directionOverrides[ind.name]! : null,
        directionCell: ind.direction,
        targets: targets.length > 0 ? targets : [target],
        baseline,
        target,
        indicatorName: ind.name,
      });
      const out = gradeIndicator({ target, actual, baseline, direction, rules });
      const unit =
        (target.kind === "number" && target.unit) || (actual.kind === "number" && actual.unit) || ind.unit || null;
      const result: IndicatorResult = {
        name: ind.name,
        target: target.kind === "number" ? target.value : null,
        actual: actual.kind === "number" ? actual.value : null,
        unit,
        lowerIsBetter: direction.lowerIsBetter,
        achievement: out.graded && Number.isFinite(out.achievement) ? out.achievement : null,
        grade: out.graded ? out.grade : null,
        reason: out.reason,
        targetRow: (targetCell?.row ?? ind.row) + 1,
        actualRow: (actualCell?.row ?? ind.row) + 1,
      };
      indicators.push(result);
      reasonsJa.push(out.reasonJa);
      if (out.graded) {
        // The item's suggestion is its lowest indicator grade.
        if (suggested === null || labels.indexOf(out.grade) > labels.indexOf(suggested)) suggested = out.grade;
      } else {
        firstReason ??= { en: out.reason, ja: out.reasonJa };
        if (out.review) review(ev, src, `${ind.name}: ${out.reason}`, `${ind.name}の${out.reasonJa}`);
      }
    }
  }

  let selfGrade: string | null = null;
  let excludedReason: string | null = null;
  let excludedReasonJa: string | null = null;
  let grade: string | null = null;
  let adoptedFrom: GradedItem["adoptedFrom"] = null;
  const selfCell = gradeCol
    ? parseGradeCell(src.grades.get(gradeCol.col)?.value ?? null, labels)
    : { kind: "blank" as const };

  if (selfCell.kind === "grade") {
    selfGrade = selfCell.grade;
    grade = selfGrade;
    adoptedFrom = "self";
    if (suggested !== null && suggested !== selfGrade) {
      review(ev, src, `self ${selfGrade}, suggested ${suggested}`, `自己評価 ${selfGrade}、提案 ${suggested}`);
    }
  } else if (selfCell.kind === "excluded") {
    excludedReason = selfCell.word;
    excludedReasonJa = `評価が「${selfCell.word}」`;
    if (suggested !== null)
      review(
        ev,
        src,
        `self "${selfCell.word}", suggested ${suggested}`,
        `自己評価「${selfCell.word}」、提案 ${suggested}`,
      );
  } else if (selfCell.kind === "error") {
    excludedReason = `error value ${selfCell.code}`;
    excludedReasonJa = `評価がエラー値 ${selfCell.code}`;
  } else if (selfCell.kind === "unknown") {
    excludedReason = "unknown grade";
    excludedReasonJa = `評価「${selfCell.text}」は評価区分にありません`;
    review(ev, src, `unknown grade "${selfCell.text}"`, excludedReasonJa);
  } else if (suggested !== null) {
    grade = suggested;
    adoptedFrom = "suggested";
  } else if (firstReason) {
    excludedReason = firstReason.en;
    excludedReasonJa = firstReason.ja;
  } else {
    excludedReason = "blank";
    excludedReasonJa = "評価が空欄";
  }
  if (grade === null && excludedReason) {
    ev.review.push({
      sheet: src.sheet,
      row: src.row + 1,
      reason: `excluded: ${excludedReason}`,
      reasonJa: `${src.name}：評価対象外（${excludedReasonJa}）`,
    });
  }

  return {
    sheet: src.sheet,
    row: src.row + 1,
    key: src.key,
    name: src.name,
    group: src.group,
    department: src.department,
    selfGrade,
    suggestedGrade: suggested,
    grade,
    excludedReason: grade === null ? excludedReason : null,
    excludedReasonJa: grade === null ? excludedReasonJa : null,
    adoptedFrom,
    indicators,
    indicatorReasonsJa: reasonsJa,
  };
}
