/**
 * Bounded memory: inputs beyond the limits are refused with one line, before
 * ExcelJS loads them. Small limits stand in for the real ones so the tests
 * stay fast (the real 300,000-row case is in BENCHMARKS.md).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readInputWorkbook } from "../../../src/cli/read-input";
import { DEFAULT_LIMITS } from "../../../src/xlsx/package/package-limits";
import { featureWorkbook } from "../../helpers/feature-workbook";

let file: string;
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-read-"));
  file = path.join(dir, "features.xlsx");
  fs.writeFileSync(file, featureWorkbook());
});

it("reads a workbook within the limits", async () => {
  const r = await readInputWorkbook(file);
  expect(r.ok).toBe(true);
});

it("refuses a sheet with more cells than the limit, naming the sheet", async () => {
  const r = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxSheetCells: 10 });
  expect(r).toEqual({ ok: false, reason: expect.stringMatching(/シート「データ」.*10 セル.*more than 10 cells/) });
});

it("refuses a sheet with more rows than the limit", async () => {
  const r = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxSheetRows: 3 });
  expect(r).toEqual({ ok: false, reason: expect.stringMatching(/データ.*more than 3 rows/) });
});

it("refuses a part larger than the part limit, and a package larger than the total limit", async () => {
  const part = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxPartBytes: 2000 });
  expect(part).toEqual({ ok: false, reason: expect.stringMatching(/inflates to .* more than the limit of 2.0 KiB/) });
  const total = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxTotalBytes: 5000 });
  expect(total).toEqual({ ok: false, reason: expect.stringMatching(/the package inflates to more than 4.9 KiB/) });
});

it("refuses a package with too many parts", async () => {
  const r = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxEntries: 5 });
  expect(r).toEqual({ ok: false, reason: expect.stringMatching(/too many parts/) });
});

it("refuses when all inputs together pass the total cell limit", async () => {
  const alone = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxTotalCells: 30 });
  expect(alone.ok).toBe(true);
  const r = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxTotalCells: 30 }, 20);
  expect(r).toEqual({ ok: false, reason: expect.stringMatching(/more than 30 cells in all \(inputs together\)/) });
});
