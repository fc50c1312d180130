/**
 * The production build, as Office 2019 would load it. The manifest admits
 * ExcelApi 1.7, i.e. Office 2019 volume-licensed, which runs add-ins in IE11
 * or EdgeHTML 18:
 * - dist/commands.js (the ribbon command) must parse as ES5 and bring its own
 *   polyfills: it is run here in a fresh JavaScript realm without the library
 *   features IE11 lacks (Promise, URL, Object.entries …), on the simulated
 *   Excel host, and must register the command and do the real recompute;
 * - dist/taskpane.js must parse at EdgeHTML 18's level (ES2017: no `?.`, `??`,
 *   object spread); IE11 gets the plain message of taskpane.html instead;
 * - no source maps in production; the help page and manifest are shipped.
 * The test builds into its own folder (a few minutes on a busy machine).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import * as acorn from "acorn";
import { SimulatedAddinCommands } from "../../../src/preview/simulated-addin-commands";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { loadWorkbook, TOKORO } from "../excel/helpers";

const REPO = path.join(__dirname, "..", "..", "..");
const PAGE = "https://localhost:3000/commands.html";
let out: string;

beforeAll(
  () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "pr-build-"));
    const r = spawnSync(
      process.execPath,
      [
        path.join(REPO, "node_modules", "webpack-cli", "bin", "cli.js"),
        "--mode",
        "production",
        "--env",
        `OUTPUT_PATH=${out}`,
      ],
      { cwd: REPO, encoding: "utf8", env: { ...process.env, ADDIN_URL: "" } },
    );
    if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  },
  15 * 60 * 1000,
);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

function parseError(file: string, ecmaVersion: acorn.ecmaVersion): string | null {
  const source = fs.readFileSync(path.join(out, file), "utf8");
  try {
    acorn.parse(source, { ecmaVersion, sourceType: "script" });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message}: …${source.slice(Math.max(0, pos - 80), pos + 40)}…`;
  }
}

describe("production build for every Excel the manifest admits", () => {
  test("the ribbon command bundle is ES5 (IE11, EdgeHTML 18)", () => {
    expect(parseError("commands.js", 5)).toBeNull();
  });

  test("the task pane bundle is ES2017 (EdgeHTML 18)", () => {
    expect(parseError("taskpane.js", 2017)).toBeNull();
  });

  test("so are the pane's chunks loaded on demand (the review list, the settings, the report builder with ExcelJS)", () => {
    const chunks = fs.readdirSync(out).filter((f) => f.endsWith(".js") && f !== "commands.js" && f !== "taskpane.js");
    expect(chunks).toEqual(expect.arrayContaining(["report-workbook.js", "review.js", "settings.js"]));
    for (const js of chunks) expect([js, parseError(js, 2017)]).toEqual([js, null]);
  });

  test("no source maps in the production output", () => {
    const files = fs.readdirSync(out, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const js of files.filter((f) => f.endsWith(".js"))) {
      expect(fs.readFileSync(path.join(out, js), "utf8")).not.toContain("sourceMappingURL");
    }
  });

  test("the help page and the manifest ship with the pages", () => {
    const help = fs.readFileSync(path.join(out, "help.html"), "utf8");
    expect(help).toMatch(/id=["']?ja\b/);
    expect(help).toMatch(/id=["']?en\b/);
    expect(help).toContain("評価の計算方法");
    expect(help).toContain("How grades are computed");
    expect(fs.readFileSync(path.join(out, "manifest.xml"), "utf8")).toBe(
      fs.readFileSync(path.join(REPO, "manifest.xml"), "utf8"),
    );
    for (const page of ["commands.html", "taskpane.html"]) expect(fs.existsSync(path.join(out, page))).toBe(true);
  });

  test("in a realm without IE11's missing features, the built command registers and does the real recompute", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO), { excelApiLevel: 7 });
    const commands = new SimulatedAddinCommands();
    const context = vm.createContext({
      console,
      setTimeout,
      clearTimeout,
      setImmediate,
      Excel: sim.Excel,
      Office: commands.office(sim.Office),
      location: { href: `${PAGE}?_host_Info=Excel$Win32$16.01$ja-JP`, search: "?_host_Info=Excel$Win32$16.01$ja-JP" },
    });
    vm.runInContext(
      `window = this;
       // What IE11 does not have (URL and URLSearchParams are not in a bare realm either).
       delete Promise; delete Object.entries; delete Object.values; delete Object.fromEntries; delete Object.assign;
       delete Array.prototype.flatMap; delete Array.prototype.flat; delete Array.prototype.includes;
       delete Array.prototype.find; delete Array.prototype.findIndex; delete Array.from; delete Array.of;
       delete String.prototype.includes; delete String.prototype.startsWith; delete String.prototype.endsWith;
       delete String.prototype.padStart; delete String.prototype.padEnd; delete String.prototype.repeat;
       delete String.prototype.replaceAll; delete String.prototype.trimStart; delete String.prototype.trimEnd;
       delete Number.isInteger; delete Number.isFinite; delete Number.isNaN; delete Math.trunc; delete Math.sign;`,
      context,
    );
    expect(vm.runInContext("typeof Promise + typeof URLSearchParams + typeof Object.entries", context)).toBe(
      "undefinedundefinedundefined",
    );
    vm.runInContext(fs.readFileSync(path.join(out, "commands.js"), "utf8"), context, { filename: "commands.js" });

    const outcome = commands.click("recomputeSummary");
    let done = false;
    void outcome.then(() => (done = true));
    for (let i = 0; i < 600 && !done; i++) await commands.clock.advance(1000);
    expect(await outcome).toMatchObject({ completed: true, timedOut: false });
    expect(commands.dialogs).toHaveLength(0);
    const names = sim.toExcelJs().worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["評価集計", "評価一覧", "要確認"]));
    const active = await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.load("name");
      await ctx.sync();
      return s.name as string;
    });
    expect(active).toBe("評価集計");
  });
});
