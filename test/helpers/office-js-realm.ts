/**
 * A webview realm in which the add-in's built bundles run on Microsoft's own Office.js client runtime
 * (`@microsoft/office-js`: office.js, which loads excel-win32-16.01.js and the locale strings), with the
 * simulated Excel behind it as Excel for Windows: `window.external` is the host side (Win32OfficeHost),
 * and every `context.sync()` of the add-in goes through Office.js to RichApiHost as real request JSON.
 *
 * The realm is a jsdom window with `runScripts: "outside-only"`; pass a webview realm (test/helpers/webview-realms.ts:
 * IE11, EdgeHTML 18, WebView2 — built-ins cut to the engine's) to load Office.js there instead: the host's answers
 * then reach Office.js as that realm's own arrays and objects (realm-membrane.ts), as through the webview's
 * bridge, so nothing of the test's Node realm leaks in. Script tags that Office.js
 * adds for its own files are served from node_modules/@microsoft/office-js/dist; any other URL fails to
 * load (no network).
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import vm from "vm";
import { JSDOM, type DOMWindow } from "jsdom";
import { RichApiHost, type RichApiHostOptions } from "../../src/excel-sim/richapi-host";
import { Win32OfficeHost } from "../../src/excel-sim/win32-office-host";
import { MacOfficeHost, macHostInfo } from "../../src/excel-sim/mac-office-host";
import type { SimulatedExcel } from "../../src/preview/simulated-excel";
import { membrane } from "./realm-membrane";
import { syntaxErrors, type WebviewEngine, type WebviewRealm } from "./webview-realms";

export const OFFICE_JS_DIST = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export interface OfficeJsRealmOptions extends RichApiHostOptions {
  sim: SimulatedExcel;
  /** An existing window to load Office.js into; default a new jsdom window. */
  window?: DOMWindow;
  /** A webview realm to load Office.js into (its window; the host's answers become the realm's own objects). */
  webview?: WebviewRealm;
  /** Page URL of the new window (the add-in's page). */
  url?: string;
  /** Page HTML of the new window. */
  html?: string;
  locale?: string;
  /** Load office.debug.js / *.debug.js (readable stacks) instead of the minified files Excel loads. */
  debug?: boolean;
  /** The add-in's site: scripts the page loads from the page's origin (bundles, their chunks) are served from this folder. */
  siteDir?: string;
  /**
   * Runs the page's own scripts (from `html`, served from siteDir) as a browser does: inline ones while the page
   * is parsed, right after office.js; `defer` ones (the bundles) once it is parsed. Office.js loads its host file
   * with an async script tag, so which runs first depends on the network: "before-host-file" (Microsoft's CDN
   * slower than the add-in's site, the usual case) or "after-host-file" (the host file cached). Default: the
   * page's scripts are not run (the test runs them).
   */
  pageScripts?: "before-host-file" | "after-host-file";
  /**
   * The Excel behind the page: "win32" (default; `window.external`, excel-win32-16.01.js) or "mac"
   * (`window.webkit.messageHandlers.Agave`, excel-mac-16.00.js; the page URL must carry MAC_HOST_INFO).
   */
  platform?: "win32" | "mac";
}

/** The `_host_Info` query Excel for Mac adds to the add-in page's URL (ja-JP). */
export const MAC_HOST_INFO = `_host_Info=${macHostInfo("ja-JP")}`;

export interface OfficeJsRealm {
  window: DOMWindow;
  host: Win32OfficeHost;
  richApi: RichApiHost;
  /** Office.js files the realm served (office.js, excel-win32-16.01.js, ja-jp/office_strings.js…). */
  served: string[];
  /** Script URLs refused (not part of @microsoft/office-js). */
  refused: string[];
  /** Scripts the webview's engine could not parse, so they did not run (see webview-realms.ts syntaxErrors). */
  parseFailures: { name: string; errors: string[] }[];
  /** Runs a built bundle (dist/commands.js…) in the realm. */
  runScript(file: string): void;
  /** Loads a script of the add-in's site as the page does (a script tag; its chunks load the same way). */
  loadSiteScript(name: string): Promise<void>;
  /** Resolves once Office.actions.associate(name, …) has run in the realm (the function file is ready). */
  whenAssociated(name: string): Promise<void>;
  /**
   * Closes the window. Close it with the pane idle (a test waits for the end of what it started): the pane renders
   * with Preact, whose queued renders are promise jobs that window.close() cannot cancel — one running after it finds
   * no document and fails the whole jest process.
   */
  close(): void;
}

/** Creates the realm, loads Office.js and waits for Office.onReady (host Excel, platform PC). */
export async function createOfficeJsRealm(options: OfficeJsRealmOptions): Promise<OfficeJsRealm> {
  const richApi = new RichApiHost(options.sim, options);
  const host = new Win32OfficeHost(richApi, { locale: options.locale ?? "ja-JP" });
  const given = options.webview?.window ?? options.window;
  const dom = given
    ? null
    : new JSDOM(options.html ?? "<!doctype html><html><head></head><body></body></html>", {
        runScripts: "outside-only",
        pretendToBeVisual: true,
        url: options.url ?? "https://localhost:3000/commands.html",
      });
  const window = given ?? dom!.window;
  // Scripts run in the window's context with their file name (stacks say which file failed).
  const context = options.webview?.context ?? dom?.getInternalVMContext();
  const engine = options.webview?.engine;
  /** Scripts the engine cannot parse do not run (the page gets a SyntaxError, as in that webview). */
  const run = (source: string, name: string): unknown => {
    const errors = engine ? syntaxErrorsOf(source, engine) : [];
    if (errors.length > 0) {
      parseFailures.push({ name, errors });
      window.dispatchEvent(new window.ErrorEvent("error", { message: `SyntaxError in ${name}`, filename: name }));
      return undefined;
    }
    return context ? vm.runInContext(source, context, { filename: name }) : window.eval(source);
  };
  const evaluate = (file: string, name: string) => run(fs.readFileSync(file, "utf8"), name);
  const served: string[] = [];
  const refused: string[] = [];
  const parseFailures: { name: string; errors: string[] }[] = [];
  const officeFile = options.debug ? "office.debug.js" : "office.js";
  const origin = new URL(options.url ?? "https://localhost:3000/").origin + "/";
  /** Microsoft's files from @microsoft/office-js, the add-in's from siteDir; nothing else (no network). */
  const localFile = (src: string): { name: string; path: string } | null => {
    const [base, dir] = src.startsWith(CDN) ? [CDN, OFFICE_JS_DIST] : options.siteDir && src.startsWith(origin) ? [origin, options.siteDir] : [null, null];
    if (!base || !dir) return null;
    const rel = src.slice(base.length).split(/[?#]/)[0]!;
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) return null;
    return { name: rel, path: file };
  };

  // Office.js finds its base URL from its own script tag and adds tags for the host file and strings.
  const doc = window.document;
  if (![...doc.scripts].some((s) => /\/office(\.debug)?\.js$/.test(s.src))) {
    const tag = doc.createElement("script");
    tag.src = CDN + officeFile;
    doc.head.appendChild(tag);
  }
  /** Runs a script tag as a browser does: document.currentScript is the tag (webpack finds its chunks from it). */
  const runTag = (el: HTMLScriptElement, file: { name: string; path: string }) => {
    served.push(file.name);
    Object.defineProperty(doc, "currentScript", { configurable: true, get: () => el });
    try {
      evaluate(file.path, file.name);
    } finally {
      delete (doc as unknown as { currentScript?: unknown }).currentScript;
    }
  };
  const isOffice = (el: HTMLScriptElement) => /(^|\/)office(\.debug)?\.js$/.test(el.src);
  const pageTags = options.pageScripts ? [...doc.scripts].filter((el) => !isOffice(el)) : [];
  /** The page's `defer` scripts (once the page is parsed). */
  const runDeferred = () => {
    for (const el of pageTags.filter((t) => t.defer && t.src)) {
      const file = localFile(el.src);
      if (!file) throw new Error(`the page's script ${el.src} is not in siteDir`);
      runTag(el, file);
    }
  };
  const observer = new window.MutationObserver((mutations) => {
    for (const m of mutations)
      for (const node of m.addedNodes) {
        const el = node as HTMLScriptElement;
        if (el.tagName !== "SCRIPT" || !el.src) continue;
        const file = localFile(el.src);
        if (!file) {
          refused.push(el.src);
          el.dispatchEvent(new window.Event("error"));
          continue;
        }
        runTag(el, file);
        el.dispatchEvent(new window.Event("load"));
        if (options.pageScripts === "after-host-file" && /^excel-[a-z0-9.-]+\.js$/.test(file.name)) runDeferred();
      }
  });
  observer.observe(doc, { childList: true, subtree: true });
  const toPage = options.webview ? membrane(options.webview.context).wrap : (v: unknown) => v;
  if (options.platform === "mac") {
    // WKWebView: no window.external; Office.js posts to webkit.messageHandlers and is called back by name.
    if (!/[?&]_host_Info=Excel\$Mac\$/.test(window.location.search)) throw new Error(`a Mac page's URL carries ${MAC_HOST_INFO}`);
    const mac = new MacOfficeHost(host, options.locale ?? "ja-JP");
    const callPage = (name: string, args: unknown[]) => {
      let target: unknown = window;
      for (const part of name.split(".")) target = (target as Record<string, unknown> | undefined)?.[part];
      if (typeof target !== "function") {
        mac.unsupported.push(name);
        return;
      }
      (target as (...a: unknown[]) => unknown)(...(toPage(args) as unknown[]));
    };
    (window as unknown as { webkit: unknown }).webkit = toPage(mac.webkit(callPage));
  } else {
    (window as unknown as { external: unknown }).external = toPage(host.external());
  }
  served.push(officeFile);
  evaluate(path.join(OFFICE_JS_DIST, officeFile), officeFile);
  // The rest of the page as it is parsed (office.js is the first script of the add-in's pages).
  for (const el of pageTags.filter((t) => !t.src)) run(el.text, "inline script");
  if (options.pageScripts === "before-host-file") runDeferred();
  const office = (window as unknown as { Office: typeof Office }).Office;
  const info = await withTimeout(office.onReady(), 20_000, "Office.onReady did not resolve");
  if (String(info.host) !== "Excel") throw new Error(`Office.js reports host ${String(info.host)}`);

  return {
    window,
    host,
    richApi,
    served,
    refused,
    parseFailures,
    runScript(file: string) {
      evaluate(file, path.basename(file));
    },
    loadSiteScript(name: string) {
      return new Promise<void>((resolve, reject) => {
        const tag = doc.createElement("script");
        tag.addEventListener("load", () => resolve());
        tag.addEventListener("error", () => reject(new Error(`${name} could not be loaded`)));
        tag.src = origin + name;
        doc.body.appendChild(tag);
      });
    },
    async whenAssociated(name: string) {
      const actions = () => (office as unknown as { actions?: { _association?: { mappings?: Record<string, unknown> } } }).actions;
      for (let i = 0; i < 500; i++) {
        if (actions()?._association?.mappings?.[name.toUpperCase()]) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`${name} was never associated (Office.actions.associate)`);
    },
    close() {
      observer.disconnect();
      dom?.window.close();
    },
  };
}

const parsed = new Map<string, string[]>();
/** syntaxErrors, once per source and engine (office.js and the bundles are large, and the same in every test). */
function syntaxErrorsOf(source: string, engine: WebviewEngine): string[] {
  const key = `${engine}:${createHash("sha1").update(source).digest("hex")}`;
  let errors = parsed.get(key);
  if (!errors) parsed.set(key, (errors = syntaxErrors(source, engine)));
  return errors;
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e as Error);
      },
    );
  });
}
