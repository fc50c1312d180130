/**
 * The smaller probes of issue 19 (item 12), each on a generated input: --help names every option; --rules on a
 * FIFO or a huge file; a structure-protected workbook; formulas saved without results; --pdf of a list longer than
 * LibreOffice prints in reasonable time. Each ends with exit 2 and one line, or a warning, and nothing written.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { progressWorkbook } from "../../fixtures/hostile/make-hostile";
import { benchSheetRows } from "../../bench/generate-progress";

let tmp: string;
let input: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-small-"));
  input = path.join(tmp, "in.xlsx");
  await (await progressWorkbook()).xlsx.writeFile(input);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = "";
  let stdout = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: (t) => (stdout += t) });
  return { code, stderr, stdout };
}

const oneErrorLine = /^エラー \/ error: [^\n]+\n$/;

it("--help lists --report and --pdf, in Japanese and in English", async () => {
  const r = await run("--help");
  expect(r.code).toBe(0);
  const [ja, en] = r.stdout.split("Usage:");
  for (const part of [ja!, en!]) {
    expect(part).toMatch(/--report <file\.xlsx>/);
    expect(part).toMatch(/--pdf <file\.pdf>/);
  }
});

it("--rules on a FIFO: exit 2 at once, not a hang", async () => {
  const fifo = path.join(tmp, "rules.fifo");
  execFileSync("mkfifo", [fifo]);
  const out = path.join(tmp, "fifo-out.xlsx");
  const r = await run("summarize", input, "--rules", fifo, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(oneErrorLine);
  expect(r.stderr).toContain("通常のファイルではありません");
  expect(fs.existsSync(out)).toBe(false);
}, 10_000);

it("--rules of several MB (valid JSON) is refused, not stored in the output", async () => {
  const overrides: Record<string, string> = {};
  for (let i = 0; i < 120_000; i++) overrides[`指標${i}`] = "higher";
  const rules = path.join(tmp, "huge-rules.json");
  fs.writeFileSync(rules, JSON.stringify({ directionOverrides: overrides }));
  expect(fs.statSync(rules).size).toBeGreaterThan(2 * 1024 * 1024);
  const out = path.join(tmp, "huge-out.xlsx");
  const r = await run("summarize", input, "--rules", rules, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(oneErrorLine);
  expect(r.stderr).toContain("1 MiB");
  expect(fs.existsSync(out)).toBe(false);
});

it("a workbook whose structure is protected: exit 2 (Excel would refuse to add sheets), nothing written", async () => {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(input)));
  const wb = strFromU8(parts["xl/workbook.xml"]!);
  expect(wb).toContain("<sheets>");
  // CT_Workbook: workbookPr, workbookProtection, bookViews, sheets
  parts["xl/workbook.xml"] = strToU8(wb.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>'));
  const file = path.join(tmp, "protected.xlsx");
  fs.writeFileSync(file, zipSync(parts));
  const out = path.join(tmp, "protected-out.xlsx");
  const r = await run("summarize", file, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(oneErrorLine);
  expect(r.stderr).toContain("ブックの構成が保護されています");
  expect(fs.existsSync(out)).toBe(false);
});

it("formulas saved without their results: a warning to recalculate in Excel", async () => {
  const wb = await progressWorkbook();
  const ws = wb.worksheets[0]!;
  ws.getCell("E3").value = "目標";
  for (let r = 4; r <= 7; r++) ws.getCell(`E${r}`).value = { formula: `${r}*10` } as ExcelJS.CellFormulaValue;
  const file = path.join(tmp, "uncalculated.xlsx");
  await wb.xlsx.writeFile(file);
  expect(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))["xl/worksheets/sheet1.xml"]!)).toMatch(
    /<c r="E4"[^>]*><f>4\*10<\/f><\/c>/,
  );
  const r = await run("summarize", file, "--out", path.join(tmp, "uncalculated-out.xlsx"));
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/警告 \/ warning: .*数式 4 個.*再計算されていません。Excel で開いて保存してください/);
});

describe("--pdf of a list longer than 10,000 rows", () => {
  const savedPath = process.env.PATH;
  let file: string;
  beforeAll(async () => {
    // a stand-in soffice that fails loudly if it is ever started
    const bin = path.join(tmp, "bin");
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, "soffice"), "#!/bin/sh\necho started >&2\nexit 3\n", { mode: 0o755 });
    process.env.PATH = `${bin}:${savedPath}`;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("進捗");
    for (const row of benchSheetRows(10_500)) ws.addRow(row);
    file = path.join(tmp, "long.xlsx");
    await wb.xlsx.writeFile(file);
  }, 60_000);
  afterAll(() => {
    process.env.PATH = savedPath;
  });

  it("exit 2 before LibreOffice is started, saying to print --report; nothing written", async () => {
    const dir = path.join(tmp, "long-out");
    const r = await run("summarize", file, "--out", path.join(dir, "out.xlsx"), "--pdf", path.join(dir, "out.pdf"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(oneErrorLine);
    expect(r.stderr).toContain("--report");
    expect(r.stderr).toContain("10,000");
    expect(fs.existsSync(dir)).toBe(false);
  }, 60_000);
});

describe("rules that would poison later runs are refused before anything is stored", () => {
  const cases: [string, unknown, RegExp][] = [
    ["a header row beyond the sheet (1e15)", { columnOverrides: { 進捗状況: { headerRow: 1e15 } } }, /headerRow/],
    ["a column beyond XFD", { columnOverrides: { 進捗状況: { columns: { "16384": "item" } } } }, /columns\.16384/],
    ["a __proto__ key", JSON.parse('{"columnOverrides":{"__proto__":{"headerRow":2}}}'), /__proto__/],
    ["a __proto__ direction", JSON.parse('{"directionOverrides":{"__proto__":"lower"}}'), /__proto__/],
  ];
  it.each(cases)("%s: exit 2, one line, nothing written", async (_name, rules, reason) => {
    const file = path.join(tmp, `rules-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(rules));
    const out = path.join(tmp, "poison-out.xlsx");
    const r = await run("summarize", input, "--rules", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(oneErrorLine);
    expect(r.stderr).toMatch(reason);
    expect(fs.existsSync(out)).toBe(false);
  });
});
