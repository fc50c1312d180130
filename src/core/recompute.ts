/**
 * The job both the task pane / ribbon command and the command line run:
 * read through a port, review, write the plans back. Pure orchestration:
 * the port is the only thing that touches a workbook.
 */
import type { WorkbookPort, ProgressReporter } from "./workbook-port";
import { DEFAULT_RULES, type Rules, type StoredState } from "./model/settings";
import { reviewWorkbook, type ReviewResult } from "./run-review";
import { newOwnerId, resolveOwnership, type Ownership } from "./ownership";

export interface RecomputeOptions {
  /** Rules to use instead of the stored ones (CLI --rules, or the pane's edits). */
  rules?: Rules;
  /** Clock for generatedAt (injected so tests are repeatable). */
  now?: () => Date;
  /** Id source for new workbooks and runs (injected so tests are repeatable). */
  newId?: () => string;
  onProgress?: ProgressReporter;
}

export interface RecomputeResult extends ReviewResult {
  ownership: Ownership;
  /** The state that was stored with the generated sheets. */
  stored: StoredState;
}

/** The stored state and which sheets are ours, without reviewing (the pane's stale check, the ribbon command). */
export async function readOwnership(port: WorkbookPort, newId: () => string = () => newOwnerId()): Promise<Ownership> {
  const read = await port.readState();
  return resolveOwnership(read.identities, read.candidates, newId);
}

/** The sheet to show once written, where the user looks: the summary, as long as there is something in it. */
export function sheetToShow(result: Pick<ReviewResult, "plans" | "summary">): string | undefined {
  if (result.summary.evaluations.length === 0) return undefined;
  return result.plans.find((p) => p.role === "summary")?.name;
}

export async function recompute(port: WorkbookPort, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  const progress = options.onProgress ?? (() => undefined);
  const newId = options.newId ?? (() => newOwnerId());
  progress("read", 0);
  const ownership = await readOwnership(port, newId);
  const snapshot = await port.readSnapshot();
  progress("analyse", 0.4);
  const rules = options.rules ?? ownership.state?.rules ?? DEFAULT_RULES;
  const result = reviewWorkbook(snapshot, rules, { ownership, newId });
  progress("write", 0.6);
  const stored: StoredState = {
    format: "progress-review/1",
    rules,
    workbookId: ownership.workbookId,
    generated: result.plans.map((p) => ({ role: p.role, name: p.name, runId: p.owner!.runId })),
    fingerprint: result.fingerprint,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
  };
  const report = await port.applyPlans(result.plans, ownership, stored, { show: sheetToShow(result) });
  result.warnings.push(...report.warnings);
  progress("done", 1);
  return { ...result, ownership, stored };
}
