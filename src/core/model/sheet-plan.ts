/**
 * What a generated sheet holds, independent of any library. The adapters
 * turn a SheetPlan into cells (ExcelJS) or into the Office JavaScript API calls.
 */
import type { CellRect } from "./snapshot";
import type { OwnerMarker } from "../ownership";

export type PlanValue = string | number | boolean | null;

export type GeneratedRole = "summary" | "list" | "review";

/** Named cell styles; adapters map them to fonts / fills / borders. */
export type PlanStyleName = "title" | "subtitle" | "header" | "body" | "total" | "note" | "groupHeading";

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
  centerFooter?: string;
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
  freeze?: { rows: number; cols: number };
  links: PlanLink[];
  table?: PlanTable;
  conditionalFormats: PlanConditionalFormat[];
  charts: PlanChart[];
  pageLayout?: PlanPageLayout;
}
