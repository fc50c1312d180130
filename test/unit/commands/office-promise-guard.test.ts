/**
 * IE11: Office.js's es6-promise installed as window.Promise is hidden before core-js loads (so core-js does not
 * rewire it); an engine's own Promise, or a Promise that is not Office's, is left alone.
 */
import { hideOfficePromisePolyfill } from "../../../src/commands/office-promise-guard";

/** A promise library as Office.js ships it (plain JavaScript, not the engine's). */
function es6Promise(this: unknown): void {
  /* the library's constructor */
}

test("Office's polyfill on window.Promise (IE11, host file first) is removed from the global, Office keeps it", () => {
  const office = { Promise: es6Promise };
  const global: Record<string, unknown> = { Office: office, Promise: es6Promise };
  expect(hideOfficePromisePolyfill(global)).toBe(true);
  expect("Promise" in global).toBe(false);
  expect(office.Promise).toBe(es6Promise);
});

test("the engine's native Promise (EdgeHTML, WebView2) stays, though Office.js uses it too", () => {
  const global: Record<string, unknown> = { Office: { Promise }, Promise };
  expect(hideOfficePromisePolyfill(global)).toBe(false);
  expect(global.Promise).toBe(Promise);
});

test("nothing to do when the bundle runs first (no Promise yet) or the Promise is not Office's", () => {
  expect(hideOfficePromisePolyfill({ Office: { Promise: es6Promise } })).toBe(false);
  const other = function other(): void {};
  const global: Record<string, unknown> = { Office: { Promise: es6Promise }, Promise: other };
  expect(hideOfficePromisePolyfill(global)).toBe(false);
  expect(global.Promise).toBe(other);
  expect(hideOfficePromisePolyfill({ Promise: es6Promise })).toBe(false);
});
