/**
 * The one port both adapters implement (src/excel with the Office JavaScript API, src/xlsx
 * with ExcelJS). The core never touches a workbook; the job in
 * run-review.ts only talks to this interface.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { SheetPlan } from "./model/sheet-plan";
import type { StoredState } from "./model/settings";

export interface ProgressReporter {
  (step: "read" | "analyse" | "write" | "done", fraction: number): void;
}

export interface WorkbookPort {
  /** Every sheet except the settings sheet, as a snapshot. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** The stored state (rules, generated sheets), or null if the workbook has none. */
  readState(): Promise<StoredState | null>;
  /**
   * Replace the sheets listed in `previous.generated` (and only those) by `plans`,
   * and store `next`. All or nothing: on failure the workbook is as before.
   */
  applyPlans(plans: SheetPlan[], previous: StoredState | null, next: StoredState): Promise<void>;
}
