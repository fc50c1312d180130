/**
 * The job both the task pane / ribbon command and the command line run:
 * read through a port, review, write the plans back. Pure orchestration:
 * the port is the only thing that touches a workbook.
 */
import type { WorkbookPort, ProgressReporter } from "./workbook-port";
import { DEFAULT_RULES, type Rules, type StoredState } from "./model/settings";
import { reviewWorkbook, type ReviewResult } from "./run-review";

export interface RecomputeOptions {
  /** Rules to use instead of the stored ones (CLI --rules, or the pane's edits). */
  rules?: Rules;
  /** Clock for generatedAt (injected so tests are repeatable). */
  now?: () => Date;
  onProgress?: ProgressReporter;
}

export async function recompute(port: WorkbookPort, options: RecomputeOptions = {}): Promise<ReviewResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress("read", 0);
  const previous = await port.readState();
  const snapshot = await port.readSnapshot();
  progress("analyse", 0.4);
  const rules = options.rules ?? previous?.rules ?? DEFAULT_RULES;
  const previouslyGenerated = previous?.generated.map((g) => g.name) ?? [];
  const result = reviewWorkbook(snapshot, rules, {
    existingSheetNames: snapshot.sheets.map((s) => s.name),
    previouslyGenerated,
  });
  progress("write", 0.6);
  const next: StoredState = {
    format: "progress-review/1",
    rules,
    generated: result.plans.map((p) => ({ role: p.role, name: p.name })),
    fingerprint: result.fingerprint,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
  };
  await port.applyPlans(result.plans, previous, next);
  progress("done", 1);
  return result;
}
