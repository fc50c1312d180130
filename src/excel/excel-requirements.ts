/**
 * Feature detection. The manifest asks for ExcelApi 1.7; later sets are
 * checked at run time and their features skipped with a note (Japanese
 * first, then English) when missing.
 */
import type { ExcelHostApi } from "./excel-host";
import { UnsupportedExcelError } from "./excel-errors";

export interface ExcelFeatures {
  /** `Range.getMergedAreasOrNullObject()` (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** `Worksheet.pageLayout`: orientation, fit to width, print titles, footer (ExcelApi 1.9). */
  pageLayout: boolean;
  /**
   * `Table.resize` (ExcelApi 1.13): the list's table is refreshed in place (same table, same name), so that
   * structured references and PivotTables built on it keep their source. Without it the table is made anew.
   */
  tableResize?: boolean;
}

export const MINIMUM_EXCEL_API = "1.7";

function supported(api: ExcelHostApi, version: string): boolean {
  try {
    return api.Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Throws UnsupportedExcelError below ExcelApi 1.7; otherwise what the later sets add. */
export function detectFeatures(api: ExcelHostApi): ExcelFeatures {
  if (!supported(api, MINIMUM_EXCEL_API)) throw new UnsupportedExcelError();
  return { mergedAreas: supported(api, "1.13"), pageLayout: supported(api, "1.9"), tableResize: supported(api, "1.13") };
}

export const NOTE_NO_MERGED_AREAS =
  "この Excel では結合セルを確認できないため、結合を考慮せずに表を読み取りました。/ This Excel cannot report merged cells, so the tables were read without them.";
export const NOTE_TOO_MANY_MERGED_AREAS =
  "結合セルが多すぎて（512 か所超）読み取れないシートがあったため、結合を考慮せずに読み取りました。/ A sheet has too many merged areas (over 512) to read; it was read without merge information.";
export const NOTE_NO_PAGE_LAYOUT =
  "この Excel では印刷設定を書き込めないため、省略しました。/ This Excel cannot set the page layout, so it was skipped.";
