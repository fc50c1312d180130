/**
 * Columnar tables → the evaluations as typed arrays (GRADING.md §2–6): per indicator a grade code (index into
 * rules.bands), the achievement rate R and a reason code; per item the self, suggested and adopted grade codes;
 * the review list as (code, item, indicator) triples. Cells are read by (row, column) through the grid and by
 * character code; no string is built on this path.
 */
import type { Rules } from "../model/settings";
import { compare, div, rationalFromNumber, sign, sub, toNumber, type Rational } from "../cells/exact-number";
import {
  asPercentPoints,
  isPercentUnit,
  parseIndicatorValue,
  type IndicatorValue,
} from "../cells/parse-indicator-value";
import { parseGradeCell } from "../cells/parse-grade";
import * as cellCodes from "../cells/read-cell-code";
import type { CellReading } from "../cells/read-cell-code";
import * as columnarTable from "../layout/columnar-table";
import type { ColumnarTable, YearKey } from "../layout/columnar-table";
import { exactBands } from "./grade-indicator";
import { bandOverrideFor } from "./band-overrides";
import { directionFromWords } from "./detect-direction";
import { finalTargetColumn, planEvaluations, type EvaluationKey } from "./evaluation-slots";
import * as reasonCodes from "./reason-codes";

// Local bindings: run through tsx, every use of an imported binding is a getter call, and these are used per cell.
const {
  CELL_BLANK,
  CELL_ERROR,
  CELL_NUMBER,
  CELL_UNREADABLE,
  newCellReading,
  readCellCode,
  readingUnit,
  sameReadingUnit,
} = cellCodes;
const { yearColumn } = columnarTable;
const {
  ADOPTED_NONE,
  ADOPTED_SELF,
  ADOPTED_SUGGESTED,
  NO_GRADE,
  REASON_ACTUAL_BASE,
  REASON_BASELINE_BASE,
  REASON_GRADED,
  REASON_NOT_EVALUATED,
  REASON_TARGET_BASE,
  REASON_TARGET_EQUALS_BASELINE,
  REASON_PERIOD_START_UNKNOWN,
  REASON_TARGET_PERIOD,
  REASON_TARGET_ZERO,
  REASON_UNIT_MISMATCH,
  REVIEW_EXCLUDED_WORD_VS_SUGGESTED,
  REVIEW_INDICATOR,
  REVIEW_ITEM_EXCLUDED,
  REVIEW_NO_VALUES,
  REVIEW_SELF_VS_SUGGESTED,
  REVIEW_UNKNOWN_GRADE,
  SELF_BLANK,
  SELF_ERROR,
  SELF_EXCLUDED,
  SELF_GRADE,
  SELF_UNKNOWN,
} = reasonCodes;

/** One table's part of one evaluation, graded. */
export interface GradedBlock {
  table: ColumnarTable;
  /** Index into the table's grade columns, or -1 (no self grade). */
  gradeIndex: number;
  /** The year of the indicator data graded; null: the indicators are not graded (nor shown). */
  yearKey: YearKey | null;
  finalTarget: { fiscalYear: number; label: string } | null;
  /** Years of the plan elapsed by the evaluated year (for period targets, pro rata); 0 when not known. */
  elapsedYears: number;
  /** Per indicator (the table's indicator order). */
  indicatorGrade: Uint8Array;
  /** R; NaN when not graded or infinite (lower is better, actual 0). */
  indicatorAchievement: Float64Array;
  indicatorReason: Uint8Array;
  indicatorLowerIsBetter: Uint8Array;
  /** Per item. */
  itemSelfKind: Uint8Array;
  itemSelf: Uint8Array;
  itemSuggested: Uint8Array;
  itemGrade: Uint8Array;
  itemAdopted: Uint8Array;
  /** The first indicator that is not graded (its reason excludes an item without grades), or -1. */
  itemFirstUngraded: Int32Array;
  /** (code, item, indicator) triples, then the table's unread rows follow in the review list. */
  review: Int32Array;
}

export interface ColumnarEvaluation {
  key: EvaluationKey;
  label: string;
  fiscalYear: number | null;
  source: "self" | "suggested" | "mixed";
  blocks: GradedBlock[];
}

/** Per set of bands: each band's grade code (the first band of its label, as labels.indexOf gives it). */
function gradeCodes(rules: Rules): Uint8Array {
  const labels = rules.bands.map((b) => b.label);
  return Uint8Array.from(labels, (l) => labels.indexOf(l));
}

/** Is a float R so close to a band minimum or to zero that only the exact value can tell? */
function nearBoundary(r: number, bands: Rules["bands"]): boolean {
  if (Math.abs(r) < 1e-9) return true;
  for (const b of bands) if (b.min !== null && Math.abs(r - b.min) <= 1e-9 * Math.max(1, Math.abs(b.min))) return true;
  return false;
}

/** Band index of R: infinite → the top band; R ≤ 0 → the lowest band. */
function bandOfFloat(r: number, bands: Rules["bands"]): number {
  const lowest = bands.length - 1;
  if (r === Infinity) return 0;
  if (r <= 0) return lowest;
  for (let i = 0; i < bands.length; i++) {
    const m = bands[i]!.min;
    if (m === null || r >= m) return i;
  }
  return lowest;
}

function bandOfExact(r: Rational, bands: Rules["bands"]): number {
  const lowest = bands.length - 1;
  if (sign(r) <= 0) return lowest;
  const exact = exactBands(bands);
  for (let i = 0; i < bands.length; i++) {
    const m = exact[i];
    if (m === null || m === undefined || compare(r, m) >= 0) return i;
  }
  return lowest;
}

/** Review flag of a reason code (unreadable values, errors, zero targets go to the review list). */
export function reasonGoesToReview(code: number): boolean {
  if (
    code === REASON_TARGET_ZERO ||
    code === REASON_TARGET_EQUALS_BASELINE ||
    code === REASON_UNIT_MISMATCH ||
    code === REASON_TARGET_PERIOD ||
    code === REASON_PERIOD_START_UNKNOWN
  )
    return true;
  if (code >= REASON_TARGET_BASE) {
    const kind = code & 7;
    if (kind === CELL_ERROR || kind === CELL_UNREADABLE) return true;
    return code === REASON_BASELINE_BASE + CELL_BLANK;
  }
  return false;
}

class IntList {
  data = new Int32Array(64);
  length = 0;
  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
    this.data[this.length++] = c;
  }
}

/** Self grade cells: few distinct values per workbook, each parsed once. */
type SelfCode = { kind: number; grade: number };

/**
 * Grading state shared by the blocks of one run: the reading scratch, the direction found from an indicator's
 * words per (name, direction cell), the parsed self grades.
 */
class Grader {
  readonly codes: Uint8Array;
  readonly labels: string[];
  private readonly t = newCellReading();
  private readonly a = newCellReading();
  private readonly b = newCellReading();
  private readonly s = newCellReading();
  /** 1 lower, 2 higher, 0 not decided by the words (then rules 2–4 decide per indicator). */
  private readonly byWords = new Map<string, number>();
  private readonly byWordsAndCell = new Map<string, Map<string, number>>();
  private readonly selfCodes = new Map<unknown, SelfCode>();
  /** Targets of a multi-year table in year order (per table). */
  private yearTargets: { table: ColumnarTable | null; cols: number[] } = { table: null, cols: [] };

  /** Per band override: its band index → the scale's grade code. */
  private readonly overrideCodes: Uint8Array[];

  constructor(readonly rules: Rules) {
    this.codes = gradeCodes(rules);
    this.labels = rules.bands.map((x) => x.label);
    this.overrideCodes = rules.bandOverrides.map((o) =>
      Uint8Array.from(o.bands, (b) => this.codes[this.labels.indexOf(b.label)]!),
    );
  }

  private read(table: ColumnarTable, row: number, col: number, out: CellReading): void {
    if (row < 0 || col < 0) {
      out.kind = CELL_BLANK;
      out.value = 0;
      out.lowerQualifier = false;
      out.periodYears = 0;
      return;
    }
    const g = table.grid;
    const v = g.value(row, col);
    // The displayed text and format matter for numbers only (a cap or a date shown through the format).
    if (typeof v === "number") readCellCode(v, g.text(row, col), g.format(row, col), out);
    else readCellCode(v, "", "General", out);
  }

  private exact(table: ColumnarTable, row: number, col: number, pct: boolean): IndicatorValue {
    const g = table.grid;
    const v = parseIndicatorValue(g.value(row, col), g.text(row, col), g.format(row, col));
    return pct ? asPercentPoints(v) : v;
  }

  private wordsDirection(name: string, cell: string | null): number {
    const rules = this.rules;
    let cache = this.byWords;
    if (cell !== null) {
      let m = this.byWordsAndCell.get(cell);
      if (!m) this.byWordsAndCell.set(cell, (m = new Map()));
      cache = m;
    }
    let d = cache.get(name);
    if (d === undefined) {
      const override = Object.hasOwn(rules.directionOverrides, name) ? rules.directionOverrides[name]! : null;
      const dir = directionFromWords(override, cell, name);
      d = dir === null ? 0 : dir.lowerIsBetter ? 1 : 2;
      cache.set(name, d);
    }
    return d;
  }

  private selfCode(value: unknown): SelfCode {
    let c = this.selfCodes.get(value);
    if (!c) {
      const p = parseGradeCell(value as Parameters<typeof parseGradeCell>[0], this.labels);
      c =
        p.kind === "grade"
          ? { kind: SELF_GRADE, grade: this.labels.indexOf(p.grade) }
          : {
              kind:
                p.kind === "blank"
                  ? SELF_BLANK
                  : p.kind === "excluded"
                    ? SELF_EXCLUDED
                    : p.kind === "error"
                      ? SELF_ERROR
                      : SELF_UNKNOWN,
              grade: NO_GRADE,
            };
      this.selfCodes.set(value, c);
    }
    return c;
  }

  /** Numeric target columns of the table in year order (rule 3 of the direction reads them in order). */
  private targetsInYearOrder(table: ColumnarTable): number[] {
    if (this.yearTargets.table !== table) {
      const pairs: [number, number][] = [];
      table.targets.keys.forEach((k, i) => {
        if (typeof k === "number") pairs.push([k, table.targets.cols[i]!]);
      });
      pairs.sort((x, y) => x[0] - y[0]);
      this.yearTargets = { table, cols: pairs.map((p) => p[1]) };
    }
    return this.yearTargets.cols;
  }

  block(table: ColumnarTable, gradeIndex: number, yearKey: YearKey | null, evaluatedYear: number | null): GradedBlock {
    const rules = this.rules;
    const codes = this.codes;
    const n = table.indicatorCount;
    const m = table.itemCount;
    const finalTarget = finalTargetColumn(table);
    const indicatorGrade = new Uint8Array(n).fill(NO_GRADE);
    const indicatorAchievement = new Float64Array(n).fill(NaN);
    const indicatorReason = new Uint8Array(n).fill(REASON_NOT_EVALUATED);
    const indicatorLowerIsBetter = new Uint8Array(n);
    const itemSelfKind = new Uint8Array(m);
    const itemSelf = new Uint8Array(m).fill(NO_GRADE);
    const itemSuggested = new Uint8Array(m).fill(NO_GRADE);
    const itemGrade = new Uint8Array(m).fill(NO_GRADE);
    const itemAdopted = new Uint8Array(m);
    const itemFirstUngraded = new Int32Array(m).fill(-1);
    const review = new IntList();
    const { t, a, b, s } = this;
    const baselineMode = rules.mode === "baseline" && table.baselineCol >= 0;
    const yearTargets = yearKey !== null && yearKey !== "single" ? this.targetsInYearOrder(table) : null;
    const pairs = table.layout.kind === "pairs";
    const nGrades = table.gradeCols.length;
    // The year's target / actual column is the same for every row; only a pair's merged cell is no cell.
    const yearTargetCol = yearKey === null ? -1 : yearColumn(table.targets, yearKey);
    const yearActualCol = yearKey === null ? -1 : yearColumn(table.actuals, yearKey);
    const finalCol = finalTarget ? yearColumn(table.targets, finalTarget.fiscalYear) : -1;
    const grid = table.grid;
    const noValues = table.layout.valuesNotFound === true;
    const proRata = rules.cumulative === "pro-rata";
    const hasOverrides = rules.bandOverrides.length > 0;
    const elapsedYears = elapsedOf(table, rules, evaluatedYear ?? (typeof yearKey === "number" ? yearKey : null));

    for (let item = 0; item < m; item++) {
      let suggested = NO_GRADE;
      let firstUngraded = -1;
      if (yearKey !== null) {
        const end = table.indicatorStart[item + 1]!;
        for (let i = table.indicatorStart[item]!; i < end; i++) {
          const tRow = table.targetRow[i]!;
          const aRow = table.actualRow[i]!;
          let tCol = tRow < 0 || (pairs && grid.isContinuation(tRow, yearTargetCol)) ? -1 : yearTargetCol;
          if (tCol < 0 && finalTarget && typeof yearKey === "number" && yearKey < finalTarget.fiscalYear)
            // The only target column is headed by a later year (目標値（令和７年度）): the plan's final-year target.
            tCol = tRow < 0 ? -1 : finalCol;
          const aCol = aRow < 0 || (pairs && grid.isContinuation(aRow, yearActualCol)) ? -1 : yearActualCol;
          this.read(table, tRow, tCol, t);
          this.read(table, aRow, aCol, a);
          const indRow = table.indicatorRow[i]!;
          const hasBaseline = table.baselineCol >= 0;
          if (hasBaseline) this.read(table, indRow, table.baselineCol, b);
          // Under a 単位 column of 「%」 a plain 90 is 90 % (as asPercentPoints reads it for the reasons).
          const pct = table.indicatorUnit[i] !== null && isPercentUnit(table.indicatorUnit[i]!);
          if (pct) {
            percentPoints(t);
            percentPoints(a);
            if (hasBaseline) percentPoints(b);
          }

          // Direction: the words (override, direction cell, indicator name) once per distinct pair, else the values.
          let lower: boolean;
          const byWords = this.wordsDirection(table.indicatorName[i]!, table.indicatorDirection[i]!);
          if (byWords !== 0) lower = byWords === 1;
          else {
            lower = false;
            if (yearTargets !== null && table.targetCount[i]! >= 2) {
              // Rule 2 (a capped target) and rule 3 (≥ 2 yearly targets strictly decreasing) over the years in order.
              let count = 0;
              let previous = 0;
              let decreasing = true;
              for (const col of yearTargets) {
                if (pairs && table.grid.isContinuation(tRow, col)) continue;
                this.read(table, tRow, col, s);
                if (s.kind !== CELL_NUMBER) continue;
                if (s.lowerQualifier) {
                  lower = true;
                  break;
                }
                if (count > 0 && !(s.value < previous)) decreasing = false;
                previous = s.value;
                count++;
              }
              if (!lower && decreasing && count >= 2) lower = true;
            } else if (t.kind === CELL_NUMBER && t.lowerQualifier) lower = true;
            // Rule 4: baseline above the target.
            if (!lower && hasBaseline && b.kind === CELL_NUMBER && t.kind === CELL_NUMBER && b.value > t.value)
              lower = true;
          }
          indicatorLowerIsBetter[i] = lower ? 1 : 0;

          let reason = REASON_GRADED;
          let rate = 0;
          // A period target (3年間で…): the share of it due by the evaluated year, pro rata.
          const periodYears = t.kind === CELL_NUMBER ? t.periodYears : 0;
          const dueYears = periodYears > 0 ? Math.min(elapsedYears, periodYears) : 0;
          const tv = periodYears > 0 ? (t.value * dueYears) / periodYears : t.value;
          if (t.kind !== CELL_NUMBER) reason = REASON_TARGET_BASE + t.kind;
          else if (a.kind !== CELL_NUMBER) reason = REASON_ACTUAL_BASE + a.kind;
          else if (!sameReadingUnit(t, a)) reason = REASON_UNIT_MISMATCH;
          else if (periodYears > 0 && !proRata) reason = REASON_TARGET_PERIOD;
          else if (periodYears > 0 && dueYears < 1) reason = REASON_PERIOD_START_UNKNOWN;
          else if (baselineMode) {
            if (b.kind !== CELL_NUMBER) reason = REASON_BASELINE_BASE + b.kind;
            else if (tv === b.value) reason = REASON_TARGET_EQUALS_BASELINE;
            else rate = (a.value - b.value) / (tv - b.value);
          } else if (lower) rate = a.value === 0 ? Infinity : tv / a.value;
          else if (tv === 0) reason = REASON_TARGET_ZERO;
          else rate = a.value / tv;
          indicatorReason[i] = reason;

          if (reason === REASON_GRADED) {
            // An exception for this indicator (by name, or by its target) grades it with its own bands.
            let bands = rules.bands;
            let bandCodes = codes;
            if (hasOverrides) {
              const o = bandOverrideFor(rules, table.indicatorName[i]!, { value: t.value, unit: readingUnit(t) });
              if (o) {
                bands = o.bands;
                bandCodes = this.overrideCodes[rules.bandOverrides.indexOf(o)]!;
              }
            }
            let band: number;
            let achievement = rate;
            if (rate !== Infinity && nearBoundary(rate, bands)) {
              // R near a band minimum or zero: compare the exact rational of the values as written.
              const te = this.exact(table, tRow, tCol, pct);
              const ae = this.exact(table, aRow, aCol, pct);
              if (te.kind !== "number" || ae.kind !== "number") throw new Error("a number cell read differently");
              const tExact =
                periodYears > 0
                  ? div(te.exact, div(rationalFromNumber(periodYears), rationalFromNumber(dueYears))!)!
                  : te.exact;
              let exact: Rational | null;
              if (baselineMode) {
                const be = this.exact(table, indRow, table.baselineCol, pct);
                if (be.kind !== "number") throw new Error("a number cell read differently");
                exact = div(sub(ae.exact, be.exact), sub(tExact, be.exact));
              } else exact = lower ? div(tExact, ae.exact) : div(ae.exact, tExact);
              if (exact === null) {
                band = 0;
                achievement = Infinity;
              } else {
                band = bandOfExact(exact, bands);
                achievement = toNumber(exact);
              }
            } else band = bandOfFloat(rate, bands);
            const grade = bandCodes[band]!;
            indicatorGrade[i] = grade;
            if (Number.isFinite(achievement)) indicatorAchievement[i] = achievement;
            // The item's suggestion is its lowest indicator grade.
            if (suggested === NO_GRADE || grade > suggested) suggested = grade;
          } else {
            if (firstUngraded < 0) firstUngraded = i;
            if (reasonGoesToReview(reason)) review.push3(REVIEW_INDICATOR, item, i);
          }
        }
      }

      const gradeRow = gradeIndex >= 0 ? table.itemGradeRow[item * nGrades + gradeIndex]! : -1;
      const self = gradeRow >= 0 ? this.selfCode(table.grid.value(gradeRow, table.gradeCols[gradeIndex]!)) : BLANK_SELF;
      itemSelfKind[item] = self.kind;
      itemSuggested[item] = suggested;
      itemFirstUngraded[item] = firstUngraded;
      let grade = NO_GRADE;
      let adopted = ADOPTED_NONE;
      if (self.kind === SELF_GRADE) {
        itemSelf[item] = self.grade;
        grade = self.grade;
        adopted = ADOPTED_SELF;
        if (suggested !== NO_GRADE && suggested !== self.grade) review.push3(REVIEW_SELF_VS_SUGGESTED, item, -1);
      } else if (self.kind === SELF_EXCLUDED) {
        if (suggested !== NO_GRADE) review.push3(REVIEW_EXCLUDED_WORD_VS_SUGGESTED, item, -1);
      } else if (self.kind === SELF_UNKNOWN) {
        review.push3(REVIEW_UNKNOWN_GRADE, item, -1);
      } else if (self.kind === SELF_BLANK && suggested !== NO_GRADE) {
        grade = suggested;
        adopted = ADOPTED_SUGGESTED;
      }
      if (noValues) review.push3(REVIEW_NO_VALUES, item, -1);
      itemGrade[item] = grade;
      itemAdopted[item] = adopted;
      // Every item without a grade is listed with its reason.
      if (grade === NO_GRADE) review.push3(REVIEW_ITEM_EXCLUDED, item, -1);
    }
    return {
      table,
      gradeIndex,
      yearKey,
      finalTarget,
      elapsedYears,
      indicatorGrade,
      indicatorAchievement,
      indicatorReason,
      indicatorLowerIsBetter,
      itemSelfKind,
      itemSelf,
      itemSuggested,
      itemGrade,
      itemAdopted,
      itemFirstUngraded,
      review: review.data.slice(0, review.length),
    };
  }
}

/**
 * Years of the plan elapsed by the evaluated year (year 2 of 3 → 2), counted from the rules' planStartYear, else
 * the table's first year column; 0 when either year is not known.
 */
export function elapsedOf(table: ColumnarTable, rules: Rules, evaluatedYear: number | null): number {
  if (evaluatedYear === null) return 0;
  let start = rules.planStartYear;
  if (start === null)
    for (const k of [...table.targets.keys, ...table.actuals.keys])
      if (typeof k === "number" && (start === null || k < start)) start = k;
  if (start === null) return 0;
  return Math.max(0, evaluatedYear - start + 1);
}

/** A plain number under a 単位 column of 「%」 as a percent (asPercentPoints for a reading). */
function percentPoints(r: CellReading): void {
  if (r.kind !== CELL_NUMBER || r.unitEnd !== r.unitStart) return;
  r.value /= 100;
  r.unitSource = "%";
  r.unitStart = 0;
  r.unitEnd = 1;
}

const BLANK_SELF: SelfCode = { kind: SELF_BLANK, grade: NO_GRADE };

/** Grades every table into the evaluations it feeds (in the order evaluations first appear). */
export function gradeTables(tables: ColumnarTable[], rules: Rules): ColumnarEvaluation[] {
  const plans = planEvaluations(tables, rules);
  const grader = new Grader(rules);
  const evaluations = new Map<EvaluationKey, ColumnarEvaluation>();
  tables.forEach((table, k) => {
    for (const p of plans[k]!) {
      let ev = evaluations.get(p.slot.key);
      if (!ev) {
        ev = { key: p.slot.key, label: p.slot.label, fiscalYear: p.slot.fiscalYear, source: "self", blocks: [] };
        evaluations.set(p.slot.key, ev);
      }
      ev.blocks.push(grader.block(table, p.gradeIndex, p.yearKey, p.slot.fiscalYear));
    }
  });
  for (const ev of evaluations.values()) {
    let self = false;
    let suggested = false;
    for (const b of ev.blocks)
      for (let i = 0; i < b.itemAdopted.length; i++) {
        if (b.itemAdopted[i] === ADOPTED_SELF) self = true;
        else if (b.itemAdopted[i] === ADOPTED_SUGGESTED) suggested = true;
      }
    ev.source = self && suggested ? "mixed" : suggested ? "suggested" : "self";
  }
  return [...evaluations.values()];
}
