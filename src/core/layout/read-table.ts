/**
 * Table layout + grid → the source records: items with their indicators and
 * the raw cells per year, plus every row that is not data (headings, notes)
 * and every row that could not be read, with the reason.
 */
import type { RawValue } from "../model/snapshot";
import { headerKey, cleanText } from "../japanese/normalize-text";
import { readsAsNumber } from "../cells/parse-indicator-value";
import { SheetGrid } from "./sheet-grid";
import { SmallMap } from "./small-map";
import { KIND_ACTUAL, KIND_TARGET } from "./header-vocabulary";
import type { ColumnMapping, TableLayout } from "./table-model";

export interface SourceCell {
  value: RawValue;
  text: string;
  format: string;
  /** Zero-based sheet row and column. */
  row: number;
  col: number;
}

/** Year key of a value: the fiscal year, or "single" for a table with one target/actual column. */
export type YearKey = number | "single";

export interface SourceIndicator {
  name: string;
  /** Zero-based sheet row where the indicator starts. */
  row: number;
  unit: string | null;
  baseline: SourceCell | null;
  direction: string | null;
  targets: SmallMap<YearKey, SourceCell>;
  actuals: SmallMap<YearKey, SourceCell>;
}

export interface SourceItem {
  sheet: string;
  /** Zero-based sheet row of the item's first row. */
  row: number;
  key: string;
  name: string;
  group: string | null;
  department: string | null;
  /** Grade cells by grade-column index (the column), first non-blank over the item's rows. */
  grades: SmallMap<number, SourceCell>;
  indicators: SourceIndicator[];
}

export interface SkippedRow {
  sheet: string;
  row: number;
  reason: string;
  reasonJa: string;
}

export interface SourceTable {
  layout: TableLayout;
  items: SourceItem[];
  /** Data-looking rows that could not be read as an item (listed, never dropped). */
  unreadRows: SkippedRow[];
}

const NOTE_ROW = /^(※|＊|\*|注[:：\s）)]|（注|\(注|出典|資料[:：]|備考[:：])/;
const HEADING_WORD =
  /^(ビジョン|基本方針|基本目標|施策|分野|政策|方針|重点|第[0-9０-９一二三四五六七八九十]+|[0-9０-９]+[.．、]|[①-⑳]|[【■●◆◇□▼]|vision|policy|goal|pillar)/i;

function cellAt(grid: SheetGrid, r: number, c: number): SourceCell {
  return { value: grid.value(r, c), text: grid.text(r, c), format: grid.format(r, c), row: r, col: c };
}

function isBlankValue(v: RawValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** Is any of the columns non-blank in row r? own: the cell's own value, merge continuations not counted. */
function anyValue(grid: SheetGrid, r: number, cols: number[], own: boolean): boolean {
  for (const c of cols) {
    if (own ? !isBlankValue(grid.ownValue(r, c)) && !grid.isContinuation(r, c) : !isBlankValue(grid.value(r, c)))
      return true;
  }
  return false;
}

/** Do all the row's own cells show the same clean text (a heading repeated across merged-looking cells)? */
function oneDistinctText(grid: SheetGrid, r: number, own: number[]): boolean {
  if (own.length === 0) return false;
  const first = cleanText(grid.text(r, own[0]!));
  for (let i = 1; i < own.length; i++) if (cleanText(grid.text(r, own[i]!)) !== first) return false;
  return true;
}

function labelText(grid: SheetGrid, r: number, m: ColumnMapping | undefined): string {
  if (!m) return "";
  return cleanText(grid.text(r, m.col));
}

export function readTable(grid: SheetGrid, layout: TableLayout): SourceTable {
  const col = (role: string) => layout.columns.find((c) => c.role === role);
  const keyCol = col("key");
  const itemCol = col("item");
  const deptCol = col("department");
  const groupCols = layout.columns.filter((c) => c.role === "group");
  const groupCol = groupCols[0];
  const indicatorCol = col("indicator");
  const unitCol = col("unit");
  const baselineCol = col("baseline");
  const directionCol = col("direction");
  const kindCol = col("kind");
  const gradeCols = layout.columns.filter((c) => c.role === "selfGrade");
  const targetCols = layout.columns.filter((c) => c.role === "target");
  const actualCols = layout.columns.filter((c) => c.role === "actual");
  const yearCols = layout.columns.filter((c) => c.role === "year" && typeof c.fiscalYear === "number");
  const valueCols = new Set<number>([...gradeCols, ...targetCols, ...actualCols, ...yearCols].map((c) => c.col));
  if (kindCol) valueCols.add(kindCol.col);
  const valueColList = [...valueCols];

  const items: SourceItem[] = [];
  const byKey = new Map<string, SourceItem>();
  const unreadRows: SkippedRow[] = [];
  let heading: string | null = null;
  let lastItem: SourceItem | null = null;
  let lastIndicator: SourceIndicator | null = null;
  let lastGroup: string | null = null;

  for (let r = layout.headerBottom + 1; r <= grid.bottom; r++) {
    const own = grid.ownCells(r);
    // A row may consist only of merge continuations (the 実績 row of a pair): keep reading it.
    const anyContent = own.length > 0 || anyValue(grid, r, valueColList, false);
    if (!anyContent) continue;
    const firstText = own.length > 0 ? cleanText(grid.text(r, own[0]!)) : "";
    const hasValues = anyValue(grid, r, valueColList, true);
    // A ※ note has no values; a "※参考 …" row with a target or a grade is data and is read.
    if (own.length > 0 && !hasValues && NOTE_ROW.test(firstText)) continue;
    // Only a row without values can be a heading: the texts are compared for those rows alone.
    if (!hasValues && oneDistinctText(grid, r, own)) {
      const c0 = own[0]!;
      const merge = grid.merge(r, c0);
      const spans = merge !== undefined && merge.right > merge.left;
      const inGroupCol = groupCol !== undefined && c0 === groupCol.col;
      if (
        spans ||
        HEADING_WORD.test(firstText) ||
        inGroupCol ||
        (own.length > 1 && own.every((c) => grid.merge(r, c) === merge))
      ) {
        heading = firstText;
        continue;
      }
    }

    // Identity of the row.
    const rawKey = labelText(grid, r, keyCol);
    const indicatorName = labelText(grid, r, indicatorCol);
    // A table of only Indicator / Target / Actual (/ Grade) names its items by the indicator.
    const name = itemCol || keyCol ? labelText(grid, r, itemCol) : indicatorName;
    let group: string | null = groupCol ? labelText(grid, r, groupCol) || lastGroup : heading;
    if (groupCol && !group) group = heading;
    lastGroup = groupCol ? group : lastGroup;
    const dept = labelText(grid, r, deptCol) || null;

    let kindOfRow: "target" | "actual" | null = null;
    if (layout.kind === "pairs" && kindCol) {
      const k = headerKey(grid.label(r, kindCol.col));
      if (KIND_TARGET.test(k)) kindOfRow = "target";
      else if (KIND_ACTUAL.test(k)) kindOfRow = "actual";
      else {
        unreadRows.push({
          sheet: grid.sheet.name,
          row: r,
          reason: `row is neither target nor actual (区分: ${grid.label(r, kindCol.col) || "blank"})`,
          reasonJa: `区分が「目標」「実績」のどちらでもありません（${grid.label(r, kindCol.col) || "空欄"}）`,
        });
        continue;
      }
    }

    // A row without key and name continues the previous item (another indicator, or the 実績 row).
    let item: SourceItem | null;
    if (!rawKey && !name) {
      item = lastItem;
      if (!item) {
        unreadRows.push({
          sheet: grid.sheet.name,
          row: r,
          reason: "row has no item name or number",
          reasonJa: "項目名・番号がない行です",
        });
        continue;
      }
    } else {
      const key = rawKey || name;
      item = byKey.get(key) ?? null;
      if (!item) {
        item = {
          sheet: grid.sheet.name,
          row: r,
          key,
          name: name || rawKey,
          group: group ?? null,
          department: dept,
          grades: new SmallMap(),
          indicators: [],
        };
        byKey.set(key, item);
        items.push(item);
        lastIndicator = null;
      }
    }
    if (item !== lastItem) lastIndicator = null;
    lastItem = item;
    if (!item.department && dept) item.department = dept;

    for (const g of gradeCols) {
      if (!item.grades.has(g.col) || isBlankValue(item.grades.get(g.col)!.value))
        item.grades.set(g.col, cellAt(grid, r, g.col));
    }

    const hasIndicatorData = layout.kind === "pairs" || targetCols.length > 0 || actualCols.length > 0;
    if (!hasIndicatorData) continue;

    // Which indicator this row feeds.
    let ind: SourceIndicator | null = null;
    const indName = indicatorName || (indicatorCol ? "" : item.name);
    let startsNew: boolean;
    if (layout.kind === "rowPerItem" || !lastIndicator) startsNew = true;
    else if (kindOfRow === "target")
      startsNew = lastIndicator.targets.size > 0 || (indName !== "" && lastIndicator.name !== indName);
    else startsNew = lastIndicator.actuals.size > 0 || (indName !== "" && lastIndicator.name !== indName);
    if (!startsNew && lastIndicator) ind = lastIndicator;
    else {
      ind = {
        name: indName || item.name,
        row: r,
        unit: labelText(grid, r, unitCol) || null,
        baseline: baselineCol ? cellAt(grid, r, baselineCol.col) : null,
        direction: labelText(grid, r, directionCol) || null,
        targets: new SmallMap(),
        actuals: new SmallMap(),
      };
      item.indicators.push(ind);
      lastIndicator = ind;
    }

    if (layout.kind === "pairs") {
      const into = kindOfRow === "target" ? ind.targets : ind.actuals;
      for (const y of yearCols) {
        const cell = cellAt(grid, r, y.col);
        // A merged cell spanning the pair belongs to the row it starts on.
        if (grid.isContinuation(r, y.col)) continue;
        into.set(y.fiscalYear as number, cell);
      }
    } else {
      for (const t of targetCols)
        ind.targets.set(typeof t.fiscalYear === "number" ? t.fiscalYear : "single", cellAt(grid, r, t.col));
      for (const a of actualCols)
        ind.actuals.set(typeof a.fiscalYear === "number" ? a.fiscalYear : "single", cellAt(grid, r, a.col));
    }
  }
  return { layout, items, unreadRows };
}

/** Years that have at least one actual that reads as a number (the default evaluated year is the latest). */
export function yearsWithActuals(table: SourceTable): number[] {
  const years = new Set<number>();
  for (const it of table.items)
    for (const ind of it.indicators)
      for (let i = 0; i < ind.actuals.size; i++) {
        const y = ind.actuals.keyAt(i);
        const cell = ind.actuals.valueAt(i);
        if (typeof y !== "number") continue;
        if (typeof cell.value === "number" || (typeof cell.value === "string" && readsAsNumber(cell.value)))
          years.add(y);
      }
  return [...years].sort((a, b) => a - b);
}
