/**
 * The streaming sheet writer (used for the CLI's generated sheets so that a
 * 100,000-row list fits in memory) must give the user the same sheet as the
 * in-memory writer: every cell's value and look, merges, links, widths,
 * heights, frozen panes, grade colours and print settings, checked on the
 * saved files as a reviewer would open them.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../../../src/core/model/sheet-plan";
import { writeSheetPlan } from "../../../src/xlsx/xlsx-plan-writer";
import { streamSheetPlan } from "../../../src/xlsx/xlsx-plan-stream-writer";

const FORMULA_LIKE = ["=1+1", "+81-6-1234", "-テスト", "@SUM(A1)"];

function plan(): SheetPlan {
  const items = Array.from({ length: 40 }, (_, i) => [
    i + 1,
    FORMULA_LIKE[i % 4]!,
    0.5 + i / 100,
    i % 2 ? "B" : "A",
    null,
  ]);
  return {
    role: "list",
    name: "評価一覧",
    tabColor: "#2F5597",
    font: { name: "游ゴシック", size: 11 },
    rows: [
      ["評価一覧（令和２年度）"],
      ["No", "項目", "達成率", "評価", "元の行"],
      ...items,
      [], // an empty row with a border format only
      ["注", "二行にまたがる注記"],
      [null, null],
    ],
    formats: [
      { range: { top: 0, left: 0, bottom: 0, right: 4 }, style: "title" },
      { range: { top: 1, left: 0, bottom: 1, right: 4 }, style: "header" },
      { range: { top: 2, left: 1, bottom: 41, right: 1 }, numberFormat: "@", style: "body" },
      { range: { top: 2, left: 2, bottom: 41, right: 2 }, numberFormat: '0.0%;"▲"0.0%' },
      { range: { top: 10, left: 0, bottom: 10, right: 4 }, style: "groupHeading" },
      { range: { top: 42, left: 0, bottom: 42, right: 4 }, style: "total" },
      { range: { top: 43, left: 0, bottom: 44, right: 4 }, style: "note" },
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 43, left: 1, bottom: 44, right: 4 },
      { top: 5, left: 4, bottom: 5, right: 4 },
    ],
    columnWidths: [6, 40, 10, 8, 14],
    rowHeights: [25.75, 39.5, null, 20.75],
    freeze: { rows: 2, cols: 1 },
    links: items.map((_, i) => ({
      row: i + 2,
      col: 4,
      sheet: "部長's 進捗",
      address: `$B$${i + 5}`,
      text: `進捗!${i + 5}`,
    })),
    table: { name: "評価一覧表", range: { top: 1, left: 0, bottom: 41, right: 4 }, style: "TableStyleLight9" },
    conditionalFormats: [
      {
        range: { top: 2, left: 3, bottom: 41, right: 3 },
        rules: [
          { text: "A", fill: "#C6EFCE", fontColor: "#006100" },
          { text: "D", fill: "#FFC7CE", fontColor: "#9C0006" },
        ],
      },
    ],
    charts: [],
    pageLayout: {
      orientation: "landscape",
      paperSize: "A3",
      fitToWidth: true,
      printTitleRows: { first: 1, last: 1 },
      centerFooter: "&P / &N",
      printArea: { top: 0, left: 0, bottom: 44, right: 4 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      rowBreaksBefore: [20],
    },
  };
}

async function inMemory(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("部長's 進捗");
  writeSheetPlan(wb, plan());
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function streamed(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on("finish", resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  } as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
  wb.addWorksheet("部長's 進捗").commit();
  streamSheetPlan(wb, plan());
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

async function open(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.getWorksheet("評価一覧")!;
}

/** What a reviewer sees in each cell: value, type, link, look. */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= 46; r++)
    for (let c = 1; c <= 6; c++) {
      const cell = ws.getCell(r, c);
      out[cell.address] = {
        value: cell.value,
        type: cell.type,
        link: cell.hyperlink,
        font: cell.font,
        fill: cell.fill,
        border: cell.border,
        alignment: cell.alignment,
        numFmt: cell.numFmt,
        merged: cell.isMerged ? cell.master.address : null,
      };
    }
  return out;
}

describe("streamSheetPlan", () => {
  let mem: ExcelJS.Worksheet;
  let str: ExcelJS.Worksheet;
  let memZip: JSZip;
  let strZip: JSZip;

  beforeAll(async () => {
    const [a, b] = [await inMemory(), await streamed()];
    [mem, str] = [await open(a), await open(b)];
    [memZip, strZip] = [await JSZip.loadAsync(a), await JSZip.loadAsync(b)];
  });

  it("every cell has the same value, type, link and look as from the in-memory writer", () => {
    expect(cells(str)).toEqual(cells(mem));
  });

  it("text that starts with = + - @ stays text, and each item's link goes to its source cell", () => {
    expect(str.getCell("B3").value).toBe("=1+1");
    expect(str.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(str.getCell("E3").hyperlink).toBe("#'部長''s 進捗'!B5");
    expect(str.getCell("E42").hyperlink).toBe("#'部長''s 進捗'!B44");
  });

  it("the same merges, widths, heights, frozen panes, filter, grade colours, page setup and page break", () => {
    const sheet = (ws: ExcelJS.Worksheet) => ({
      merges: [...ws.model.merges].sort(),
      widths: ws.columns.map((c) => c.width),
      heights: [1, 2, 3, 4, 45].map((r) => ws.getRow(r).height),
      views: ws.views,
      autoFilter: ws.autoFilter,
      cf: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
      tab: ws.properties.tabColor,
      page: {
        orientation: ws.pageSetup.orientation,
        paperSize: ws.pageSetup.paperSize,
        fitToPage: ws.pageSetup.fitToPage,
        fitToWidth: ws.pageSetup.fitToWidth,
        fitToHeight: ws.pageSetup.fitToHeight,
        margins: ws.pageSetup.margins,
        printArea: ws.pageSetup.printArea,
        printTitlesRow: ws.pageSetup.printTitlesRow,
      },
      footer: ws.headerFooter.oddFooter,
    });
    expect(sheet(str)).toEqual(sheet(mem));
    expect(str.model.merges).toContain("B44:E45");
  });

  it("the page break and the print names are in the files alike", async () => {
    const sheetXml = async (z: JSZip) => await z.file("xl/worksheets/sheet2.xml")!.async("string");
    const breaks = (xml: string) => /<rowBreaks[^]*<\/rowBreaks>/.exec(xml)?.[0];
    expect(breaks(await sheetXml(strZip))).toBe(breaks(await sheetXml(memZip)));
    const names = async (z: JSZip) =>
      (
        (await z.file("xl/workbook.xml")!.async("string")).match(/<definedName [^>]*>[^<]*<\/definedName>/g) ?? []
      ).sort();
    expect(await names(strZip)).toEqual(await names(memZip));
    expect((await names(strZip)).join()).toContain("$A$1:$E$45");
  });

  it("keeps the schema's element order: grade colours before links (Excel repairs the file otherwise)", async () => {
    const xml = await strZip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml.indexOf("<conditionalFormatting")).toBeGreaterThan(0);
    expect(xml.indexOf("<conditionalFormatting")).toBeLessThan(xml.indexOf("<hyperlinks"));
    expect(xml.indexOf("<hyperlinks")).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(xml).toMatch(/<hyperlink ref="E3" r:id="rId\d+" location="#&apos;部長&apos;&apos;s 進捗&apos;!B5"\/>/);
  });
});
