/**
 * What Excel refuses, through the pane's recompute: the pane shows a clear Japanese message and the
 * workbook stays exactly as it was (user sheets and generated sheets alike).
 */
import { SimulatedExcel } from "../../../../src/preview/simulated-excel";
import { createPaneHost } from "../../../../src/taskpane/host/pane-host";
import { describeError } from "../../../../src/taskpane/host/pane-errors";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { ja as messagesJa } from "../../../../src/taskpane/i18n/messages-ja";
import { digestOf, loadWorkbook, TOKORO } from "../../../integration/excel/helpers";

async function setUp() {
  const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO));
  const host = createPaneHost({ Excel: sim.Excel, Office: sim.Office });
  return { sim, host };
}

async function stateOf(sim: SimulatedExcel) {
  return { cells: await digestOf(sim), recorded: sim.inspect() };
}

async function failureOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the recompute to fail");
}

describe("cell-edit mode (InvalidOperationInCellEditMode)", () => {
  test.each([
    ["from the start (the reads are refused)", 0],
    ["after the reads (the first write is refused)", 2],
  ])("%s: the pane says to finish editing the cell, nothing is written", async (_label, afterSyncs) => {
    const { sim, host } = await setUp();
    const before = await stateOf(sim);
    sim.setCellEditMode(true, afterSyncs);
    const e = await failureOf(host.recompute(DEFAULT_RULES, () => undefined));
    sim.setCellEditMode(false);
    const shown = describeError(e, messagesJa, "ja");
    expect(shown.detail).toContain("セルの編集を終えてから、もう一度お試しください");
    expect(shown.detail).not.toMatch(/cell-editing mode|InvalidOperation/);
    expect(await stateOf(sim)).toEqual(before);
  });

  test("a refresh refused at its first write leaves the generated sheets of the last run as they were", async () => {
    const { sim, host } = await setUp();
    await host.recompute(DEFAULT_RULES, () => undefined);
    const before = await stateOf(sim);
    sim.resetStats();
    sim.setCellEditMode(true, 2);
    const e = await failureOf(host.recompute(DEFAULT_RULES, () => undefined));
    sim.setCellEditMode(false);
    expect(sim.stats.syncs).toBeGreaterThan(2); // it reached the write
    expect(describeError(e, messagesJa, "ja").detail).toContain("セルの編集を終えてから、もう一度お試しください");
    expect(await stateOf(sim)).toEqual(before);
    // Once the edit is finished the same recompute goes through.
    await host.recompute(DEFAULT_RULES, () => undefined);
  });
});
