/**
 * Excel.run takes what Office.js takes (ClientRequestContext._runBatchCommon in Microsoft's
 * excel-win32-16.01.debug.js): a batch, or an object / objects / a context and a batch. An
 * EventHandlerResult is none of these: Office.js rejects it with InvalidArgument, and so does the
 * simulated host; its `context` is what removes the handler.
 */
import { previewEventsOf } from "../../../src/preview/preview-events";
import { rejectionOf, simOf } from "./sim-helpers";

test("Excel.run(eventResult, …) is refused with InvalidArgument and runs nothing; Excel.run(eventResult.context, …) removes the handler", async () => {
  const sim = simOf();
  const events = previewEventsOf(sim);
  const result = await sim.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Data").onChanged.add(async () => undefined);
    await ctx.sync();
    return r;
  });
  expect(events.count("Changed")).toBe(1);
  let ran = false;
  const run = sim.Excel.run as unknown as (o: unknown, b: (ctx: unknown) => Promise<void>) => Promise<void>;
  const refused = await rejectionOf(
    run(result, async () => {
      ran = true;
    }),
  );
  expect(refused.code).toBe("InvalidArgument");
  expect(ran).toBe(false);
  expect(events.count("Changed")).toBe(1);

  await run(result.context, async (ctx) => {
    result.remove();
    await (ctx as { sync(): Promise<void> }).sync();
  });
  expect(events.count("Changed")).toBe(0);
});

test("Excel.run takes a proxy object, an array of them, or { previousObjects }; not a plain value, an empty array or no batch", async () => {
  const sim = simOf();
  const run = sim.Excel.run as unknown as (...args: unknown[]) => Promise<unknown>;
  const range = await sim.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
    r.load("values");
    r.track();
    await ctx.sync();
    return r;
  });
  const read = async (ctx: unknown) => {
    range.load("address");
    await (ctx as { sync(): Promise<void> }).sync();
    return range.address;
  };
  expect(await run(range, read)).toBe("Data!A1");
  expect(await run([range], read)).toBe("Data!A1");
  expect(await run({ previousObjects: range }, read)).toBe("Data!A1");
  for (const bad of [[42, read], [[], read], [range]]) expect((await rejectionOf(run(...bad))).code).toBe("InvalidArgument");
});
