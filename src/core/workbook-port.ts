/**
 * The one port both adapters implement (src/excel with the Office JavaScript API, src/xlsx
 * on files). The core never touches a workbook; the job in recompute.ts only talks to this interface.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { SheetPlan } from "./model/sheet-plan";
import type { StoredState } from "./model/settings";
import type { Ownership, SettingsCandidate, SheetIdentity } from "./ownership";

export interface ProgressReporter {
  (step: "read" | "analyse" | "write" | "done", fraction: number): void;
}

/** What the adapter reads so the core can tell which sheets are provably ours (ownership.ts). */
export interface StateRead {
  /** Every sheet, hidden and very hidden ones included, with the raw formula of its owner marker. */
  identities: SheetIdentity[];
  /** Column A of each sheet whose owner marker has the role "settings". */
  candidates: SettingsCandidate[];
}

export interface WriteReport {
  /** Best-effort steps that failed (charts, page layout…) and other notes; user data is never affected. */
  warnings: string[];
}

export interface WorkbookPort {
  readState(): Promise<StateRead>;
  /** Every sheet as a snapshot (the core leaves out the owned and settings sheets). */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Write `plans` (each carrying its owner marker): a plan whose role is in `ownership.owned` refreshes that
   * sheet, any other plan adds a sheet named plan.name; owned sheets without a plan are deleted; `next` is stored
   * in `ownership.settingsSheetName`. Nothing else is written, renamed or deleted.
   */
  applyPlans(plans: SheetPlan[], ownership: Ownership, next: StoredState, options?: ApplyOptions): Promise<WriteReport>;
}

export interface ApplyOptions {
  /**
   * The generated sheet to show once written (the summary, when it has results), for hosts that have an active
   * sheet: Excel shows it in the write's last batch. A file written by the command line ignores it.
   */
  show?: string;
}
