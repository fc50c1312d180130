/**
 * The command as a script calls it: `progress-review` (package.json "bin", what
 * `npx progress-review` runs) spawned as a process, checking the process's own
 * exit code (0, 1, 2), stdout/stderr and the files. Each test has its own folder.
 * Expected numbers come from the published reports (fixtures/*.expected.json).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";

const REPO = path.join(__dirname, "..", "..", "..");
const FIXTURES = path.join(REPO, "test", "fixtures");
const PKG = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
const BIN = path.join(REPO, PKG.bin["progress-review"]);
const TOKORO = path.join(FIXTURES, "tokorozawa-r3-list.xlsx");
const SUITA = path.join(FIXTURES, "suita-5year-plan.xlsx");
const suitaExpected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "suita-5year-plan.expected.json"), "utf8"));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], options: { preload?: string } = {}) {
  const node = options.preload ? ["--require", options.preload] : [];
  const r = spawnSync(process.execPath, [...node, BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const summaryOf = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe("progress-review as a process", () => {
  test("the bin entry is an executable node script", () => {
    const text = fs.readFileSync(BIN, "utf8");
    expect(text.startsWith("#!/usr/bin/env node")).toBe(true);
    expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
  });

  test("exit 0: the result is written, a summary on stderr, nothing on stdout", () => {
    const r = run(["summarize", TOKORO, "--out", "result.xlsx"]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "result.xlsx"))).toBe(true);
    expect(r.stderr).toMatch(/^完了 \/ done: result\.xlsx/m);
    expect(r.stdout).toBe("");
  });

  test("exit 2: a missing input is one line on stderr and nothing is written", () => {
    const r = run(["summarize", "missing.xlsx", "--out", "result.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("exit 2: an unknown option is refused in one bilingual line, before any work", () => {
    const r = run(["summarize", TOKORO, "--out", "result.xlsx", "--frobnicate"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/不明なオプション「--frobnicate」.*unknown option "--frobnicate"/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("exit 2: an option without its value says so", () => {
    const r = run(["summarize", TOKORO, "--out"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/「--out」に値がありません.*"--out" needs a value/);
  });

  test("exit 1 on an internal failure while writing: the existing result is untouched and no temporary file is left", () => {
    const out = path.join(dir, "result.xlsx");
    fs.writeFileSync(out, "previous result");
    // The rename that publishes the finished file fails (as on a full or vanished disk).
    const preload = path.join(dir, "fail-rename.js");
    fs.writeFileSync(
      preload,
      `const fs = require("fs");
       const fail = () => Object.assign(new Error("EIO: injected"), { code: "EIO" });
       fs.renameSync = () => { throw fail(); };
       fs.rename = (a, b, cb) => process.nextTick(cb, fail());
       fs.promises.rename = async () => { throw fail(); };`,
    );
    const r = run(["summarize", TOKORO, "--out", "result.xlsx"], { preload });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/内部エラー|internal error/);
    expect(fs.readFileSync(out, "utf8")).toBe("previous result");
    expect(fs.readdirSync(dir).sort()).toEqual(["fail-rename.js", "result.xlsx"]);
  });

  test("exit 1 when summary.json cannot be written half-way (disk full): the previous files stay, no temporary file", () => {
    fs.writeFileSync(path.join(dir, "result.xlsx"), "previous result");
    fs.writeFileSync(path.join(dir, "s.json"), "previous summary");
    // Every write of the summary's file stream fails, as on a full disk.
    const preload = path.join(dir, "disk-full.js");
    fs.writeFileSync(
      preload,
      `const fs = require("fs");
       const full = () => Object.assign(new Error("ENOSPC: injected"), { code: "ENOSPC" });
       const original = fs.createWriteStream;
       fs.createWriteStream = (file, options) => original(file, { ...options, fs: {
         open: fs.open, close: fs.close,
         write: (fd, buffer, offset, length, position, callback) => process.nextTick(callback, full()),
         writev: (fd, buffers, position, callback) => process.nextTick(callback, full()),
       } });`,
    );
    const r = run(["summarize", SUITA, "--out", "result.xlsx", "--json", "s.json"], { preload });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/内部エラー \/ internal error: ENOSPC/);
    expect(fs.readFileSync(path.join(dir, "result.xlsx"), "utf8")).toBe("previous result");
    expect(fs.readFileSync(path.join(dir, "s.json"), "utf8")).toBe("previous summary");
    expect(fs.readdirSync(dir).sort()).toEqual(["disk-full.js", "result.xlsx", "s.json"]);
  });

  test("summary.json: the published counts, two-space indentation and a final newline (as JSON.stringify writes it)", () => {
    const r = run(["summarize", SUITA, "--out", "r.xlsx", "--json", "s.json"]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(dir, "s.json"), "utf8");
    const summary = JSON.parse(text);
    expect(summary.evaluations[0].total.counts).toEqual(suitaExpected.evaluations[0].total.counts);
    expect(text).toBe(JSON.stringify(summary, null, 2) + "\n");
    expect(text.startsWith('{\n  "evaluations": [\n    {\n      "label": ')).toBe(true);
  });

  test("no TypeScript compiler at start-up; --version and --help answer before ExcelJS and zod are loaded", () => {
    // records every module the process asks for
    const preload = path.join(dir, "modules.js");
    fs.writeFileSync(
      preload,
      `const Module = require("module");
       const load = Module._load;
       const seen = new Set();
       Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
       process.on("exit", () => process.stderr.write("\\nloaded: " + [...seen].join(" ") + "\\n"));`,
    );
    const loaded = (r: { stderr: string }) => /^loaded: (.*)$/m.exec(r.stderr)?.[1]?.split(" ") ?? [];
    for (const args of [["--version"], ["--help"]]) {
      const r = run(args, { preload });
      expect(r.code).toBe(0);
      const modules = loaded(r);
      expect(modules.some((m) => m.endsWith("dist-cli/progress-review.js"))).toBe(true);
      for (const heavy of ["exceljs", "zod", "tsx", "typescript", "esbuild"]) expect(modules).not.toContain(heavy);
      expect(modules.some((m) => m.startsWith("tsx/"))).toBe(false);
    }
    const job = run(["summarize", TOKORO, "--out", "r.xlsx"], { preload });
    expect(job.code).toBe(0);
    expect(loaded(job)).toContain("exceljs");
    expect(loaded(job).some((m) => /^(tsx|typescript|esbuild)(\/|$)/.test(m))).toBe(false);
  });

  test("stack traces of the compiled command point at the TypeScript sources (source map)", () => {
    // the bin script enables source maps; an error thrown inside the command shows src/cli/*.ts, not dist-cli
    const preload = path.join(dir, "probe.js");
    fs.writeFileSync(
      preload,
      `process.stdout.write = () => { throw new Error("probe"); };
       process.on("uncaughtException", (e) => { process.stderr.write(e.stack); process.exit(3); });`,
    );
    const r = run(["--version"], { preload });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/src\/cli\/run-cli\.ts:\d+:\d+/);
    expect(r.stderr).not.toMatch(/dist-cli/);
  });

  test("without the compiled command, one line says to run `npm run build:cli` (exit 2), and nothing runs", () => {
    // the bin script alone, as in a checkout where dist-cli/ was deleted
    const bin = path.join(dir, "bin", "progress-review.js");
    fs.mkdirSync(path.dirname(bin));
    fs.copyFileSync(BIN, bin);
    const r = spawnSync(process.execPath, [bin, "summarize", TOKORO, "--out", "x.xlsx"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ビルドされていません.*npm run build:cli/);
    expect(fs.readdirSync(dir)).toEqual(["bin"]);
  });

  test("--help: Japanese, then English, every option in both; exit 0 on stdout", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    const ja = r.stdout.indexOf("使い方");
    const en = r.stdout.indexOf("Usage:");
    expect(ja).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(ja);
    for (const option of ["--out", "--json", "--year", "--rules", "--via-excel", "--progress", "--help", "--version"]) {
      expect(r.stdout.slice(ja, en)).toContain(option);
      expect(r.stdout.slice(en)).toContain(option);
    }
    expect(run(["summarize", "-h"]).stdout).toBe(r.stdout);
  });

  test("`npx progress-review` in the project runs this command (as the README and messages say)", () => {
    const r = spawnSync("npx", ["--no", "--", "progress-review", "--version"], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`progress-review ${PKG.version}`);
  });

  test("--version prints package.json's version", () => {
    const r = run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`progress-review ${PKG.version}`);
  });

  test("progress lines on stderr with --progress, none without (not a terminal)", () => {
    const quiet = run(["summarize", TOKORO, "--out", "a.xlsx"]);
    expect(quiet.stderr).not.toMatch(/^\[\d+\.\ds\]/m);
    const loud = run(["summarize", TOKORO, "--out", "b.xlsx", "--progress"]);
    expect(loud.code).toBe(0);
    const lines = loud.stderr.split("\n").filter((l) => /^\[\d+\.\ds\] /.test(l));
    expect(lines[0]).toMatch(/読み込み 1\/1: .*tokorozawa-r3-list\.xlsx \/ reading 1\/1/);
    expect(lines.some((l) => l.includes("評価を計算中 / grading"))).toBe(true);
    expect(lines.some((l) => l.includes("writing b.xlsx"))).toBe(true);
  });

  test("--year matching no data: a warning naming the years found, exit 0", () => {
    const r = run(["summarize", SUITA, "--out", "r.xlsx", "--year", "2015"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /警告 \/ warning: --year 平成27年度（2015）のデータは見つかりませんでした。見つかった年度: .*令和2年度.* \/ no data for fiscal year 2015; years found: .*2020/,
    );
    expect(run(["summarize", SUITA, "--out", "s.xlsx", "--year", "R2"]).stderr).not.toContain(
      "no data for fiscal year",
    );
  });

  test("inputs whose evaluated years differ: a warning says which input evaluates which year", () => {
    const r = run(["summarize", SUITA, TOKORO, "--out", "r.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /the inputs evaluate different fiscal years: suita-5year-plan\.xlsx → 2020; tokorozawa-r3-list\.xlsx → 2021/,
    );
  });

  test("--year together with --rules: the year wins over the rules file's year, and the file's other rules apply", async () => {
    const rules = writeJson("rules.json", { year: 2021, sheetNames: { summary: "集計表" } });
    const r = run(["summarize", SUITA, "--out", "r.xlsx", "--json", "s.json", "--rules", rules, "--year", "令和2年度"]);
    expect(r.code).toBe(0);
    const ev = summaryOf(path.join(dir, "s.json")).evaluations;
    expect(ev.map((e: { fiscalYear: number }) => e.fiscalYear)).toEqual([2020]);
    expect(ev[0].total.counts).toEqual(suitaExpected.evaluations[0].total.counts);
    expect(await sheetNames(path.join(dir, "r.xlsx"))).toContain("集計表");
  });

  test("rules: sheetNames names the generated sheets; language en writes them in English", async () => {
    const names = writeJson("names.json", { sheetNames: { summary: "集計表", list: "一覧表", review: "確認" } });
    expect(run(["summarize", TOKORO, "--out", "n.xlsx", "--rules", names]).code).toBe(0);
    expect(await sheetNames(path.join(dir, "n.xlsx"))).toEqual(
      expect.arrayContaining(["表4-1", "集計表", "一覧表", "確認"]),
    );
    expect(await sheetNames(path.join(dir, "n.xlsx"))).not.toContain("評価集計");

    const en = writeJson("en.json", { language: "en" });
    expect(run(["summarize", TOKORO, "--out", "e.xlsx", "--rules", en]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "e.xlsx"));
    const summary = wb.worksheets.find((w) => w.name !== "表4-1")!;
    expect(summary.getCell("A1").value).toBe("Table 3-1 Evaluation results by vision (R3)");
  });

  test("rules: columnOverrides can set a misread column aside (総括 ignored → only R3 is evaluated)", () => {
    const rules = writeJson("co.json", { columnOverrides: { "表4-1": { columns: { "4": "ignore" } } } });
    expect(run(["summarize", TOKORO, "--out", "c.xlsx", "--json", "c.json", "--rules", rules]).code).toBe(0);
    expect(summaryOf(path.join(dir, "c.json")).evaluations.map((e: { label: string }) => e.label)).toEqual(["R3"]);
    expect(run(["summarize", TOKORO, "--out", "d.xlsx", "--json", "d.json"]).code).toBe(0);
    expect(summaryOf(path.join(dir, "d.json")).evaluations.map((e: { label: string }) => e.label)).toEqual([
      "R3",
      "総括",
    ]);
  });

  test("a user's own sheet named 評価集計 is kept as it was; the generated one is 「評価集計 (2)」", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(TOKORO);
    wb.addWorksheet("評価集計").getCell("A1").value = "課内メモ";
    await wb.xlsx.writeFile(path.join(dir, "in.xlsx"));
    expect(run(["summarize", "in.xlsx", "--out", "out.xlsx"]).code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "out.xlsx"));
    expect(out.getWorksheet("評価集計")!.getCell("A1").value).toBe("課内メモ");
    expect(out.getWorksheet("評価集計 (2)")!.getCell("A1").value).toBe("表3-1 評価結果（ビジョン毎）（R3）");
  });
});
