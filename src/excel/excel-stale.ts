/**
 * Are the generated sheets older than the data? Compares the fingerprint
 * stored at the last recompute with the fingerprint of the workbook now
 * (computed by the core's fingerprintSheets over the same source sheets).
 */
import { fingerprintSheets } from "../core/fingerprint";
import { sourceSheets } from "../core/run-review";
import { readOwnership } from "../core/recompute";
import type { ExcelHostApi, ExcelPortOptions } from "./excel-host";
import { createExcelPort } from "./excel-port";

export type StaleReason =
  /** Nothing was generated yet (no stored state). */
  | "not-computed"
  /** The stored state has no fingerprint: cannot tell, treated as stale. */
  | "no-fingerprint"
  /** The source data changed since the last recompute. */
  | "changed"
  | "unchanged";

export interface StaleCheck {
  stale: boolean;
  reason: StaleReason;
  storedFingerprint: string | null;
  currentFingerprint: string | null;
}

export async function checkStale(api: ExcelHostApi, options: ExcelPortOptions = {}): Promise<StaleCheck> {
  const port = createExcelPort(api, options);
  const ownership = await readOwnership(port);
  const state = ownership.state;
  if (!state) return { stale: false, reason: "not-computed", storedFingerprint: null, currentFingerprint: null };
  const snapshot = await port.readSnapshot();
  // The same fingerprint recompute stores: the source sheets, without ours.
  const current = fingerprintSheets(sourceSheets(snapshot, ownership));
  if (state.fingerprint === null)
    return { stale: true, reason: "no-fingerprint", storedFingerprint: null, currentFingerprint: current };
  const changed = state.fingerprint !== current;
  return {
    stale: changed,
    reason: changed ? "changed" : "unchanged",
    storedFingerprint: state.fingerprint,
    currentFingerprint: current,
  };
}
