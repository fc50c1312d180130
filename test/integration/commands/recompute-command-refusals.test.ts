/**
 * What Excel refuses, through the ribbon's 集計を更新 on the simulated host: the event completes,
 * the notice says what to do in Japanese (then English), and the workbook stays as it was.
 */
import {
  createDialogNotifier,
  ERROR_NOTICE_MAX_MS,
  noticeFromQuery,
  runRecomputeCommand,
  type Notice,
} from "../../../src/commands/recompute-command";
import { SimulatedAddinCommands } from "../../../src/preview/simulated-addin-commands";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import type { ExcelHostApi, ExcelPortOptions } from "../../../src/excel/excel-host";
import fs from "node:fs";
import path from "node:path";
import { digestOf, FIXTURES, loadWorkbook, longListWorkbook, TOKORO } from "../excel/helpers";

const tokoro = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));

const PAGE = "https://localhost:3000/commands.html";

function excelWithAddin(sim: SimulatedExcel, portOptions?: ExcelPortOptions) {
  const commands = new SimulatedAddinCommands();
  const office = commands.office(sim.Office) as unknown as ExcelHostApi["Office"] &
    Parameters<typeof createDialogNotifier>[0];
  commands.actions.associate("recomputeSummary", (event) => {
    void runRecomputeCommand(event, {
      api: { Excel: sim.Excel as unknown as ExcelHostApi["Excel"], Office: office },
      notifier: createDialogNotifier(office, PAGE, commands.clock),
      clock: commands.clock,
      ...(portOptions ? { portOptions } : {}),
    });
  });
  return commands;
}

/** Clicks 集計を更新 and returns the notice shown (null: none) once the event completed. */
async function click(sim: SimulatedExcel, portOptions?: ExcelPortOptions): Promise<{ completed: boolean; notice: Notice | null }> {
  const commands = excelWithAddin(sim, portOptions);
  const outcome = commands.click("recomputeSummary");
  let done = false;
  void outcome.then(() => (done = true));
  let notice: Notice | null = null;
  for (let i = 0; i < 400 && !done; i++) {
    if (commands.openDialog && !notice) notice = noticeFromQuery(new URL(commands.openDialog.url).search);
    await commands.clock.advance(notice ? ERROR_NOTICE_MAX_MS : 0);
  }
  const result = await outcome;
  return { completed: result.completed && !result.timedOut, notice };
}

async function stateOf(sim: SimulatedExcel) {
  return { cells: await digestOf(sim), recorded: sim.inspect() };
}

describe("cell-edit mode (InvalidOperationInCellEditMode)", () => {
  test.each([
    ["from the start", 0],
    ["after the reads", 2],
  ])("%s: the event completes, the notice says to finish editing the cell, nothing is written", async (_l, afterSyncs) => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO));
    const before = await stateOf(sim);
    sim.setCellEditMode(true, afterSyncs);
    const { completed, notice } = await click(sim);
    sim.setCellEditMode(false);
    expect(completed).toBe(true);
    expect(notice?.kind).toBe("error");
    expect(notice!.lines[0]).toContain("セルの編集を終えてから、もう一度お試しください");
    expect(notice!.lines[0].replace(/Excel/g, "")).not.toMatch(/[A-Za-z]{4,}/); // no raw API text
    expect(await stateOf(sim)).toEqual(before);
  });
});

describe("unbounded cells (Excel: 32,767 characters a cell, 409 pt a row)", () => {
  test("3,000 items, 500 not evaluated, one name of 32,767 characters: the command succeeds without a notice and the footnote says 「ほか 480 件」", async () => {
    const sim = SimulatedExcel.fromExcelJs(longListWorkbook(3000));
    const { completed, notice } = await click(sim);
    expect(completed).toBe(true);
    expect(notice).toBeNull();
    const texts = await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("評価集計").getUsedRange(true);
      r.load("values");
      await ctx.sync();
      return r.values.flat().filter((v): v is string => typeof v === "string");
    });
    expect(texts.find((t) => t.startsWith("※評価対象外"))).toMatch(/（500件）：.*ほか 480 件（要確認シート参照）$/);
  });
});

describe("more than 512 merged areas", () => {
  test("the command reads without merges and writes the report's totals", async () => {
    const wb = await loadWorkbook(TOKORO);
    const deco = wb.addWorksheet("装飾");
    for (let i = 0; i < 600; i++) deco.mergeCells(i + 1, 1, i + 1, 2);
    const sim = SimulatedExcel.fromExcelJs(wb);
    const { completed, notice } = await click(sim);
    expect(completed).toBe(true);
    expect(notice).toBeNull();
    const total = tokoro.evaluations[0].total;
    const texts = await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("評価集計").getUsedRange(true);
      r.load("text");
      await ctx.sync();
      return r.text.flat();
    });
    expect(texts).toContain(`${total.counts.A}件 (${total.percent.A}%)`);
  });
});

describe("protection (Excel refuses with AccessDenied)", () => {
  const protect = (sim: SimulatedExcel, what: { sheet?: string; structure?: boolean }) =>
    sim.Excel.run(async (ctx) => {
      if (what.sheet) ctx.workbook.worksheets.getItem(what.sheet).protection.protect();
      if (what.structure) ctx.workbook.protection.protect();
      await ctx.sync();
    });

  test("a protected generated sheet: the notice names it, the event completes, nothing is written", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO));
    expect((await click(sim)).notice).toBeNull();
    await protect(sim, { sheet: "評価集計" });
    const before = await stateOf(sim);
    const { completed, notice } = await click(sim);
    expect(completed).toBe(true);
    expect(notice?.kind).toBe("error");
    expect(notice!.lines[0]).toContain("シート「評価集計」が保護されているため");
    expect(await stateOf(sim)).toEqual(before);
  });

  test("protected workbook structure on the first run: the notice says so, the event completes, nothing is written", async () => {
    const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO));
    await protect(sim, { structure: true });
    const before = await stateOf(sim);
    const { completed, notice } = await click(sim);
    expect(completed).toBe(true);
    expect(notice!.lines[0]).toContain("ブックの構成が保護されているため");
    expect(await stateOf(sim)).toEqual(before);
  });
});

describe("reads: rows further down longer than the ones sampled", () => {
  test("long notes only after row 600 (limit 256 KB a response): the refused blocks are halved until they fit; every item is read", async () => {
    const LIMIT = 256 * 1024;
    const wb = longListWorkbook(1200);
    const ws = wb.getWorksheet("事業一覧")!;
    ws.getCell(4, 8).value = "備考";
    // 4,000 characters of Japanese (3 bytes each in UTF-8, in values and in text): ~24 KB a row from row 604 on.
    for (let r = 604; r <= 1203; r++) ws.getCell(r, 8).value = `備考${r}：${"進捗状況の説明".repeat(571)}`;
    ws.getCell(5, 2).value = "事業2"; // no 32,767-character name here
    const sim = SimulatedExcel.fromExcelJs(wb, { maxBatchBytes: LIMIT });
    const { completed, notice } = await click(sim, { maxBatchBytes: LIMIT });
    expect(completed).toBe(true);
    expect(notice).toBeNull();
    const texts = await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("評価集計").getUsedRange(true);
      r.load("values");
      await ctx.sync();
      return r.values.flat().filter((v): v is string => typeof v === "string");
    });
    expect(texts.find((t) => t.startsWith("※評価対象外"))).toMatch(/^※評価対象外（200件）/);
  });
});

describe("request limits: a host stricter than the plan (1 MB a request and response)", () => {
  const usedValues = (sim: SimulatedExcel, sheet: string) =>
    sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true);
      r.load("values");
      await ctx.sync();
      return r.values;
    });

  test("data batches refused for their size are sent again in halves: the same sheets as on an unlimited host, user sheets untouched", async () => {
    const strict = SimulatedExcel.fromExcelJs(longListWorkbook(3000), { maxBatchBytes: 1024 * 1024 });
    const free = SimulatedExcel.fromExcelJs(longListWorkbook(3000));
    const userBefore = await digestOf(strict, (n) => n === "事業一覧");
    const { completed, notice } = await click(strict);
    expect(completed).toBe(true);
    expect(notice).toBeNull();
    expect((await click(free)).notice).toBeNull();
    for (const sheet of ["評価集計", "評価一覧", "要確認"]) expect(await usedValues(strict, sheet)).toEqual(await usedValues(free, sheet));
    expect(await digestOf(strict, (n) => n === "事業一覧")).toEqual(userBefore);
  });
});
