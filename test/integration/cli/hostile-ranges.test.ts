/**
 * Merged areas and data validations far beyond a sheet's cells (issue 19, items 1–2), generated: one merge to
 * XFD1048576 or a drop-down over A1:Z1048576 in a few KB used to cost minutes and gigabytes; they must cost
 * nothing. What remains inside the used range is counted by the input limits, and overlapping merges are bad
 * input. (Time is measured in `npm run bench:ranges`; the timeouts here only keep a regression from hanging.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../src/cli/main";
import { readInputWorkbook } from "../../../src/cli/read-input";
import { mergesOf } from "../../../src/xlsx/xlsx-snapshot";
import { oneRowMerges, rangesWorkbook, type RangesOptions } from "../../fixtures/hostile/make-ranges";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-ranges-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function input(name: string, options: RangesOptions): Promise<string> {
  const file = path.join(tmp, `${name}.xlsx`);
  fs.writeFileSync(file, await rangesWorkbook(options));
  return file;
}

async function run(file: string): Promise<{ code: number; stderr: string; out: string }> {
  let stderr = "";
  const out = file.replace(/\.xlsx$/, "-out.xlsx");
  const code = await main(["summarize", file, "--out", out], { stderr: (t) => (stderr += t), stdout: () => undefined });
  return { code, stderr, out };
}

it("one merge from A10 to the sheet's last cell: read as usual, the 4 items graded", async () => {
  const r = await run(await input("huge-merge", { merges: ["A10:XFD1048576"] }));
  expect(r.stderr).toContain("完了");
  expect(r.stderr).toContain("評価 4件");
  expect(r.code).toBe(0);
}, 20_000);

it("a drop-down over A1:Z1048576: read as usual", async () => {
  const r = await run(await input("validation", { validation: "A1:Z1048576" }));
  expect(r.stderr).toContain("評価 4件");
  expect(r.code).toBe(0);
}, 20_000);

it("merges inside the used range still count: more cells than the limit is exit 2 with the reason", async () => {
  // a formatting-only cell at Z100000 makes A10:Z100000 (2.6 million cells) part of the used range
  const r = await run(await input("merge-in-range", { merges: ["A10:Z100000"], corner: "Z100000" }));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^エラー \/ error: .*結合セル・入力規則.*2,000,000.*\n$/);
  expect(fs.existsSync(r.out)).toBe(false);
}, 20_000);

it("overlapping merges are bad input: exit 2, saying so", async () => {
  const r = await run(await input("overlap", { merges: ["E20:F21", "F21:G22"], corner: "H30" }));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("結合セルが重なっています");
});

it("merges applied after loading are ExcelJS's own: areas listed, other cells merged into the first", async () => {
  const file = await input("merges-kept", { ...oneRowMerges(3000), merges: [...oneRowMerges(3000).merges!, "A1:D1"] });
  const r = await readInputWorkbook(file);
  if (!r.ok) throw new Error(r.reason);
  const ws = r.workbook.worksheets[0]!;
  const merges = mergesOf(ws);
  expect(merges).toHaveLength(3001);
  expect(merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
  expect(ws.getCell("B1").isMergedTo(ws.getCell("A1"))).toBe(true);
  expect(ws.getCell("F3019").isMergedTo(ws.getCell("E3019"))).toBe(true);
  expect(ws.getCell("D1").value).toBe("令和3年度 進捗状況評価結果一覧");
  // the model ExcelJS writes (a further input's sheets are copied through it) has them too
  expect(ws.model.merges).toHaveLength(3001);
}, 30_000);
