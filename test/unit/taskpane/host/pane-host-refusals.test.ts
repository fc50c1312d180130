/**
 * What Excel refuses, through the pane's recompute: the pane shows a clear Japanese message and the
 * workbook stays exactly as it was (user sheets and generated sheets alike).
 */
import { SimulatedExcel } from "../../../../src/preview/simulated-excel";
import { createPaneHost } from "../../../../src/taskpane/host/pane-host";
import { describeError } from "../../../../src/taskpane/host/pane-errors";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { ja as messagesJa } from "../../../../src/taskpane/i18n/messages-ja";
import fs from "node:fs";
import path from "node:path";
import { NOTE_TOO_MANY_MERGED_AREAS } from "../../../../src/excel/excel-requirements";
import { digestOf, FIXTURES, loadWorkbook, longListWorkbook, TOKORO } from "../../../integration/excel/helpers";

const tokoro = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));

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

/** Every generated cell's text and every row height, read back through Excel.run. */
async function generatedCells(sim: SimulatedExcel, sheets: string[]) {
  return sim.Excel.run(async (ctx) => {
    const used = sheets.map((n) => {
      const r = ctx.workbook.worksheets.getItem(n).getUsedRange(true);
      r.load("values");
      return r;
    });
    await ctx.sync();
    return used.flatMap((r) => r.values.flat().filter((v): v is string => typeof v === "string"));
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("unbounded cells (Excel: 32,767 characters a cell, 409 pt a row)", () => {
  test("3,000 items, 500 not evaluated, one name of 32,767 characters: the footnote says 「ほか 480 件」, no cell over the limit, no warning", async () => {
    const sim = SimulatedExcel.fromExcelJs(longListWorkbook(3000));
    const host = createPaneHost({ Excel: sim.Excel, Office: sim.Office });
    const out = await host.recompute(DEFAULT_RULES, () => undefined);
    // Nothing failed: no warning at all (a row height over 409 pt or an English API text would be one).
    expect(out.result.warnings.filter((w) => /設定できませんでした/.test(w))).toEqual([]);
    const texts = await generatedCells(sim, out.generated);
    const foot = texts.find((t) => t.startsWith("※評価対象外"));
    expect(foot).toMatch(/^※評価対象外（500件）：(事業\d+、){19}事業\d+ほか 480 件（要確認シート参照）$/);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(32767);
    expect(texts.filter((t) => LONE_SURROGATE.test(t))).toEqual([]);
    // The long name itself fits and is written whole.
    expect(texts).toContain("x".repeat(32765) + "𠮷");
  });
});

describe("more than 512 merged areas (getMergedAreas fails; Excel's code is generic and its location not stable)", () => {
  test("the pane reads without merges, says so, and gives the published totals", async () => {
    const wb = await loadWorkbook(TOKORO);
    const deco = wb.addWorksheet("装飾");
    for (let i = 0; i < 600; i++) deco.mergeCells(i + 1, 1, i + 1, 2);
    const sim = SimulatedExcel.fromExcelJs(wb);
    const host = createPaneHost({ Excel: sim.Excel, Office: sim.Office });
    const out = await host.recompute(DEFAULT_RULES, () => undefined);
    expect(out.notes).toContain(NOTE_TOO_MANY_MERGED_AREAS);
    expect(out.result.summary.evaluations.map((e) => e.total)).toEqual(tokoro.evaluations.map((e: { total: unknown }) => e.total));
  });
});

/** Protects through the API, as a user would in Excel (校閲 → シートの保護 / ブックの保護). */
async function protect(sim: SimulatedExcel, what: { sheet?: string; structure?: boolean }) {
  await sim.Excel.run(async (ctx) => {
    if (what.sheet) ctx.workbook.worksheets.getItem(what.sheet).protection.protect();
    if (what.structure) ctx.workbook.protection.protect();
    await ctx.sync();
  });
}

describe("protection (Excel refuses with AccessDenied)", () => {
  test("a protected source sheet is read, not written: the recompute goes through", async () => {
    const { sim, host } = await setUp();
    const source = (await digestOf(sim)).map((s) => s.name);
    for (const name of source) await protect(sim, { sheet: name });
    const out = await host.recompute(DEFAULT_RULES, () => undefined);
    expect(out.result.summary.evaluations.map((e) => e.total)).toEqual(tokoro.evaluations.map((e: { total: unknown }) => e.total));
  });

  test("a protected generated sheet: the pane names it and says how to unprotect it; nothing is written", async () => {
    const { sim, host } = await setUp();
    await host.recompute(DEFAULT_RULES, () => undefined);
    await protect(sim, { sheet: "評価一覧" });
    const before = await stateOf(sim);
    const e = await failureOf(host.recompute(DEFAULT_RULES, () => undefined));
    const shown = describeError(e, messagesJa, "ja");
    expect(shown.detail).toContain("シート「評価一覧」が保護されているため");
    expect(shown.detail).toContain("ブックは変更していません");
    expect(shown.what).toBe(messagesJa.errorWhat.protected);
    expect(await stateOf(sim)).toEqual(before);
  });

  test("protected workbook structure, first run (sheets to add): refused in Japanese, nothing written; a refresh in place still works", async () => {
    const { sim, host } = await setUp();
    await protect(sim, { structure: true });
    const before = await stateOf(sim);
    const e = await failureOf(host.recompute(DEFAULT_RULES, () => undefined));
    expect(describeError(e, messagesJa, "ja").detail).toContain("ブックの構成が保護されているため");
    expect(await stateOf(sim)).toEqual(before);
    // Unprotected, computed once, protected again: refreshing the same sheets adds and removes none.
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.protection.unprotect();
      await ctx.sync();
    });
    await host.recompute(DEFAULT_RULES, () => undefined);
    await protect(sim, { structure: true });
    await host.recompute(DEFAULT_RULES, () => undefined);
  });
});
