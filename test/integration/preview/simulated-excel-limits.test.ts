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
