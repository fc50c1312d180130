/**
 * The webview realms have what each engine is known to have, and lack what it lacks (facts from the engines'
 * release notes: IE11 has no ES2015 library, EdgeHTML 18 stops at ES2017 with Proxy but no BigInt, Chrome 90
 * predates Array.prototype.at, Safari 14 predates WeakRef and regex lookbehind).
 */
import { createWebviewRealm, ecmaVersionOf, syntaxErrors, type WebviewEngine } from "./webview-realms";

const types = (engine: WebviewEngine, expressions: string[]) => {
  const realm = createWebviewRealm(engine);
  const out = Object.fromEntries(expressions.map((e) => [e, realm.run(`typeof ${e}`)]));
  realm.window.close();
  return out;
};
const absent = (engine: WebviewEngine, expressions: string[]) =>
  expect(types(engine, expressions)).toEqual(Object.fromEntries(expressions.map((e) => [e, "undefined"])));
const present = (engine: WebviewEngine, expressions: string[]) =>
  expect(Object.values(types(engine, expressions))).not.toContain("undefined");

describe("built-ins per engine", () => {
  test("IE11: no BigInt, Proxy, Reflect, Promise, Symbol, nor the ES2015+ library", () => {
    absent("ie11", [
      "BigInt",
      "Proxy",
      "Reflect",
      "Promise",
      "Symbol",
      "WeakRef",
      "globalThis",
      "Array.from",
      "Array.prototype.find",
      "Array.prototype.includes",
      "Array.prototype.flat",
      "Object.assign",
      "Object.entries",
      "Object.fromEntries",
      "String.prototype.startsWith",
      "String.prototype.padStart",
      "Number.isInteger",
      "Number.EPSILON",
      "Math.trunc",
      "fetch",
      "document.body.append",
    ]);
    present("ie11", ["Map", "Set", "WeakMap", "JSON.parse", "Array.prototype.forEach", "Object.keys", "Date.now"]);
  });

  test("EdgeHTML 18: ES2017 with Proxy and Promise, no BigInt nor ES2019+ library", () => {
    absent("edge18", [
      "BigInt",
      "BigInt64Array",
      "globalThis",
      "Object.fromEntries",
      "Array.prototype.flat",
      "Array.prototype.flatMap",
      "Promise.allSettled",
      "String.prototype.matchAll",
      "String.prototype.trimStart",
      "Symbol.asyncIterator",
      "WeakRef",
    ]);
    present("edge18", [
      "Proxy",
      "Reflect.ownKeys",
      "Promise",
      "Symbol.iterator",
      "Object.entries",
      "String.prototype.padStart",
      "Array.prototype.includes",
    ]);
  });

  test("WebView2 (Chrome 90) and Safari 14", () => {
    absent("webview2", ["Array.prototype.at", "Object.hasOwn", "structuredClone"]);
    present("webview2", ["BigInt", "WeakRef", "Promise.any", "String.prototype.replaceAll"]);
    absent("safari-mac", ["WeakRef", "Array.prototype.at"]);
    present("safari-mac", ["BigInt", "Promise.allSettled", "Object.fromEntries"]);
  });

  test("only the realm loses them, not the test's own Node", () => {
    createWebviewRealm("ie11").window.close();
    expect(typeof BigInt).toBe("function");
    expect(typeof Array.prototype.flat).toBe("function");
  });

  test("what stays is listed: only members keyed by a well-known symbol (reachable through Symbol, which IE11 lacks)", () => {
    const realm = createWebviewRealm("ie11");
    // Kept: members keyed by a well-known symbol, and RegExp's flag getters (V8's regex engine reads them).
    expect(realm.kept.filter((k) => typeof k.key !== "symbol" && k.owner !== "RegExp.prototype")).toEqual([]);
    expect(realm.removed.length).toBeGreaterThan(100);
  });
});

describe("syntax per engine", () => {
  test("ECMAScript levels", () => {
    expect(ecmaVersionOf("ie11")).toBe(5);
    expect(ecmaVersionOf("edge18")).toBe(2017);
    expect(ecmaVersionOf("safari-mac")).toBeGreaterThanOrEqual(2020);
    expect(ecmaVersionOf("webview2")).toBeGreaterThanOrEqual(2021);
  });

  test.each([
    ["ie11", "var f = () => 1;"],
    ["ie11", "var x = 2 ** 3;"],
    ["ie11", "var r = /a/y;"],
    ["edge18", "var o = { ...a };"],
    ["edge18", "a?.b;"],
    ["edge18", "var n = 10n;"],
    ["edge18", "var r = /(?<year>\\d{4})/;"],
    ["edge18", "var r = /a.b/s;"],
    ["edge18", "var r = /\\p{Script=Han}/u;"],
    ["safari-mac", "var r = /(?<=¥)\\d+/;"],
    ["webview2", "var r = /[\\p{L}--[a-z]]/v;"],
  ] as const)("%s refuses %s", (engine, source) => {
    expect(syntaxErrors(source, engine)).not.toEqual([]);
  });

  test.each([
    ["ie11", "var r = /a|b/gi; var o = { a: 1 };"],
    ["edge18", "async function f() { await g(); } var x = 2 ** 3; var r = /a/uy;"],
    ["safari-mac", "a?.b ?? c; var r = /(?<year>\\d{4})/s;"],
    ["webview2", "var r = /(?<=¥)\\d+/; a ||= b;"],
  ] as const)("%s accepts %s", (engine, source) => {
    expect(syntaxErrors(source, engine)).toEqual([]);
  });
});
