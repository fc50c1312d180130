/**
 * The whole pure job: snapshot → table model → graded rows → summary → sheet plans.
 * Both adapters call this and nothing else of the core's internals.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { SheetPlan } from "./model/sheet-plan";
import type { Rules } from "./model/settings";
import type { SkippedSheet, SummaryJson } from "./model/summary";
import { SheetGrid } from "./layout/sheet-grid";
import { detectTable } from "./layout/detect-header";
import { readColumnarTable } from "./layout/read-columnar-table";
import { readFormTable } from "./layout/read-form-table";
import type { ColumnarTable } from "./layout/columnar-table";
import { StringTable } from "./layout/string-table";
import { gradeTables } from "./grading/grade-columnar";
import { tablesOutsideYear } from "./grading/evaluation-slots";
import { materializeEvaluations, type GradedEvaluation } from "./grading/evaluate-items";
import { checkStatedCounts } from "./grading/stated-counts-check";
import {
  droppedFromLastYear,
  itemHistories,
  itemIdentity,
  type HistoryEntry,
  type YearTargets,
} from "./grading/item-history";
import { targetChangedCheck } from "./grading/data-checks";
import { outsideYearWarning, tablesAllInReview } from "./grading/table-warnings";
import { formatFiscalYearJa } from "./japanese/fiscal-year";
import { evaluationSummary } from "./summary/summarize";
import { countEvaluation } from "./summary/count-grades";
import { fingerprintSheets } from "./fingerprint";
import { cleanSheetName } from "./plan/sheet-names";
import { recogniseGeneratedLayout } from "./generated-layouts";
import { planGeneratedSheets } from "./plan/plan-generated-sheets";
import { planReportSheets, reportWording, type ReportWording } from "./plan/plan-report-sheets";
import { groupHeadingFromLayouts, itemNounFromLayouts, keyHeadingFromLayouts } from "./plan/item-noun";
import type { TableLayout } from "./layout/table-model";
import { newOwnerId, noOwnership, ownedSheetNames, type Ownership } from "./ownership";

export interface ReviewOptions {
  /**
   * Which sheets are provably ours (ownership.ts): those are never read as data and may take their names again.
   * Without it every sheet of the snapshot (plus `existingSheetNames`) is the user's.
   */
  ownership?: Ownership;
  /** Names of sheets that exist but are not in the snapshot (only used without `ownership`). */
  existingSheetNames?: string[];
  /** Id source for the runs of newly created sheets. */
  newId?: () => string;
}

export interface ReviewResult {
  summary: SummaryJson;
  plans: SheetPlan[];
  /**
   * What the report export holds (--report, --pdf, 「報告書用ブックを作成」): 表3-N with the figures and the
   * published 表4-N list; the reviewers' sheets only when rules.report asks.
   */
  reportPlans: SheetPlan[];
  /** The report's item noun and key heading (for the copy for Word too). */
  wording: ReportWording;
  /** Fingerprint of the source data (for the stale check). */
  fingerprint: string;
  /** Human-readable warnings (Japanese) for stderr / the pane. */
  warnings: string[];
  /** What detection found per sheet (for the pane's column mapping view). */
  layouts: TableLayout[];
  skippedSheets: (SkippedSheet & { reasonJa: string })[];
}

/** The sheets the review reads as source data: every sheet but the ones provably ours. */
export function sourceSheets(snapshot: WorkbookSnapshot, ownership: Ownership) {
  const ours = new Set(ownedSheetNames(ownership).map((n) => n.toLowerCase()));
  return snapshot.sheets.filter((s) => !ours.has(s.name.toLowerCase()));
}

export function reviewWorkbook(snapshot: WorkbookSnapshot, rules: Rules, options: ReviewOptions = {}): ReviewResult {
  const newId = options.newId ?? (() => newOwnerId());
  const ownership =
    options.ownership ??
    noOwnership(
      [...snapshot.sheets.map((s) => s.name), ...(options.existingSheetNames ?? [])].map((name) => ({
        name,
        visibility: "Visible" as const,
        marker: null,
      })),
      newId,
    );
  const sheets = sourceSheets(snapshot, ownership);
  const tables: ColumnarTable[] = [];
  const strings = new StringTable();
  const skipped: ReviewResult["skippedSheets"] = [];
  const warnings: string[] = [...ownership.warnings];
  for (const sheet of sheets) {
    if (sheet.visibility !== "Visible") {
      skipped.push({ sheet: sheet.name, reason: "hidden sheet", reasonJa: "非表示のシート" });
      continue;
    }
    if (recogniseGeneratedLayout(sheet)) {
      skipped.push({
        sheet: sheet.name,
        reason: "a sheet generated earlier by this add-in (no owner marker): not data",
        reasonJa: "以前に作成された一覧（本アドインが以前に作成したシートのため、データとして読みません）",
      });
      continue;
    }
    const grid = new SheetGrid(sheet);
    const override = Object.hasOwn(rules.columnOverrides, sheet.name) ? rules.columnOverrides[sheet.name] : undefined;
    const detection = detectTable(grid, override);
    // No header row: maybe a form (指標名 / 目標 / 実績 / 評価 as label–value rows, one block per indicator).
    const form = !detection.ok && !override?.skip ? readFormTable(grid, strings) : null;
    if (form) {
      tables.push(form);
      continue;
    }
    if (!detection.ok) {
      skipped.push({ sheet: sheet.name, reason: detection.reason, reasonJa: detection.reasonJa });
      continue;
    }
    if (sheet.merges === null && detection.layout.kind === "pairs") {
      warnings.push(`「${sheet.name}」: 結合セルの情報が取得できないため、空欄は上の行の値を引き継いで読みました。`);
    }
    tables.push(readColumnarTable(grid, detection.layout, strings));
  }
  if (tables.length === 0)
    warnings.push("進捗表のあるシートが見つかりませんでした。見出し行（項目名と評価・目標・実績）を確認してください。");
  // Grades as codes, counted straight from them; the items and reasons in their public shape are built once, for
  // summary.json and the sheet plans.
  const columnar = gradeTables(tables, rules);
  const graded = materializeEvaluations(columnar, rules);
  checkStatedCounts(tables, graded);
  const yearTargets = new Map<string, YearTargets[]>();
  attachHistories(graded, itemHistories(tables, rules, graded, yearTargets), yearTargets, rules);
  const outside = tablesOutsideYear(tables, rules);
  for (const o of outside)
    skipped.push({
      sheet: o.sheet,
      reason: `another fiscal year (${o.label}) than the evaluated one`,
      reasonJa: `評価する年度と異なる年度（${o.label}）のシート`,
    });
  if (rules.year !== null) warnings.push(...outsideYearWarning(outside, formatFiscalYearJa(rules.year)));
  const outsideSheets = new Set(outside.map((o) => o.sheet));
  // A table that feeds no evaluation at all (no grade column, and no year has an actual yet: every row 評価期間前
  // or blank) would otherwise vanish: it is listed as a skipped sheet, which 要確認 and summary.json show.
  const inSomeEvaluation = new Set<string>();
  for (const ev of graded) {
    for (const it of ev.items) inSomeEvaluation.add(it.sheet);
    for (const r of ev.review) inSomeEvaluation.add(r.sheet);
  }
  const unevaluated = tables.filter(
    (t) =>
      !outsideSheets.has(t.layout.sheet) &&
      !inSomeEvaluation.has(t.layout.sheet) &&
      t.itemCount + t.unreadRows.length > 0,
  );
  for (const t of unevaluated) {
    const rows = t.itemCount + t.unreadRows.length;
    skipped.push({
      sheet: t.layout.sheet,
      reason: `no year with actuals to evaluate yet (${rows} rows: before their evaluation period or blank)`,
      reasonJa: `評価できる年度の実績がまだありません（${rows} 行：評価期間前・空欄）`,
    });
    warnings.push(
      `「${t.layout.sheet}」: 実績のある年度がないため評価していません（${rows} 行）。要確認のシート一覧に載せました。`,
    );
  }
  const unevaluatedSheets = new Set(unevaluated.map((t) => t.layout.sheet));
  warnings.push(
    ...tablesAllInReview(
      tables.filter((t) => !outsideSheets.has(t.layout.sheet) && !unevaluatedSheets.has(t.layout.sheet)),
      graded,
    ),
  );
  const labels = rules.bands.map((b) => b.label);
  const evaluations = graded.map((g, k) => evaluationSummary(g, countEvaluation(columnar[k]!, rules), labels));
  const summary: SummaryJson = {
    evaluations,
    skippedSheets: skipped.map((s) => ({ sheet: s.sheet, reason: s.reason })),
    warnings,
  };
  const ownedNames = ownership.owned.map((o) => o.name);
  // A generated sheet the user renamed (評価集計 → 集計R3) keeps the user's name, so their formulas and names that
  // point at it keep working: ownership is by marker. Only a sheet name changed in the rules since the last run
  // renames it.
  const sheetNames = { ...rules.sheetNames };
  for (const o of ownership.owned) {
    const before = ownership.state?.rules.sheetNames[o.role];
    if (before !== undefined && before === rules.sheetNames[o.role]) sheetNames[o.role] = o.name;
  }
  const layouts = tables.map((t) => t.layout);
  const wording = reportWording(rules, {
    noun: itemNounFromLayouts(layouts),
    keyHeader: keyHeadingFromLayouts(layouts),
    groupHeading: groupHeadingFromLayouts(layouts),
  });
  const plans = planGeneratedSheets({
    wording,
    evaluations: graded,
    summaries: evaluations,
    skippedSheets: skipped,
    rules: { ...rules, sheetNames },
    existingSheetNames: [...ownership.allSheetNames, ownership.settingsSheetName],
    previouslyGenerated: ownedNames,
  }).map((plan) => {
    const mine = ownership.owned.find((o) => o.role === plan.role);
    const wanted = cleanSheetName(sheetNames[plan.role]);
    const takenByUser =
      ownership.allSheetNames.some((n) => n.toLowerCase() === wanted.toLowerCase()) &&
      !ownedNames.some((n) => n.toLowerCase() === wanted.toLowerCase());
    if (plan.name !== wanted && takenByUser)
      warnings.push(
        `シート「${wanted}」は本アドインが作成したことを確認できないため変更せず、「${plan.name}」に書き出しました。`,
      );
    return { ...plan, owner: { role: plan.role, workbookId: ownership.workbookId, runId: mine?.runId ?? newId() } };
  });
  const reportPlans = planReportSheets({ evaluations: graded, summaries: evaluations, skippedSheets: skipped, rules, wording });
  return {
    summary,
    plans,
    reportPlans,
    wording,
    fingerprint: fingerprintSheets(sheets),
    warnings,
    layouts,
    skippedSheets: skipped,
  };
}

/**
 * Each item gets its grades of the years up to its evaluation's year; an item whose grade went down from the
 * year before is listed on 要確認 (前年度から下がった).
 */
function attachHistories(
  graded: GradedEvaluation[],
  histories: Map<string, HistoryEntry[]>,
  yearTargets: Map<string, YearTargets[]>,
  rules: Rules,
): void {
  const labels = rules.bands.map((b) => b.label);
  for (const ev of graded) {
    for (const it of ev.items) {
      const all = histories.get(itemIdentity(it)) ?? [];
      const year = ev.fiscalYear;
      it.history = year === null ? all : all.filter((h) => h.fiscalYear <= year);
      if (year === null) continue;
      // One sheet per year: the same indicator's target read from last year's sheet and this year's.
      const years = yearTargets.get(itemIdentity(it)) ?? [];
      const k = years.findIndex((y) => y.fiscalYear === year);
      const before = k > 0 ? years[k - 1]! : null;
      const now = k >= 0 ? years[k]! : null;
      if (before && now && before.fiscalYear === year - 1 && before.sheet !== now.sheet) {
        const beforeTargets = before.targets();
        for (const [name, t] of now.targets()) {
          const b = beforeTargets.get(name);
          const check = b ? targetChangedCheck(name, { label: before.label, ...b }, { label: now.label, ...t }) : null;
          if (check) (ev.checks ??= []).push({ sheet: it.sheet, row: it.row, reason: check.reason, reasonJa: `${it.name}：${check.reasonJa}` });
        }
      }
      const drop = droppedFromLastYear(it.history, labels);
      if (drop && drop.to.fiscalYear === year)
        (ev.checks ??= []).push({
          sheet: it.sheet,
          row: it.row,
          reason: `dropped from last year (${drop.from.label} ${drop.from.grade} → ${drop.to.label} ${drop.to.grade})`,
          reasonJa: `${it.name}：前年度から下がった（${drop.from.label} ${drop.from.grade} → ${drop.to.label} ${drop.to.grade}）`,
        });
    }
  }
}
