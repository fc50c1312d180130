/**
 * A sheet plan written with ExcelJS, saved, and opened again: what a
 * reviewer would find in the file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../../../src/core/model/sheet-plan";
import { validateSheetPlan, writeSheetPlan } from "../../../src/xlsx/xlsx-plan-writer";

async function saveAndReload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back;
}

const FORMULA_LIKE = ["=1+1", '=HYPERLINK("http://example.invalid","x")', "+81-6-1234", "-テスト", "@SUM(A1)"];

function listPlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  return {
    role: "list",
    name: "評価一覧",
    tabColor: "#2F5597",
    rows: [
      ["評価一覧（令和２年度）"],
      ["No", "項目", "達成率", "評価", "元の行"],
      ...FORMULA_LIKE.map((name, i) => [i + 1, name, 0.5 + i / 10, i % 2 ? "B" : "A", null]),
      [6, "合計", -0.1668, null, null],
    ],
    formats: [
      { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "title" },
      { range: { top: 1, left: 0, bottom: 1, right: 4 }, style: "header" },
      { range: { top: 2, left: 1, bottom: 7, right: 1 }, numberFormat: "@", style: "body" },
      { range: { top: 2, left: 2, bottom: 7, right: 2 }, numberFormat: '0.0%;"▲"0.0%' },
      { range: { top: 7, left: 0, bottom: 7, right: 4 }, style: "total" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    columnWidths: [6, 40, 10, 8, 14],
    freeze: { rows: 2, cols: 1 },
    links: [{ row: 2, col: 4, sheet: "部長's 進捗", address: "B5", text: "部長's 進捗!5" }],
    table: { name: "評価一覧表", range: { top: 1, left: 0, bottom: 7, right: 4 }, style: "TableStyleLight9" },
    conditionalFormats: [
      {
        range: { top: 2, left: 3, bottom: 7, right: 3 },
        rules: [
          { text: "A", fill: "#C6EFCE", fontColor: "#006100" },
          { text: "D", fill: "#FFC7CE", fontColor: "#9C0006" },
        ],
      },
    ],
    charts: [],
    pageLayout: {
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: { first: 1, last: 1 },
      centerFooter: "&P / &N",
    },
    ...overrides,
  };
}

describe("writeSheetPlan", () => {
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("部長's 進捗").getCell("B5").value = "元データ";
    writeSheetPlan(wb, listPlan());
    ws = (await saveAndReload(wb)).getWorksheet("評価一覧")!;
  });

  it("text that starts with = + - @ is still plain text after saving, not a formula", () => {
    FORMULA_LIKE.forEach((name, i) => {
      const cell = ws.getCell(3 + i, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
    });
  });

  it("ranges the plan marks as text get the @ format", () => {
    expect(ws.getCell("B3").numFmt).toBe("@");
  });

  it("numbers keep their value and format", () => {
    expect(ws.getCell("C8").value).toBe(-0.1668);
    expect(ws.getCell("C8").numFmt).toBe('0.0%;"▲"0.0%');
    expect(ws.getCell("A3").value).toBe(1);
  });

  it("merges, column widths and frozen panes", () => {
    expect(ws.model.merges).toEqual(["A1:E1"]);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(5).width).toBe(14);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
  });

  it("named styles: bold header with a fill and borders", () => {
    const h = ws.getCell("B2");
    expect(h.font?.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(h.border?.bottom?.style).toBe("thin");
    expect(ws.getCell("A1").font?.size).toBe(14);
  });

  it("the link goes to the source cell inside the workbook", () => {
    expect(ws.getCell("E3").value).toEqual({ text: "部長's 進捗!5", hyperlink: "#'部長''s 進捗'!B5" });
  });

  it("the table becomes a filter over its range", () => {
    expect(ws.autoFilter).toBe("A2:E8");
  });

  it("grade colours as conditional formats on the grade column", () => {
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
      .conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe("D3:D8");
    expect(cf[0]!.rules.map((r) => r.formulae?.[0])).toEqual(['"A"', '"D"']);
  });

  it("tab colour and page setup", () => {
    expect(ws.properties.tabColor).toEqual({ argb: "FF2F5597" });
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe("2:2");
    // Codes are written as they are (doubling the & printed a literal 「&P / &N」).
    expect(ws.headerFooter.oddFooter).toBe("&C&P / &N");
  });
});

describe("validateSheetPlan", () => {
  it("accepts a good plan", () => {
    expect(validateSheetPlan(listPlan())).toEqual([]);
  });
  it.each([
    ["a name with a colon", { name: "評価:一覧" }],
    ["a name longer than 31 characters", { name: "x".repeat(32) }],
    ["a name beginning with an apostrophe", { name: "'評価" }],
    ["an empty name", { name: "" }],
    [
      "an inverted print area",
      {
        pageLayout: { orientation: "portrait", fitToWidth: true, printArea: { top: 5, left: 0, bottom: 1, right: 3 } },
      },
    ],
    [
      "overlapping merges",
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 1 },
          { top: 1, left: 1, bottom: 2, right: 2 },
        ],
      },
    ],
    ["an inverted range", { formats: [{ range: { top: 3, left: 0, bottom: 1, right: 0 }, style: "body" as const }] }],
    ["a link to a non-address", { links: [{ row: 0, col: 0, sheet: "S", address: "=A1", text: "x" }] }],
    ["an object as a value", { rows: [[{ formula: "1+1" } as unknown as string]] }],
  ])("rejects %s", (_what, overrides) => {
    expect(validateSheetPlan(listPlan(overrides as Partial<SheetPlan>)).length).toBeGreaterThan(0);
  });
});

describe("writeSheetPlan: print-ready output (REPORT.md §2)", () => {
  let ws: ExcelJS.Worksheet;
  let workbookXml: string;
  let sheetXml: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("利用者");
    writeSheetPlan(
      wb,
      listPlan({
        font: { name: "游ゴシック", size: 11 },
        rowHeights: [25.75, 39.5, null, 20.75],
        pageLayout: {
          orientation: "landscape",
          paperSize: "A3",
          fitToWidth: true,
          printTitleRows: { first: 1, last: 1 },
          centerFooter: "&P / &N",
          printArea: { top: 0, left: 0, bottom: 7, right: 3 },
          margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
          rowBreaksBefore: [4],
        },
      }),
    );
    const buf = await wb.xlsx.writeBuffer();
    const zip = await JSZip.loadAsync(buf);
    workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf);
    ws = back.getWorksheet("評価一覧")!;
  });

  it("names the one font family and a size on every written cell (a nameless font prints serif)", () => {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === null) return;
        expect({ at: cell.address, name: cell.font?.name, hasSize: typeof cell.font?.size }).toEqual({
          at: cell.address,
          name: "游ゴシック",
          hasSize: "number",
        });
      }),
    );
    // Styles keep their own size and weight over the base font.
    expect(ws.getCell("A1").font).toMatchObject({ name: "游ゴシック", size: 14, bold: true });
    expect(ws.getCell("E3").font).toMatchObject({ name: "游ゴシック", underline: true });
  });

  it("writes the row heights as custom heights", () => {
    expect(ws.getRow(1).height).toBe(25.75);
    expect(ws.getRow(2).height).toBe(39.5);
    expect(sheetXml).toMatch(/<row r="2"[^>]* ht="39.5" customHeight="1"/);
  });

  it("sets A3 landscape, fit to one page wide and as many down as needed, margins and a page break", () => {
    expect(sheetXml).toMatch(/<pageSetup paperSize="8" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheetXml).toContain(
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    );
    expect(sheetXml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="4"/);
    expect(sheetXml).toContain("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>");
  });

  it("defines the print area and titles with absolute references on the sheet's own index", () => {
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;評価一覧&apos;!$A$1:$D$8</definedName>',
    );
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;評価一覧&apos;!$2:$2</definedName>',
    );
  });
});
