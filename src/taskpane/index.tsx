/**
 * Task pane entry: waits for Office.js, then mounts the React app.
 * In Internet Explorer's webview (Office 2019 and older) it shows the plain
 * message of taskpane.html instead; React and Fluent UI do not run there.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./App";

export function isInternetExplorer(userAgent: string): boolean {
  return userAgent.includes("Trident");
}

function showLegacyMessage(): void {
  const message = document.getElementById("legacy-message");
  if (message) {
    message.hidden = false;
    message.style.display = "block";
  } else {
    document.body.textContent =
      "このバージョンの Excel では作業ウィンドウを表示できません。コマンドライン（progress-review summarize）をお使いください。";
  }
}

function mount(host: string | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

if (isInternetExplorer(navigator.userAgent)) {
  showLegacyMessage();
} else if (typeof Office !== "undefined") {
  void Office.onReady((info) => mount(info.host ? String(info.host) : null));
} else {
  // office.js did not load (plain browser without network, or blocked): show the pane anyway.
  mount(null);
}
