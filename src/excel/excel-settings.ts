/**
 * The stored state in the very hidden settings sheet (column A, see
 * src/core/settings-store.ts; the command line reads the same sheet), and
 * two cells only this adapter uses:
 *   B1  the token of the write that stored the state: a recovery tells from
 *       it whether this run's commit happened, even when the new state
 *       equals the old one;
 *   B2  "incomplete:<token>" while a refresh of the generated sheets is
 *       under way, cleared by the commit: set after a failure part-way, it
 *       tells the next recompute (and the pane / ribbon command) that the
 *       generated sheets are incomplete.
 */
import type { StoredState } from "../core/model/settings";
import { encodeState, SETTINGS_SHEET_NAME } from "../core/settings-store";
import { OWNER_NAME } from "../core/ownership";
import { TEXT_FORMAT } from "./excel-plan-writer";
import type { Metered } from "./excel-request-meter";

export { SETTINGS_SHEET_NAME };

export const SETTINGS_TOKEN_PREFIX = "write:";
export const INCOMPLETE_PREFIX = "incomplete:";

export function isIncompleteFlag(b2: unknown): boolean {
  return typeof b2 === "string" && b2.startsWith(INCOMPLETE_PREFIX);
}

/**
 * The settings block: column A the state, B1 the write token, B2 empty
 * (the refresh is complete). Padded with "" to cover the rows the previous
 * state used.
 */
export function settingsBlock(state: StoredState, previousRows: number, token: string): string[][] {
  const rows = encodeState(state).map((chunk, i) => [chunk, i === 0 ? token : ""]);
  if (rows.length < 2) rows.push(["", ""]);
  while (rows.length < previousRows) rows.push(["", ""]);
  return rows;
}

export interface SettingsTarget {
  /** The verified settings sheet, or null to create one. */
  existing: string | null;
  /** Name of the sheet to create when there is none. */
  name: string;
  /** Its owner marker formula (role "settings"), for a new sheet. */
  marker: string;
  /** Rows of column A in use now. */
  previousRows: number;
}

/**
 * Queue the write of the state: one values operation, so the sheet holds
 * either the old or the new state. A new sheet gets its owner marker first
 * and is made very hidden last.
 */
export function queueSettingsWrite(
  ctx: Metered<Excel.RequestContext>,
  target: SettingsTarget,
  state: StoredState,
  token: string,
): void {
  const block = settingsBlock(state, target.previousRows, SETTINGS_TOKEN_PREFIX + token);
  let ws: Metered<Excel.Worksheet>;
  if (target.existing) ws = ctx.workbook.worksheets.getItem(target.existing);
  else {
    ws = ctx.workbook.worksheets.add(target.name);
    ctx.trace(`added:${target.name}`); // see excel-port.ts (ADDED_TRACE)
    ws.names.add(OWNER_NAME, target.marker).visible = false;
  }
  const range = ws.getRangeByIndexes(0, 0, block.length, 2);
  range.numberFormat = block.map(() => [TEXT_FORMAT, TEXT_FORMAT]);
  range.values = block;
  ws.visibility = "VeryHidden";
}

/** Queue the "refresh under way" flag on the verified settings sheet (B2). */
export function queueIncompleteFlag(ctx: Metered<Excel.RequestContext>, sheet: string, token: string): void {
  const cell = ctx.workbook.worksheets.getItem(sheet).getRange("B2");
  cell.numberFormat = [[TEXT_FORMAT]];
  cell.values = [[INCOMPLETE_PREFIX + token]];
}
