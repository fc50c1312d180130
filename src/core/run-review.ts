/**
 * The whole pure job: snapshot → table model → graded rows → summary → sheet plans.
 * Both adapters call this and nothing else of the core's internals.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { SheetPlan } from "./model/sheet-plan";
import type { Rules } from "./model/settings";
import type { SummaryJson } from "./model/summary";

export interface ReviewOptions {
  /** Names of every sheet in the workbook now (user and generated), to avoid taking a user's name. */
  existingSheetNames: string[];
  /** Names the add-in generated before; these may be reused. */
  previouslyGenerated: string[];
}

export interface ReviewResult {
  summary: SummaryJson;
  plans: SheetPlan[];
  /** Fingerprint of the source data (for the stale check). */
  fingerprint: string;
  /** Human-readable warnings (Japanese) for stderr / the pane. */
  warnings: string[];
}

export function reviewWorkbook(snapshot: WorkbookSnapshot, rules: Rules, options: ReviewOptions): ReviewResult {
  void snapshot;
  void rules;
  void options;
  throw new Error("reviewWorkbook: not implemented yet");
}
