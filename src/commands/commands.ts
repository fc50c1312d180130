/**
 * Ribbon commands (manifest FunctionFile → commands.html).
 *
 * "集計を更新" (Recompute summary) runs under the function name the manifest
 * uses, `recomputeSummary`; the logic is in recompute-command.ts.
 *
 * The same page doubles as the command's notice dialog: opened with
 * `?notice=…` (see createDialogNotifier) it shows the message and a close
 * button instead of registering the command.
 */
import { createDialogNotifier, noticeFromQuery, runRecomputeCommand, type Notice } from "./recompute-command";

export function recomputeSummary(event: Office.AddinCommands.Event): void {
  void runRecomputeCommand(event, {
    api: { Excel, Office },
    notifier: createDialogNotifier(Office, window.location.href),
  });
}

function register(): void {
  Office.actions.associate("recomputeSummary", recomputeSummary);
}

/** The notice dialog: plain text (never HTML from the message), a close button reachable by keyboard. */
function renderNotice(notice: Notice): void {
  document.documentElement.lang = "ja";
  document.title = notice.title;
  const main = document.createElement("main");
  main.setAttribute("role", notice.kind === "error" ? "alert" : "status");
  main.style.cssText =
    "font-family: 'Yu Gothic UI', 'Meiryo UI', 'Segoe UI', sans-serif; font-size: 14px; padding: 12px; color: #1f1f1f;";
  const title = document.createElement("h1");
  title.textContent = (notice.kind === "error" ? "⚠ " : "") + notice.title;
  title.style.cssText = `font-size: 16px; margin: 0 0 8px; color: ${notice.kind === "error" ? "#a4262c" : "#1f1f1f"};`;
  main.appendChild(title);
  for (const line of notice.lines) {
    const p = document.createElement("p");
    p.textContent = line;
    p.style.margin = "0 0 6px";
    main.appendChild(p);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "閉じる / Close";
  close.style.cssText = "margin-top: 8px; padding: 4px 16px; font-size: 14px;";
  close.addEventListener("click", () => Office.context.ui.messageParent("close"));
  main.appendChild(close);
  // Not replaceChildren: IE11 / EdgeHTML 18 (Office 2019) lack it.
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  document.body.appendChild(main);
  close.focus();
}

// office.js may be missing (page opened outside Office, or the CDN blocked).
if (typeof Office !== "undefined") {
  const notice = typeof window !== "undefined" ? noticeFromQuery(window.location.search) : null;
  if (notice) {
    void Office.onReady(() => renderNotice(notice));
  } else {
    void Office.onReady(register);
  }
}
