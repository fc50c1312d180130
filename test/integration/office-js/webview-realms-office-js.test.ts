/**
 * The built bundles as Office 2019, Office 2021 and Microsoft 365 on Windows and Microsoft 365 for Mac run them:
 * Microsoft's Office.js client (office.js + excel-win32-16.01.js, or excel-mac-16.00.js over WKWebView's message
 * handlers) INSIDE a webview realm derived from
 * @mdn/browser-compat-data (IE11, EdgeHTML 18, WebView2, Safari 14 — the built-ins the engine lacks removed, every script
 * parsed at the engine's level first, see test/helpers/webview-realms.ts), the add-in's page loaded as the
 * webview loads it (office.js, then the deferred bundle), the simulated Excel behind window.external.
 *
 * Expected numbers: the command line's result for the same workbook (`progress-review summarize`), and for the
 * boundary table first principles (GRADING.md: A ≥ 100 %, B ≥ 80 %, C ≥ 50 %; 100/100 = 100 %, 0.4/0.5 =
 * 0.56/0.7 = 0.08/0.1 = 80 %, 100/200 = 50 %). A refused batch (Excel in cell-edit mode) must complete the ribbon
 * event with 「セルの編集を終えてから、もう一度お試しください」 and leave the workbook as it was.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { fireEvent, waitFor, within } from "@testing-library/dom";
import { noticeFromQuery, type Notice } from "../../../src/commands/recompute-command";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { buildBundles, BUILD_TIMEOUT_MS, type BuiltBundles } from "../../helpers/built-bundles";
import { createOfficeJsRealm, MAC_HOST_INFO, type OfficeJsRealm, type OfficeJsRealmOptions } from "../../helpers/office-js-realm";
import { createWebviewRealm, USER_AGENTS, type WebviewEngine, type WebviewRealm } from "../../helpers/webview-realms";
import { digestOf, FIXTURES, SUITA, TOKORO } from "../excel/helpers";

const REPO = path.join(__dirname, "..", "..", "..");
const SITE = "https://localhost:3000/";
const GENERATED = ["評価集計", "評価一覧", "要確認"];
const BOUNDARY = "boundary-rates.xlsx";
const CELL_EDIT = "セルの編集を終えてから、もう一度お試しください";
/**
 * The Excel each webview comes with: Office 2019 (ExcelApi 1.7) in IE11 / EdgeHTML 18, Office 2021 (1.14) in
 * WebView2; Microsoft 365 for Mac in Safari's WKWebView, taken at 1.14 too.
 */
const EXCEL_API: Record<WebviewEngine, number> = { ie11: 7, edge18: 7, webview2: 14, "safari-mac": 14 };
/** The host file Office.js loads for each: Excel for Windows, or Excel for Mac (its own transport, webkit.messageHandlers). */
const HOST_FILE: Record<WebviewEngine, string> = {
  ie11: "excel-win32-16.01.js",
  edge18: "excel-win32-16.01.js",
  webview2: "excel-win32-16.01.js",
  "safari-mac": "excel-mac-16.00.js",
};

// Office.js in a jsdom webview on a busy machine: seconds per click.
jest.setTimeout(180_000);

let built: BuiltBundles;
let work: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "pr-webview-officejs-"));
  await writeBoundaryWorkbook(path.join(work, BOUNDARY));
  built = buildBundles();
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  built?.remove();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Achievement exactly on each band minimum, where only exact arithmetic holds. */
async function writeBoundaryWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("進捗");
  ws.addRow(["No", "事業名", "指標名", "目標値", "実績値"]);
  const rows: [string, number, number][] = [
    ["達成", 100, 100],
    ["八割", 0.5, 0.4],
    ["半分", 200, 100],
    ["八割（小数）", 0.7, 0.56],
    ["八割（小数2）", 0.1, 0.08],
  ];
  rows.forEach(([name, target, actual], i) => ws.addRow([i + 1, `事業${name}`, "件数", target, actual]));
  await wb.xlsx.writeFile(file);
}

const inputPath = (name: string) => (name === BOUNDARY ? path.join(work, BOUNDARY) : path.join(FIXTURES, name));

/** The values of a sheet as a reader sees them (formulas by their result, blank cells and trailing blanks dropped). */
function sheetValues(ws: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  ws?.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      if (v === null || v === undefined || v === "") return;
      if (v && typeof v === "object" && "result" in v) cells[c - 1] = (v as { result: unknown }).result;
      else if (v && typeof v === "object" && "hyperlink" in v) cells[c - 1] = (v as unknown as { text: unknown }).text;
      else if (v && typeof v === "object" && "richText" in v)
        cells[c - 1] = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
      else cells[c - 1] = v instanceof Date ? v.toISOString() : v;
    });
    rows[r - 1] = cells;
  });
  return rows;
}

const generated = (wb: ExcelJS.Workbook) => Object.fromEntries(GENERATED.map((n) => [n, sheetValues(wb.getWorksheet(n))]));

const cliResults = new Map<string, Record<string, unknown[][]>>();
/** What `progress-review summarize` writes for the same workbook: the reference every webview must match. */
async function cliSummary(name: string): Promise<Record<string, unknown[][]>> {
  const cached = cliResults.get(name);
  if (cached) return cached;
  const out = path.join(work, `cli-${name}`);
  execFileSync(process.execPath, [path.join(REPO, "bin", "progress-review.js"), "summarize", inputPath(name), "--out", out], {
    cwd: REPO,
    stdio: "pipe",
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const values = generated(wb);
  cliResults.set(name, values);
  return values;
}

interface Page {
  webview: WebviewRealm;
  realm: OfficeJsRealm;
  /** Uncaught errors in the page (window "error" events), as the webview would report them. */
  pageErrors: string[];
  close(): void;
}

/** An add-in page (commands.html or taskpane.html of the build) in the engine's webview, with Office.js. */
async function openPage(
  engine: WebviewEngine,
  sim: SimulatedExcel,
  page: "commands.html" | "taskpane.html",
  order: OfficeJsRealmOptions["pageScripts"] = "before-host-file",
): Promise<Page> {
  const mac = engine === "safari-mac";
  // Excel for Mac says who it is in the page's URL (no window.external in WKWebView).
  const url = SITE + page + (mac ? `?${MAC_HOST_INFO}` : "");
  const webview = createWebviewRealm(engine, {
    url,
    html: fs.readFileSync(path.join(built.dir, page), "utf8"),
    userAgent: USER_AGENTS[engine],
  });
  const pageErrors: string[] = [];
  webview.window.addEventListener("error", (e) => pageErrors.push(String(e.error ?? e.message)));
  const realm = await createOfficeJsRealm({ sim, webview, url, siteDir: built.dir, pageScripts: order, platform: mac ? "mac" : "win32" });
  return {
    webview,
    realm,
    pageErrors,
    close: () => {
      realm.close();
      webview.window.close();
    },
  };
}

/** Clicks 集計を更新; the user reads and closes each notice dialog it opens. */
async function click(realm: OfficeJsRealm): Promise<{ completed: boolean; notices: Notice[] }> {
  await realm.whenAssociated("recomputeSummary");
  const notices: Notice[] = [];
  const watch = setInterval(() => {
    for (const d of realm.host.dialogs) {
      if (d.closed) continue;
      const url = new URL((JSON.parse(String(d.request)) as { url: string }).url);
      notices.push(noticeFromQuery(url.search)!);
      d.closeByUser();
    }
  }, 20);
  try {
    const outcome = await realm.host.invokeCommand("recomputeSummary");
    return { completed: outcome.completed, notices };
  } finally {
    clearInterval(watch);
  }
}

/** Everything a user could see of the workbook: every sheet's cells and formats, names, settings, charts. */
async function stateOf(sim: SimulatedExcel) {
  return { cells: await digestOf(sim), recorded: sim.inspect() };
}

describe.each(["ie11", "edge18", "webview2", "safari-mac"] as const)("the built ribbon command in %s, through Office.js", (engine) => {
  test.each([TOKORO, SUITA, BOUNDARY])("集計を更新 on %s writes the same summary as the command line", async (name) => {
    const sim = await SimulatedExcel.fromFile(inputPath(name), { excelApiLevel: EXCEL_API[engine] });
    const page = await openPage(engine, sim, "commands.html");
    try {
      const result = await click(page.realm);
      expect(result).toEqual({ completed: true, notices: [] });
      // Microsoft's files and the bundle, each parsed at the engine's level and run; nothing failed in the page.
      expect(page.realm.served).toEqual(["office.js", "commands.js", HOST_FILE[engine], "ja-jp/office_strings.js"]);
      expect([page.realm.refused, page.realm.parseFailures, page.pageErrors, page.realm.host.hostErrors]).toEqual([[], [], [], []]);
      expect(page.realm.richApi.exchanges.filter((e) => e.error)).toEqual([]);
      // What cannot be polyfilled is still missing after everything ran: the bundles did without it.
      if (engine === "ie11" || engine === "edge18") expect(page.webview.run("typeof BigInt")).toBe("undefined");
      if (engine === "ie11") expect(page.webview.run("typeof Proxy")).toBe("undefined");

      const ours = generated(sim.toExcelJs());
      expect(ours).toEqual(await cliSummary(name));
      if (name === BOUNDARY) {
        const list = ours["評価一覧"]!.map((row) => (row ?? []).join("|"));
        for (const [item, grade] of [
          ["事業達成", "A"],
          ["事業八割", "B"],
          ["事業半分", "C"],
          ["事業八割（小数）", "B"],
          ["事業八割（小数2）", "B"],
        ])
          expect([item, list.find((l) => l.includes(`|${item}|`))]).toEqual([item, expect.stringMatching(new RegExp(`\\|${grade}(\\||$)`))]);
      }
    } finally {
      page.close();
    }
  });
});

// Excel for Mac is left out here: its notice would open through window.open unless the host enables Office.js's
// full dialog API, and which one Excel for Mac does has not been verified.
describe.each(["ie11", "edge18", "webview2"] as const)("the built ribbon command in %s, through Office.js, in cell-edit mode", (engine) => {
  test.each([
    ["from the first request", 0],
    ["after the reads, at the first write", 2],
  ])("Excel in cell-edit mode %s: the event completes, the notice says to finish editing, the workbook is as it was", async (_when, afterSyncs) => {
    const sim = await SimulatedExcel.fromFile(path.join(FIXTURES, TOKORO), { excelApiLevel: EXCEL_API[engine] });
    const before = await stateOf(sim);
    sim.setCellEditMode(true, afterSyncs);
    const page = await openPage(engine, sim, "commands.html");
    try {
      const result = await click(page.realm);
      sim.setCellEditMode(false);
      expect(result.completed).toBe(true);
      expect(result.notices.map((n) => n.kind)).toEqual(["error"]);
      expect(result.notices[0]!.lines[0]).toContain(CELL_EDIT);
      // Excel refused through Office.js (its own error code), and nothing else failed.
      const refused = page.realm.richApi.exchanges.filter((e) => e.error).map((e) => e.error);
      expect(refused.length).toBeGreaterThan(0);
      expect(new Set(refused)).toEqual(new Set(["InvalidOperationInCellEditMode"]));
      expect([page.realm.parseFailures, page.pageErrors, page.realm.host.hostErrors]).toEqual([[], [], []]);
      expect(await stateOf(sim)).toEqual(before);
    } finally {
      page.close();
    }
  });
});

describe("the built ribbon command in IE11 when Office.js's host file runs before the bundle (host file cached)", () => {
  test("集計を更新 on the boundary table writes the same summary as the command line", async () => {
    const sim = await SimulatedExcel.fromFile(inputPath(BOUNDARY), { excelApiLevel: 7 });
    const page = await openPage("ie11", sim, "commands.html", "after-host-file");
    try {
      expect(page.realm.served).toEqual(["office.js", "excel-win32-16.01.js", "commands.js", "ja-jp/office_strings.js"]);
      const result = await click(page.realm);
      expect(result).toEqual({ completed: true, notices: [] });
      expect([page.realm.parseFailures, page.pageErrors, page.realm.host.hostErrors]).toEqual([[], [], []]);
      expect(generated(sim.toExcelJs())).toEqual(await cliSummary(BOUNDARY));
    } finally {
      page.close();
    }
  });

  test("in cell-edit mode: the event completes with the notice, the workbook is as it was", async () => {
    const sim = await SimulatedExcel.fromFile(path.join(FIXTURES, TOKORO), { excelApiLevel: 7 });
    const before = await stateOf(sim);
    sim.setCellEditMode(true, 2);
    const page = await openPage("ie11", sim, "commands.html", "after-host-file");
    try {
      const result = await click(page.realm);
      sim.setCellEditMode(false);
      expect(result.completed).toBe(true);
      expect(result.notices.map((n) => n.lines[0])).toEqual([expect.stringContaining(CELL_EDIT)]);
      expect([page.realm.parseFailures, page.pageErrors, page.realm.host.hostErrors]).toEqual([[], [], []]);
      expect(await stateOf(sim)).toEqual(before);
    } finally {
      page.close();
    }
  });
});

/** PANE.md: below ExcelApi 1.9 selections and edits are heard on each sheet; from 1.9 on the sheet collection. */
const PANE_EVENTS: Record<"edge18" | "webview2" | "safari-mac", string[]> = {
  edge18: ["Worksheet.DataChanged", "Worksheet.SelectionChanged", "WorksheetCollection.Added", "WorksheetCollection.Deleted"],
  webview2: [
    "WorksheetCollection.Added",
    "WorksheetCollection.DataChanged",
    "WorksheetCollection.Deleted",
    "WorksheetCollection.SelectionChanged",
  ],
  "safari-mac": [
    "WorksheetCollection.Added",
    "WorksheetCollection.DataChanged",
    "WorksheetCollection.Deleted",
    "WorksheetCollection.SelectionChanged",
  ],
};

describe.each([
  ["edge18", "EdgeHTML 18 (Office 2019, ExcelApi 1.7)"],
  ["webview2", "WebView2 (Office 2021 / Microsoft 365, ExcelApi 1.14)"],
  ["safari-mac", "Safari 14 WKWebView (Microsoft 365 for Mac, ExcelApi 1.14, Office.js's Mac transport)"],
] as const)("the built task pane in %s — %s, through Office.js", (engine: "edge18" | "webview2" | "safari-mac", _label: string) => {
  let sim: SimulatedExcel;
  let page: Page;
  let doc: Document;
  const pane = () => within(doc.body);
  const until = <T>(f: () => T) => waitFor(f, { timeout: 60_000, container: doc.body });

  beforeAll(async () => {
    sim = await SimulatedExcel.fromFile(path.join(FIXTURES, TOKORO), { excelApiLevel: EXCEL_API[engine] });
    page = await openPage(engine, sim, "taskpane.html");
    doc = page.webview.window.document as unknown as Document;
  });
  afterAll(() => page?.close());

  test("opens: the pane reads the workbook and shows the report's totals, nothing written", async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8")) as {
      evaluations: { total: { evaluated: number; excluded: number; percent: Record<string, number> } }[];
    };
    await until(() => pane().getByText(/集計シートはまだ作成していません/));
    const r3 = expected.evaluations[0]!.total;
    const text = doc.body.textContent ?? "";
    expect(text).toContain(`評価数${r3.evaluated}`);
    expect(text).toContain(`対象外${r3.excluded}`);
    expect(doc.getElementById("legacy-message")!.hidden).toBe(true);
    expect(sim.toExcelJs().worksheets.map((w) => w.name)).toEqual(["表4-1"]);
    expect(page.realm.served).toEqual(expect.arrayContaining(["office.js", "taskpane.js", HOST_FILE[engine]]));
    expect([page.realm.refused, page.realm.parseFailures, page.pageErrors]).toEqual([[], [], []]);
    expect(page.realm.richApi.events.map((e) => `${e.on}.${e.event}`).sort()).toEqual(PANE_EVENTS[engine]);
  });

  test("集計を更新 writes the same summary as the command line", async () => {
    fireEvent.click(pane().getByRole("button", { name: "集計を更新" }));
    await until(() => pane().getByText(/集計しました（評価集計・評価一覧・要確認）/));
    expect(page.realm.richApi.exchanges.filter((e) => e.error)).toEqual([]);
    expect(generated(sim.toExcelJs())).toEqual(await cliSummary(TOKORO));
    expect([page.pageErrors, page.realm.host.hostErrors]).toEqual([[], []]);
  });

  test("集計を更新 while Excel is in cell-edit mode: the pane says to finish editing, the workbook is as it was", async () => {
    const before = await stateOf(sim);
    sim.setCellEditMode(true);
    try {
      fireEvent.click(pane().getByRole("button", { name: "集計を更新" }));
      await until(() => pane().getByText(new RegExp(CELL_EDIT)));
    } finally {
      sim.setCellEditMode(false);
    }
    expect(page.realm.richApi.exchanges.filter((e) => e.error).map((e) => e.error)).toContain("InvalidOperationInCellEditMode");
    expect(await stateOf(sim)).toEqual(before);
    expect(page.pageErrors).toEqual([]);
  });
});

describe("the built task pane in IE11 (Office 2019 on older Windows), through Office.js", () => {
  test("IE11 cannot parse the pane's bundle, so the page shows its plain message", async () => {
    const sim = await SimulatedExcel.fromFile(path.join(FIXTURES, TOKORO), { excelApiLevel: 7 });
    const page = await openPage("ie11", sim, "taskpane.html");
    try {
      const doc = page.webview.window.document;
      expect(page.realm.parseFailures.map((f) => f.name)).toEqual(["taskpane.js"]);
      const message = doc.getElementById("legacy-message")!;
      expect(message.hidden).toBe(false);
      expect(message.textContent).toContain("このバージョンの Excel（Office 2019 以前）では作業ウィンドウを表示できません");
      expect(message.textContent).toContain("progress-review summarize");
      expect(doc.getElementById("container")!.textContent).toBe("");
      // Office.js itself runs there; nothing was read or written.
      expect(page.realm.served).toEqual(expect.arrayContaining(["office.js", "excel-win32-16.01.js"]));
      expect(page.realm.richApi.exchanges).toEqual([]);
    } finally {
      page.close();
    }
  });
});
