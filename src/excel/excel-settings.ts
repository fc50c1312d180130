/**
 * The stored state in the very hidden settings sheet (column A, see
 * src/core/settings-store.ts). The sheet is the source of truth: the
 * command line reads the same sheet through ExcelJS.
 */
import type { StoredState } from "../core/model/settings";
import { decodeState, encodeState, SETTINGS_SHEET_NAME } from "../core/settings-store";
import { TEXT_FORMAT } from "./excel-plan-writer";

export { SETTINGS_SHEET_NAME };

export const NOTE_SETTINGS_INVALID =
  "設定シートを読み取れなかったため、既定の設定で実行しました。/ The settings sheet could not be read; the default settings were used.";

export interface DecodedSettings {
  state: StoredState | null;
  /** Rows of column A in use (to blank them when the new state is shorter). */
  rows: number;
  note?: string;
}

export function decodeSettings(column: unknown[] | null): DecodedSettings {
  if (column === null) return { state: null, rows: 0 };
  const r = decodeState(column);
  if (r.ok) return { state: r.state, rows: column.length };
  return { state: null, rows: column.length, note: `${NOTE_SETTINGS_INVALID} (${r.message})` };
}

/** Column A content for `state`, padded with "" to cover `previousRows`. */
export function settingsColumn(state: StoredState, previousRows: number): string[][] {
  const rows = encodeState(state);
  const out = rows.map((r) => [r]);
  while (out.length < previousRows) out.push([""]);
  return out;
}

/**
 * Queue the write of the state into the settings sheet (one values
 * operation, so the sheet holds either the old or the new state).
 * Creates the sheet when it does not exist yet.
 */
export function queueSettingsWrite(
  ctx: Excel.RequestContext,
  exists: boolean,
  previousRows: number,
  state: StoredState,
): void {
  const column = settingsColumn(state, previousRows);
  const ws = exists ? ctx.workbook.worksheets.getItem(SETTINGS_SHEET_NAME) : ctx.workbook.worksheets.add(SETTINGS_SHEET_NAME);
  const range = ws.getRangeByIndexes(0, 0, column.length, 1);
  range.numberFormat = column.map(() => [TEXT_FORMAT]);
  range.values = column;
  ws.visibility = "VeryHidden";
}
