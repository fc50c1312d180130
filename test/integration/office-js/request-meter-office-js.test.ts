/**
 * The write's measure is an upper bound of what Microsoft's Office.js really sends: the operations the adapter
 * builds, packed into batches as the port packs them and each batch run in one Excel.run through Office.js's
 * Excel client (excel-win32-16.01.js), give request bodies no larger than the batch's measure plus what the port
 * reserves once per batch (the sheet reached by name, the envelope). The bodies include what Office.js adds on its own: the 1,500-cell chunks of values and number
 * formats, and the _KeepReference of every Range created inside Excel.run.
 */
import { reviewWorkbook } from "../../../src/core/run-review";
import { DEFAULT_RULES } from "../../../src/core/model/settings";
import type { SheetPlan } from "../../../src/core/model/sheet-plan";
import { packBatches } from "../../../src/excel/excel-batching";
import { planWriteOps, type WriteOp } from "../../../src/excel/excel-plan-writer";
import { createExcelPort } from "../../../src/excel/excel-port";
import { objectPathBytes } from "../../../src/excel/excel-request-meter";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { createOfficeJsRealm, type OfficeJsRealm } from "../../helpers/office-js-realm";
import { longListWorkbook, simOfFixture, TOKORO } from "../excel/helpers";

jest.setTimeout(300_000);

const SHEET = "計測";
/** What a batch costs besides its operations: the envelope ({"Actions":[],"ObjectPaths":{}}) and the sheet by name. */
const PER_BATCH =
  31 + objectPathBytes("workbook") + objectPathBytes("worksheets") + objectPathBytes("getItem", [SHEET]);

async function plansOf(sim: SimulatedExcel): Promise<SheetPlan[]> {
  const snapshot = await createExcelPort({ Excel: sim.Excel, Office: sim.Office }).readSnapshot();
  return reviewWorkbook(snapshot, DEFAULT_RULES).plans;
}

/** Runs the operations in packed batches through Office.js, a fresh sheet per plan; measured and sent per batch. */
async function sentPerOp(
  sim: SimulatedExcel,
  plans: WriteOp[][],
  budget: number,
): Promise<{ kind: string; measured: number; sent: number }[]> {
  const realm: OfficeJsRealm = await createOfficeJsRealm({
    sim,
    maxRequestBytes: Number.MAX_SAFE_INTEGER,
    maxResponseBytes: Number.MAX_SAFE_INTEGER,
  });
  const Excel = (realm.window as unknown as { Excel: typeof globalThis.Excel }).Excel;
  const out: { kind: string; measured: number; sent: number }[] = [];
  try {
    for (const [i, ops] of plans.entries()) {
      // A fresh sheet per generated sheet, as the port writes them (a table and merges do not share cells).
      await Excel.run(async (ctx) => {
        if (i > 0) ctx.workbook.worksheets.getItem(SHEET).name = `${SHEET}${i}`;
        ctx.workbook.worksheets.add(SHEET);
        await ctx.sync();
      });
      for (const batch of packBatches(ops, budget)) {
        realm.richApi.resetExchanges();
        await Excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(SHEET);
          for (const op of batch) op.apply(ws);
          await ctx.sync();
        });
        const sent = Math.max(0, ...realm.richApi.exchanges.filter((e) => e.actions > 0).map((e) => e.requestBytes));
        const kinds = [...new Set(batch.map((op) => op.kind ?? "data"))].join("+");
        out.push({ kind: kinds, measured: batch.reduce((n, op) => n + op.bytes, 0), sent });
      }
    }
  } finally {
    realm.close();
  }
  return out;
}

test("the write batches of the three generated sheets (Tokorozawa) measure at least what Office.js sends", async () => {
  const sim = await simOfFixture(TOKORO);
  const ops = (await plansOf(sim)).map((plan, i) => {
    const { data, cosmetics } = planWriteOps(plan, i, {
      features: { mergedAreas: true, pageLayout: true },
      blockBudget: 1_000_000,
      notes: [],
    });
    return [...data, ...cosmetics];
  });
  // Batches far smaller than the port's (95 % of 5 MiB), so that there are many.
  const rows = await sentPerOp(sim, ops, 20_000);
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.filter((r) => r.sent > r.measured + PER_BATCH)).toEqual([]);
});

test("the list of 3,000 items (values and formats in Office.js's chunks, a link per row) measure at least what Office.js sends", async () => {
  const sim = SimulatedExcel.fromExcelJs(longListWorkbook(3000));
  const list = (await plansOf(sim)).find((p) => p.role === "list")!;
  const { data, cosmetics } = planWriteOps(list, 0, {
    features: { mergedAreas: true, pageLayout: true },
    blockBudget: 4_000_000,
    notes: [],
  });
  const rows = await sentPerOp(sim, [[...data, ...cosmetics]], 400_000);
  // Values and number formats of 3,000 rows × 14 columns in chunks, then 3,000 links: several full batches.
  expect(rows.filter((r) => r.sent > 200_000).length).toBeGreaterThanOrEqual(3);
  expect(rows.filter((r) => r.sent > r.measured + PER_BATCH)).toEqual([]);
});
