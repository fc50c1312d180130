/**
 * What an adapter reads from a workbook: per sheet, the used block of cells
 * with raw values, displayed text and number formats, plus merged areas.
 * Both adapters (the Office JavaScript API and ExcelJS) produce exactly this shape.
 */

/** A raw cell value as Excel reports it (Range.values). Errors arrive as their text, e.g. "#DIV/0!". */
export type RawValue = string | number | boolean | null;

/** Zero-based, inclusive cell rectangle in sheet coordinates (A1 = row 0, col 0). */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** Sheet coordinates of values[0][0] (the used range's top-left). */
  origin: { row: number; col: number };
  /** Row-major; every row has the same length. Empty cells are null (Excel gives ""; adapters normalise). */
  values: RawValue[][];
  /** Displayed text, same shape as values. */
  text: string[][];
  /** Number format codes, same shape as values ("General" when none). */
  numberFormat: string[][];
  /** Merged areas in sheet coordinates; null when the host cannot tell (ExcelApi < 1.13). */
  merges: CellRect[] | null;
}

export interface WorkbookSnapshot {
  /** A label for messages (file name, or the workbook name inside Excel). */
  source: string;
  sheets: SheetSnapshot[];
}
