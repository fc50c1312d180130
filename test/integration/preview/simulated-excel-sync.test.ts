/**
 * Sync accounting, fault injection and Excel on the web's 5 MB payload limit.
 */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { rejectionOf, savedValue, simOf } from "./sim-helpers";

describe("simulated Excel: sync counting", () => {
  test("counts syncs that carry something; empty syncs are free; Excel.run's closing sync counts", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      await ctx.sync(); // nothing queued: no round trip
      const ws = ctx.workbook.worksheets;
      ws.load("items/name");
      await ctx.sync(); // 1
      await ctx.sync(); // empty again
      ws.getItem("Notes").getRange("A1").values = [["x"]];
      await ctx.sync(); // 2
      ws.getItem("Notes").getRange("A2").values = [["y"]]; // 3: synced by Excel.run
    });
    expect(sim.stats.syncs).toBe(3);
    expect(sim.stats.batchBytes).toHaveLength(3);
    expect(sim.stats.totalBytes).toBe(sim.stats.batchBytes.reduce((a, b) => a + b, 0));
    expect(sim.stats.maxBatchBytes).toBe(Math.max(...sim.stats.batchBytes));
    sim.resetStats();
    expect(sim.stats).toEqual({ syncs: 0, batchBytes: [], maxBatchBytes: 0, totalBytes: 0, maxRequestBytes: 0 });
  });

  test("batch size includes the values written and the values loaded", async () => {
    const sim = simOf();
    const text = "あ".repeat(1000); // 3 bytes each in UTF-8
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [[text]];
      await ctx.sync();
    });
    const write = sim.stats.batchBytes[0];
    expect(write).toBeGreaterThan(3000);
    expect(write).toBeLessThan(3600);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A1").load("values");
      await ctx.sync();
    });
    const read = sim.stats.batchBytes[1];
    expect(read).toBeGreaterThan(3000);
    expect(read).toBeLessThan(3600);
  });
});

describe("simulated Excel: failAtSync", () => {
  test("the n-th sync throws GeneralException and applies nothing of its batch; later syncs work", async () => {
    const sim = simOf(undefined, { failAtSync: 2 });
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["first"]];
        await ctx.sync(); // 1: applied
        ctx.workbook.worksheets.getItem("Notes").getRange("A2").values = [["second"]];
        ctx.workbook.worksheets.add("Extra");
        ctx.workbook.worksheets.getItem("Data").getRange("A1").format.font.bold = true;
        await ctx.sync(); // 2: fails
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(savedValue(sim, "Notes", "A1")).toBe("first");
    expect(savedValue(sim, "Notes", "A2")).toBeNull();
    expect(sim.inspect().sheets.map((s) => s.name)).toEqual(["Data", "Notes"]);
    expect(sim.toExcelJs().getWorksheet("Data")!.getCell("A1").font?.bold).toBeFalsy();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A2").values = [["again"]];
    });
    expect(savedValue(sim, "Notes", "A2")).toBe("again");
  });

  test("setFailAtSync counts from the next sync; loads of the failed batch stay unloaded", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name");
      await ctx.sync();
      sim.setFailAtSync(1);
      const r = ws.getItem("Data").getRange("A1");
      r.load("values");
      expect((await rejectionOf(ctx.sync())).code).toBe("GeneralException");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["項目"]]);
    });
    sim.setFailAtSync(null);
  });
});

describe("simulated Excel: 5 MB batches (Excel on the web)", () => {
  test("a write batch over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const sim = simOf();
    const rows = 20000;
    const values = Array.from({ length: rows }, (_, i) => [`行${i} ${"x".repeat(300)}`, i, i * 2]);
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Notes");
        ws.getRange("E1").values = [["small write in the same batch"]];
        ws.getRange(`A1:C${rows}`).values = values;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(e.message).toMatch(/5 MB/);
    expect(savedValue(sim, "Notes", "E1")).toBeNull();
    expect(savedValue(sim, "Notes", "A1")).toBeNull();
    expect(sim.stats.batchBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
    // The same data in blocks is fine.
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      for (let start = 0; start < rows; start += 5000) {
        ws.getRange(`A${start + 1}:C${start + 5000}`).values = values.slice(start, start + 5000);
        await ctx.sync();
      }
    });
    expect(sim.stats.maxBatchBytes).toBeGreaterThan(5 * 1024 * 1024); // the failed one
    expect(Math.max(...sim.stats.batchBytes.slice(1))).toBeLessThan(5 * 1024 * 1024);
    expect(savedValue(sim, "Notes", `A${rows}`)).toBe(values[rows - 1][0]);
  });

  test("a response over the limit fails (ResponsePayloadSizeLimitExceeded) and rolls back the batch's writes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Big");
    for (let r = 1; r <= 200; r++) ws.getRow(r).values = [`${"y".repeat(50)}${r}`, r];
    const sim = SimulatedExcel.fromExcelJs(wb, { maxBatchBytes: 5000 });
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Big");
        s.getRange("D1").values = [["written before the read"]];
        s.getRange("D2:D3").merge();
        ctx.workbook.worksheets.add("Added");
        s.getRange("A1:B200").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(savedValue(sim, "Big", "D1")).toBeNull();
    expect(sim.inspect().sheets.map((s) => s.name)).toEqual(["Big"]);
    expect(sim.toExcelJs().getWorksheet("Big")!.getCell("D3").isMerged).toBe(false);
  });
});
