/**
 * Failures inside a batch: Excel keeps what ran before the failing operation and skips the rest. The simulated
 * host does the same (setFailAtOperation), so recovery is tested against those partial states: user sheets are
 * never changed, sheets the run added are removed, refreshed sheets are flagged incomplete and the next
 * recompute gives a clean run's workbook; a failed cosmetic step is a warning and the steps after it still run.
 */
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import type { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { digestOf, portOf, recomputeIn, simOfFixture, TOKORO, NOW } from "./helpers";
import { recompute } from "../../../src/core/recompute";
import { NOTE_REPAIRED } from "../../../src/excel/excel-port";

const USER = (n: string) => n === "表4-1";

async function names(sim: SimulatedExcel): Promise<{ name: string; visibility: string }[]> {
  return sim.inspect().sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
}

describe("first run", () => {
  test.each([
    ["the second values block", "Range.values", 2],
    ["the owner marker of the second new sheet", "NamedItemCollection.add", 2],
    ["the settings sheet's owner marker", "NamedItemCollection.add", 4],
  ])("fails at %s: the sheets it added are removed, the user's sheet is as it was", async (_what, label, nth) => {
    const sim = await simOfFixture(TOKORO);
    const before = await digestOf(sim);
    sim.setFailAtOperation(label, nth);
    const err = await recomputeIn(sim).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ name: "ExcelWriteError", kind: "write", leftovers: [], incompleteSheets: [] });
    expect(await digestOf(sim)).toEqual(before);
    expect(await names(sim)).toEqual([{ name: "表4-1", visibility: "Visible" }]);
  });

  test("fails after the state is stored (making the settings sheet very hidden): finished, nothing lost", async () => {
    const sim = await simOfFixture(TOKORO);
    const clean = await simOfFixture(TOKORO);
    await recomputeIn(clean);
    sim.setFailAtOperation("Worksheet.visibility", 1);
    await recomputeIn(sim);
    expect(await names(sim)).toEqual(await names(clean));
    expect((await names(sim)).find((s) => s.name === SETTINGS_SHEET_NAME)).toEqual({
      name: SETTINGS_SHEET_NAME,
      visibility: "VeryHidden",
    });
  });
});

describe("second run (refresh in place)", () => {
  test.each([
    ["clearing the second sheet", "Range.clear", 2],
    ["the third values block", "Range.values", 3],
    ["a style", "RangeFont.bold", 4],
    ["storing the state", "Range.values", 5],
  ])(
    "fails at %s: user sheet as it was, sheets flagged incomplete, the next run repairs",
    async (_what, label, nth) => {
      const sim = await simOfFixture(TOKORO);
      await recomputeIn(sim);
      const probe = await simOfFixture(TOKORO);
      await recomputeIn(probe);
      await recomputeIn(probe);
      const clean = await digestOf(probe, (n) => n !== SETTINGS_SHEET_NAME);
      const userBefore = await digestOf(sim, USER);

      sim.setFailAtOperation(label, nth);
      const err = await recomputeIn(sim).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ name: "ExcelWriteError", kind: "write" });
      expect((err as { incompleteSheets: string[] }).incompleteSheets).toEqual(["評価集計", "評価一覧", "要確認"]);
      expect(await digestOf(sim, USER)).toEqual(userBefore);

      const port = portOf(sim);
      const repaired = await recompute(port, { now: NOW });
      expect(port.incompleteFromLastRun).toBe(true);
      expect(repaired.warnings).toContain(NOTE_REPAIRED);
      expect(await digestOf(sim, (n) => n !== SETTINGS_SHEET_NAME)).toEqual(clean);
      const after = portOf(sim);
      await after.readState();
      expect(after.incompleteFromLastRun).toBe(false);
    },
  );
});

describe("cosmetics are best effort", () => {
  test("freeze panes failing (as on some Excel 2019 builds) is a warning; charts and page layout after it still come", async () => {
    const sim = await simOfFixture(TOKORO);
    sim.setFailAtOperation("WorksheetFreezePanes.freezeRows", 1);
    const { result } = await recomputeIn(sim);
    expect(result.warnings.join("\n")).toContain("ウィンドウ枠の固定");
    const summary = result.plans.find((p) => p.role === "summary")!;
    const list = result.plans.find((p) => p.role === "list")!;
    const insp = sim.inspect();
    expect(insp.sheets.find((s) => s.name === summary.name)!.charts).toHaveLength(summary.charts.length);
    expect(insp.sheets.find((s) => s.name === list.name)!.pageLayout).toMatchObject({ orientation: "Landscape" });
    const out = await sim.toExcelJs();
    expect(out.getWorksheet(list.name)!.getCell(1, 1).value).toBe(list.rows[0]![0]);
  });
});
