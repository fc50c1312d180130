/**
 * The pane's door to the workbook, on the strict simulated host with the preview's events:
 * what open/recompute/select/watch do in the workbook and how many syncs they cost.
 */
import fs from "node:fs";
import path from "node:path";
import { SimulatedExcel } from "../../../../src/preview/simulated-excel";
import { previewEventsOf } from "../../../../src/preview/preview-events";
import { createPaneHost } from "../../../../src/taskpane/host/pane-host";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";

const FIXTURES = path.join(__dirname, "..", "..", "..", "fixtures");
const SAMPLE = path.join(__dirname, "..", "..", "..", "..", "assets", "sample-progress.xlsx");

async function setUp(file: string, excelApiLevel = 99) {
  const sim = await SimulatedExcel.fromFile(file, { excelApiLevel });
  const events = previewEventsOf(sim);
  const host = createPaneHost({ Excel: sim.Excel, Office: sim.Office });
  return { sim, events, host };
}

const flush = () => new Promise((r) => setTimeout(r, 10));

test("when Excel refuses to show 評価集計 in the write's last batch, the pane shows it with a sync of its own and warns of nothing", async () => {
  const { sim, events, host } = await setUp(SAMPLE);
  const activated: string[] = [];
  events.onActivate((name) => activated.push(name));
  sim.setFailAtOperation("Worksheet.activate", 1);
  sim.resetStats();
  const out = await host.recompute(DEFAULT_RULES, () => undefined);
  expect(activated).toEqual(["評価集計"]);
  expect(sim.stats.syncs).toBe(5);
  expect(out.result.warnings.filter((w) => w.includes("評価集計"))).toEqual([]);
});

test("open reviews the workbook in memory (nothing written): the fixture's published totals, not stale before any recompute", async () => {
  const { sim, host } = await setUp(path.join(FIXTURES, "tokorozawa-r3-list.xlsx"));
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));
  const sheetsBefore = sim.inspect().sheets.map((s) => s.name);
  const o = await host.open();
  expect(o.result.summary.evaluations.map((e) => e.total)).toEqual(expected.evaluations.map((e: { total: unknown }) => e.total));
  expect(o.generated).toEqual([]);
  expect(o.stale).toBe(false);
  expect(sim.inspect().sheets.map((s) => s.name)).toEqual(sheetsBefore);
});

test("recompute from the pane takes at most 4 syncs on the sample, first run and refresh, and ends on 評価集計; opening takes 2; then a source edit makes the workbook stale", async () => {
  const { sim, events, host } = await setUp(SAMPLE);
  const activated: string[] = [];
  events.onActivate((name) => activated.push(name));
  sim.resetStats();
  const steps: string[] = [];
  const out = await host.recompute(DEFAULT_RULES, (s) => steps.push(s));
  // 2 reads (layout with the cells of small sheets), 1 data write, 1 best-effort cosmetics batch that ends by
  // showing 評価集計, as the ribbon command does.
  expect(sim.stats.syncs).toBeLessThanOrEqual(4);
  expect(steps).toEqual(["read", "analyse", "write", "done"]);
  expect(out.generated).toEqual(["評価集計", "評価一覧", "要確認"]);
  expect(activated).toEqual(["評価集計"]);
  sim.resetStats();
  await host.recompute(DEFAULT_RULES, () => undefined); // refresh in place
  expect(sim.stats.syncs).toBeLessThanOrEqual(4);
  sim.resetStats();
  expect((await host.open()).stale).toBe(false);
  expect(sim.stats.syncs).toBeLessThanOrEqual(2);
  await sim.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("総務部").getRange("F6").values = [["1"]];
    await ctx.sync();
  });
  expect((await host.open()).stale).toBe(true);
});

test.each([99, 7])("watch (ExcelApi 1.%i): a selection is a lookup with no sync; source edits are reported, the pane's own writes and generated sheets are not; removal unregisters", async (level) => {
  const { sim, events, host } = await setUp(SAMPLE, level);
  await host.recompute(DEFAULT_RULES, () => undefined);
  const selections: [string, number, number][] = [];
  const changes: string[] = [];
  const stop = await host.watch({ selection: (s, r, c) => selections.push([s, r, c]), changed: (s) => changes.push(s) });
  expect(events.count("SelectionChanged")).toBeGreaterThan(0);

  sim.resetStats();
  await events.userSelect("市民部", 8, 2); // C9
  expect(selections).toEqual([["市民部", 9, 2]]);
  expect(sim.stats.syncs).toBe(0);

  await events.userChanged("市民部", "F9");
  await events.userChanged("評価集計", "A1");
  expect(changes).toEqual(["市民部"]);

  // During a recompute the pane's own writes are not "changes".
  const running = host.recompute(DEFAULT_RULES, () => undefined);
  await events.userChanged("総務部", "F6");
  await running;
  expect(changes).toEqual(["市民部"]);

  await stop();
  expect(events.count()).toBe(0);
});

test("select activates the source sheet and selects the cell (the preview's grid follows)", async () => {
  const { events, host } = await setUp(SAMPLE);
  const seen: string[] = [];
  events.onSelect((s) => seen.push(`${s.sheet}!${s.address}`));
  await host.select("市民部", 7, 0);
  expect(seen).toEqual(["市民部!A7"]);
  expect(events.selection?.sheet).toBe("市民部");
  await flush();
});

test.each([99, 7])("watch (ExcelApi 1.%i): sheets added and deleted re-register the handlers without stacking them; stop removes every one", async (level) => {
  const { sim, events, host } = await setUp(SAMPLE, level);
  const stop = await host.watch({ selection: () => undefined, changed: () => undefined });
  const registered = events.count();
  const sheetIds = async () =>
    sim.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/id,items/name");
      await ctx.sync();
      return new Map(sheets.items.map((w) => [w.name, w.id]));
    });
  for (let i = 0; i < 3; i++) {
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add(`メモ${i}`);
      await ctx.sync();
    });
    const added = (await sheetIds()).get(`メモ${i}`)!;
    await events.sheetsAddedOrDeleted([added], []);
    await flush();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(`メモ${i}`).delete();
      await ctx.sync();
    });
    await events.sheetsAddedOrDeleted([], [added]);
    await flush();
  }
  // Per-sheet handlers (1.7) follow the sheet count, which is back where it was; nothing stacks.
  expect(events.count()).toBe(registered);
  await stop();
  expect(events.count()).toBe(0);
});

test("the list's Excel table is refreshed in place: same table (id) and name, resized to the new rows — never deleted and made anew", async () => {
  const { sim, host } = await setUp(SAMPLE);
  const tableOf = () =>
    sim.Excel.run(async (ctx) => {
      const tables = ctx.workbook.worksheets.getItem("評価一覧").tables;
      tables.load("items/id,items/name");
      await ctx.sync();
      const ranges = tables.items.map((t) => t.getRange().load("address"));
      const used = ctx.workbook.worksheets.getItem("評価一覧").getUsedRange(true).load("rowCount");
      await ctx.sync();
      return { tables: tables.items.map((t, i) => ({ id: t.id, name: t.name, address: ranges[i]!.address })), usedRows: used.rowCount };
    });
  const items = (o: { result: { summary: { evaluations: { items: unknown[] }[] } } }) =>
    o.result.summary.evaluations.reduce((n, e) => n + e.items.length, 0);
  const before = items(await host.recompute(DEFAULT_RULES, () => undefined));
  const first = await tableOf();
  expect(first.tables).toHaveLength(1);
  // The source grows by one item (a copy of an existing row at the end of a department sheet).
  await sim.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("総務部");
    const used = ws.getUsedRange(true).load("rowCount,columnCount,values");
    await ctx.sync();
    // The last row whose first cell is a number (an item row), copied below the used range as a new item.
    const last = [...used.values].reverse().find((r) => typeof r[0] === "number")!;
    ws.getRangeByIndexes(used.rowCount, 0, 1, used.columnCount).values = [
      last.map((v, c) => (c === 0 ? Number(v) + 1000 : typeof v === "string" && c === 1 ? `${v}（追加）` : v)),
    ];
    await ctx.sync();
  });
  const after = items(await host.recompute(DEFAULT_RULES, () => undefined));
  expect(after).toBeGreaterThan(before);
  const second = await tableOf();
  expect(second.tables.map((t) => [t.id, t.name])).toEqual(first.tables.map((t) => [t.id, t.name]));
  const rows = (a: string) => {
    const m = /!\$?[A-Z]+\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(a)!;
    return Number(m[2]) - Number(m[1]) + 1;
  };
  // One list row per item: the table grows with the list.
  expect(rows(second.tables[0]!.address) - rows(first.tables[0]!.address)).toBe(after - before);
});
