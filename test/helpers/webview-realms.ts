/**
 * JavaScript realms shaped like the webviews Excel runs add-ins in, derived from @mdn/browser-compat-data
 * (not a hand list): a jsdom window whose built-ins lack what the engine lacks, and the engine's syntax level.
 *
 *   ie11       Office 2016 / 2019 on older Windows (Internet Explorer 11)
 *   edge18     Office 2019 on Windows 10 1903+ (Edge Legacy, EdgeHTML 18)
 *   webview2   Office 2021+ and Microsoft 365 on Windows (Chromium; the pane's build target, Chrome 90)
 *   safari-mac Microsoft 365 on Mac (the pane's build target, Safari 14)
 *
 * What bcd says an engine does not have is deleted from the realm's own intrinsics and window: globals
 * (BigInt, Proxy, Reflect, Promise …), their static and prototype members (Array.prototype.flat,
 * Object.fromEntries, Symbol.asyncIterator …), members of Intl's constructors, and the web APIs of the window
 * (fetch, URL, TextEncoder …). Members keyed by a well-known symbol stay (V8's own built-ins call them; code
 * reaches them only through Symbol.X, removed where the engine lacks it). Statics that cannot be deleted
 * (Symbol.asyncIterator, Number.EPSILON are not configurable): their owner is replaced by a copy without them. Syntax is checked by acorn at the highest
 * ECMAScript year whose markers bcd lists as supported, and every regular-expression literal against bcd's
 * regular-expression features (Safari 14 parses ES2021 but has no lookbehind).
 *
 * The realm is a jsdom window with `runScripts: "outside-only"`: run code in it with `realm.run(source)`
 * or vm.runInContext(source, realm.context); a loader such as Office.js's can take `realm.window`.
 */
import vm from "vm";
import * as acorn from "acorn";
import bcd from "@mdn/browser-compat-data";
import { JSDOM } from "jsdom";

export type WebviewEngine = "ie11" | "edge18" | "webview2" | "safari-mac";

/** The browser and version bcd knows each webview by. */
export const ENGINES: Record<WebviewEngine, { browser: "ie" | "edge" | "chrome" | "safari"; version: string }> = {
  ie11: { browser: "ie", version: "11" },
  edge18: { browser: "edge", version: "18" },
  webview2: { browser: "chrome", version: "90" },
  "safari-mac": { browser: "safari", version: "14" },
};

/** How each webview identifies itself in Office (the pane shows its plain message on "Trident"; Office.js tests "Edge/"). */
export const USER_AGENTS: Record<WebviewEngine, string> = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edge18:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
  webview2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.93 Safari/537.36 Edg/90.0.818.51",
  "safari-mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

type Statement = {
  version_added: string | boolean | null;
  version_removed?: string | boolean | null;
  flags?: unknown[];
  prefix?: string;
  alternative_name?: string;
};
type Feature = { __compat?: { support: Record<string, Statement | Statement[] | undefined> } } & {
  [key: string]: unknown;
};

function versionNumber(v: string): number {
  return Number(v.replace(/^≤/, ""));
}

/** Whether bcd lists the feature as shipped (unflagged, unprefixed) in the engine; unknown counts as present. */
export function supports(feature: Feature | undefined, engine: WebviewEngine): boolean {
  const support = feature?.__compat?.support[ENGINES[engine].browser];
  if (!support) return true;
  const version = versionNumber(ENGINES[engine].version);
  const statements = Array.isArray(support) ? support : [support];
  return statements.some((s) => {
    if (s.flags || s.prefix || s.alternative_name) return false;
    const added = s.version_added;
    if (added === false || added === "preview") return false;
    if (added !== true && added !== null && versionNumber(added) > version) return false;
    const removed = s.version_removed;
    return !(typeof removed === "string" && versionNumber(removed) <= version);
  });
}

function feature(path: string): Feature | undefined {
  let f: unknown = bcd;
  for (const key of path.split(".")) f = (f as Record<string, unknown> | undefined)?.[key];
  return f as Feature | undefined;
}

/** One thing to remove from a realm: `owner` is a path from the global ("Array.prototype"), `key` the member. */
export interface Missing {
  owner: string;
  key: string | symbol;
  feature: string;
}

/** Member keys, not behaviours ("iterable_allowed"); "@@iterator" is the member Symbol.iterator. */
const isMember = (k: string) => k !== "__compat" && !/^[a-z]+(_[a-z]+)+$/.test(k);

/** What the engine lacks among the JavaScript built-ins and the window's APIs, walking bcd. */
export function missingBuiltins(engine: WebviewEngine): Missing[] {
  const out: Missing[] = [];
  const builtins = bcd.javascript.builtins as unknown as Record<string, Feature>;
  for (const [name, f] of Object.entries(builtins)) {
    // %TypedArray% is no global: its members live on Int8Array's parents.
    const owner = name === "TypedArray" ? "%TypedArray%" : name;
    if (name !== "TypedArray" && !supports(f, engine)) {
      out.push({ owner: "", key: name, feature: `javascript.builtins.${name}` });
      continue;
    }
    for (const [key, member] of Object.entries(f).filter(([k]) => isMember(k) && k !== name)) {
      const path = `javascript.builtins.${name}.${key}`;
      if (!supports(member as Feature, engine)) {
        out.push({ owner, key, feature: path }, { owner: `${owner}.prototype`, key, feature: path });
      } else if (name === "Intl" && /^[A-Z]/.test(key)) {
        for (const [sub, sf] of Object.entries(member as Feature).filter(([k]) => isMember(k) && k !== key)) {
          if (!supports(sf as Feature, engine))
            out.push(
              { owner: `Intl.${key}`, key: sub, feature: `${path}.${sub}` },
              { owner: `Intl.${key}.prototype`, key: sub, feature: `${path}.${sub}` },
            );
        }
      }
    }
  }
  const api = bcd.api as unknown as Record<string, Feature>;
  for (const [name, f] of Object.entries(api)) {
    if (!supports(f, engine)) {
      out.push({ owner: "", key: name, feature: `api.${name}` });
      continue;
    }
    // Members of an interface the engine has (Element.prototype.append, Window's queueMicrotask …).
    for (const [key, member] of Object.entries(f).filter(([k]) => isMember(k) && k !== name)) {
      if (supports(member as Feature, engine)) continue;
      const path = `api.${name}.${key}`;
      if (name === "Window") out.push({ owner: "", key, feature: path });
      out.push({ owner: name, key, feature: path }, { owner: `${name}.prototype`, key, feature: path });
    }
  }
  return out;
}

function resolve(global: Record<string, unknown>, owner: string): Record<string | symbol, unknown> | null {
  if (owner === "") return global as Record<string | symbol, unknown>;
  const parts = owner.split(".");
  let o: unknown =
    parts[0] === "%TypedArray%"
      ? Object.getPrototypeOf(global.Int8Array)
      : (global as Record<string, unknown>)[parts[0]!];
  for (const p of parts.slice(1)) o = o === null || o === undefined ? undefined : (o as Record<string, unknown>)[p];
  return o !== null && (typeof o === "object" || typeof o === "function") ? (o as Record<string | symbol, unknown>) : null;
}

export interface WebviewRealm {
  engine: WebviewEngine;
  dom: JSDOM;
  window: JSDOM["window"];
  /** The realm's vm context (its global is the window). */
  context: vm.Context;
  /** What was taken out (one entry per member found and removed). */
  removed: Missing[];
  /** What the engine lacks but could not be taken out (non-configurable members of prototypes). */
  kept: Missing[];
  run(source: string, filename?: string): unknown;
}

export interface RealmOptions {
  url?: string;
  html?: string;
  /** navigator.userAgent (the webview's own). */
  userAgent?: string;
  /** Extra globals (the host's `Excel`, `Office`), defined before anything runs. */
  globals?: Record<string, unknown>;
}

/** A jsdom window whose JavaScript is the engine's, as far as bcd tells. */
export function createWebviewRealm(engine: WebviewEngine, options: RealmOptions = {}): WebviewRealm {
  const dom = new JSDOM(options.html ?? "<!DOCTYPE html><html><head></head><body></body></html>", {
    url: options.url ?? "https://localhost:3000/",
    runScripts: "outside-only",
    pretendToBeVisual: true,
  });
  const context = dom.getInternalVMContext();
  // Set on the navigator itself, not through a resource loader: the realm must never fetch anything.
  if (options.userAgent) Object.defineProperty(dom.window.navigator, "userAgent", { value: options.userAgent });
  const global = vm.runInContext("this", context) as Record<string, unknown>;
  const removed: Missing[] = [];
  const kept: Missing[] = [];
  for (const m of missingBuiltins(engine)) {
    const owner = resolve(global, m.owner);
    if (!owner) continue;
    // Well-known symbols are the same in every realm.
    const realKey =
      typeof m.key === "string" && m.key.startsWith("@@")
        ? (Symbol as unknown as Record<string, symbol>)[m.key.slice(2)]
        : m.key;
    if (realKey === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(owner, realKey)) continue;
    // Symbol-keyed members (RegExp.prototype[Symbol.match] …) are the engine's own protocol: V8's built-ins call
    // them (String.prototype.match would break), and code reaches them only through a Symbol.X the realm lacks.
    // RegExp's flag getters likewise: V8's regex engine keeps the flags (a polyfill would see sticky work but no
    // `flags`, a mix no engine has); regex literals are checked by syntaxErrors instead.
    if (typeof realKey === "symbol" || m.owner === "RegExp.prototype") {
      kept.push({ ...m, key: realKey });
      continue;
    }
    if (!Reflect.deleteProperty(owner, realKey)) {
      // Not configurable (Symbol.asyncIterator, Number.EPSILON): give the realm a copy of the owner without it.
      if (!replaceWithout(global, m.owner, realKey)) {
        kept.push({ ...m, key: realKey });
        continue;
      }
    }
    removed.push({ ...m, key: realKey });
  }
  // V8 records no stack unless this is a number; errors in the realm must still say where they come from.
  (global.Error as { stackTraceLimit?: number }).stackTraceLimit = 20;
  if (options.globals) for (const [k, v] of Object.entries(options.globals)) global[k] = v;
  return {
    engine,
    dom,
    window: dom.window,
    context,
    removed,
    kept,
    run: (source, filename) => vm.runInContext(source, context, filename ? { filename } : undefined),
  };
}

/**
 * Replaces a global constructor or namespace (Symbol, Number, Math) by a copy without one non-configurable
 * static member: a namespace is copied; a function is wrapped (calls and `new` pass through, prototype shared).
 */
function replaceWithout(global: Record<string, unknown>, owner: string, key: string | symbol): boolean {
  if (owner === "" || owner.includes(".")) return false;
  const original = global[owner] as Record<string | symbol, unknown> & ((...a: unknown[]) => unknown);
  const copy: Record<string | symbol, unknown> =
    typeof original === "function"
      ? (function (this: unknown, ...args: unknown[]) {
          return new.target ? Reflect.construct(original, args, new.target) : original(...args);
        } as unknown as Record<string | symbol, unknown>)
      : Object.create(Object.getPrototypeOf(original));
  for (const k of Reflect.ownKeys(original)) {
    if (k === key || k === "length" || k === "name" || k === "caller" || k === "arguments") continue;
    if (k === "prototype" && typeof original === "function") {
      Object.defineProperty(copy, "prototype", { value: original.prototype });
      continue;
    }
    Object.defineProperty(copy, k, { ...Object.getOwnPropertyDescriptor(original, k)!, configurable: true });
  }
  Object.defineProperty(global, owner, { value: copy, writable: true, configurable: true, enumerable: false });
  return true;
}

/** ECMAScript years and the bcd features that mark them (an engine has the year if it has all of them). */
const YEAR_MARKERS: [acorn.ecmaVersion, string[]][] = [
  [
    2015,
    [
      "javascript.functions.arrow_functions",
      "javascript.grammar.template_literals",
      "javascript.operators.destructuring",
      "javascript.statements.class",
      "javascript.statements.for_of",
      "javascript.statements.generator_function",
    ],
  ],
  [2016, ["javascript.operators.exponentiation"]],
  [2017, ["javascript.statements.async_function", "javascript.operators.async_function"]],
  [
    2018,
    [
      "javascript.operators.spread.spread_in_object_literals",
      "javascript.statements.for_await_of",
      "javascript.statements.async_generator_function",
    ],
  ],
  [2019, ["javascript.statements.try_catch.optional_catch_binding"]],
  [2020, ["javascript.operators.optional_chaining", "javascript.operators.nullish_coalescing", "javascript.builtins.BigInt"]],
  [2021, ["javascript.grammar.numeric_separators", "javascript.operators.logical_or_assignment"]],
  [2022, ["javascript.classes.private_class_fields", "javascript.classes.public_class_fields"]],
];

/** The highest ECMAScript year the engine parses, as bcd tells (5 when it lacks ES2015). */
export function ecmaVersionOf(engine: WebviewEngine): acorn.ecmaVersion {
  let year: acorn.ecmaVersion = 5;
  for (const [y, markers] of YEAR_MARKERS) {
    for (const m of markers) if (!feature(m)) throw new Error(`bcd has no ${m}`);
    if (!markers.every((m) => supports(feature(m), engine))) break;
    year = y;
  }
  return year;
}

/** Regular-expression features, how to see them in a literal, and where bcd lists them. */
const REGEX_FEATURES: { name: string; test: (pattern: string, flags: string) => boolean; bcd: string }[] = [
  { name: "lookbehind", test: (p) => /\(\?<[=!]/.test(p), bcd: "javascript.regular_expressions.lookbehind_assertion" },
  { name: "named group", test: (p) => /\(\?<[^=!]/.test(p), bcd: "javascript.regular_expressions.named_capturing_group" },
  { name: "named backreference", test: (p) => /\\k</.test(p), bcd: "javascript.regular_expressions.named_backreference" },
  {
    name: "unicode property escape",
    test: (p, f) => /[uv]/.test(f) && /\\[pP]\{/.test(p),
    bcd: "javascript.regular_expressions.unicode_character_class_escape",
  },
  { name: "s flag", test: (_p, f) => f.includes("s"), bcd: "javascript.builtins.RegExp.dotAll" },
  { name: "u flag", test: (_p, f) => f.includes("u"), bcd: "javascript.builtins.RegExp.unicode" },
  { name: "y flag", test: (_p, f) => f.includes("y"), bcd: "javascript.builtins.RegExp.sticky" },
  { name: "d flag", test: (_p, f) => f.includes("d"), bcd: "javascript.builtins.RegExp.hasIndices" },
  { name: "v flag", test: (_p, f) => f.includes("v"), bcd: "javascript.builtins.RegExp.unicodeSets" },
];

/** Why the engine cannot parse the source: acorn at its year, then each regex literal's features. Empty: it can. */
export function syntaxErrors(source: string, engine: WebviewEngine): string[] {
  const errors: string[] = [];
  const ecmaVersion = ecmaVersionOf(engine);
  const excerpt = (pos: number) => source.slice(Math.max(0, pos - 60), pos + 40).replace(/\s+/g, " ");
  const regexes: { pattern: string; flags: string; start: number }[] = [];
  try {
    // Regexes read at the newest level: each is then judged by its features.
    acorn.parse(source, {
      ecmaVersion: "latest",
      sourceType: "script",
      onToken: (t) => {
        if (t.type === acorn.tokTypes.regexp) {
          const v = (t as unknown as { value: { pattern: string; flags: string } }).value;
          regexes.push({ pattern: v.pattern, flags: v.flags, start: t.start });
        }
      },
    });
  } catch {
    // reported below at the engine's level
  }
  try {
    acorn.parse(source, { ecmaVersion, sourceType: "script" });
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    errors.push(`ES${ecmaVersion}: ${(e as Error).message}: …${excerpt(pos)}…`);
  }
  for (const r of regexes) {
    for (const f of REGEX_FEATURES) {
      if (!feature(f.bcd)) throw new Error(`bcd has no ${f.bcd}`);
      if (f.test(r.pattern, r.flags) && !supports(feature(f.bcd), engine))
        errors.push(`${f.name}: /${r.pattern}/${r.flags} …${excerpt(r.start)}…`);
    }
  }
  return errors;
}
