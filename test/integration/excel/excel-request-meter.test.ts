/**
 * The write's measure is an upper bound of what is sent: every operation the adapter builds, run alone in a
 * batch on the simulated host (which sizes a request as Office.js encodes it), takes no more than measured.
 */
import { reviewWorkbook } from "../../../src/core/run-review";
import { DEFAULT_RULES } from "../../../src/core/model/settings";
import { planWriteOps } from "../../../src/excel/excel-plan-writer";
import { longListWorkbook, simOfFixture, TOKORO } from "./helpers";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { createExcelPort } from "../../../src/excel/excel-port";

/** The request envelope ({"Actions":[],"ObjectPaths":{}}), sent once per batch, not per operation. */
const ENVELOPE = 31;

test("every write operation of the generated sheets measures at least what the host receives", async () => {
  const sim = await simOfFixture(TOKORO);
  const snapshot = await createExcelPort({ Excel: sim.Excel, Office: sim.Office }).readSnapshot();
  const { plans } = reviewWorkbook(snapshot, DEFAULT_RULES);
  let checked = 0;
  for (const [i, plan] of plans.entries()) {
    const { data, cosmetics } = planWriteOps(plan, i, {
      features: { mergedAreas: true, pageLayout: true },
      blockBudget: 1_000_000,
      notes: [],
    });
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add(`計測${i}`);
      await ctx.sync();
      for (const op of [...data, ...cosmetics]) {
        sim.resetStats();
        op.apply(ws);
        await ctx.sync();
        const sent = sim.stats.batchBytes[0] ?? 0;
        expect({ op: op.kind ?? "data", within: sent <= op.bytes + ENVELOPE }).toEqual({
          op: op.kind ?? "data",
          within: true,
        });
        checked++;
      }
    });
  }
  expect(checked).toBeGreaterThan(50);
}, 120_000);

test("values and number formats over 1,500 cells, which Office.js sends in chunks, measure at least what the host receives", async () => {
  const sim = SimulatedExcel.fromExcelJs(longListWorkbook(3000));
  const snapshot = await createExcelPort({ Excel: sim.Excel, Office: sim.Office }).readSnapshot();
  const { plans } = reviewWorkbook(snapshot, DEFAULT_RULES);
  const list = plans.find((p) => p.role === "list")!;
  const { data } = planWriteOps(list, 0, { features: { mergedAreas: true, pageLayout: true }, blockBudget: 4_000_000, notes: [] });
  let chunked = 0;
  await sim.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("計測");
    await ctx.sync();
    for (const op of data) {
      sim.resetStats();
      op.apply(ws);
      await ctx.sync();
      const sent = sim.stats.maxRequestBytes;
      if (sent > 100_000) chunked++;
      expect(sent).toBeLessThanOrEqual(op.bytes + ENVELOPE);
    }
  });
  expect(chunked).toBeGreaterThanOrEqual(2); // the values and the number formats of 3,000 rows
}, 120_000);
