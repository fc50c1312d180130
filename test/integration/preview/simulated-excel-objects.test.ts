/* eslint-disable @typescript-eslint/no-explicit-any -- proxies poked with invalid values on purpose */
/**
 * Worksheets, formats, merges, tables, charts, conditional formats, page layout and settings
 * through the API, checked through the API, inspect() and the saved workbook.
 */
import { rejectionOf, simOf } from "./sim-helpers";

describe("simulated Excel: worksheets", () => {
  test("add, rename, move, hide, tab colour, activate", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const a = sheets.add("評価集計");
      const b = sheets.add();
      b.load("name");
      await ctx.sync();
      expect(b.name).toBe("Sheet4");
      a.position = 0;
      a.tabColor = "#2E7D32";
      b.visibility = "VeryHidden";
      a.activate();
      const active = sheets.getActiveWorksheet();
      active.load("name,position,tabColor");
      sheets.load("items/name,items/visibility,items/position");
      const count = sheets.getCount(true);
      await ctx.sync();
      expect(active.name).toBe("評価集計");
      expect(active.tabColor).toBe("#2E7D32");
      expect(count.value).toBe(3);
      expect(sheets.items.map((s: { name: string; visibility: string }) => `${s.name}:${s.visibility}`)).toEqual(["評価集計:Visible", "Data:Visible", "Notes:Visible", "Sheet4:VeryHidden"]);
      b.activate();
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidOperation");
    });
    expect(sim.inspect().sheets.map((s) => [s.name, s.visibility, s.position])).toEqual([
      ["評価集計", "Visible", 0],
      ["Data", "Visible", 1],
      ["Notes", "Visible", 2],
      ["Sheet4", "VeryHidden", 3],
    ]);
    expect(sim.toExcelJs().getWorksheet("Sheet4")!.state).toBe("veryHidden");
  });

  test("freeze panes and deleting a sheet", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").freezePanes.freezeRows(2);
      ctx.workbook.worksheets.getItem("Notes").freezePanes.freezeAt("A1:B3");
      const loc = ctx.workbook.worksheets.getItem("Notes").freezePanes.getLocationOrNullObject();
      loc.load("address");
      await ctx.sync();
      expect(loc.address).toBe("Notes!A1:B3");
      ctx.workbook.worksheets.getItem("Notes").delete();
      const gone = ctx.workbook.worksheets.getItemOrNullObject("Notes");
      await ctx.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(sim.inspect().sheets).toEqual([expect.objectContaining({ name: "Data", freezeRows: 2, freezeCols: 0 })]);
  });
});

describe("simulated Excel: ranges and formats", () => {
  test("font, fill, alignment, wrap, borders, widths and heights; mixed ranges read as null", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      const r = ws.getRange("A1:C2");
      r.format.font.bold = true;
      r.format.font.color = "red";
      r.format.font.size = 12;
      r.format.font.name = "游ゴシック";
      r.format.fill.color = "#FFF2CC";
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Center";
      r.format.wrapText = true;
      r.format.borders.getItem("EdgeBottom").style = "Continuous";
      r.format.borders.getItem("InsideVertical").style = "Dash";
      r.format.columnWidth = 60;
      r.format.rowHeight = 30;
      ws.getRange("A1").format.font.italic = true;
      ws.getRange("C2").format.fill.clear();
      await ctx.sync();
      const f = r.format;
      f.load("columnWidth,rowHeight,horizontalAlignment,verticalAlignment,wrapText");
      f.font.load("bold,color,size,name,italic");
      f.fill.load("color");
      const bottom = f.borders.getItem("EdgeBottom");
      bottom.load("style,weight");
      const top = f.borders.getItem("EdgeTop");
      top.load("style");
      await ctx.sync();
      expect(f.toJSON()).toMatchObject({ columnWidth: 60, rowHeight: 30, horizontalAlignment: "Center", verticalAlignment: "Center", wrapText: true });
      expect(f.font.toJSON()).toEqual({ bold: true, color: "#FF0000", size: 12, name: "游ゴシック", italic: null });
      expect(f.fill.color).toBeNull();
      expect([bottom.style, bottom.weight, top.style]).toEqual(["Continuous", "Thin", "None"]);
    });
    const ws = sim.toExcelJs().getWorksheet("Notes")!;
    expect(ws.getCell("B2").border?.bottom?.style).toBe("thin");
    expect(ws.getCell("A2").border?.right?.style).toBe("dashed");
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getColumn(1).width).toBeCloseTo(60 / 0.75 / 7, 1);
    expect(ws.getRow(2).height).toBe(30);
  });

  test("invalid format values are InvalidArgument", async () => {
    const sim = simOf();
    for (const apply of [
      (r: any) => (r.format.fill.color = "not a colour"),
      (r: any) => (r.format.horizontalAlignment = "Middle"),
      (r: any) => (r.format.font.size = 0),
      (r: any) => (r.format.borders.getItem("EdgeBottom").style = "Thin"),
      (r: any) => (r.numberFormat = [["0", "0"]]),
    ]) {
      const e = await rejectionOf(
        sim.Excel.run(async (ctx) => {
          apply(ctx.workbook.worksheets.getItem("Notes").getRange("A1"));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
  });

  test("merge keeps the top-left value; merge(true) merges each row; unmerge", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      ws.getRange("A1:C2").values = [["title", "x", "y"], ["z", "", ""]];
      ws.getRange("A1:C2").merge();
      ws.getRange("A5:C6").merge(true);
      const all = ws.getRange().getMergedAreasOrNullObject();
      all.load("address");
      const v = ws.getRange("A1:C2");
      v.load("values");
      await ctx.sync();
      expect(all.address).toBe("Notes!A1:C2, Notes!A5:C5, Notes!A6:C6");
      expect(v.values).toEqual([["title", "", ""], ["", "", ""]]);
      ws.getRange("A5:C6").unmerge();
      const left = ws.getRange().getMergedAreasOrNullObject();
      left.load("areaCount");
      await ctx.sync();
      expect(left.areaCount).toBe(1);
    });
  });

  test("hyperlinks (1.7) to a cell in the workbook, written text stays text", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Notes").getRange("A1");
      r.hyperlink = { documentReference: "'Data'!A2", textToDisplay: "=道路整備", screenTip: "元の行" };
      r.load("hyperlink,values,valueTypes");
      await ctx.sync();
      expect(r.hyperlink).toEqual({ documentReference: "'Data'!A2", screenTip: "元の行", textToDisplay: "=道路整備" });
      expect(r.values).toEqual([["=道路整備"]]);
      expect(r.valueTypes).toEqual([["String"]]);
    });
    expect(sim.toExcelJs().getWorksheet("Notes")!.getCell("A1").value).toEqual({ text: "=道路整備", hyperlink: "#'Data'!A2", tooltip: "元の行" });
  });

  test("range navigation: getCell, offset, resize, row/column, entire column, bounding rect, intersection", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const base = ws.getRange("B2:D4");
      const got = [
        base.getCell(1, 1),
        base.getOffsetRange(1, -1),
        base.getResizedRange(2, -1),
        base.getRow(2),
        base.getColumn(0),
        base.getEntireColumn(),
        base.getEntireRow(),
        base.getBoundingRect("F9"),
        base.getIntersection("C3:Z9"),
        ws.getRangeByIndexes(9, 0, 2, 3),
        base.getLastCell(),
      ].map((r) => r.load("address"));
      const none = base.getIntersectionOrNullObject("Z1");
      await ctx.sync();
      expect(got.map((r) => r.address)).toEqual([
        "Data!C3", "Data!A3:C5", "Data!B2:C6", "Data!B4:D4", "Data!B2:B4", "Data!B:D", "Data!2:4", "Data!B2:F9", "Data!C3:D4", "Data!A10:C11", "Data!D4",
      ]);
      expect(none.isNullObject).toBe(true);
      base.getOffsetRange(-5, 0).load("address");
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidArgument");
    });
  });

  test("clear and delete with shifting", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      ws.getRange("A1:A4").values = [[1], [2], [3], [4]];
      ws.getRange("A1:A4").format.font.bold = true;
      ws.getRange("A2").delete("Up");
      ws.getRange("A1").clear("Contents");
      ws.getRange("A3").clear();
      const r = ws.getRange("A1:A4");
      r.load("values");
      r.format.font.load("bold");
      await ctx.sync();
      expect(r.values).toEqual([[""], [3], [""], [""]]);
      expect(r.format.font.bold).toBeNull();
    });
  });

  test("autofitColumns widens for the longest text (East Asian characters count double)", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      ws.getRange("A1:B2").values = [["短い", "x"], ["とても長い事業名がここに入ります", "y"]];
      ws.getRange("A:B").format.autofitColumns();
      const a = ws.getRange("A1").format;
      const b = ws.getRange("B1").format;
      a.load("columnWidth");
      b.load("columnWidth");
      await ctx.sync();
      expect(a.columnWidth).toBeGreaterThan(150);
      expect(b.columnWidth).toBeLessThan(20);
    });
  });
});

describe("simulated Excel: tables, charts, conditional formats, page layout, settings", () => {
  test("tables.add: name, style, filter button; headers become unique text; overlaps are refused", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      ws.getRange("A1:C3").values = [["名前", "名前", ""], ["a", 1, 2], ["b", 3, 4]];
      const t = ws.tables.add("Notes!A1:C3", true);
      t.name = "ProgressReviewList";
      t.style = "TableStyleLight9";
      t.showFilterButton = true;
      t.load("name,style,showFilterButton,showHeaders");
      const header = t.getHeaderRowRange();
      header.load("values");
      const body = t.getDataBodyRange();
      body.load("address");
      await ctx.sync();
      expect(t.toJSON()).toMatchObject({ name: "ProgressReviewList", style: "TableStyleLight9", showFilterButton: true, showHeaders: true });
      expect(header.values).toEqual([["名前", "名前2", "Column3"]]);
      expect(body.address).toBe("Notes!A2:C3");
      ws.tables.add(ws.getRange("B2:D5"), true);
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidOperation");
      t.style = "NoSuchStyle";
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidArgument");
      ws.getRange("A2:B2").merge();
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidOperation");
    });
    expect(sim.inspect().sheets[1].tables).toEqual([{ name: "ProgressReviewList", address: "Notes!A1:C3", style: "TableStyleLight9" }]);
    const saved = sim.toExcelJs().getWorksheet("Notes")!.getTable("ProgressReviewList") as unknown as { table: { tableRef: string } };
    expect(saved.table.tableRef).toBe("A1:C3");
  });

  test("tables.add with hasHeaders false adds a header row above the data", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      ws.getRange("A1:B2").values = [[1, 2], [3, 4]];
      const t = ws.tables.add("A1:B2", false);
      const r = t.getRange();
      r.load("address,values");
      await ctx.sync();
      expect(r.address).toBe("Notes!A1:B3");
      expect(r.values).toEqual([["Column1", "Column2"], [1, 2], [3, 4]]);
    });
  });

  test("charts are recorded: type, title, source, seriesBy, position, data labels, legend, point colours", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      ws.getRange("A1:B5").values = [["評価", "件数"], ["A", 16], ["B", 3], ["C", 0], ["D", 1]];
      const chart = ws.charts.add(sim.Excel.ChartType.pie as "Pie", ws.getRange("A1:B5"), sim.Excel.ChartSeriesBy.columns as "Columns");
      chart.title.text = "図3-1 評価の割合";
      chart.dataLabels.showPercentage = true;
      chart.dataLabels.showValue = false;
      chart.legend.position = "Right";
      chart.setPosition("D2", "J16");
      chart.series.getItemAt(0).points.getItemAt(0).format.fill.setSolidColor("#2E7D32");
      chart.name = "図3-1";
      chart.load("name,width,height,top,left");
      const points = chart.series.getItemAt(0).points;
      points.load("items/value");
      await ctx.sync();
      expect(chart.name).toBe("図3-1");
      expect(chart.width).toBeGreaterThan(0);
      expect(points.items.map((p: { value: number }) => p.value)).toEqual([16, 3, 0, 1]);
      ws.charts.add("NoSuchChart" as never, ws.getRange("A1:B5"), "Auto");
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidArgument");
    });
    const [chart] = sim.inspect().sheets[1].charts;
    expect(chart).toMatchObject({ type: "Pie", title: "図3-1 評価の割合", sourceAddress: "Notes!A1:B5", seriesBy: "Columns", name: "図3-1" });
    expect(chart.props).toMatchObject({
      "dataLabels.showPercentage": true,
      "dataLabels.showValue": false,
      "legend.position": "Right",
      "series/0/points/0/format/fill.color": "#2E7D32",
      "position.start": "Notes!D2",
      "position.end": "Notes!J16",
    });
  });

  test("conditional formats: ContainsText and CellValue rules with fill and font colours", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Notes").getRange("D2:D50");
      const text = r.conditionalFormats.add(sim.Excel.ConditionalFormatType.containsText as "ContainsText");
      text.textComparison.format.fill.color = "#C6EFCE";
      text.textComparison.format.font.color = "#006100";
      text.textComparison.rule = { operator: "Contains", text: "A" };
      const value = r.conditionalFormats.add("CellValue");
      value.cellValue.format.fill.color = "#FFC7CE";
      value.cellValue.rule = { formula1: '="D"', operator: "EqualTo" };
      value.textComparison.rule = { operator: "Contains", text: "x" }; // wrong kind for a CellValue format
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidArgument");
      const count = r.conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(2);
    });
    const sheet = sim.inspect().sheets[1];
    expect(sheet.conditionalFormatCount).toBe(2);
    expect(sheet.conditionalFormats).toEqual([
      { type: "CellValue", address: "Notes!D2:D50", rule: { operator: "EqualTo", formula1: '="D"' }, format: { "fill.color": "#FFC7CE" } },
      { type: "ContainsText", address: "Notes!D2:D50", rule: { operator: "Contains", text: "A" }, format: { "fill.color": "#C6EFCE", "font.color": "#006100" } },
    ]);
    const saved = sim.toExcelJs().getWorksheet("Notes") as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] };
    expect(saved.conditionalFormattings.map((c) => c.rules[0].type)).toEqual(["cellIs", "containsText"]);
  });

  test("page layout is recorded and saved: orientation, fit to width, print titles, print area, footer", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem("Data").pageLayout;
      pl.orientation = "Landscape";
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.setPrintTitleRows("$1:$1");
      pl.setPrintArea("A1:D40");
      pl.headersFooters.defaultForAllPages.centerFooter = "&P / &N";
      pl.centerHorizontally = true;
      await ctx.sync();
      pl.zoom = { scale: 80, horizontalFitToPages: 1 };
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidArgument");
      pl.orientation = "Sideways" as never;
      expect((await rejectionOf(ctx.sync())).code).toBe("InvalidArgument");
    });
    expect(sim.inspect().sheets[0].pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      printArea: "Data!A1:D40",
      centerHorizontally: true,
      headersFooters: expect.objectContaining({ defaultForAllPages: expect.objectContaining({ centerFooter: "&P / &N" }) }),
    });
    const ws = sim.toExcelJs().getWorksheet("Data")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", printArea: "A1:D40", horizontalCentered: true });
    expect(ws.headerFooter.oddFooter).toBe("&C&P / &N");
  });

  test("workbook.settings: add, getItem, getItemOrNullObject, items, delete; kept in memory (inspect)", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const settings = ctx.workbook.settings;
      settings.add("progressReview.state", { version: 1, generated: ["評価集計"] });
      settings.add("flag", true);
      const s = settings.getItem("progressReview.state");
      s.load("key,value");
      const missing = settings.getItemOrNullObject("nope");
      await ctx.sync();
      expect(s.value).toEqual({ version: 1, generated: ["評価集計"] });
      expect(missing.isNullObject).toBe(true);
      settings.getItem("flag").delete();
      settings.load("items/key");
      await ctx.sync();
      expect(settings.items.map((x: { key: string }) => x.key)).toEqual(["progressReview.state"]);
      settings.getItem("flag").load("value");
      expect((await rejectionOf(ctx.sync())).code).toBe("ItemNotFound");
    });
    expect(sim.inspect().settings).toEqual({ "progressReview.state": { version: 1, generated: ["評価集計"] } });
  });
});
