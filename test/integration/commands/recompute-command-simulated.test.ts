/**
 * The ribbon's 集計を更新 doing its real job (no injected recompute) on the
 * simulated Excel host, clicked the way Excel clicks it: Office.actions.associate,
 * Excel's queue of clicks, its 5-minute limit, one dialog at a time.
 * Expected numbers: ../../fixtures/tokorozawa-r3-list.expected.json (from the report).
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import {
  createDialogNotifier,
  ERROR_NOTICE_MAX_MS,
  noticeFromQuery,
  runRecomputeCommand,
} from "../../../src/commands/recompute-command";
import { EXECUTE_FUNCTION_LIMIT_MS, SimulatedAddinCommands } from "../../../src/preview/simulated-addin-commands";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import type { ExcelHostApi } from "../../../src/excel/excel-host";
import { FIXTURES, loadWorkbook, TOKORO } from "../excel/helpers";

const PAGE = "https://localhost:3000/commands.html";
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));

/** A simulated Excel with the add-in's function file loaded (as commands.ts registers it). */
function excelWithAddin(sim: SimulatedExcel) {
  const commands = new SimulatedAddinCommands();
  const office = commands.office(sim.Office) as unknown as ExcelHostApi["Office"] &
    Parameters<typeof createDialogNotifier>[0];
  commands.actions.associate("recomputeSummary", (event) => {
    void runRecomputeCommand(event, {
      api: { Excel: sim.Excel as unknown as ExcelHostApi["Excel"], Office: office },
      notifier: createDialogNotifier(office, PAGE, commands.clock),
      clock: commands.clock,
    });
  });
  return commands;
}

async function activeSheetName(sim: SimulatedExcel): Promise<string> {
  return sim.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    await context.sync();
    return sheet.name as string;
  });
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && out.push(cell.value))));
  return out;
}

/** Clicks and lets simulated time pass until the click is over. */
async function clickAndWait(commands: SimulatedAddinCommands, name = "recomputeSummary") {
  const outcome = commands.click(name);
  let done = false;
  void outcome.then(() => (done = true));
  for (let i = 0; i < 400 && !done; i++) await commands.clock.advance(1000);
  return outcome;
}

describe("集計を更新 on the simulated Excel host (the real recompute)", () => {
  test("writes the report's table, shows the summary sheet, opens no dialog and completes at once", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO), { excelApiLevel: 7 });
    const commands = excelWithAddin(sim);
    const outcome = await clickAndWait(commands);
    expect(outcome).toMatchObject({ completed: true, timedOut: false });
    expect(outcome.elapsedMs).toBeLessThan(ERROR_NOTICE_MAX_MS);
    expect(commands.dialogs).toHaveLength(0);
    expect(await activeSheetName(sim)).toBe("評価集計");

    const wb = sim.toExcelJs();
    const summary = wb.getWorksheet("評価集計")!;
    const g1 = expected.evaluations[0].groups[0];
    // The report's 「16件 (84%)」 as displayed, the count itself a number (it can be re-added).
    const shown = await sim.Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("評価集計").getUsedRange(true);
      used.load("values,text");
      await ctx.sync();
      return { values: used.values.flat(), text: used.text.flat() };
    });
    const at = shown.text.indexOf(`${g1.counts.A}件 (${g1.percent.A}%)`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(shown.values[at]).toBe(g1.counts.A);
    expect(texts(summary).some((t) => t.includes(`評価対象${expected.evaluations[0].total.evaluated}件`))).toBe(true);
    expect(wb.getWorksheet("評価一覧")).toBeDefined();
    expect(wb.getWorksheet("要確認")).toBeDefined();
  });

  test("a second click (queued by Excel) recomputes again and replaces the generated sheets, never adding copies", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO));
    const commands = excelWithAddin(sim);
    const first = commands.click("recomputeSummary");
    const second = commands.click("recomputeSummary");
    let done = 0;
    void first.then(() => done++);
    void second.then(() => done++);
    for (let i = 0; i < 400 && done < 2; i++) await commands.clock.advance(1000);
    expect(await first).toMatchObject({ completed: true, timedOut: false });
    expect(await second).toMatchObject({ completed: true, timedOut: false });
    const names = sim.toExcelJs().worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("評価集計"))).toEqual(["評価集計"]);
    expect(commands.dialogs).toHaveLength(0);
  });

  test("a user's own sheet named 評価集計 is left alone; the summary goes to 「評価集計 (2)」, which is shown", async () => {
    const wb = await loadWorkbook(TOKORO);
    const own = wb.addWorksheet("評価集計");
    own.getCell("A1").value = "課内メモ（消さないこと）";
    const sim = SimulatedExcel.fromExcelJs(wb);
    const commands = excelWithAddin(sim);
    expect(await clickAndWait(commands)).toMatchObject({ completed: true, timedOut: false });
    expect(await activeSheetName(sim)).toBe("評価集計 (2)");
    const out = sim.toExcelJs();
    expect(out.getWorksheet("評価集計")!.getCell("A1").value).toBe("課内メモ（消さないこと）");
    expect(texts(out.getWorksheet("評価集計 (2)")!).length).toBeGreaterThan(10);
  });

  test("an error the user never dismisses: the dialog closes itself and the event completes before Excel's limit", async () => {
    // Office 2016 (ExcelApi 1.6) is below the manifest's minimum: the recompute refuses with a message.
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO), { excelApiLevel: 6 });
    const commands = excelWithAddin(sim);
    const outcome = commands.click("recomputeSummary");
    for (let i = 0; i < 50 && !commands.openDialog; i++) await commands.clock.advance(0);
    const dialog = commands.openDialog!;
    expect(noticeFromQuery(new URL(dialog.url).search)!.lines[0]).toContain("ExcelApi 1.7 以降");
    await commands.clock.advance(ERROR_NOTICE_MAX_MS);
    expect(await outcome).toMatchObject({ completed: true, timedOut: false });
    expect((await outcome).elapsedMs).toBeLessThanOrEqual(ERROR_NOTICE_MAX_MS);
    expect(dialog.closed).toBe(true);
  });

  test("an error the user dismisses: the event completes when the dialog is closed", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO), { excelApiLevel: 6 });
    const commands = excelWithAddin(sim);
    const outcome = commands.click("recomputeSummary");
    for (let i = 0; i < 50 && !commands.openDialog; i++) await commands.clock.advance(0);
    await commands.clock.advance(10_000);
    commands.userClosesDialog();
    expect(await outcome).toMatchObject({ completed: true, timedOut: false, elapsedMs: 10_000 });
  });
});

describe("the simulated host's Office part enforces what Excel does", () => {
  test("a function that does not complete within 5 minutes is ended, and a late completed() changes nothing", async () => {
    const commands = new SimulatedAddinCommands();
    let event: { completed(): void } | undefined;
    commands.actions.associate("slow", (e) => void (event = e));
    const outcome = commands.click("slow");
    await commands.clock.advance(EXECUTE_FUNCTION_LIMIT_MS - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await commands.clock.advance(0);
    expect(settled).toBe(false);
    await commands.clock.advance(1);
    expect(await outcome).toMatchObject({ completed: false, timedOut: true, elapsedMs: EXECUTE_FUNCTION_LIMIT_MS });
    event!.completed();
    expect(commands.lateCompletions).toBe(1);
  });

  test("clicks are queued until completed(): the second click's function starts only then", async () => {
    const commands = new SimulatedAddinCommands();
    const started: number[] = [];
    const events: { completed(): void }[] = [];
    commands.actions.associate("f", (e) => {
      started.push(commands.clock.now());
      events.push(e);
    });
    const first = commands.click("f");
    const second = commands.click("f");
    await commands.clock.advance(3000);
    expect(started).toEqual([0]);
    events[0]!.completed();
    await commands.clock.advance(0);
    expect(started).toEqual([0, 3000]);
    events[1]!.completed();
    expect(await first).toMatchObject({ completed: true, elapsedMs: 3000 });
    expect(await second).toMatchObject({ completed: true, elapsedMs: 3000, runMs: 0 });
  });

  test("one dialog at a time: a second displayDialogAsync fails with 12007", () => {
    const commands = new SimulatedAddinCommands();
    const results: { status: string; error?: { code: number } }[] = [];
    commands.ui.displayDialogAsync("https://localhost:3000/a", {}, (r) => results.push(r));
    commands.ui.displayDialogAsync("https://localhost:3000/b", {}, (r) => results.push(r));
    expect(results.map((r) => r.status)).toEqual(["succeeded", "failed"]);
    expect(results[1]!.error!.code).toBe(12007);
  });

  test("clicking a function nobody associated fails (the manifest and Office.actions.associate must agree)", async () => {
    await expect(new SimulatedAddinCommands().click("recomputeSummary")).rejects.toThrow(
      /no function "recomputeSummary"/,
    );
  });
});
