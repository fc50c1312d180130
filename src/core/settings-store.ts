/**
 * The stored state lives in a very hidden sheet so that both the Office JavaScript API and
 * ExcelJS can read and write it (workbook.settings is invisible to ExcelJS).
 * Column A: a marker in A1, then the JSON in chunks below the cell limit.
 * Cell B1 is reserved for the Office JavaScript API adapter's per-write marker (it tells
 * whether a failed batch got as far as the settings write).
 */
import { storedStateSchema, type StoredState } from "./model/settings";

export const SETTINGS_SHEET_NAME = "ProgressReview_Settings";
export const SETTINGS_MARKER = "progress-review-settings/1";
/** Excel cells hold at most 32,767 characters. */
const CHUNK = 30000;

export function encodeState(state: StoredState): string[] {
  const json = JSON.stringify(state);
  const rows = [SETTINGS_MARKER];
  for (let i = 0; i < json.length; i += CHUNK) rows.push(json.slice(i, i + CHUNK));
  return rows;
}

export type DecodeResult = { ok: true; state: StoredState } | { ok: false; message: string };

/** Column A values of the settings sheet → state. Invalid content is reported, never thrown. */
export function decodeState(columnA: unknown[]): DecodeResult {
  if (columnA[0] !== SETTINGS_MARKER) return { ok: false, message: "settings sheet has no marker" };
  const json = columnA
    .slice(1)
    .filter((v) => typeof v === "string" && v.length > 0)
    .join("");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, message: "settings sheet is not valid JSON" };
  }
  const r = storedStateSchema.safeParse(parsed);
  if (!r.success) return { ok: false, message: "settings are invalid: " + r.error.issues[0]?.message };
  return { ok: true, state: r.data };
}
