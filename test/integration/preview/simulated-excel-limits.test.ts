/**
 * The simulated host refuses what Excel refuses: a cell of more than 32,767 characters, a row
 * taller than 409 pt, any request while the user edits a cell. A refused write changes nothing.
 */
import { rejectionOf, savedValue, simOf } from "./sim-helpers";

test("a cell holds 32,767 characters; 32,768 are refused with InvalidArgument and the whole write is dropped", async () => {
  const sim = simOf();
  await sim.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["a".repeat(32767)]];
    await ctx.sync();
  });
  expect(String(savedValue(sim, "Notes", "A1")).length).toBe(32767);
  const e = await rejectionOf(
    sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A2:B2").values = [["short", "b".repeat(32768)]];
      await ctx.sync();
    }),
  );
  expect(e.code).toBe("InvalidArgument");
  expect(savedValue(sim, "Notes", "A2")).toBeNull();
});

test("a row height above 409 pt is refused with InvalidArgument", async () => {
  const sim = simOf();
  const e = await rejectionOf(
    sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A1").format.rowHeight = 409.5;
      await ctx.sync();
    }),
  );
  expect(e.code).toBe("InvalidArgument");
});

test("cell-edit mode: every request is refused with InvalidOperationInCellEditMode and changes nothing, until the edit ends", async () => {
  const sim = simOf();
  sim.setCellEditMode(true, 1);
  const write = (v: string) =>
    sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [[v]];
      await ctx.sync();
    });
  await write("before");
  expect((await rejectionOf(write("during"))).code).toBe("InvalidOperationInCellEditMode");
  expect(savedValue(sim, "Notes", "A1")).toBe("before");
  sim.setCellEditMode(false);
  await write("after");
  expect(savedValue(sim, "Notes", "A1")).toBe("after");
});

test("a protected sheet refuses every change with AccessDenied (reads work); a protected structure refuses adding, deleting, renaming and hiding sheets", async () => {
  const sim = simOf();
  const run = (f: (ctx: Excel.RequestContext) => void) =>
    sim.Excel.run(async (ctx) => {
      f(ctx);
      await ctx.sync();
    });
  await run((ctx) => ctx.workbook.worksheets.getItem("Data").protection.protect());
  expect((await rejectionOf(run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]])))).code).toBe("AccessDenied");
  expect((await rejectionOf(run((ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1").clear("All")))).code).toBe("AccessDenied");
  expect(savedValue(sim, "Data", "A1")).toBe("項目");
  await run((ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1").load("values"));

  await run((ctx) => ctx.workbook.protection.protect());
  for (const change of [
    (ctx: Excel.RequestContext) => void ctx.workbook.worksheets.add("New"),
    (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Notes").delete(),
    (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem("Notes").name = "Renamed"),
    (ctx: Excel.RequestContext) => void (ctx.workbook.worksheets.getItem("Notes").visibility = "Hidden"),
  ])
    expect((await rejectionOf(run(change))).code).toBe("AccessDenied");
  expect(sim.inspect().sheets.map((s) => [s.name, s.visibility])).toEqual([["Data", "Visible"], ["Notes", "Visible"]]);
  await run((ctx) => (ctx.workbook.worksheets.getItem("Notes").getRange("A1").values = [["still editable"]]));
});
