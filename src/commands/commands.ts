/**
 * Ribbon commands (manifest FunctionFile → commands.html).
 *
 * Placeholder: "集計を更新" (Recompute summary) is registered under the
 * function name the manifest uses, `recomputeSummary`, and for now only
 * completes. The real command replaces the handler body; keep the name.
 */

export function recomputeSummary(event: Office.AddinCommands.Event): void {
  // Not implemented yet: the summary is recomputed in a later version.
  // Office waits for completed() before it runs another command.
  event.completed();
}

function register(): void {
  Office.actions.associate("recomputeSummary", recomputeSummary);
}

// office.js may be missing (page opened outside Office, or the CDN blocked).
if (typeof Office !== "undefined") {
  void Office.onReady(register);
}
