/**
 * Batches that always fit (issue 11 §2): every request and response under Excel on the web's 5 MB, sized
 * from what is really sent, whatever the data; and the host's strictness where real workbooks differ from
 * tidy ones (used ranges near the sheet's bottom, merged whole rows).
 */
import ExcelJS from "exceljs";
import { benchSheetRows } from "../../bench/generate-progress";
import { recomputeIn, simOf, digestOf } from "./helpers";

const LIMIT = 5 * 1024 * 1024;
const LONG = "市民サービスの向上と業務の効率化を図るための取組として、各課の事業を横断的に見直す";

/** `sheets` department sheets of `rows` items each, 事業名 lengthened by `extra` characters of real-looking text. */
function departments(sheets: number, rows: number, extra: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`部${s + 1}`);
    benchSheetRows(rows, s * rows).forEach((row, r) => {
      ws.getRow(r + 1).values = row.map((v, c) =>
        v === null
          ? undefined
          : c === 1 && typeof v === "string" && v.startsWith("事業")
            ? v + "：" + LONG.repeat(Math.ceil(extra / LONG.length)).slice(0, extra)
            : v,
      ) as ExcelJS.CellValue[];
    });
  }
  return wb;
}

describe("never fails a recompute for size", () => {
  test("20 sheets × 2,500 rows of long texts (far above 5 MB) go through in batches under the limit", async () => {
    const sim = await simOf(departments(20, 2_500, 60), { maxBatchBytes: LIMIT });
    sim.resetStats();
    const { result, port } = await recomputeIn(sim);
    expect(result.summary.evaluations[0]!.items.length).toBe(20 * 2_500);
    expect(sim.stats.totalBytes).toBeGreaterThan(2 * LIMIT);
    expect(sim.stats.maxBatchBytes).toBeLessThanOrEqual(LIMIT);
    // Few syncs for the size: a handful per 5 MB moved, never one per sheet or row.
    expect(sim.stats.syncs).toBeLessThan(Math.ceil(sim.stats.totalBytes / LIMIT) * 3 + 5);
    expect(port.lastWriteSyncs).toBeGreaterThan(1);
  }, 900_000);
});

describe("real sheets the host is strict about", () => {
  test("a sheet whose used range is within 20 rows of the bottom is read (no resized range past the grid)", async () => {
    const wb = departments(1, 30, 0);
    const low = wb.addWorksheet("最終行付近");
    low.getCell("A1048570").value = "備考";
    low.getCell("B1048576").value = 1;
    const sim = await simOf(wb);
    const { result } = await recomputeIn(sim);
    expect(result.summary.evaluations[0]!.items.length).toBe(30);
    expect(result.skippedSheets.map((s) => s.sheet)).toContain("最終行付近");
  });

  test("merged whole rows (reported as 1:1) are read, cut to the used range", async () => {
    const wb = departments(1, 30, 0);
    const sim = await simOf(wb);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("部1").getRange("1:1").merge(false);
      await ctx.sync();
    });
    const before = await digestOf(sim, (n) => n === "部1");
    const { result } = await recomputeIn(sim);
    expect(result.summary.evaluations[0]!.items.length).toBe(30);
    expect(await digestOf(sim, (n) => n === "部1")).toEqual(before);
  });
});
