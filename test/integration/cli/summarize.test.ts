/**
 * The summarize command as a user runs it: exit codes, what is (not)
 * written, inputs left alone, every input cell in the output, the generated
 * sheets and summary.json. In-process through main(argv) for speed, plus one
 * run of the real command.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/main";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import {
  FORMULA_LOOKING_NAMES,
  progressWorkbook,
  writeHostileFixtures,
  type HostileFiles,
} from "../../fixtures/hostile/make-hostile";

const ROOT = path.join(__dirname, "..", "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const TOKOROZAWA = "tokorozawa-r3-list.xlsx";
const SUITA = "suita-5year-plan.xlsx";
const GENERATED = ["評価集計", "評価一覧", "要確認"];

let tmp: string;
let hostile: HostileFiles;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-cli-"));
  hostile = await writeHostileFixtures(path.join(tmp, "hostile"));
  for (const f of [TOKOROZAWA, SUITA]) fs.copyFileSync(path.join(FIXTURES, f), path.join(tmp, f));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stderr: string;
  stdout: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stderr = "";
  let stdout = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: (t) => (stdout += t) });
  return { code, stderr, stdout };
}

/** A fresh directory for one test's outputs. */
function outDir(): string {
  return fs.mkdtempSync(path.join(tmp, "out-"));
}

const inTmp = (name: string) => path.join(tmp, name);
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function readJson(file: string): {
  evaluations: { label: string; fiscalYear: number | null; total: unknown; items: { sheet: string }[] }[];
} {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

describe("unusable input: exit 2, a one-line reason, nothing written", () => {
  const cases: [string, () => string[]][] = [
    ["random bytes named .xlsx", () => [hostile.randomBytes]],
    ["a CSV renamed .xlsx", () => [hostile.csvRenamed]],
    ["an empty file", () => [hostile.empty]],
    ["a truncated workbook", () => [hostile.truncated]],
    ["a ZIP that is not a workbook", () => [hostile.zipNotWorkbook]],
    ["an old .xls / password-protected file", () => [hostile.legacyXls]],
    ["a missing input", () => [inTmp("does-not-exist.xlsx")]],
    ["a good input followed by a corrupt one", () => [inTmp(TOKOROZAWA), hostile.randomBytes]],
  ];
  it.each(cases)("%s", async (_what, inputs) => {
    const dir = outDir();
    const out = path.join(dir, "result.xlsx");
    const json = path.join(dir, "summary.json");
    const r = await run("summarize", ...inputs(), "--out", out, "--json", json);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^エラー \/ error: /);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("the CSV is named as text, the .xls as old or protected", async () => {
    const out = path.join(outDir(), "r.xlsx");
    expect((await run("summarize", hostile.csvRenamed, "--out", out)).stderr).toMatch(/CSV/);
    expect((await run("summarize", hostile.legacyXls, "--out", out)).stderr).toMatch(/\.xls/);
  });

  it("no input workbook", async () => {
    const r = await run("summarize", "--out", path.join(outDir(), "r.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input/);
  });

  it("no --out", async () => {
    const r = await run("summarize", inTmp(TOKOROZAWA));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });

  it("--out is the input (also through another spelling of the path)", async () => {
    const input = inTmp(TOKOROZAWA);
    const before = sha256(input);
    for (const out of [input, path.join(tmp, "hostile", "..", TOKOROZAWA)]) {
      const r = await run("summarize", input, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/same file as an input/);
    }
    expect(sha256(input)).toBe(before);
  });

  it("--json is the input", async () => {
    const input = inTmp(TOKOROZAWA);
    const r = await run("summarize", input, "--out", path.join(outDir(), "r.xlsx"), "--json", input);
    expect(r.code).toBe(2);
  });

  it("--rules that is not JSON", async () => {
    const dir = outDir();
    const rules = path.join(tmp, "broken-rules.json");
    fs.writeFileSync(rules, "{ year: 2020, ");
    const r = await run("summarize", inTmp(TOKOROZAWA), "--out", path.join(dir, "r.xlsx"), "--rules", rules);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rules: .*not valid JSON/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("--rules with invalid values names the field", async () => {
    const dir = outDir();
    const rules = path.join(tmp, "bad-rules.json");
    fs.writeFileSync(rules, JSON.stringify({ bands: [{ label: "A", min: 1 }], mode: "percent" }));
    const r = await run("summarize", inTmp(TOKOROZAWA), "--out", path.join(dir, "r.xlsx"), "--rules", rules);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid rules: .*bands/);
    expect(r.stderr).toMatch(/mode/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("--rules file missing", async () => {
    const r = await run(
      "summarize",
      inTmp(TOKOROZAWA),
      "--out",
      path.join(outDir(), "r.xlsx"),
      "--rules",
      inTmp("nope.json"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rules/);
  });

  it("an invalid --year", async () => {
    const dir = outDir();
    const r = await run("summarize", inTmp(SUITA), "--out", path.join(dir, "r.xlsx"), "--year", "来年");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("an unknown option is refused in one line naming it; an unknown command shows the usage", async () => {
    const r = await run("summarize", inTmp(SUITA), "--out", path.join(outDir(), "r.xlsx"), "--frobnicate");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/unknown option "--frobnicate"/)]);
    const c = await run("summarise", inTmp(SUITA));
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/Usage/);
  });

  it("--help prints the usage and succeeds", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/使い方:[\s\S]*Usage:/);
  });
});

describe("one workbook", () => {
  let dir: string;
  let out: string;
  let json: string;
  let result: Run;
  let inputHash: string;
  let inputMtime: number;

  beforeAll(async () => {
    dir = outDir();
    out = path.join(dir, "result.xlsx");
    json = path.join(dir, "summary.json");
    const input = inTmp(TOKOROZAWA);
    inputHash = sha256(input);
    inputMtime = fs.statSync(input).mtimeMs;
    result = await run("summarize", input, "--out", out, "--json", json);
  });

  it("succeeds and writes just the two files (no temporary files left)", () => {
    expect(result.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(["result.xlsx", "summary.json"]);
  });

  it("the input file is byte for byte unchanged", () => {
    expect(sha256(inTmp(TOKOROZAWA))).toBe(inputHash);
    expect(fs.statSync(inTmp(TOKOROZAWA)).mtimeMs).toBe(inputMtime);
  });

  it("the output holds the input's sheets, then 評価集計, 評価一覧, 要確認", async () => {
    const wb = await load(out);
    const input = await load(inTmp(TOKOROZAWA));
    const names = wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name);
    expect(names).toEqual([...input.worksheets.map((w) => w.name), ...GENERATED]);
    expect(wb.getWorksheet(SETTINGS_SHEET_NAME)?.state).toBe("veryHidden");
  });

  it("every cell of the input sheet is in the output unchanged (value, formula, number format), with merges and widths", async () => {
    await expectSheetsCopied(inTmp(TOKOROZAWA), out, (n) => n);
  });

  it("summary.json matches the published report (表3-1)", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));
    const summary = readJson(json);
    expect(summary.evaluations.map((e) => e.label)).toEqual(
      expected.evaluations.map((e: { label: string }) => e.label),
    );
    summary.evaluations.forEach((ev, i) => expect(ev.total).toEqual(expected.evaluations[i].total));
  });

  it("stderr has the totals line", () => {
    expect(result.stderr).toMatch(/R3: A 50 \/ B 7 \/ C 0 \/ D 0/);
  });

  it("running again on the result replaces the generated sheets instead of adding more", async () => {
    // Its own folder: the first test checks that `dir` holds just the two files, in any order.
    const again = path.join(outDir(), "again.xlsx");
    const r = await run("summarize", out, "--out", again);
    expect(r.code).toBe(0);
    const names = (await load(again)).worksheets.map((w) => w.name);
    expect(names).toEqual((await load(out)).worksheets.map((w) => w.name));
  });
});

describe("--year and --rules", () => {
  const expected = () => JSON.parse(fs.readFileSync(path.join(FIXTURES, "suita-5year-plan.expected.json"), "utf8"));

  it("by default the latest year with actuals (令和２年度)", async () => {
    const dir = outDir();
    const r = await run(
      "summarize",
      inTmp(SUITA),
      "--out",
      path.join(dir, "r.xlsx"),
      "--json",
      path.join(dir, "s.json"),
    );
    expect(r.code).toBe(0);
    const ev = readJson(path.join(dir, "s.json")).evaluations[0]!;
    expect(ev.fiscalYear).toBe(2020);
    expect(ev.total).toEqual(expected().evaluations[0].total);
  });

  it.each(["令和元年度", "R1", "2019", "平成31年度"])("--year %s evaluates 令和元年度", async (year) => {
    const dir = outDir();
    const r = await run(
      "summarize",
      inTmp(SUITA),
      "--out",
      path.join(dir, "r.xlsx"),
      "--json",
      path.join(dir, "s.json"),
      "--year",
      year,
    );
    expect(r.code).toBe(0);
    const ev = readJson(path.join(dir, "s.json")).evaluations[0]!;
    expect(ev.fiscalYear).toBe(2019);
    expect(ev.total).toEqual(expected().otherYears["令和元年度"].total);
  });

  it("rules given once are stored in the result and used by the next run without --rules", async () => {
    const dir = outDir();
    const rules = path.join(dir, "rules.json");
    fs.writeFileSync(rules, JSON.stringify({ year: 2019 }));
    const first = path.join(dir, "first.xlsx");
    expect((await run("summarize", inTmp(SUITA), "--out", first, "--rules", rules)).code).toBe(0);
    fs.rmSync(rules);
    const r = await run("summarize", first, "--out", path.join(dir, "second.xlsx"), "--json", path.join(dir, "s.json"));
    expect(r.code).toBe(0);
    expect(readJson(path.join(dir, "s.json")).evaluations[0]!.fiscalYear).toBe(2019);
  });
});

describe("several workbooks (the secretariat's case)", () => {
  it("several inputs above 360,000 cells together (each under the one-input limit) are refused with exit 2, nothing written", async () => {
    const dir = outDir();
    const write = async (file: string) => {
      // 26,000 rows × 7 = 182,000 cells each: under the one-input limit, 364,000 together
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
      const ws = wb.addWorksheet("進捗");
      for (let r = 0; r < 26_000; r++) ws.addRow([r + 1, `事業${r}`, "課", "指標", 10, 8, "B"]).commit();
      ws.commit();
      await wb.commit();
    };
    const [a, b] = [path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx")];
    await write(a);
    await write(b);
    const out = path.join(dir, "r.xlsx");
    const r = await run("summarize", a, b, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/値のあるセル 360,000 超.*inputs together/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it("two department workbooks with the same sheet name: both sheets are in the one result, reviewed together", async () => {
    const dir = outDir();
    const a = path.join(dir, "soumu.xlsx");
    const b = path.join(dir, "shimin.xlsx");
    await (
      await progressWorkbook({ names: ["文書管理システム", "財務会計システム"], grades: ["A", "B"] })
    ).xlsx.writeFile(a);
    await (
      await progressWorkbook({
        names: ["住民記録システム", "証明書コンビニ交付", "窓口予約システム"],
        grades: ["C", "A", "A"],
      })
    ).xlsx.writeFile(b);
    const hashes = [sha256(a), sha256(b)];
    const out = path.join(dir, "all.xlsx");
    const json = path.join(dir, "all.json");
    const r = await run("summarize", a, b, "--out", out, "--json", json);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/進捗状況 \(2\)/); // the rename is reported

    const wb = await load(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["進捗状況", "進捗状況 (2)"]);
    expect(names).toEqual(expect.arrayContaining(GENERATED));
    expect(wb.getWorksheet("進捗状況")!.getCell("B4").value).toBe("文書管理システム");
    expect(wb.getWorksheet("進捗状況 (2)")!.getCell("B4").value).toBe("住民記録システム");

    await expectSheetsCopied(a, out, (n) => n);
    await expectSheetsCopied(b, out, (n) => `${n} (2)`);

    const items = readJson(json).evaluations.flatMap((e) => e.items);
    expect(new Set(items.map((i) => i.sheet))).toEqual(new Set(["進捗状況", "進捗状況 (2)"]));
    expect(items).toHaveLength(5);
    expect([sha256(a), sha256(b)]).toEqual(hashes);
  });

  it("the published fixtures together: one result with all sheets and both reports' evaluations", async () => {
    const dir = outDir();
    const json = path.join(dir, "s.json");
    const r = await run(
      "summarize",
      inTmp(TOKOROZAWA),
      inTmp(SUITA),
      "--out",
      path.join(dir, "r.xlsx"),
      "--json",
      json,
    );
    expect(r.code).toBe(0);
    const labels = readJson(json).evaluations.map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(["R3", "令和２年度"]));
    await expectSheetsCopied(inTmp(TOKOROZAWA), path.join(dir, "r.xlsx"), (n) => n);
    await expectSheetsCopied(inTmp(SUITA), path.join(dir, "r.xlsx"), (n) => n);
  });
});

describe("hostile but valid workbooks", () => {
  it("names that look like formulas stay text in every generated sheet", async () => {
    const dir = outDir();
    const out = path.join(dir, "r.xlsx");
    expect((await run("summarize", hostile.formulaLookingText, "--out", out)).code).toBe(0);
    const wb = await load(out);
    const found = new Map<string, ExcelJS.Cell>();
    for (const name of GENERATED)
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) throw new Error(`formula in ${name}!${cell.address}: ${cell.formula}`);
          if (typeof cell.value === "string" && FORMULA_LOOKING_NAMES.includes(cell.value)) found.set(cell.value, cell);
        }),
      );
    for (const n of FORMULA_LOOKING_NAMES.filter((s) => !s.includes("\n"))) {
      expect(found.get(n)?.type).toBe(ExcelJS.ValueType.String);
    }
  });

  it("a user's own sheet named 評価集計 is kept; the generated one takes another name", async () => {
    const dir = outDir();
    const out = path.join(dir, "r.xlsx");
    expect((await run("summarize", hostile.userSheetNamedLikeGenerated, "--out", out)).code).toBe(0);
    const wb = await load(out);
    expect(wb.getWorksheet("評価集計")!.getCell("A1").value).toBe("担当者のメモ（このシートは利用者のもの）");
    expect(wb.getWorksheet("評価集計")!.getCell("B2").value).toBe(123);
    expect(wb.worksheets.length).toBe(6); // 進捗状況, 評価集計 (user), 3 generated, settings
  });

  it("a stray value in the last cell of the sheet: the table is still reviewed, with a warning", async () => {
    const dir = outDir();
    const json = path.join(dir, "s.json");
    const r = await run("summarize", hostile.strayCell, "--out", path.join(dir, "r.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/警告 \/ warning: .*far outside/);
    expect(readJson(json).evaluations[0]!.items).toHaveLength(4);
  });

  it("a malformed settings sheet: success with a warning", async () => {
    const dir = outDir();
    const r = await run("summarize", hostile.malformedSettings, "--out", path.join(dir, "r.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/警告 \/ warning: .*ProgressReview_Settings.*確認できない/);
  });
});

describe("--via-excel", () => {
  it("runs the same job through the Office.js adapter and reports the syncs", async () => {
    const dir = outDir();
    const json = path.join(dir, "s.json");
    const jsonDirect = path.join(dir, "d.json");
    const r = await run("summarize", inTmp(SUITA), "--out", path.join(dir, "r.xlsx"), "--json", json, "--via-excel");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^syncs=\d+$/m);
    expect((await run("summarize", inTmp(SUITA), "--out", path.join(dir, "d.xlsx"), "--json", jsonDirect)).code).toBe(
      0,
    );
    expect(readJson(json).evaluations.map((e) => e.total)).toEqual(
      readJson(jsonDirect).evaluations.map((e) => e.total),
    );
    const names = (await load(path.join(dir, "r.xlsx"))).worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(GENERATED));
  });
});

describe("the real command", () => {
  it("node bin/progress-review.js summarize … (the compiled command) exits 0 and writes the result", () => {
    const dir = outDir();
    const out = path.join(dir, "r.xlsx");
    const json = path.join(dir, "s.json");
    const p = spawnSync(
      process.execPath,
      ["bin/progress-review.js", "summarize", inTmp(SUITA), "--out", out, "--json", json],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60000,
      },
    );
    expect(p.status).toBe(0);
    expect(p.stderr).toMatch(/令和２年度: A 9/);
    expect(fs.existsSync(out)).toBe(true);
    expect(readJson(json).evaluations.length).toBeGreaterThan(0);
  });
});

/** Every cell (value, formula, number format) of every sheet of `input` is the same in `output`. */
async function expectSheetsCopied(
  input: string,
  output: string,
  nameInOutput: (name: string) => string,
): Promise<void> {
  const src = await load(input);
  const dst = await load(output);
  for (const ws of src.worksheets) {
    if (ws.name === SETTINGS_SHEET_NAME) continue;
    const copy = dst.getWorksheet(nameInOutput(ws.name));
    expect(copy).toBeDefined();
    expect(copy!.state).toBe(ws.state);
    expect(copy!.model.merges.sort()).toEqual(ws.model.merges.sort());
    for (let c = 1; c <= ws.columnCount; c++) expect(copy!.getColumn(c).width).toBe(ws.getColumn(c).width);
    let cells = 0;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      expect(copy!.getRow(r).height).toBe(row.height);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const other = copy!.getCell(r, c);
        expect({ at: cell.address, value: other.value, formula: other.formula, numFmt: other.numFmt }).toEqual({
          at: cell.address,
          value: cell.value,
          formula: cell.formula,
          numFmt: cell.numFmt,
        });
        cells++;
      });
    });
    expect(cells).toBeGreaterThan(0);
  }
}
