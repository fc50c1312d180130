/**
 * Runs before anything else of the ribbon bundle (first module of the `commands` entry, webpack.config.js).
 *
 * IE11 has no Promise. When Office.js's host file (excel-win32-16.01.js) runs before this bundle — it is loaded
 * by an async script tag, so that depends on the network — it installs its own es6-promise as window.Promise.
 * core-js's Promise polyfill would then take that for the engine's native Promise and rewire it (its prototype's
 * constructor and `then`), after which Office.js's own promise chains mistake core-js promises for theirs and
 * throw ("Cannot read properties of undefined (reading 'length')"), leaving Office's promise queue stalled.
 * Hiding Office's polyfill from the global first lets core-js install its Promise beside it, as it does when
 * the bundle runs first; Office.js keeps its own through Office.Promise.
 *
 * No import, no bare `Promise` and no `global`/`window`/`self` member here: Babel's usage polyfills would put
 * core-js's Promise ahead of this code (test/integration/office-js/webview-realms-office-js.test.ts sees it).
 */
export function hideOfficePromisePolyfill(scope: Record<string, unknown>): boolean {
  const office = scope["Office"] as Pick<typeof Office, "Promise"> | undefined;
  const current = scope["Promise"];
  if (typeof current !== "function" || !office || office.Promise !== current) return false;
  // The engine's own Promise (EdgeHTML, Chromium) is left alone: Office.js uses it as Office.Promise too.
  if (/\[native code\]/.test(Function.prototype.toString.call(current))) return false;
  delete scope["Promise"];
  return true;
}

if (typeof window !== "undefined") hideOfficePromisePolyfill(window as unknown as Record<string, unknown>);
