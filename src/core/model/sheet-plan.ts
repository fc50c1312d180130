/**
 * What a generated sheet holds, independent of any library. The adapters
 * turn a SheetPlan into cells (ExcelJS) or into the Office JavaScript API calls.
 */
import type { CellRect } from "./snapshot";
import type { OwnerMarker } from "../ownership";

export type PlanValue = string | number | boolean | null;

export type GeneratedRole = "summary" | "list" | "review";

/** Named cell styles; adapters map them to fonts / fills / borders. */
export type PlanStyleName = "title" | "subtitle" | "header" | "body" | "grade" | "total" | "note" | "groupHeading";

export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string; // "#RRGGBB"
  fill?: string; // "#RRGGBB"
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  wrap?: boolean;
  border?: boolean;
}

export interface RangeFormat {
  range: CellRect;
  /** Excel number format code; "@" makes the cells text (the guard for source text). */
  numberFormat?: string;
  style?: PlanStyleName;
}

export interface PlanLink {
  row: number;
  col: number;
  /** Sheet name and A1 address of the source cell. */
  sheet: string;
  address: string;
  /** Text shown in the cell. */
  text: string;
}

export interface PlanChart {
  kind: "pie" | "bar";
  title: string;
  /** Data block in this sheet: first column = categories, following columns = series (headers in the first row). */
  data: CellRect;
  seriesBy: "columns" | "rows";
  /** Where the chart goes (top-left cell) and how big (cells). */
  anchor: { row: number; col: number; rows: number; cols: number };
  /** Text alternative for screen readers and for hosts without charts. */
  altText: string;
  /** "#RRGGBB" per category (pie slices) or per series (bars), so every host draws the same distinct colours. */
  colors?: string[];
}

export interface PlanTable {
  name: string;
  range: CellRect; // includes the header row
  style: string; // e.g. "TableStyleLight9"
}

export interface PlanConditionalFormat {
  range: CellRect;
  /** Cells equal to `text` get `fill` / `fontColor`. */
  rules: { text: string; fill: string; fontColor: string }[];
}

export interface PlanPageLayout {
  orientation: "portrait" | "landscape";
  fitToWidth: boolean;
  printTitleRows?: { first: number; last: number };
  /** Header/footer codes as Excel stores them unescaped: "&P / &N" prints "1 / 3". */
  centerFooter?: string;
  /** Paper; A4 when absent. */
  paperSize?: "A4" | "A3";
  /** What prints; everything used when absent. */
  printArea?: CellRect;
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows (0-based) that start a new printed page. */
  rowBreaksBefore?: number[];
}

export interface SheetPlan {
  role: GeneratedRole;
  name: string;
  /**
   * The owner marker the adapter writes as the sheet's OWNER_NAME (ownership.ts). Set by reviewWorkbook; an
   * adapter refuses to write a plan without one.
   */
  owner?: OwnerMarker;
  tabColor?: string;
  /** Row-major cell values starting at A1; rows may be ragged (missing = empty). */
  rows: PlanValue[][];
  formats: RangeFormat[];
  merges: CellRect[];
  /** Column widths in characters, by column index. */
  columnWidths: number[];
  /**
   * Row heights in points, by row index (missing = the host's default). Computed in
   * the core from the text and column widths, because LibreOffice does not autofit
   * .xlsx rows and no host autofits merged cells.
   */
  rowHeights?: (number | null)[];
  /** The one font family of every generated cell and the body size in points. */
  font?: { name: string; size: number };
  freeze?: { rows: number; cols: number };
  links: PlanLink[];
  table?: PlanTable;
  conditionalFormats: PlanConditionalFormat[];
  charts: PlanChart[];
  pageLayout?: PlanPageLayout;
}
