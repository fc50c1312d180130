/**
 * Bounded memory: inputs beyond the limits are refused with one line, before
 * ExcelJS loads them. Small limits stand in for the real ones so the tests
 * stay fast (the real 300,000-row case is in BENCHMARKS.md).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
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
  const r = await readInputWorkbook(file, { ...DEFAULT_LIMITS, maxTotalCells: 30 }, { value: 20, formatted: 20 });
  expect(r).toEqual({
    ok: false,
    reason: expect.stringMatching(/more than 30 cells with values in all \(inputs together\)/),
  });
});

describe("cells that only carry formatting (a 記入要領 sheet bordered far below its text)", () => {
  let bordered: string;
  beforeAll(async () => {
    // 3 rows of 2 values, then 60 rows × 10 cells with borders and nothing in them
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("記入要領");
    ws.addRow(["記入要領", "令和5年度"]);
    ws.addRow(["目標", "数値で記入"]);
    ws.addRow(["実績", "数値で記入"]);
    for (let r = 4; r < 64; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).border = { bottom: { style: "thin" } };
    bordered = path.join(path.dirname(file), "bordered.xlsx");
    await wb.xlsx.writeFile(bordered);
  });

  it("do not count as data: the value limits see 6 cells in 3 rows", async () => {
    const fits = await readInputWorkbook(bordered, { ...DEFAULT_LIMITS, maxSheetCells: 6, maxSheetRows: 3 });
    expect(fits.ok && fits.cells).toEqual({ value: 6, formatted: 606 });
    const cells = await readInputWorkbook(bordered, { ...DEFAULT_LIMITS, maxSheetCells: 5 });
    expect(cells).toEqual({
      ok: false,
      reason: expect.stringMatching(/記入要領.*値のある5 セル超.*more than 5 cells with values/),
    });
    const rows = await readInputWorkbook(bordered, { ...DEFAULT_LIMITS, maxSheetRows: 2 });
    expect(rows).toEqual({ ok: false, reason: expect.stringMatching(/more than 2 rows with values/) });
  });

  it("have their own, larger limit, whose message says what to clear", async () => {
    const r = await readInputWorkbook(bordered, { ...DEFAULT_LIMITS, maxFormattedCells: 600 });
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /書式だけのセルを含めて.*600 超.*記入要領.*clear the borders and formats of unused rows/,
      ),
    });
  });
});
