/**
 * The generated sheets print like the report's tables in Excel too (issue 7): one Japanese font, row heights
 * that fit wrapped text, A4 / margins / print area / page numbers, and the charts' colours. Expected values are
 * those of ../shared/design/REPORT.md (§2: margins L/R 0.4 in, T/B 0.6 in, header/footer 0.3 in; 游ゴシック;
 * footer 「&P / &N」; 評価一覧 landscape), all written in the best-effort cosmetics batch.
 */
import { recomputeIn, simOfFixture, TOKORO } from "./helpers";
import type { SimulatedExcel } from "../../../src/preview/simulated-excel";

type Ctx = Excel.RequestContext;

async function cellLook(sim: SimulatedExcel, sheet: string, address: string) {
  return sim.Excel.run(async (ctx: Ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load("values");
    r.format.load("rowHeight");
    r.format.font.load("name,size");
    await ctx.sync();
    return {
      value: r.values[0]![0],
      rowHeight: r.format.rowHeight,
      font: r.format.font.name,
      size: r.format.font.size,
    };
  });
}

describe("report layout through the Office.js adapter (ExcelApi 1.9 and later)", () => {
  let sim: SimulatedExcel;
  beforeAll(async () => {
    sim = await simOfFixture(TOKORO);
    await recomputeIn(sim);
  });

  test("every generated cell a reader sees is in 游ゴシック at 9 pt or more", async () => {
    for (const [sheet, address] of [
      ["評価集計", "A1"], // title
      ["評価集計", "A3"], // header
      ["評価集計", "B5"], // a count
      ["評価一覧", "A1"],
      ["評価一覧", "B2"],
      ["要確認", "A1"],
    ] as const) {
      const look = await cellLook(sim, sheet, address);
      expect({ sheet, address, font: look.font }).toEqual({ sheet, address, font: "游ゴシック" });
      expect(look.size).toBeGreaterThanOrEqual(9);
    }
  });

  test("the title keeps its own (larger) size over the body size", async () => {
    const title = await cellLook(sim, "評価集計", "A1");
    const body = await cellLook(sim, "評価集計", "A5");
    expect(String(title.value)).toMatch(/^表3-1 評価結果（ビジョン毎）/);
    expect(title.size).toBeGreaterThan(body.size);
  });

  test("the two-row header with 「AまたはB評価の割合」 is tall enough for its wrapped text", async () => {
    // Right under the title (the report has no 「対象：」 line).
    const header = await cellLook(sim, "評価集計", "A2");
    expect(header.value).toBe("ビジョン");
    const aOrB = await sim.Excel.run(async (ctx: Ctx) => {
      const used = ctx.workbook.worksheets.getItem("評価集計").getRange("A2:F3");
      used.load("values");
      used.format.load("rowHeight");
      await ctx.sync();
      return { text: used.values.flat().join("").replace(/\s/g, ""), height: used.format.rowHeight };
    });
    expect(aOrB.text).toContain("AまたはB評価の割合");
    // Two header rows, at least one of them taller than Excel's default 15 pt (the wrapped header).
    const rows = await Promise.all([cellLook(sim, "評価集計", "A2"), cellLook(sim, "評価集計", "A3")]);
    expect(rows[0]!.rowHeight + rows[1]!.rowHeight).toBeGreaterThan(2 * 15);
  });

  test("rows without merged cells have Excel's own autofit height: autofitting them again changes nothing", async () => {
    // The core's computed heights are a text-width estimate; where Excel can autofit (no merged cell in the row)
    // its own metrics decide, so a user's 「行の高さの自動調整」 afterwards must not move a single row.
    const again = await sim.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("評価一覧");
      const used = ws.getUsedRange();
      used.load("rowCount,columnCount");
      await ctx.sync();
      const rows = Array.from({ length: used.rowCount }, (_, r) => ws.getRangeByIndexes(r, 0, 1, used.columnCount));
      for (const r of rows) r.format.load("rowHeight");
      await ctx.sync();
      const before = rows.map((r) => r.format.rowHeight);
      used.format.autofitRows();
      for (const r of rows) r.format.load("rowHeight");
      await ctx.sync();
      return { before, after: rows.map((r) => r.format.rowHeight) };
    });
    expect(again.before.length).toBeGreaterThan(50);
    // some rows wrap (long 理由), so this is not a sheet of default heights
    expect(again.before.some((h) => h > 15)).toBe(true);
    expect(again.after).toEqual(again.before);
  });

  test("page setup: A4 portrait 評価集計 with its print area, landscape lists, the report's margins, page numbers 「1 / 3」", async () => {
    const sheets = sim.inspect().sheets;
    const summary = sheets.find((s) => s.name === "評価集計")!.pageLayout;
    expect(summary.paperSize).toBe("A4");
    expect(summary.orientation).toBe("Portrait");
    expect(summary.printArea).toMatch(/^'?評価集計'?!\$?A\$?1:/);
    const footers = summary.headersFooters as { defaultForAllPages: { centerFooter: string } };
    expect(footers.defaultForAllPages.centerFooter).toBe("&P / &N");
    // 表3-1 and 表3-2 each start a page (a manual break before the second block's title).
    const second = await sim.Excel.run(async (ctx: Ctx) => {
      const col = ctx.workbook.worksheets.getItem("評価集計").getRange("A1:A200");
      col.load("values");
      await ctx.sync();
      return col.values.findIndex((r) => String(r[0]).startsWith("表3-2"));
    });
    expect(second).toBeGreaterThan(0);
    expect(summary.rowBreaks as number[]).toContain(second);
    for (const s of sheets.filter((x) => ["評価集計", "評価一覧", "要確認"].includes(x.name))) {
      const p = s.pageLayout;
      expect({
        sheet: s.name,
        margins: [p.leftMargin, p.rightMargin, p.topMargin, p.bottomMargin, p.headerMargin, p.footerMargin],
      }).toEqual({
        sheet: s.name,
        margins: [28.8, 28.8, 43.2, 43.2, 21.6, 21.6],
      });
      expect(["A4", "A3"]).toContain(p.paperSize);
    }
    expect(sheets.find((s) => s.name === "評価一覧")!.pageLayout.orientation).toBe("Landscape");
    expect(sheets.find((s) => s.name === "評価一覧")!.pageLayout.printTitleRows).toBe("$1:$1");
  });

  test("charts: a pie of the grades with four distinct slice colours and stacked bars per group, a colour per grade", () => {
    const charts = sim.inspect().sheets.find((s) => s.name === "評価集計")!.charts;
    const pie = charts.find((c) => c.type === "Pie")!;
    const bars = charts.find((c) => c.type === "BarStacked")!;
    expect(pie).toBeDefined();
    expect(bars).toBeDefined();
    const slices = [0, 1, 2, 3].map((i) => pie.props[`series/0/points/${i}/format/fill.color`]);
    expect(slices.every((c) => typeof c === "string" && /^#[0-9A-F]{6}$/i.test(c as string))).toBe(true);
    expect(new Set(slices).size).toBe(4);
    const seriesColours = bars.series.map((_, i) => bars.props[`series/${i}/format/fill.color`]);
    expect(bars.series.map((s) => s.name)).toEqual(["A評価", "B評価", "C評価", "D評価"]);
    // The same colour for a grade in both charts.
    expect(seriesColours).toEqual(slices);
  });
});

test("below ExcelApi 1.9 the page layout is left alone (and said), the rest is written", async () => {
  const sim = await simOfFixture(TOKORO, { excelApiLevel: 8 });
  const { port } = await recomputeIn(sim);
  const summary = sim.inspect().sheets.find((s) => s.name === "評価集計")!;
  expect(summary.pageLayout.paperSize).toBe("Letter");
  expect(port.notes.join("\n")).toContain("印刷設定を書き込めない");
  expect((await cellLook(sim, "評価集計", "A1")).font).toBe("游ゴシック");
});
