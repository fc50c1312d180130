/**
 * Load from .xlsx and save back through ExcelJS: what ExcelJS keeps, the simulated host keeps.
 */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";

async function sourceBuffer(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet("一覧", { properties: { tabColor: { argb: "FF1F4E78" } }, views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  list.getCell("A1").value = "令和3年度 進捗状況";
  list.mergeCells("A1:D1");
  list.getCell("A1").font = { bold: true, size: 14, name: "游ゴシック", color: { argb: "FF203864" } };
  list.getCell("A1").alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  list.getRow(2).values = ["番号", "事業名", "達成率", "評価"];
  list.getRow(2).font = { bold: true };
  list.getCell("A3").value = 1;
  list.getCell("B3").value = "道路整備";
  list.getCell("C3").value = 0.875;
  list.getCell("C3").numFmt = "0.0%";
  list.getCell("D3").value = "A";
  list.getCell("D3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } };
  list.getCell("D3").border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  list.getCell("A4").value = 2;
  list.getCell("B4").value = { richText: [{ text: "公園", font: { bold: true } }, { text: "整備" }] };
  list.getCell("C4").value = { formula: "C3/2", result: 0.4375 } as ExcelJS.CellFormulaValue;
  list.getCell("C4").numFmt = "0.0%";
  list.getCell("D4").value = { text: "出典", hyperlink: "#'一覧'!A1" };
  list.getCell("E4").value = new Date(Date.UTC(2021, 2, 31));
  list.getCell("E4").numFmt = "yyyy/m/d";
  list.getColumn(2).width = 30;
  list.getRow(3).height = 24;
  list.addConditionalFormatting({
    ref: "D3:D10",
    rules: [{ type: "containsText", operator: "containsText", text: "A", priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } } }],
  });
  list.pageSetup.orientation = "landscape";
  list.pageSetup.fitToPage = true;
  list.pageSetup.fitToWidth = 1;
  list.pageSetup.fitToHeight = 0;
  list.pageSetup.printTitlesRow = "2:2";
  list.headerFooter.oddFooter = "&C&P / &N";
  const hidden = wb.addWorksheet("hidden", { state: "hidden" });
  hidden.getCell("A1").value = "h";
  const settings = wb.addWorksheet("設定", { state: "veryHidden" });
  settings.getCell("A1").value = '{"version":1}';
  const table = wb.addWorksheet("Table");
  table.addTable({
    name: "Items",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "名前", filterButton: true }, { name: "値", filterButton: true }],
    rows: [["a", 1], ["b", 2]],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function reload(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

describe("simulated Excel: .xlsx round trip", () => {
  let original: ExcelJS.Workbook;
  let saved: ExcelJS.Workbook;
  let sim: SimulatedExcel;

  beforeAll(async () => {
    const buf = await sourceBuffer();
    original = await reload(buf);
    sim = await SimulatedExcel.fromBuffer(buf);
    saved = await reload(await sim.toBuffer());
  });

  test("sheet order and visibility, including veryHidden", () => {
    expect(saved.worksheets.map((w) => [w.name, w.state])).toEqual(original.worksheets.map((w) => [w.name, w.state]));
    expect(saved.getWorksheet("設定")!.state).toBe("veryHidden");
  });

  test("cell values, formulas with cached results, rich text, hyperlinks, dates", () => {
    const a = original.getWorksheet("一覧")!;
    const b = saved.getWorksheet("一覧")!;
    for (const addr of ["A1", "A2", "B2", "A3", "B3", "C3", "D3", "B4", "C4", "D4", "E4"]) {
      expect({ addr, v: b.getCell(addr).value }).toEqual({ addr, v: a.getCell(addr).value });
    }
  });

  test("number formats, fonts, fills, borders, alignment", () => {
    const a = original.getWorksheet("一覧")!;
    const b = saved.getWorksheet("一覧")!;
    expect(b.getCell("C3").numFmt).toBe("0.0%");
    expect(b.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "游ゴシック", color: { argb: "FF203864" } });
    expect(b.getCell("A1").alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(b.getCell("B2").font?.bold).toBe(true);
    expect(b.getCell("D3").fill).toEqual(a.getCell("D3").fill);
    expect(b.getCell("D3").border?.bottom).toMatchObject({ style: "thin" });
  });

  test("merges, column widths, row heights, frozen panes, tab colour", () => {
    const b = saved.getWorksheet("一覧")!;
    expect(b.getCell("D1").isMerged).toBe(true);
    expect(b.getCell("D1").master.address).toBe("A1");
    expect(b.getColumn(2).width).toBe(30);
    expect(b.getRow(3).height).toBe(24);
    expect(b.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(b.properties.tabColor).toEqual({ argb: "FF1F4E78" });
  });

  test("conditional formats, page setup, header/footer, tables", () => {
    const b = saved.getWorksheet("一覧")! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: { type: string }[] }[] };
    expect(b.conditionalFormattings).toHaveLength(1);
    expect(b.conditionalFormattings[0].ref).toBe("D3:D10");
    expect(b.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
    expect(b.headerFooter.oddFooter).toBe("&C&P / &N");
    const t = saved.getWorksheet("Table")!.getTable("Items") as unknown as { table: { tableRef: string; style: { theme: string } } };
    expect(t.table.tableRef).toBe("A1:B3");
    expect(t.table.style.theme).toBe("TableStyleLight9");
  });

  test("the API sees what was loaded: widths in points, merged areas, tables, conditional formats, page layout", async () => {
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("一覧");
      const b = ws.getRange("B:B");
      b.format.load("columnWidth");
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address,areaCount");
      const link = ws.getRange("D4");
      link.load("hyperlink,text");
      ws.load("tabColor");
      const layout = ws.pageLayout;
      layout.load("orientation,zoom");
      const footer = layout.headersFooters.defaultForAllPages;
      footer.load("centerFooter");
      const tables = ctx.workbook.tables;
      tables.load("items/name,items/style");
      const cfs = ws.getRange("D3").conditionalFormats;
      cfs.load("items/type");
      await ctx.sync();
      expect(b.format.columnWidth).toBeCloseTo(30 * 7 * 0.75, -1);
      expect(merged.address).toBe("一覧!A1:D1");
      expect(link.hyperlink).toMatchObject({ documentReference: "'一覧'!A1", textToDisplay: "出典" });
      expect(ws.tabColor).toBe("#1F4E78");
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(footer.centerFooter).toBe("&P / &N");
      expect(tables.items.map((t: { name: string; style: string }) => [t.name, t.style])).toEqual([["Items", "TableStyleLight9"]]);
      expect(cfs.items.map((c: { type: string }) => c.type)).toEqual(["ContainsText"]);
    });
    expect(sim.inspect().sheets[0]).toMatchObject({ freezeRows: 2, freezeCols: 1, conditionalFormatCount: 1 });
  });

  test("changes made through the API are saved; charts are recorded but not written", async () => {
    // Its own simulated workbook: the other tests read the shared one as loaded, in any order.
    const sim = await SimulatedExcel.fromBuffer(await sourceBuffer());
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("評価集計");
      ws.getRange("A1:B3").values = [["評価", "件数"], ["A", 16], ["B", 3]];
      ws.getRange("A1:B1").format.font.bold = true;
      ws.getRange("A1:B1").format.fill.color = "#DDEBF7";
      ws.getRange("A:A").format.columnWidth = 90;
      ws.getRange("D1:E1").merge();
      ws.position = 0;
      ws.visibility = "Visible";
      const chart = ws.charts.add("Pie", ws.getRange("A1:B3"), "Columns");
      chart.title.text = "図3-1";
      await ctx.sync();
    });
    const again = await reload(await sim.toBuffer());
    expect(again.worksheets[0].name).toBe("評価集計");
    const s = again.getWorksheet("評価集計")!;
    expect(s.getCell("B2").value).toBe(16);
    expect(s.getCell("A1").font?.bold).toBe(true);
    expect(s.getCell("B1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(s.getColumn(1).width).toBeCloseTo(90 / 0.75 / 7, 1);
    expect(s.getCell("E1").isMerged).toBe(true);
    expect(sim.inspect().sheets[0].charts).toEqual([
      expect.objectContaining({ type: "Pie", title: "図3-1", sourceAddress: "評価集計!A1:B3", seriesBy: "Columns", categories: ["A", "B"], series: [{ name: "件数", values: [16, 3] }] }),
    ]);
    const reopened = await SimulatedExcel.fromBuffer(await sim.toBuffer());
    expect(reopened.inspect().sheets[0].charts).toEqual([]);
  });

  test("print titles rows ('S'!$1:$1) with a sheet-scoped name and a print area save as well-formed XML and read back", async () => {
    const sim = await SimulatedExcel.fromBuffer(await sourceBuffer());
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("評価一覧");
      ws.getRange("A1:B2").values = [["No", "名称"], [1, "x"]];
      ws.pageLayout.setPrintTitleRows("$1:$1");
      ws.pageLayout.setPrintArea("A1:B2");
      ws.names.add("ProgressReview_Owner", '="progress-review/1 list abcdef12 run123"').visible = false;
      await ctx.sync();
    });
    const again = await reload(await sim.toBuffer());
    const s = again.getWorksheet("評価一覧")!;
    expect(s.getCell("B2").value).toBe("x");
    expect(s.pageSetup.printTitlesRow).toBe("1:1");
    const reopened = await SimulatedExcel.fromBuffer(await sim.toBuffer());
    expect(reopened.inspect().sheets.find((x) => x.name === "評価一覧")!.pageLayout.printTitleRows).toBe("$1:$1");
  });
});
