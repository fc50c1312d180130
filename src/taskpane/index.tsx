/**
 * Task pane entry: waits for Office.js, then mounts the pane in the Office display language
 * and theme. In Internet Explorer's webview (Office 2019 and older) it shows the plain message
 * of taskpane.html instead; React and Fluent UI do not run there.
 *
 * The browser preview (npm start) loads this same bundle; it provides `Office` and `Excel`
 * from the simulated host, so there is no second code path.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AriaLiveAnnouncer, FluentProvider } from "@fluentui/react-components";
import { PANE_THEMES, paneThemeName } from "./pane-theme";
import App from "./App";
import { createPaneHost } from "./host/pane-host";
import { MessagesProvider, messagesFor, paneLanguage } from "./i18n/i18n";
import { installEdgeHtmlFallbacks } from "./edgehtml-fallbacks";

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
  installEdgeHtmlFallbacks(window);
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const lang = paneLanguage(context?.displayLanguage);
  document.documentElement.lang = lang;
  // No theme-changed event for Excel add-ins: the theme is read once when the pane opens.
  const forced = typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
  const theme = PANE_THEMES[paneThemeName(context?.officeTheme, forced)];
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={theme}>
        <AriaLiveAnnouncer>
          <MessagesProvider value={{ lang, t: messagesFor(lang) }}>
            <App host={createPaneHost()} inExcel={host !== null} />
          </MessagesProvider>
        </AriaLiveAnnouncer>
      </FluentProvider>
    </StrictMode>,
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
