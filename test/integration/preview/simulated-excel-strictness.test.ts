/**
 * The simulated host is strict where Office.js is: properties need load + sync, writes wait
 * for sync, errors carry Excel's codes and surface at sync.
 */
import { SIMULATED_HOST_LABEL, SimulatedExcel } from "../../../src/preview/simulated-excel";
import { codeOf, rejectionOf, savedValue, simOf } from "./sim-helpers";

describe("simulated Excel: load and sync", () => {
  test("is labelled as a test and trial host", () => {
    expect(SIMULATED_HOST_LABEL).toContain("シミュレーションExcel");
    expect(SIMULATED_HOST_LABEL).toContain("test and trial host");
  });

  test("reading a property that was never loaded throws PropertyNotLoaded", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B3");
      expect(codeOf(() => r.values)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(codeOf(() => r.values)).toBe("PropertyNotLoaded");
      const err = (() => {
        try {
          return r.text;
        } catch (e) {
          return e as Error & { code: string };
        }
      })() as Error & { code: string };
      expect(err.name).toBe("RichApi.Error");
      expect(err.message).toMatch(/The property 'text' is not available/);
    });
  });

  test("loaded but not yet synced still throws; after sync the value is there", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B3");
      r.load("values, address");
      expect(codeOf(() => r.values)).toBe("PropertyNotLoaded");
      expect(codeOf(() => r.address)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([
        ["項目", "目標"],
        ["道路整備", 20],
        ["公園", 0.5],
      ]);
      expect(r.address).toBe("Data!A1:B3");
      // Only what was loaded.
      expect(codeOf(() => r.rowCount)).toBe("PropertyNotLoaded");
    });
  });

  test("collections: items throws until loaded; items/name loads nested properties", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(codeOf(() => sheets.items)).toBe("PropertyNotLoaded");
      sheets.load("items/name,items/visibility,items/position");
      expect(codeOf(() => sheets.items)).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(sheets.items.map((s: { name: string; visibility: string; position: number }) => [s.name, s.visibility, s.position])).toEqual([
        ["Data", "Visible", 0],
        ["Notes", "Visible", 1],
      ]);
      expect(codeOf(() => sheets.items[0].tabColor)).toBe("PropertyNotLoaded");
    });
  });

  test("load accepts arrays, { select, expand } and navigation paths", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("B3");
      r.load(["numberFormat", "text"]);
      r.load({ select: "rowIndex,format/font/bold", expand: "format/fill" });
      ctx.load(r, "columnIndex");
      await ctx.sync();
      expect(r.numberFormat).toEqual([["0%"]]);
      expect(r.text).toEqual([["50%"]]);
      expect(r.rowIndex).toBe(2);
      expect(r.columnIndex).toBe(1);
      expect(r.format.font.bold).toBe(false);
      expect(r.format.fill.color).toBe("#FFFFFF");
      expect(codeOf(() => r.format.font.size)).toBe("PropertyNotLoaded");
    });
  });

  test("loading a property that does not exist fails the sync with InvalidArgument", async () => {
    const sim = simOf();
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").load("valuez");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  test("writes are queued: the workbook changes only at sync; the written value reads back locally", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Notes").getRange("A1");
      r.values = [["メモ"]];
      expect(r.values).toEqual([["メモ"]]);
      expect(savedValue(sim, "Notes", "A1")).toBeNull();
      const added = ctx.workbook.worksheets.add("New");
      added.name = "Renamed";
      expect(sim.inspect().sheets.map((s) => s.name)).toEqual(["Data", "Notes"]);
      await ctx.sync();
      expect(savedValue(sim, "Notes", "A1")).toBe("メモ");
      expect(sim.inspect().sheets.map((s) => s.name)).toEqual(["Data", "Notes", "Renamed"]);
    });
  });

  test("Excel.run syncs what is still queued when the batch returns", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("B2").values = [[42]];
    });
    expect(savedValue(sim, "Notes", "B2")).toBe(42);
    expect(sim.stats.syncs).toBe(1);
  });

  test("a batch function that does not return a promise is refused", async () => {
    const sim = simOf();
    const e = await rejectionOf(sim.Excel.run((() => undefined) as unknown as () => Promise<void>));
    expect(e.code).toBe("RunMustReturnPromise");
  });

  test("objects cannot be used after their Excel.run finished", async () => {
    const sim = simOf();
    let kept: { values: unknown[][] } | null = null;
    await sim.Excel.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      await ctx.sync();
    });
    expect(codeOf(() => (kept!.values = [[1]]))).toBe("InvalidObjectPath");
  });
});

describe("simulated Excel: errors at sync", () => {
  test("getItem of a missing sheet rejects with ItemNotFound at the next sync, not at the call", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Missing");
      const r = ws.getRange("A1");
      r.load("values");
      const e = await rejectionOf(ctx.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(e.name).toBe("RichApi.Error");
      expect(e.debugInfo?.errorLocation).toBe("WorksheetCollection.getItem");
      // The failed batch is gone; the context keeps working.
      const ok = ctx.workbook.worksheets.getItem("data"); // names are case-insensitive
      ok.load("name");
      await ctx.sync();
      expect(ok.name).toBe("Data");
    });
  });

  test("getItemOrNullObject gives isNullObject after sync (and throws before)", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Missing");
      const present = ctx.workbook.worksheets.getItemOrNullObject("Notes");
      expect(codeOf(() => missing.isNullObject)).toBe("PropertyNotLoaded");
      missing.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      // A null object cannot be written to.
      missing.getRange("A1").values = [[1]];
      expect((await rejectionOf(ctx.sync())).code).toBe("ItemNotFound");
    });
  });

  test("a values array whose shape differs from the range is InvalidArgument", async () => {
    const sim = simOf();
    for (const bad of [[[1, 2]], [[1], [2], [3]], [[1, 2], [3]], [1, 2]]) {
      const e = await rejectionOf(
        sim.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Notes").getRange("A1:B2").values = bad as unknown[][];
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
    expect(savedValue(sim, "Notes", "A1")).toBeNull();
  });

  test("null is not a value for a whole property; null inside the array leaves the cell unchanged", async () => {
    const sim = simOf();
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1").values = null as unknown as unknown[][];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A2:B2");
      r.values = [[null, 21]];
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["道路整備", 21]]);
    });
  });

  test("operations before the failing one stay applied; the rest of the batch is skipped (as in Excel)", async () => {
    const sim = simOf();
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["before"]];
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
        ctx.workbook.worksheets.getItem("Notes").getRange("A2").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(savedValue(sim, "Notes", "A1")).toBe("before");
    expect(savedValue(sim, "Notes", "A2")).toBeNull();
  });

  test("worksheet names: taken → ItemAlreadyExists, invalid characters or too long → InvalidArgument", async () => {
    const sim = simOf();
    const add = (name: string) =>
      rejectionOf(
        sim.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        }),
      );
    expect((await add("notes")).code).toBe("ItemAlreadyExists");
    for (const bad of ["a/b", "a[b]", "a:b", "a*b", "a?b", "a\\b", "x".repeat(32), ""]) expect((await add(bad)).code).toBe("InvalidArgument");
    const rename = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Notes").name = "DATA";
        await ctx.sync();
      }),
    );
    expect(rename.code).toBe("ItemAlreadyExists");
  });

  test("deleting or hiding the last visible sheet is InvalidOperation", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").visibility = "VeryHidden";
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Data").delete();
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidOperation");
      ctx.workbook.worksheets.getItem("Data").visibility = "Hidden";
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidOperation");
      // Excel does not delete a very hidden sheet either; hidden is fine.
      ctx.workbook.worksheets.getItem("Notes").delete();
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidOperation");
      ctx.workbook.worksheets.getItem("Notes").visibility = "Hidden";
      ctx.workbook.worksheets.getItem("Notes").delete();
      await ctx.sync();
    });
    expect(sim.inspect().sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  test("an object from another Excel.run cannot be passed as an argument", async () => {
    const sim = simOf();
    await sim.Excel.run(async (outer) => {
      const foreign = outer.workbook.worksheets.getItem("Data").getRange("A1:B3");
      await sim.Excel.run(async (ctx) => {
        expect(codeOf(() => ctx.workbook.worksheets.getItem("Data").charts.add("Pie", foreign, "Auto"))).toBe("InvalidRequestContext");
      });
    });
  });
});

test("SimulatedExcel can be created from a buffer and a file", async () => {
  const os = await import("os");
  const path = await import("path");
  const fs = await import("fs/promises");
  const sim = simOf();
  const buf = await sim.toBuffer();
  const fromBuf = await SimulatedExcel.fromBuffer(buf);
  const file = path.join(os.tmpdir(), `sim-${process.pid}.xlsx`);
  await fromBuf.saveToFile(file);
  const fromFile = await SimulatedExcel.fromFile(file);
  await fs.rm(file);
  await fromFile.Excel.run(async (ctx) => {
    const wb = ctx.workbook;
    wb.load("name");
    const r = wb.worksheets.getItem("Data").getRange("A2:B2");
    r.load("values");
    await ctx.sync();
    expect(wb.name).toBe(path.basename(file));
    expect(r.values).toEqual([["道路整備", 20]]);
  });
});
