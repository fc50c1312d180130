/**
 * The snapshot of a workbook built with ExcelJS, saved and read back as a
 * file would be: what Excel itself would report for the same cells.
 */
import ExcelJS from "exceljs";
import { largeWorkbook } from "../../bench/large-inputs";
import { snapshotWorkbook } from "../../../src/xlsx/xlsx-snapshot";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back;
}

/** Value / text / format at a sheet address (A1 = row 0, col 0), through the snapshot's origin. */
function at(s: SheetSnapshot, row: number, col: number) {
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  return { value: s.values[r]?.[c], text: s.text[r]?.[c], format: s.numberFormat[r]?.[c] };
}

describe("snapshotWorkbook", () => {
  let sheets: Record<string, SheetSnapshot>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("進捗");
    // block starts at B2 (A1 empty), title merged over B2:E2
    ws.getCell("B2").value = "令和2年度 進捗状況";
    ws.mergeCells("B2:E2");
    ws.getCell("B3").value = "No";
    ws.getCell("C3").value = "指標";
    ws.getCell("D3").value = "実績";
    ws.getCell("E3").value = "増減";
    ws.getCell("B4").value = 1;
    ws.getCell("C4").value = { richText: [{ text: "電子申請", font: { bold: true } }, { text: "利用率" }] };
    ws.getCell("D4").value = 0.328;
    ws.getCell("D4").numFmt = "0.00%";
    ws.getCell("E4").value = -0.1668;
    ws.getCell("E4").numFmt = '0.00%;"▲"0.00%';
    ws.getCell("B5").value = 2;
    ws.getCell("C5").value = { text: "リンク先の名前", hyperlink: "https://example.invalid/" };
    ws.getCell("D5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
    ws.getCell("E5").value = { error: "#N/A" } as ExcelJS.CellValue;
    ws.getCell("B6").value = 3;
    ws.getCell("C6").value = new Date(Date.UTC(2020, 5, 18));
    ws.getCell("C6").numFmt = "yyyy/m/d";
    ws.getCell("D6").value = { formula: "D4*2", result: 0.656 } as ExcelJS.CellValue;
    ws.getCell("D6").numFmt = "0.0%";
    ws.getCell("E6").value = { formula: "SUM(B4:B6)" } as ExcelJS.CellValue; // never calculated
    ws.getCell("B7").value = 36000;
    ws.getCell("B7").numFmt = '#,##0"件"';
    ws.getCell("C7").value = true;
    ws.getCell("B8").value = { formula: "B4-1", result: 0 } as ExcelJS.CellValue;
    ws.getCell("C8").value = { formula: "B4>5", result: false } as ExcelJS.CellValue;
    ws.getCell("F8").value = "最後"; // bottom-right of the block
    // vertical merge with a value only in its first cell
    ws.getCell("F4").value = "縦";
    ws.mergeCells("F4:F6");

    const hidden = wb.addWorksheet("作業用", { state: "hidden" });
    hidden.getCell("A1").value = "x";
    const veryHidden = wb.addWorksheet("内部", { state: "veryHidden" });
    veryHidden.getCell("A1").value = "y";
    wb.addWorksheet("空");
    const settings = wb.addWorksheet("ProgressReview_Settings", { state: "veryHidden" });
    settings.getCell("A1").value = "progress-review-settings/1";

    const snap = snapshotWorkbook(await roundTrip(wb), { source: "test.xlsx" });
    sheets = Object.fromEntries(snap.sheets.map((s) => [s.name, s]));
  });

  it("keeps every sheet, hidden ones and one named like the settings sheet included (the core leaves out only sheets proved ours)", () => {
    expect(Object.keys(sheets)).toEqual(["進捗", "作業用", "内部", "空", "ProgressReview_Settings"]);
    expect(sheets["ProgressReview_Settings"]!.visibility).toBe("VeryHidden");
  });

  it("the block runs from the top-left to the bottom-right non-empty cell", () => {
    const s = sheets["進捗"]!;
    expect(s.origin).toEqual({ row: 1, col: 1 }); // B2
    expect(s.values.length).toBe(7); // rows 2..8
    expect(s.values.every((r) => r.length === 5)).toBe(true); // B..F
    expect(s.text.length).toBe(7);
    expect(s.numberFormat.length).toBe(7);
  });

  it("merges become zero-based rectangles; the other cells of a merge are empty", () => {
    const s = sheets["進捗"]!;
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 4 },
        { top: 3, left: 5, bottom: 5, right: 5 },
      ]),
    );
    expect(s.merges).toHaveLength(2);
    expect(at(s, 1, 1).value).toBe("令和2年度 進捗状況");
    expect(at(s, 1, 2)).toMatchObject({ value: null, text: "" });
    expect(at(s, 4, 5)).toMatchObject({ value: null, text: "" });
  });

  it("numbers keep their value; the text is what the format shows (▲ negatives)", () => {
    const s = sheets["進捗"]!;
    expect(at(s, 3, 3)).toEqual({ value: 0.328, text: "32.80%", format: "0.00%" });
    expect(at(s, 3, 4)).toEqual({ value: -0.1668, text: "▲16.68%", format: '0.00%;"▲"0.00%' });
    expect(at(s, 6, 1)).toEqual({ value: 36000, text: "36,000件", format: '#,##0"件"' });
    expect(at(s, 3, 1)).toEqual({ value: 1, text: "1", format: "General" });
  });

  it("rich text and hyperlinks become their plain text", () => {
    const s = sheets["進捗"]!;
    expect(at(s, 3, 2)).toMatchObject({ value: "電子申請利用率", text: "電子申請利用率" });
    expect(at(s, 4, 2)).toMatchObject({ value: "リンク先の名前", text: "リンク先の名前" });
  });

  it("errors become their text", () => {
    const s = sheets["進捗"]!;
    expect(at(s, 4, 3)).toMatchObject({ value: "#DIV/0!", text: "#DIV/0!" });
    expect(at(s, 4, 4)).toMatchObject({ value: "#N/A", text: "#N/A" });
  });

  it("formulas give their cached result, or empty when never calculated", () => {
    const s = sheets["進捗"]!;
    expect(at(s, 5, 3)).toEqual({ value: 0.656, text: "65.6%", format: "0.0%" });
    expect(at(s, 5, 4)).toMatchObject({ value: null, text: "" });
  });

  it("a cached result of 0 or FALSE is a value, not an empty cell", () => {
    const s = sheets["進捗"]!;
    expect(at(s, 7, 1)).toMatchObject({ value: 0, text: "0" });
    expect(at(s, 7, 2)).toMatchObject({ value: false, text: "FALSE" });
  });

  it("dates become the Excel serial number and keep their date format", () => {
    const s = sheets["進捗"]!;
    // 2020-06-18 is serial 44000 in the 1900 date system
    expect(at(s, 5, 2)).toEqual({ value: 44000, text: "2020/6/18", format: "yyyy/m/d" });
  });

  it("booleans stay booleans", () => {
    expect(at(sheets["進捗"]!, 6, 2)).toMatchObject({ value: true, text: "TRUE" });
  });

  it("visibility", () => {
    expect(sheets["進捗"]!.visibility).toBe("Visible");
    expect(sheets["作業用"]!.visibility).toBe("Hidden");
    expect(sheets["内部"]!.visibility).toBe("VeryHidden");
  });

  it("an empty sheet is one empty cell at A1", () => {
    const s = sheets["空"]!;
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values).toEqual([[null]]);
    expect(s.merges).toEqual([]);
  });
});

describe("snapshotWorkbook: 1904 date system", () => {
  it("reports the serial of the workbook's own date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2020, 5, 18));
    ws.getCell("A1").numFmt = "yyyy/m/d";
    const snap = snapshotWorkbook(await roundTrip(wb), { source: "x" });
    // 1904 serial = 1900 serial − 1462
    expect(snap.sheets[0]!.values[0]![0]).toBe(44000 - 1462);
    expect(snap.sheets[0]!.text[0]![0]).toBe("2020/6/18");
  });
});

describe("snapshotWorkbook: a large workbook", () => {
  // Its speed is measured by `npm run bench` (test/bench/bench-reads.ts), not asserted here.
  it("reads all of 20 sheets × 2,500 rows × 12 columns", () => {
    const snap = snapshotWorkbook(largeWorkbook(), { source: "test" });
    expect(snap.sheets).toHaveLength(20);
    expect(snap.sheets[0]!.values).toHaveLength(2500);
    expect(snap.sheets[19]!.values[2499]!.slice(0, 2)).toEqual(["項目2500", 2500]);
  });
});

describe("snapshotWorkbook: a stray value far away", () => {
  it("keeps the table, leaves out the stray cell and says so", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("進捗");
    for (let r = 1; r <= 50; r++) for (let c = 1; c <= 5; c++) ws.getCell(r, c).value = r * c;
    ws.getCell("XFD1048576").value = "x"; // someone pressed Ctrl+End and typed
    const warnings: string[] = [];
    const snap = snapshotWorkbook(wb, { source: "x", onWarning: (m) => warnings.push(m) });
    const s = snap.sheets[0]!;
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect([s.values.length, s.values[0]!.length]).toEqual([50, 5]);
    expect(s.values[49]![4]).toBe(250);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/進捗/);
  });
});
