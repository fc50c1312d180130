/**
 * The production build, as each Excel the manifest admits would load it, in realms derived from
 * @mdn/browser-compat-data (test/helpers/webview-realms.ts): without the built-ins the engine lacks (BigInt,
 * Proxy, Promise … in IE11; BigInt, Object.fromEntries … in EdgeHTML 18) and parsed at its syntax level.
 * - dist/commands.js (the ribbon command; Office 2019 runs it in IE11 or EdgeHTML 18) recomputes both
 *   fixtures and a table of rates exactly on the band boundaries in IE11, EdgeHTML 18 and WebView2 realms,
 *   and writes the same summary sheets as the command line;
 * - dist/taskpane.js renders the pane in an EdgeHTML 18 realm; in IE11 taskpane.html shows its plain message;
 * - closed networks: built with OFFICE_JS_LOCAL=1, office.js and what it loads for Excel ship in dist/ and
 *   the pages reference the local copy.
 * The simulated host (src/preview) stands for Excel behind the `Excel` / `Office` globals until Office.js
 * itself is loaded in the realm, its data handed over as the realm's own (test/helpers/realm-membrane.ts).
 * The build is the run's one production build, shared with the Office.js tests (test/helpers/built-bundles.ts;
 * PR_BUILT_DIST / REUSE_BUILD=<folder> checks an existing `OFFICE_JS_LOCAL=1` build instead, while iterating).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { SimulatedAddinCommands } from "../../../src/preview/simulated-addin-commands";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { buildBundles, BUILD_TIMEOUT_MS, type BuiltBundles } from "../../helpers/built-bundles";
import { membrane } from "../../helpers/realm-membrane";
import { createWebviewRealm, syntaxErrors, USER_AGENTS } from "../../helpers/webview-realms";
import { FIXTURES, SUITA, TOKORO } from "../excel/helpers";

const REPO = path.join(__dirname, "..", "..", "..");
const PAGE = "https://localhost:3000/commands.html";
const GENERATED = ["評価集計", "評価一覧", "要確認"];
let out: string;
let work: string;
const BOUNDARY = "boundary-rates.xlsx";


/** Achievement exactly on each band minimum (A ≥ 100 %, B ≥ 80 %, C ≥ 50 %), where only exact arithmetic holds. */
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

function inputPath(name: string): string {
  return name === BOUNDARY ? path.join(work, BOUNDARY) : path.join(FIXTURES, name);
}

let built: BuiltBundles;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "pr-build-work-"));
  await writeBoundaryWorkbook(path.join(work, BOUNDARY));
  built = buildBundles();
  out = built.dir;
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  built?.remove();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

describe("syntax of the built files, engine by engine", () => {
  test.each(["ie11", "edge18"] as const)("the ribbon command bundle parses in %s (ES5 there)", (engine) => {
    expect(syntaxErrors(read("commands.js"), engine)).toEqual([]);
  });

  test.each(["edge18", "webview2", "safari-mac"] as const)("the task pane and its chunks parse in %s", (engine) => {
    const chunks = fs.readdirSync(out).filter((f) => f.endsWith(".js") && f !== "commands.js" && !f.includes("-16."));
    expect(chunks).toEqual(expect.arrayContaining(["taskpane.js", "report-workbook.js", "review.js", "settings.js"]));
    for (const js of chunks.filter((f) => f !== "office.js")) expect([js, syntaxErrors(read(js), engine)]).toEqual([js, []]);
  });

  test("IE11 cannot parse the pane (it shows taskpane.html's plain message instead)", () => {
    expect(syntaxErrors(read("taskpane.js"), "ie11")).not.toEqual([]);
  });
});

describe("production output", () => {
  test("no source maps", () => {
    const files = fs.readdirSync(out, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const js of ["commands.js", "taskpane.js"]) expect(read(js)).not.toContain("sourceMappingURL");
  });

  test("the help page and the manifest ship with the pages", () => {
    const help = read("help.html");
    expect(help).toMatch(/id=["']?ja\b/);
    expect(help).toMatch(/id=["']?en\b/);
    expect(help).toContain("評価の計算方法");
    expect(help).toContain("How grades are computed");
    expect(read("manifest.xml")).toBe(fs.readFileSync(path.join(REPO, "manifest.xml"), "utf8"));
  });
});

describe("closed networks (OFFICE_JS_LOCAL=1)", () => {
  test("office.js, the Excel host files it loads next to itself and its locale strings are in dist/", () => {
    const pkg = path.join(REPO, "node_modules", "@microsoft", "office-js", "dist");
    for (const file of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-win32-16.00.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "ja-jp/office_strings.js",
      "en-us/office_strings.js",
    ]) {
      expect([file, fs.existsSync(path.join(out, file))]).toEqual([file, true]);
      expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(pkg, file)))).toBe(true);
    }
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".debug.js"))).toEqual([]);
  });

  test.each(["taskpane.html", "commands.html"])("%s loads the local office.js, nothing from the CDN", (page) => {
    const html = read(page);
    const sources = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(sources).toContain("office.js");
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(sources.filter((s) => /^(https?:)?\/\//.test(s!))).toEqual([]);
  });
});

/** Cell values of the generated sheets, row by row (what a reader of the summary sees). */
function generatedValues(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const sheets: Record<string, unknown[][]> = {};
  for (const name of GENERATED) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        cells[c - 1] = v && typeof v === "object" && "text" in v ? v.text : v instanceof Date ? v.toISOString() : v;
      });
      rows[r - 1] = cells;
    });
    // A blank cell is blank however the writer left it (never written, null or ""); trailing blanks are no content.
    const blank = (v: unknown) => v === null || v === undefined || v === "";
    const trimmed = (cells: unknown[]) => {
      const out = Array.from(cells, (v) => (blank(v) ? null : v));
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      return out;
    };
    sheets[name] = trimmed(Array.from(rows, (row) => trimmed(row ?? [])) as unknown[]) as unknown[][];
  }
  return sheets;
}

const cliResults = new Map<string, Record<string, unknown[][]>>();
/** The command line's result workbook for the same input (the reference the ribbon must match). */
async function cliSummary(name: string): Promise<Record<string, unknown[][]>> {
  const cached = cliResults.get(name);
  if (cached) return cached;
  const target = path.join(work, `cli-${name}`);
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "bin", "progress-review.js"), "summarize", inputPath(name), "--out", target],
    { cwd: REPO, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(target);
  const values = generatedValues(wb);
  cliResults.set(name, values);
  return values;
}

async function loadInput(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(inputPath(name));
  return wb;
}

describe.each(["ie11", "edge18", "webview2"] as const)("the built ribbon command in a %s realm", (engine) => {
  test.each([TOKORO, SUITA, BOUNDARY])("集計を更新 on %s writes the same summary as the command line", async (name) => {
    const sim = SimulatedExcel.fromExcelJs(await loadInput(name), { excelApiLevel: engine === "webview2" ? 14 : 7 });
    const commands = new SimulatedAddinCommands();
    const host = "?_host_Info=Excel$Win32$16.01$ja-JP";
    const realm = createWebviewRealm(engine, { url: PAGE + host, userAgent: USER_AGENTS[engine] });
    const host2realm = membrane(realm.context);
    Object.assign(realm.window, { Excel: host2realm.wrap(sim.Excel), Office: host2realm.wrap(commands.office(sim.Office)) });
    // What the realm lacks is what the engine lacks (the realm itself is checked in webview-realms.test.ts).
    if (engine !== "webview2") expect(realm.run("typeof BigInt")).toBe("undefined");
    if (engine === "ie11") expect(realm.run("typeof Proxy + typeof Promise")).toBe("undefinedundefined");
    realm.run(read("commands.js"), "commands.js");

    const outcome = commands.click("recomputeSummary");
    let done = false;
    void outcome.then(() => (done = true));
    for (let i = 0; i < 600 && !done; i++) await commands.clock.advance(1000);
    expect(await outcome).toMatchObject({ completed: true, timedOut: false });
    // An error would open the notice dialog.
    expect(commands.dialogs).toHaveLength(0);
    const ours = generatedValues(sim.toExcelJs());
    expect(Object.keys(ours)).toEqual(GENERATED);
    expect(ours).toEqual(await cliSummary(name));
    if (name === BOUNDARY) {
      // First principles: 100/100 = 100 % (A), 0.4/0.5 = 0.56/0.7 = 0.08/0.1 = 80 % (B), 100/200 = 50 % (C).
      const list = ours["評価一覧"]!.map((row) => (row ?? []).join("|"));
      for (const [item, grade] of [
        ["事業達成", "A"],
        ["事業八割", "B"],
        ["事業半分", "C"],
        ["事業八割（小数）", "B"],
        ["事業八割（小数2）", "B"],
      ])
        expect(list.find((l) => l.includes(`|${item}|`))).toMatch(new RegExp(`\\|${grade}(\\||$)`));
    }
    realm.window.close();
  });
});

describe("the built task pane", () => {
  /** The built page (the realm neither fetches nor runs its scripts: the test runs them) and its inline scripts. */
  function page(): { html: string; inline: string[] } {
    const html = read("taskpane.html");
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    return { html, inline };
  }

  test("renders in an EdgeHTML 18 realm (Office 2019 on Windows 10)", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadInput(TOKORO), { excelApiLevel: 7 });
    const { html, inline } = page();
    const realm = createWebviewRealm("edge18", {
      url: "https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$ja-JP",
      html,
      userAgent: USER_AGENTS.edge18,
    });
    const host2realm = membrane(realm.context);
    // Office with onReady(callback) as Office.js has it.
    const office = new SimulatedAddinCommands().office(sim.Office);
    Object.assign(realm.window, { Excel: host2realm.wrap(sim.Excel), Office: host2realm.wrap(office) });
    const errors: unknown[] = [];
    realm.window.addEventListener("error", (e) => errors.push(e.error));
    for (const s of inline) realm.run(s);
    realm.run(read("taskpane.js"), "taskpane.js");
    const container = realm.window.document.getElementById("container")!;
    for (let i = 0; i < 200 && !container.textContent?.includes("集計を更新"); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(errors).toEqual([]);
    expect(container.textContent).toContain("集計を更新");
    expect(realm.window.document.getElementById("legacy-message")!.hidden).toBe(true);
    realm.window.close();
  });

  test("shows the plain message in an IE11 realm (Office 2019 on older Windows)", () => {
    const { html, inline } = page();
    const realm = createWebviewRealm("ie11", {
      url: "https://localhost:3000/taskpane.html",
      html,
      userAgent: USER_AGENTS.ie11,
    });
    for (const s of inline) {
      expect(syntaxErrors(s, "ie11")).toEqual([]);
      realm.run(s);
    }
    const message = realm.window.document.getElementById("legacy-message")!;
    expect(message.hidden).toBe(false);
    expect(message.textContent).toContain("このバージョンの Excel（Office 2019 以前）では作業ウィンドウを表示できません");
    expect(message.textContent).toContain("progress-review summarize");
    realm.window.close();
  });
});
