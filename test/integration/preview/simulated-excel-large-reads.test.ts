/**
 * A 50,000 × 12 range: read whole where the limit allows, refused above Excel on the web's 5 MB, read in
 * blocks under it. (How long the read takes is measured by `npm run bench:syncs`, not asserted here.)
 */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";

const ROWS = 50_000;
const COLS = 12;

test("the values of a 50,000 × 12 range: whole without a limit, refused above 5 MB, in blocks under it", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Big");
  const sim = SimulatedExcel.fromExcelJs(wb, { maxBatchBytes: 64 * 1024 * 1024 });
  const data = Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => (c % 3 === 0 ? `事業${r}-${c}` : r * COLS + c)));
  await sim.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Big").getRangeByIndexes(0, 0, ROWS, COLS).values = data;
    await ctx.sync();
  });
  const values = await sim.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Big").getUsedRange(true);
    r.load("values");
    await ctx.sync();
    return r.values;
  });
  expect(values).toHaveLength(ROWS);
  expect(values[ROWS - 1]).toEqual(data[ROWS - 1]);
  // The same read at Excel on the web's 5 MB limit fails; blocks of 10,000 rows pass.
  const web = SimulatedExcel.fromExcelJs(sim.toExcelJs());
  await expect(
    web.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Big").getUsedRange(true).load("values");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  web.resetStats();
  const blocks = await web.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Big");
    const out: unknown[][] = [];
    for (let start = 0; start < ROWS; start += 10_000) {
      const block = ws.getRangeByIndexes(start, 0, 10_000, COLS).load("values");
      await ctx.sync();
      out.push(...block.values);
    }
    expect(web.stats.maxBatchBytes).toBeLessThan(5 * 1024 * 1024);
    return out;
  });
  expect(blocks).toHaveLength(ROWS);
}, 120_000);
