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

/**
 * The settings block: column A holds the state (the contract shared with the
 * command line), column B of the first row the token of the write that
 * stored it. The token tells a recovery whether this run's commit happened,
 * even when the new state equals the old one. Padded with "" to cover the
 * rows the previous state used.
 */
export function settingsBlock(state: StoredState, previousRows: number, token: string): string[][] {
  const rows = encodeState(state).map((chunk, i) => [chunk, i === 0 ? token : ""]);
  while (rows.length < previousRows) rows.push(["", ""]);
  return rows;
}

export const SETTINGS_TOKEN_PREFIX = "write:";

/**
 * Queue the write of the state into the settings sheet: one values
 * operation, so the sheet holds either the old or the new state. Creates
 * the sheet (very hidden) when it does not exist yet.
 */
export function queueSettingsWrite(
  ctx: Excel.RequestContext,
  exists: boolean,
  previousRows: number,
  state: StoredState,
  token: string,
): void {
  const block = settingsBlock(state, previousRows, SETTINGS_TOKEN_PREFIX + token);
  const ws = exists
    ? ctx.workbook.worksheets.getItem(SETTINGS_SHEET_NAME)
    : ctx.workbook.worksheets.add(SETTINGS_SHEET_NAME);
  const range = ws.getRangeByIndexes(0, 0, block.length, 2);
  range.numberFormat = block.map(() => [TEXT_FORMAT, TEXT_FORMAT]);
  range.values = block;
  ws.visibility = "VeryHidden";
}
