/**
 * The graded evaluations in their public shape (GradedItem with its indicators' reasons in English and Japanese,
 * the review list as text), built from the columnar result only when a sheet plan, summary.json or the pane
 * needs them. Each item's reasons are formatted here by reading its cells again and calling the formatter
 * (gradeIndicator, detectDirection); the grading path itself builds no text.
 */
import type { Rules } from "../model/settings";
import type { Evaluation, IndicatorResult, ItemResult, ReviewEntry } from "../model/summary";
import {
  asPercentPoints,
  isPercentUnit,
  parseIndicatorValue,
  withBasis,
  type IndicatorValue,
} from "../cells/parse-indicator-value";
import { parseGradeCell } from "../cells/parse-grade";
import { detectDirection } from "./detect-direction";
import { nextGrade } from "./next-grade";
import { indicatorChecks, selfGradeChecks, type DataCheck } from "./data-checks";
import { gradeIndicator } from "./grade-indicator";
import { bandOverrideFor, overrideWords } from "./band-overrides";
import { columnOfYear, type ColumnarTable } from "../layout/columnar-table";
import type { EvaluationKey } from "./evaluation-slots";
import type { ColumnarEvaluation, GradedBlock } from "./grade-columnar";
import {
  REVIEW_EXCLUDED_WORD_VS_SUGGESTED,
  REVIEW_INDICATOR,
  REVIEW_ITEM_EXCLUDED,
  REVIEW_NO_VALUES,
  REVIEW_SELF_VS_SUGGESTED,
  REVIEW_UNKNOWN_GRADE,
} from "./reason-codes";

export type { EvaluationKey } from "./evaluation-slots";

export interface GradedItem extends ItemResult {
  /** Where the adopted grade came from. */
  adoptedFrom: "self" | "suggested" | null;
  excludedReasonJa: string | null;
  /** Japanese reasons, parallel to indicators (for the generated sheets). */
  indicatorReasonsJa: string[];
  /** Data checks for 要確認 (data-checks.ts). */
  dataChecks?: DataCheck[];
}

export interface GradedEvaluation extends Omit<Evaluation, "groups" | "total" | "items" | "checks"> {
  key: EvaluationKey;
  items: GradedItem[];
  /** Data checks and year-on-year drops: shown on 要確認 beside the review list, never counted. */
  checks?: ReviewEntry[];
}

function readCell(table: ColumnarTable, row: number, col: number): IndicatorValue {
  if (row < 0 || col < 0) return { kind: "blank" };
  const g = table.grid;
  return parseIndicatorValue(g.value(row, col), g.text(row, col), g.format(row, col));
}

/** An item's result with its reasons as text; `firstReason` is the reason of its first indicator not graded. */
function materializeItem(
  block: GradedBlock,
  item: number,
  rules: Rules,
  labels: string[],
  /** Receives the text of a self grade that is not one of the labels (for its review entry), else null. */
  selfTexts: (string | null)[],
): GradedItem {
  const table = block.table;
  const { yearKey, finalTarget } = block;
  const indicators: IndicatorResult[] = [];
  const reasonsJa: string[] = [];
  let suggested: string | null = null;
  let firstReason: { en: string; ja: string } | null = null;
  const dataChecks: DataCheck[] = [];
  let anyActual = false;
  if (yearKey !== null) {
    const end = table.indicatorStart[item + 1]!;
    for (let i = table.indicatorStart[item]!; i < end; i++) {
      const name = table.indicatorName[i]!;
      const indRow = table.indicatorRow[i]!;
      const tRow = table.targetRow[i]!;
      const aRow = table.actualRow[i]!;
      // Rule 3 of the direction needs the yearly targets in order; a one-column table has none.
      const targets: IndicatorValue[] = [];
      if (yearKey !== "single" && table.targetCount[i]! >= 2) {
        const years: [number, number][] = [];
        table.targets.keys.forEach((k, j) => {
          const col = table.targets.cols[j]!;
          if (typeof k === "number" && !(table.layout.kind === "pairs" && table.grid.isContinuation(tRow, col)))
            years.push([k, col]);
        });
        years.sort((x, y) => x[0] - y[0]);
        const pctYears = isPercentUnit(table.indicatorUnit[i]!);
        for (const [, col] of years)
          targets.push(pctYears ? asPercentPoints(readCell(table, tRow, col)) : readCell(table, tRow, col));
      }
      let tCol = columnOfYear(table, table.targets, tRow, yearKey);
      const aCol = columnOfYear(table, table.actuals, aRow, yearKey);
      // Under a 単位 column of 「%」 a plain 90 is 90 %.
      const pct = isPercentUnit(table.indicatorUnit[i]!);
      const read = (row: number, col: number) =>
        pct ? asPercentPoints(readCell(table, row, col)) : readCell(table, row, col);
      let target = read(tRow, tCol);
      if (tCol < 0 && finalTarget && typeof yearKey === "number" && yearKey < finalTarget.fiscalYear) {
        // The only target column is headed by a later year (目標値（令和７年度）): the plan's final-year target.
        tCol = columnOfYear(table, table.targets, tRow, finalTarget.fiscalYear);
        target = withBasis(read(tRow, tCol), "finalYear", finalTarget.label);
      }
      const actual = read(aRow, aCol);
      const baseline = table.baselineCol >= 0 ? read(indRow, table.baselineCol) : null;
      const direction = detectDirection({
        // Own keys only: an indicator named "constructor" must not find Object.prototype.
        override: Object.hasOwn(rules.directionOverrides, name) ? rules.directionOverrides[name]! : null,
        directionCell: table.indicatorDirection[i]!,
        targets: targets.length > 0 ? targets : [target],
        baseline,
        target,
        indicatorName: name,
      });
      const exception =
        rules.bandOverrides.length > 0
          ? bandOverrideFor(rules, name, target.kind === "number" ? { value: target.value, unit: target.unit } : null)
          : null;
      const gradeInput = {
        target,
        actual,
        baseline,
        direction,
        rules: exception ? { ...rules, bands: exception.bands } : rules,
        elapsedYears: block.elapsedYears,
        ...(exception ? { exception: overrideWords(exception) } : {}),
      };
      const out = gradeIndicator(gradeInput);
      const unit =
        (target.kind === "number" && target.unit) ||
        (actual.kind === "number" && actual.unit) ||
        table.indicatorUnit[i] ||
        null;
      const actualUnit = actual.kind === "number" && actual.unit && actual.unit !== unit ? actual.unit : null;
      indicators.push({
        name,
        target: target.kind === "number" ? target.value : null,
        actual: actual.kind === "number" ? actual.value : null,
        unit,
        ...(actualUnit ? { actualUnit } : {}),
        lowerIsBetter: direction.lowerIsBetter,
        achievement: out.graded && Number.isFinite(out.achievement) ? out.achievement : null,
        grade: out.graded ? out.grade : null,
        reason: out.reason,
        reasonJa: out.reasonJa,
        nextGrade: nextGrade(gradeInput, out),
        targetRow: (tCol >= 0 ? tRow : indRow) + 1,
        actualRow: (aCol >= 0 ? aRow : indRow) + 1,
      });
      reasonsJa.push(out.reasonJa);
      if (actual.kind === "number") anyActual = true;
      dataChecks.push(...indicatorChecks(name, target, actual));
      if (out.graded) {
        // The item's suggestion is its lowest indicator grade.
        if (suggested === null || labels.indexOf(out.grade) > labels.indexOf(suggested)) suggested = out.grade;
      } else firstReason ??= { en: out.reason, ja: out.reasonJa };
    }
  }

  let selfGrade: string | null = null;
  let excludedReason: string | null = null;
  let excludedReasonJa: string | null = null;
  let grade: string | null = null;
  let adoptedFrom: GradedItem["adoptedFrom"] = null;
  const nGrades = table.gradeCols.length;
  const gradeRow = block.gradeIndex >= 0 ? table.itemGradeRow[item * nGrades + block.gradeIndex]! : -1;
  const selfCell =
    gradeRow >= 0
      ? parseGradeCell(table.grid.value(gradeRow, table.gradeCols[block.gradeIndex]!), labels)
      : { kind: "blank" as const };

  if (selfCell.kind === "grade") {
    selfGrade = selfCell.grade;
    grade = selfGrade;
    adoptedFrom = "self";
  } else if (selfCell.kind === "excluded") {
    excludedReason = selfCell.word;
    excludedReasonJa = `評価が「${selfCell.word}」`;
  } else if (selfCell.kind === "error") {
    excludedReason = `error value ${selfCell.code}`;
    excludedReasonJa = `評価がエラー値 ${selfCell.code}`;
  } else if (selfCell.kind === "unknown") {
    selfTexts[item] = selfCell.text;
    excludedReason = "unknown grade";
    excludedReasonJa = `評価「${selfCell.text}」は評価区分にありません`;
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

  dataChecks.unshift(
    ...selfGradeChecks({
      selfGrade,
      selfBlank: selfCell.kind === "blank",
      sheetHasGradeColumn: gradeRow >= 0 || block.gradeIndex >= 0,
      sheetHasActuals: table.actuals.keys.length > 0,
      anyActual,
    }),
  );

  return {
    sheet: table.sheet,
    row: table.itemRow[item]! + 1,
    key: table.itemKey[item]!,
    name: table.itemName[item]!,
    group: table.strings.at(table.itemGroup[item]!),
    department: table.strings.at(table.itemDepartment[item]!),
    selfGrade,
    suggestedGrade: suggested,
    grade,
    excludedReason: grade === null ? excludedReason : null,
    excludedReasonJa: grade === null ? excludedReasonJa : null,
    adoptedFrom,
    indicators,
    indicatorReasonsJa: reasonsJa,
    dataChecks,
  };
}

/** One item of a graded block in its public shape, alone (item-history.ts reads an earlier year's targets so). */
export function materializeBlockItem(block: GradedBlock, item: number, rules: Rules): GradedItem {
  return materializeItem(block, item, rules, rules.bands.map((b) => b.label), []);
}

/** The review list's text of one (code, item, indicator) entry. */
function reviewEntry(code: number, it: GradedItem, selfText: string | null, indicatorInItem: number): ReviewEntry {
  const at = { sheet: it.sheet, row: it.row };
  switch (code) {
    case REVIEW_INDICATOR: {
      const ind = it.indicators[indicatorInItem]!;
      return {
        ...at,
        reason: `${ind.name}: ${ind.reason}`,
        reasonJa: `${it.name}：${ind.name}の${it.indicatorReasonsJa[indicatorInItem]}`,
      };
    }
    case REVIEW_SELF_VS_SUGGESTED:
      return {
        ...at,
        reason: `self ${it.selfGrade}, suggested ${it.suggestedGrade}`,
        reasonJa: `${it.name}：自己評価 ${it.selfGrade}、評価案 ${it.suggestedGrade}`,
      };
    case REVIEW_EXCLUDED_WORD_VS_SUGGESTED:
      return {
        ...at,
        reason: `self "${it.excludedReason}", suggested ${it.suggestedGrade}`,
        reasonJa: `${it.name}：自己評価「${it.excludedReason}」、評価案 ${it.suggestedGrade}`,
      };
    case REVIEW_UNKNOWN_GRADE:
      return { ...at, reason: `unknown grade "${selfText}"`, reasonJa: `${it.name}：${it.excludedReasonJa}` };
    case REVIEW_ITEM_EXCLUDED:
      return {
        ...at,
        reason: `excluded: ${it.excludedReason}`,
        reasonJa: `${it.name}：評価対象外（${it.excludedReasonJa}）`,
      };
    case REVIEW_NO_VALUES:
      return {
        ...at,
        reason: "no suggestion: the target and actual columns were not found",
        reasonJa: `${it.name}：目標・実績の列が見つからないため、提案の評価がありません（列の割り当てで指定してください）`,
      };
    default:
      throw new Error(`unknown review code ${code}`);
  }
}

/** One evaluation in its public shape: items with reasons, the review list in the sheet's row order. */
export function materializeEvaluation(ev: ColumnarEvaluation, rules: Rules): GradedEvaluation {
  const labels = rules.bands.map((b) => b.label);
  const items: GradedItem[] = [];
  const review: ReviewEntry[] = [];
  const checks: ReviewEntry[] = [];
  for (const block of ev.blocks) {
    const table = block.table;
    const first = items.length;
    const selfTexts: (string | null)[] = [];
    for (let item = 0; item < table.itemCount; item++)
      items.push(materializeItem(block, item, rules, labels, selfTexts));
    const r = block.review;
    for (let k = 0; k < r.length; k += 3) {
      const item = r[k + 1]!;
      review.push(
        reviewEntry(r[k]!, items[first + item]!, selfTexts[item] ?? null, r[k + 2]! - table.indicatorStart[item]!),
      );
    }
    for (let i = first; i < items.length; i++) {
      const it = items[i]!;
      for (const c of it.dataChecks ?? [])
        checks.push({ sheet: it.sheet, row: it.row, reason: c.reason, reasonJa: `${it.name}：${c.reasonJa}` });
    }
    for (const u of table.unreadRows)
      review.push({ sheet: u.sheet, row: u.row + 1, reason: u.reason, reasonJa: u.reasonJa });
  }
  review.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : 0));
  return { key: ev.key, label: ev.label, fiscalYear: ev.fiscalYear, source: ev.source, items, review, checks };
}

export function materializeEvaluations(evs: ColumnarEvaluation[], rules: Rules): GradedEvaluation[] {
  return evs.map((ev) => materializeEvaluation(ev, rules));
}
