/**
 * Table layout + grid → the columnar table model: which rows are items and indicators (and which rows feed an
 * indicator's targets and actuals), every row that is not data (headings, notes) skipped, and every row that
 * could not be read listed with the reason. One pass over the rows; per row only numbers are written.
 */
import type { RawValue } from "../model/snapshot";
import { statedCounts, totalRowDetector, totalRowReason } from "./total-row";
import { headerKey, cleanText } from "../japanese/normalize-text";
import type { SheetGrid } from "./sheet-grid";
import { KIND_ACTUAL, KIND_DERIVED, KIND_TARGET } from "./header-vocabulary";
import type { ColumnMapping, TableLayout } from "./table-model";
import type { ColumnarTable, SkippedRow, StatedCounts, YearColumns, YearKey } from "./columnar-table";
import type { StringTable } from "./string-table";
import { KeyIndex } from "./key-index";
import * as cleanLabels from "./clean-label";

// Local bindings: run through tsx, every use of an imported binding is a getter call, and these are used per cell.
const { cleanLabel, mayBeSpace } = cleanLabels;

const NOTE_ROW = /^(※|＊|\*|注[:：\s）)]|（注|\(注|出典|資料[:：]|備考[:：])/;
const HEADING_WORD =
  /^(ビジョン|基本方針|基本目標|施策|分野|政策|方針|重点|第[0-9０-９一二三四五六七八九十]+|[0-9０-９]+[.．、]|[①-⑳]|[【■●◆◇□▼]|vision|policy|goal|pillar)/i;

function isBlankValue(v: RawValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  return v.length === 0 || (mayBeSpace(v.charCodeAt(0)) && v.trim() === "");
}

/** Is any of the columns non-blank in row r? own: the cell's own value, merge continuations not counted. */
function anyValue(grid: SheetGrid, r: number, cols: Int32Array, own: boolean): boolean {
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
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

function labelText(grid: SheetGrid, r: number, col: number): string {
  if (col < 0) return "";
  return cleanLabel(grid.text(r, col));
}

/** Per year key the column it is read from: keys in first-seen order, the last column of a key wins. */
function yearColumns(cols: ColumnMapping[], keyOf: (c: ColumnMapping) => YearKey): YearColumns {
  const keys: YearKey[] = [];
  const out: number[] = [];
  for (const c of cols) {
    const k = keyOf(c);
    const i = keys.indexOf(k);
    if (i >= 0) out[i] = c.col;
    else {
      keys.push(k);
      out.push(c.col);
    }
  }
  return { keys, cols: Int32Array.from(out) };
}

/** Growable Int32 column (rows are appended; the capacity doubles). */
class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** The filled part (a view, not a copy). */
  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export function readColumnarTable(grid: SheetGrid, layout: TableLayout, strings: StringTable): ColumnarTable {
  const colOf = (role: string) => layout.columns.find((c) => c.role === role)?.col ?? -1;
  const keyCol = colOf("key");
  const itemCol = colOf("item");
  const deptCol = colOf("department");
  const sheetDepartment = layout.sheetDepartment ?? "";
  const groupCol = colOf("group");
  const indicatorCol = colOf("indicator");
  const unitCol = colOf("unit");
  const baselineCol = colOf("baseline");
  const directionCol = colOf("direction");
  const kindCol = colOf("kind");
  const gradeMappings = layout.columns.filter((c) => c.role === "selfGrade");
  const gradeCols = Int32Array.from(gradeMappings.map((c) => c.col));
  const targetMappings = layout.columns.filter((c) => c.role === "target");
  const actualMappings = layout.columns.filter((c) => c.role === "actual");
  const yearMappings = layout.columns.filter((c) => c.role === "year" && typeof c.fiscalYear === "number");
  const valueColSet = new Set<number>(
    [...gradeMappings, ...targetMappings, ...actualMappings, ...yearMappings].map((c) => c.col),
  );
  if (kindCol >= 0) valueColSet.add(kindCol);
  const valueCols = Int32Array.from(valueColSet);
  const pairs = layout.kind === "pairs";
  const yearKey = (c: ColumnMapping): YearKey => (typeof c.fiscalYear === "number" ? c.fiscalYear : "single");
  const targets = pairs ? yearColumns(yearMappings, yearKey) : yearColumns(targetMappings, yearKey);
  const actuals = pairs ? targets : yearColumns(actualMappings, yearKey);
  // A table of only Indicator / Target / Actual (/ Grade) names each row's item by its indicator.
  const namedByIndicator = itemCol < 0 && keyCol < 0;
  const hasIndicatorData = pairs || targetMappings.length > 0 || actualMappings.length > 0;
  const nGrades = gradeCols.length;
  const sheetName = grid.sheet.name;
  const capacity = Math.max(0, grid.bottom - layout.headerBottom);

  const itemRow = new IntColumn(capacity);
  const itemGroup = new IntColumn(capacity);
  const itemDepartment = new IntColumn(capacity);
  const itemGradeRow = new IntColumn(capacity * nGrades);
  const itemKey: string[] = [];
  const itemName: string[] = [];
  const indItem = new IntColumn(capacity);
  const indRow = new IntColumn(capacity);
  const indTargetRow = new IntColumn(capacity);
  const indActualRow = new IntColumn(capacity);
  const indTargetCount = new IntColumn(capacity);
  const indActualCount = new IntColumn(capacity);
  const indName: string[] = [];
  const indUnit: (string | null)[] = [];
  const indDirection: (string | null)[] = [];
  const byKey = new KeyIndex(capacity, itemKey);
  const unreadRows: SkippedRow[] = [];
  const stated: StatedCounts[] = [];
  const unread = (row: number, reason: string, reasonJa: string) =>
    unreadRows.push({ sheet: sheetName, row, reason, reasonJa });

  const isTotalRow = totalRowDetector(layout);
  let inTotal = false;
  let heading: string | null = null;
  let lastItem = -1;
  let lastIndicator = -1;
  let lastGroup: string | null = null;
  /** Cells present in row r of a pairs table (merged continuations are not). */
  const presentIn = (r: number): number => {
    let n = 0;
    for (let i = 0; i < targets.cols.length; i++) if (!grid.isContinuation(r, targets.cols[i]!)) n++;
    return n;
  };
  const values = grid.sheet.values;

  for (let r = layout.headerBottom + 1; r <= grid.bottom; r++) {
    // A row with a value of its own is data (most rows): its other cells need not be looked at here.
    const hasValues = anyValue(grid, r, valueCols, true);
    let ownCount = 0;
    let firstOwn = -1;
    if (!hasValues) {
      const rowValues = values[r - grid.top];
      if (rowValues)
        for (let i = 0; i < rowValues.length; i++)
          if (!isBlankValue(rowValues[i])) {
            if (ownCount++ === 0) firstOwn = grid.left + i;
          }
      // A row may consist only of merge continuations (the 実績 row of a pair): keep reading it.
      if (ownCount === 0 && !anyValue(grid, r, valueCols, false)) continue;
    }
    if (!hasValues && ownCount > 0) {
      const firstText = cleanText(grid.text(r, firstOwn));
      // A ※ note has no values; a "※参考 …" row with a target or a grade is data and is read.
      if (NOTE_ROW.test(firstText)) continue;
      // 「A評価8件、B評価7件、C評価1件」: the sheet's own totals, kept to compare with ours.
      const counts = statedCounts(firstText);
      if (counts) {
        stated.push({ row: r, text: firstText, counts });
        continue;
      }
      // Only a row without values can be a heading: the texts are compared for those rows alone.
      const own = grid.ownCells(r);
      if (oneDistinctText(grid, r, own)) {
        const merge = grid.merge(r, firstOwn);
        const spans = merge !== undefined && merge.right > merge.left;
        const inGroupCol = groupCol >= 0 && firstOwn === groupCol;
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
    }

    // A total row (合計 / 計 / 小計) sums the items above: listed when it holds values, never an item; rows
    // under it without an identity of their own (its 実績 row) go with it.
    const total = isTotalRow(grid, r);
    if (total !== null) {
      if (hasValues) {
        const why = totalRowReason(total);
        unread(r, why.reason, why.reasonJa);
      }
      inTotal = true;
      continue;
    }
    if (inTotal && !labelText(grid, r, keyCol) && !labelText(grid, r, itemCol) && !labelText(grid, r, indicatorCol))
      continue;
    inTotal = false;

    // Identity of the row.
    const rawKey = labelText(grid, r, keyCol);
    const indicatorName = labelText(grid, r, indicatorCol);
    const name = namedByIndicator ? indicatorName : labelText(grid, r, itemCol);
    let group: string | null = groupCol >= 0 ? labelText(grid, r, groupCol) || lastGroup : heading;
    if (groupCol >= 0 && !group) group = heading;
    if (groupCol >= 0) lastGroup = group;
    // A sheet kept per department says so once above its table (「所管課：…」): every row without its own.
    const dept = labelText(grid, r, deptCol) || sheetDepartment;

    let kindOfRow: "target" | "actual" | null = null;
    if (pairs && kindCol >= 0) {
      const k = headerKey(grid.label(r, kindCol));
      if (KIND_TARGET.test(k)) kindOfRow = "target";
      else if (KIND_ACTUAL.test(k)) kindOfRow = "actual";
      else if (KIND_DERIVED.test(k)) continue;
      else {
        const shown = grid.label(r, kindCol);
        unread(
          r,
          `row is neither target nor actual (区分: ${shown || "blank"})`,
          `区分が「目標」「実績」のどちらでもありません（${shown || "空欄"}）`,
        );
        continue;
      }
    }

    // A row without key and name continues the previous item (another indicator, or the 実績 row).
    let item: number;
    if (!rawKey && !name) {
      item = lastItem;
      if (item < 0) {
        unread(r, "row has no item name or number", "項目名・番号がない行です");
        continue;
      }
    } else {
      const key = rawKey || name;
      if (namedByIndicator) {
        // Rows named by their indicator are items of their own: two departments' 「利用者数」 are two items.
        // Only the 実績 row of a 目標 / 実績 pair continues the item of its 目標 row.
        const continuesPair =
          kindOfRow === "actual" &&
          lastItem >= 0 &&
          itemKey[lastItem] === key &&
          lastIndicator >= 0 &&
          indActualCount.data[lastIndicator] === 0;
        item = continuesPair ? lastItem : -1;
      } else item = lastItem >= 0 && itemKey[lastItem] === key ? lastItem : byKey.getOrAdd(key, itemKey.length);
      if (item < 0) {
        item = itemKey.length;
        itemKey.push(key);
        itemName.push(name || rawKey);
        itemRow.push(r);
        itemGroup.push(group ? strings.intern(group) : -1);
        itemDepartment.push(dept ? strings.intern(dept) : -1);
        for (let g = 0; g < nGrades; g++) itemGradeRow.push(-1);
        lastIndicator = -1;
      }
    }
    if (item !== lastItem) lastIndicator = -1;
    lastItem = item;
    if (itemDepartment.data[item]! < 0 && dept) itemDepartment.data[item] = strings.intern(dept);

    // The item's grade per grade column: the first non-blank cell over its rows.
    for (let g = 0; g < nGrades; g++) {
      const at = item * nGrades + g;
      if (itemGradeRow.data[at]! < 0 && !isBlankValue(grid.value(r, gradeCols[g]!))) itemGradeRow.data[at] = r;
    }

    if (!hasIndicatorData) continue;

    // Which indicator this row feeds.
    const indNameOfRow = indicatorName || (indicatorCol >= 0 ? "" : itemName[item]!);
    let startsNew: boolean;
    if (!pairs || lastIndicator < 0) startsNew = true;
    else if (kindOfRow === "target")
      startsNew =
        indTargetCount.data[lastIndicator]! > 0 || (indNameOfRow !== "" && indName[lastIndicator] !== indNameOfRow);
    else
      startsNew =
        indActualCount.data[lastIndicator]! > 0 || (indNameOfRow !== "" && indName[lastIndicator] !== indNameOfRow);
    let ind = lastIndicator;
    if (startsNew) {
      ind = indName.length;
      indItem.push(item);
      indRow.push(r);
      indName.push(indNameOfRow || itemName[item]!);
      if (unitCol >= 0) indUnit.push(labelText(grid, r, unitCol) || null);
      if (directionCol >= 0) indDirection.push(labelText(grid, r, directionCol) || null);
      indTargetRow.push(-1);
      indActualRow.push(-1);
      indTargetCount.push(0);
      indActualCount.push(0);
      lastIndicator = ind;
    }

    if (pairs) {
      // A merged cell spanning the pair belongs to the row it starts on.
      const n = presentIn(r);
      if (kindOfRow === "target") {
        if (n > 0 || indTargetCount.data[ind] === 0) indTargetRow.data[ind] = r;
        indTargetCount.data[ind] = Math.max(indTargetCount.data[ind]!, n);
      } else {
        if (n > 0 || indActualCount.data[ind] === 0) indActualRow.data[ind] = r;
        indActualCount.data[ind] = Math.max(indActualCount.data[ind]!, n);
      }
    } else {
      indTargetRow.data[ind] = r;
      indActualRow.data[ind] = r;
      indTargetCount.data[ind] = targets.keys.length;
      indActualCount.data[ind] = actuals.keys.length;
    }
  }

  // CSR by item: indicators in row order within each item (an item's rows need not be adjacent).
  const itemCount = itemKey.length;
  const indicatorCount = indName.length;
  const indicatorStart = new Int32Array(itemCount + 1);
  for (let i = 0; i < indicatorCount; i++) indicatorStart[indItem.data[i]! + 1]!++;
  for (let i = 0; i < itemCount; i++) indicatorStart[i + 1]! += indicatorStart[i]!;
  let sorted = true;
  for (let i = 1; i < indicatorCount && sorted; i++) sorted = indItem.data[i - 1]! <= indItem.data[i]!;
  const order = new Int32Array(indicatorCount);
  if (sorted) for (let i = 0; i < indicatorCount; i++) order[i] = i;
  else {
    const next = indicatorStart.slice(0, itemCount);
    for (let i = 0; i < indicatorCount; i++) order[next[indItem.data[i]!]!++] = i;
  }
  const pick = (c: IntColumn) => (sorted ? c.done() : Int32Array.from(order, (i) => c.data[i]!));
  const pickList = <T>(xs: T[]): T[] => (sorted ? xs : Array.from(order, (i) => xs[i]!));
  const counts = (c: IntColumn) => {
    const out = new Uint8Array(indicatorCount);
    for (let i = 0; i < indicatorCount; i++) out[i] = Math.min(255, c.data[sorted ? i : order[i]!]!);
    return out;
  };

  return {
    layout,
    grid,
    sheet: sheetName,
    strings,
    itemCount,
    itemRow: itemRow.done(),
    itemKey,
    itemName,
    itemGroup: itemGroup.done(),
    itemDepartment: itemDepartment.done(),
    gradeCols,
    itemGradeRow: itemGradeRow.done(),
    indicatorStart,
    indicatorCount,
    indicatorRow: pick(indRow),
    indicatorName: pickList(indName),
    // Without a unit / direction column every indicator has none: one filled array, no push per row.
    indicatorUnit: unitCol >= 0 ? pickList(indUnit) : new Array<string | null>(indicatorCount).fill(null),
    indicatorDirection:
      directionCol >= 0 ? pickList(indDirection) : new Array<string | null>(indicatorCount).fill(null),
    targetRow: pick(indTargetRow),
    actualRow: pick(indActualRow),
    targetCount: counts(indTargetCount),
    actualCount: counts(indActualCount),
    targets,
    actuals,
    baselineCol,
    unreadRows,
    statedCounts: stated,
  };
}
