/**
 * In Excel the generated sheets are refreshed in place, so what the user built on them keeps working; and a
 * sheet is ours only by its owner marker, never by its name (issue 8).
 */
import ExcelJS from "exceljs";
import expected from "../../fixtures/tokorozawa-r3-list.expected.json";
import { OWNER_NAME } from "../../../src/core/ownership";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import { DEFAULT_RULES, rulesSchema } from "../../../src/core/model/settings";
import type { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { digestOf, loadWorkbook, recomputeIn, simOf, simOfFixture, SUITA, TOKORO } from "./helpers";

const TOTAL_A = expected.evaluations[0]!.total.counts.A; // 50 in the published R3 report

type Ctx = Excel.RequestContext;
const run = <T>(sim: SimulatedExcel, batch: (ctx: Ctx) => Promise<T>): Promise<T> => sim.Excel.run(batch);

async function userCell(sim: SimulatedExcel, sheet: string, address: string) {
  return run(sim, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load("formulas,values");
    await ctx.sync();
    return { formula: r.formulas[0]![0] as unknown, value: r.values[0]![0] as unknown };
  });
}

async function sheetId(sim: SimulatedExcel, name: string): Promise<string> {
  return run(sim, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    ws.load("id");
    await ctx.sync();
    return ws.id;
  });
}

async function sheetNames(sim: SimulatedExcel): Promise<string[]> {
  return run(sim, async (ctx) => {
    const ws = ctx.workbook.worksheets;
    ws.load("items/name");
    await ctx.sync();
    return ws.items.map((w) => w.name);
  });
}

describe("references to generated sheets survive recomputes", () => {
  test("a user formula =評価集計!B<合計> and a name keep working over ten recomputes, follow a rename, and become #REF! on delete", async () => {
    const sim = await simOfFixture(TOKORO);
    await recomputeIn(sim);
    const id = await sheetId(sim, "評価集計");
    // The user points at the A count of the 合計 row, found as a user would: the row labelled 合計, column B.
    const totalA = await run(sim, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("評価集計").getUsedRange(true);
      used.load("values");
      await ctx.sync();
      const row = used.values.findIndex((r) => r[0] === "合計");
      return `B${row + 1}`;
    });
    await run(sim, async (ctx) => {
      const notes = ctx.workbook.worksheets.add("メモ");
      notes.getRange("A1").formulas = [[`=評価集計!${totalA}`]];
      ctx.workbook.names.add("A評価合計", ctx.workbook.worksheets.getItem("評価集計").getRange(totalA));
      await ctx.sync();
    });
    for (let i = 0; i < 10; i++) {
      await recomputeIn(sim);
      expect({ i, cell: await userCell(sim, "メモ", "A1") }).toEqual({
        i,
        cell: { formula: `=評価集計!${totalA}`, value: TOTAL_A },
      });
      expect(await sheetId(sim, "評価集計")).toBe(id);
    }
    // A new name for the summary in the rules: the same sheet is renamed, the formula follows it.
    const renamed = rulesSchema.parse({
      ...DEFAULT_RULES,
      sheetNames: { ...DEFAULT_RULES.sheetNames, summary: "集計表" },
    });
    await recomputeIn(sim, { rules: renamed });
    expect(await sheetId(sim, "集計表")).toBe(id);
    expect(await userCell(sim, "メモ", "A1")).toEqual({ formula: `=集計表!${totalA}`, value: TOTAL_A });
    const name = await run(sim, async (ctx) => {
      const n = ctx.workbook.names.getItem("A評価合計");
      n.load("formula");
      await ctx.sync();
      return n.formula;
    });
    expect(name).toBe(`=集計表!$B$${totalA.slice(1)}`);
    // Really deleted (by the user): #REF!, and the next recompute does not bring the reference back.
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("集計表").delete();
      await ctx.sync();
    });
    await recomputeIn(sim, { rules: renamed });
    expect(await userCell(sim, "メモ", "A1")).toEqual({ formula: `=#REF!${totalA}`, value: "#REF!" });
    expect(await sheetNames(sim)).toContain("集計表");
  });
});

describe("ownership: a name proves nothing", () => {
  test("the user deleted our 要確認 and made their own: theirs is kept, ours is 要確認 (2), with a warning", async () => {
    const sim = await simOfFixture(TOKORO);
    await recomputeIn(sim);
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("要確認").delete();
      const mine = ctx.workbook.worksheets.add("要確認");
      mine.getRange("A1:B2").values = [
        ["確認事項", "担当"],
        ["予算の確認", "財政課"],
      ];
      await ctx.sync();
    });
    const before = await digestOf(sim, (n) => n === "要確認" || n === "表4-1");
    const { result } = await recomputeIn(sim);
    expect(await digestOf(sim, (n) => n === "要確認" || n === "表4-1")).toEqual(before);
    expect(result.plans.find((p) => p.role === "review")!.name).toBe("要確認 (2)");
    expect(await sheetNames(sim)).toContain("要確認 (2)");
    expect(result.warnings.join("\n")).toContain("「要確認」");
  });

  test("a data sheet renamed to 評価集計 (ours deleted) is read as data and kept; ours is 評価集計 (2)", async () => {
    const sim = await simOfFixture(TOKORO);
    await recomputeIn(sim);
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem("評価集計").delete();
      ctx.workbook.worksheets.getItem("表4-1").name = "評価集計";
      await ctx.sync();
    });
    const before = await digestOf(sim, (n) => n === "評価集計");
    const { result } = await recomputeIn(sim);
    expect(await digestOf(sim, (n) => n === "評価集計")).toEqual(before);
    expect(result.summary.evaluations[0]!.total.counts.A).toBe(TOTAL_A);
    expect(result.plans.find((p) => p.role === "summary")!.name).toBe("評価集計 (2)");
    expect(result.warnings.join("\n")).toContain("「評価集計」");
  });

  test("settings copied from another workbook name a sheet that is not ours here: it is kept", async () => {
    // Workbook A: a recompute, then its settings sheet (with its marker) copied into workbook B.
    const a = await simOfFixture(TOKORO);
    await recomputeIn(a);
    const copied = await run(a, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SETTINGS_SHEET_NAME);
      const used = ws.getUsedRange();
      used.load("values,address");
      const marker = ws.names.getItem(OWNER_NAME);
      marker.load("formula");
      await ctx.sync();
      return { values: used.values, rows: used.values.length, marker: marker.formula };
    });
    const wbB = await loadWorkbook(TOKORO);
    const userSummary = wbB.addWorksheet("評価集計");
    userSummary.getCell("A1").value = "課内の集計（手入力）";
    userSummary.getCell("K3").value = 12;
    const b = await simOf(wbB);
    await run(b, async (ctx) => {
      const ws = ctx.workbook.worksheets.add(SETTINGS_SHEET_NAME);
      ws.names.add(OWNER_NAME, copied.marker).visible = false;
      const range = ws.getRangeByIndexes(0, 0, copied.rows, 2);
      range.numberFormat = copied.values.map(() => ["@", "@"]);
      range.values = copied.values.map((r) => [r[0], r[1] ?? ""]);
      ws.visibility = "VeryHidden";
      await ctx.sync();
    });
    const before = await digestOf(b, (n) => n === "評価集計" || n === "表4-1");
    const { result } = await recomputeIn(b);
    expect(await digestOf(b, (n) => n === "評価集計" || n === "表4-1")).toEqual(before);
    expect(result.plans.find((p) => p.role === "summary")!.name).toBe("評価集計 (2)");
    expect(result.warnings.join("\n")).toContain("「評価集計」");
  });

  test("a visible user sheet named ProgressReview_Settings is untouched; our settings go elsewhere, with a warning", async () => {
    const wb: ExcelJS.Workbook = await loadWorkbook(TOKORO);
    const theirs = wb.addWorksheet(SETTINGS_SHEET_NAME);
    theirs.getCell("A1").value = "メモ: 設定値";
    theirs.getCell("B1").value = 3;
    const sim = await simOf(wb);
    const before = await digestOf(sim, (n) => n === SETTINGS_SHEET_NAME);
    const { result } = await recomputeIn(sim);
    expect(await digestOf(sim, (n) => n === SETTINGS_SHEET_NAME)).toEqual(before);
    expect(before[0]!.state).toBe("visible");
    expect(result.warnings.join("\n")).toContain(`「${SETTINGS_SHEET_NAME}」`);
    const ours = sim.inspect().sheets.find((s) => s.name === `${SETTINGS_SHEET_NAME} (2)`);
    expect(ours).toMatchObject({ visibility: "VeryHidden" });
    // And the next run finds its settings there: the generated sheets are refreshed, not added again.
    const names = await sheetNames(sim);
    await recomputeIn(sim);
    expect(await sheetNames(sim)).toEqual(names);
    expect(await digestOf(sim, (n) => n === SETTINGS_SHEET_NAME)).toEqual(before);
  });
});

describe("評価一覧 written by a version without 次の評価まで and the year columns (issue 18)", () => {
  /** The list's table: id, name, address and header row. */
  async function listTable(sim: SimulatedExcel) {
    return run(sim, async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("評価一覧").tables.getItem("ProgressReviewList");
      const range = t.getRange();
      const head = t.getHeaderRowRange();
      t.load("id,name");
      range.load("address");
      head.load("values");
      await ctx.sync();
      return { id: t.id, name: t.name, address: range.address, head: head.values[0] as string[] };
    });
  }

  test("is refreshed in place: the same table (id, name) grows over the new columns, headed by them", async () => {
    const sim = await simOfFixture(SUITA);
    await recomputeIn(sim);
    const now = await listTable(sim);
    // Make it the older sheet: its table over the 14 columns of then (評価 … 元の行), the new columns gone.
    const old = ["評価", "No", "項目", "区分", "担当課", "評価指標", "目標", "実績", "達成率", "指標の\n評価", "項目の\n自己評価", "項目の\n採用評価", "理由", "元の行"];
    const rows = Number(/(\d+)$/.exec(now.address)![1]);
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("評価一覧");
      const t = ws.tables.getItem("ProgressReviewList");
      t.resize(ws.getRange(`A1:N${rows}`));
      ws.getRange(`O1:Z${rows}`).clear("All");
      ws.getRange("A1:N1").values = [old];
      await ctx.sync();
    });
    expect((await listTable(sim)).address).toBe(`評価一覧!A1:N${rows}`);
    await recomputeIn(sim);
    const after = await listTable(sim);
    // The same table (id and name), over 17 columns again: … 項目の採用評価, R1 評価, R2 評価, 次の評価まで, 理由, 元の行.
    expect([after.id, after.name]).toEqual([now.id, "ProgressReviewList"]);
    expect(after.address).toBe(`評価一覧!A1:Q${rows}`);
    expect(after.head.slice(11)).toEqual(["項目の\n採用評価", "R1 評価", "R2 評価", "次の評価まで", "理由", "元の行"]);
  });
});
