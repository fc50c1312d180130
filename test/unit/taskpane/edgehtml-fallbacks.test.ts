/**
 * What EdgeHTML 18 lacks and Fluent UI calls: installed only where missing; WeakRef's deref() gives the target, and
 * composedPath() gives the path a browser without shadow DOM reports (target, ancestors, document, window).
 */
import { JSDOM } from "jsdom";
import { installEdgeHtmlFallbacks, type FallbackScope } from "../../../src/taskpane/edgehtml-fallbacks";

test("an engine without WeakRef gets one whose deref() returns the element", () => {
  const scope: FallbackScope & { WeakRef?: new (t: object) => { deref(): object | undefined } } = {};
  expect(installEdgeHtmlFallbacks(scope)).toEqual(["WeakRef"]);
  const element = { id: "button" };
  expect(new scope.WeakRef!(element).deref()).toBe(element);
});

test("an engine without composedPath gets the event's path: target, ancestors, document, window", () => {
  const { window } = new JSDOM('<!doctype html><html><body><div id="tabs"><button id="b">集計を更新</button></div></body></html>');
  delete (window.Event.prototype as { composedPath?: unknown }).composedPath;
  expect(installEdgeHtmlFallbacks({ WeakRef, Event: window.Event })).toEqual(["Event.prototype.composedPath"]);
  const button = window.document.getElementById("b")!;
  let seen: EventTarget[] = [];
  window.addEventListener("focusin", (e) => (seen = e.composedPath()));
  button.dispatchEvent(new window.FocusEvent("focusin", { bubbles: true }));
  const d = window.document;
  expect(seen).toEqual([button, d.getElementById("tabs"), d.body, d.documentElement, d, window]);
  // After dispatch, as in browsers: empty.
  const e = new window.Event("x");
  button.dispatchEvent(e);
  expect(e.composedPath()).toEqual([]);
  window.close();
});

test("an engine that has both keeps its own", () => {
  const { window } = new JSDOM("");
  const own = window.Event.prototype.composedPath;
  const scope = { WeakRef, Event: window.Event };
  expect(installEdgeHtmlFallbacks(scope)).toEqual([]);
  expect(scope.WeakRef).toBe(WeakRef);
  expect(window.Event.prototype.composedPath).toBe(own);
  window.close();
});
