/**
 * The form layout (issue 16, item 6): one block per indicator, written as label–value rows — 事業名 | 読書推進,
 * 指標名 | 貸出冊数, 目標 | 790,000冊, 実績 | 72万冊, 評価 | B — instead of a table with a header row. Read into the same
 * columnar model as a table: each block is an item (or an indicator of the 事業名 above it) whose target, actual
 * and grade are the value cells of its rows, so grading and the review list treat it like any other row.
 */
import { headerKey } from "../japanese/normalize-text";
import { matchHeaderRole, matchLooseRole } from "./header-vocabulary";
import type { SheetGrid } from "./sheet-grid";
import type { ColumnMapping, TableLayout } from "./table-model";
import type { ColumnarTable } from "./columnar-table";
import type { StringTable } from "./string-table";
import { statedYear } from "./stated-year";

type FormRole = "item" | "indicator" | "target" | "actual" | "selfGrade" | "department" | "key";
const FORM_ROLES = new Set<string>(["item", "indicator", "target", "actual", "selfGrade", "department", "key"]);
/** Labels are short; a form is read from its first columns only (the labels' column and the values' right of it). */
const MAX_LABEL = 16;
const LABEL_COLUMNS = 6;
/** Rows looked at: a form sheet holds a few dozen blocks, not a data table's thousands of rows. */
const MAX_ROWS = 5000;

interface LabelRow {
  row: number;
  labelCol: number;
  valueCol: number;
  role: FormRole;
}

function roleOfLabel(text: string): FormRole | null {
  if (!text || text.length > MAX_LABEL) return null;
  const k = headerKey(text).replace(/[:：]$/, "");
  const v = matchHeaderRole(k) ?? matchLooseRole(k);
  return v && FORM_ROLES.has(v.role) ? (v.role as FormRole) : null;
}

/** The label–value rows of the sheet: a label cell in one of the first columns and a value right of it. */
function labelRows(grid: SheetGrid): LabelRow[] {
  const out: LabelRow[] = [];
  const last = Math.min(grid.bottom, grid.top + MAX_ROWS);
  for (let r = grid.top; r <= last; r++) {
    const own = grid.ownCells(r);
    for (let i = 0; i < own.length - 1 && own[i]! < grid.left + LABEL_COLUMNS; i++) {
      const role = roleOfLabel(grid.label(r, own[i]!));
      if (!role) continue;
      out.push({ row: r, labelCol: own[i]!, valueCol: own[i + 1]!, role });
      break;
    }
  }
  return out;
}

function mostCommon(xs: number[]): number {
  const n = new Map<number, number>();
  let best = xs[0]!;
  for (const x of xs) {
    n.set(x, (n.get(x) ?? 0) + 1);
    if (n.get(x)! > n.get(best)!) best = x;
  }
  return best;
}

/**
 * The sheet read as a form, or null when it is not one: at least one block with an indicator and a target and an
 * actual (or a grade), every label in one column and every value in one column.
 */
export function readFormTable(grid: SheetGrid, strings: StringTable): ColumnarTable | null {
  const rows = labelRows(grid);
  if (!rows.some((x) => x.role === "indicator") || !rows.some((x) => x.role === "target" || x.role === "selfGrade"))
    return null;
  const labelCol = mostCommon(rows.map((x) => x.labelCol));
  const used = rows.filter((x) => x.labelCol === labelCol);
  const valueCol = mostCommon(used.map((x) => x.valueCol));
  const sheet = grid.sheet.name;

  const itemRow: number[] = [];
  const itemKey: string[] = [];
  const itemName: string[] = [];
  const itemDepartment: number[] = [];
  const itemGradeRow: number[] = [];
  const indicatorStart: number[] = [0];
  const indicatorRow: number[] = [];
  const indicatorName: string[] = [];
  const targetRow: number[] = [];
  const actualRow: number[] = [];
  const unreadRows: ColumnarTable["unreadRows"] = [];

  // A 事業名 (or No) row heads the next item; each 指標名 under it is one of its indicators. Without such rows each
  // 指標名 opens an item of its own, named by the indicator.
  let head: { row: number; name: string; key: string; used: boolean } | null = null;
  let item = -1;
  let ind = -1;
  const value = (r: number) => grid.label(r, valueCol);
  const startItem = (row: number, name: string, key: string) => {
    item = itemKey.length;
    itemRow.push(row);
    itemKey.push(key || name || String(item + 1));
    itemName.push(name || key || `${item + 1}`);
    itemDepartment.push(-1);
    itemGradeRow.push(-1);
    indicatorStart.push(indicatorStart[indicatorStart.length - 1]!);
    ind = -1;
  };
  for (const x of used) {
    if (x.valueCol !== valueCol) {
      unreadRows.push({
        sheet,
        row: x.row,
        reason: "form row whose value is not in the values' column",
        reasonJa: "様式の行ですが、値が他の行と同じ列にありません",
      });
      continue;
    }
    const v = value(x.row);
    switch (x.role) {
      case "item":
      case "key":
        // 「No | 3」 and 「事業名 | 読書推進」 of one block head one item.
        if (!head || head.used) head = { row: x.row, name: "", key: "", used: false };
        if (x.role === "item") head.name ||= v;
        else head.key ||= v;
        item = -1;
        ind = -1;
        break;
      case "indicator": {
        if (head && !head.used) {
          startItem(head.row, head.name, head.key);
          head.used = true;
        } else if (!head) startItem(x.row, v, "");
        ind = indicatorName.length;
        indicatorRow.push(x.row);
        indicatorName.push(v || itemName[item]!);
        targetRow.push(-1);
        actualRow.push(-1);
        indicatorStart[indicatorStart.length - 1]!++;
        break;
      }
      case "target":
      case "actual":
        if (ind < 0) {
          unreadRows.push({
            sheet,
            row: x.row,
            reason: `form row (${grid.label(x.row, labelCol)}) before any indicator name`,
            reasonJa: `指標名より前の様式の行です（${grid.label(x.row, labelCol)}）`,
          });
          break;
        }
        (x.role === "target" ? targetRow : actualRow)[ind] = x.row;
        break;
      case "selfGrade":
        if (item >= 0 && itemGradeRow[item]! < 0) itemGradeRow[item] = x.row;
        break;
      case "department":
        if (item >= 0 && v) itemDepartment[item] = strings.intern(v);
        break;
    }
  }
  if (indicatorName.length === 0) return null;

  const hasGrades = itemGradeRow.some((r) => r >= 0);
  const header = [...new Set(used.map((x) => grid.label(x.row, labelCol)))].join(" / ");
  const columns: ColumnMapping[] = [
    { col: labelCol, role: "note", header: `${header}（様式）`, confidence: 0.7 },
    { col: valueCol, role: "target", header: "目標（様式の値）", confidence: 0.7 },
    { col: valueCol, role: "actual", header: "実績（様式の値）", confidence: 0.7 },
  ];
  if (hasGrades)
    columns.push({ col: valueCol, role: "selfGrade", header: "評価（様式の値）", confidence: 0.7, label: "評価" });
  const above: string[] = [];
  for (let r = grid.top; r < used[0]!.row; r++)
    for (const c of grid.ownCells(r)) {
      const t = grid.label(r, c);
      if (t && t.length <= 200) above.push(t);
    }
  const layout: TableLayout = {
    sheet,
    kind: "rowPerItem",
    headerTop: used[0]!.row,
    headerBottom: used[0]!.row - 1,
    columns,
    titleYear: null,
    titleText: above[0] ?? null,
    statedYear: statedYear(columns, above, sheet),
  };
  const n = indicatorName.length;
  return {
    layout,
    grid,
    sheet,
    strings,
    itemCount: itemKey.length,
    itemRow: Int32Array.from(itemRow),
    itemKey,
    itemName,
    itemGroup: new Int32Array(itemKey.length).fill(-1),
    itemDepartment: Int32Array.from(itemDepartment),
    gradeCols: hasGrades ? Int32Array.of(valueCol) : new Int32Array(0),
    itemGradeRow: hasGrades ? Int32Array.from(itemGradeRow) : new Int32Array(0),
    indicatorStart: Int32Array.from(indicatorStart),
    indicatorCount: n,
    indicatorRow: Int32Array.from(indicatorRow),
    indicatorName,
    indicatorUnit: new Array<string | null>(n).fill(null),
    indicatorDirection: new Array<string | null>(n).fill(null),
    targetRow: Int32Array.from(targetRow),
    actualRow: Int32Array.from(actualRow),
    targetCount: Uint8Array.from(targetRow, (r) => (r >= 0 ? 1 : 0)),
    actualCount: Uint8Array.from(actualRow, (r) => (r >= 0 ? 1 : 0)),
    targets: { keys: ["single"], cols: Int32Array.of(valueCol) },
    actuals: { keys: ["single"], cols: Int32Array.of(valueCol) },
    baselineCol: -1,
    unreadRows,
    statedCounts: [],
  };
}
