/**
 * Department workbooks combined for the secretariat: every user sheet
 * arrives intact, name clashes get "(2)", stale generated sheets stay out.
 */
import ExcelJS from "exceljs";
import { combineWorkbooks, uniqueSheetName } from "../../../src/xlsx/combine-workbooks";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";

async function saveAndReload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

// 1×1 transparent PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function department(name: string, value: number): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("進捗状況");
  ws.getCell("A1").value = `${name} 進捗状況`;
  ws.mergeCells("A1:D1");
  ws.getCell("A1").font = { bold: true, size: 14, color: { argb: "FF1F4E79" } };
  ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  ws.getCell("B3").value = value;
  ws.getCell("B3").numFmt = '0.00%;"▲"0.00%';
  ws.getCell("C3").value = { formula: "B3*2", result: value * 2 } as ExcelJS.CellValue;
  ws.getCell("D3").value = "=これは文字列";
  ws.getColumn(2).width = 22;
  ws.getRow(3).height = 30;
  ws.getCell("B4").dataValidation = { type: "list", allowBlank: true, formulae: ['"A,B,C,D"'] };
  ws.addTable({ name: "Table1", ref: "F1", columns: [{ name: "評価" }], rows: [["A"], ["B"]] });
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(img, "H2:I3");
  wb.addWorksheet("メモ", { state: "hidden" }).getCell("A1").value = `${name} のメモ`;
  return saveAndReload(wb);
}

describe("combineWorkbooks", () => {
  let out: ExcelJS.Workbook;
  let renamed: { input: string; from: string; to: string }[];

  beforeAll(async () => {
    const a = await department("総務課", 0.5);
    const b = await department("市民課", -0.25);
    // b was reviewed on its own before: its generated sheet and settings (proved ours by the caller) must not come along
    b.addWorksheet("評価集計").getCell("A1").value = "市民課だけの古い集計";
    b.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" }).getCell("A1").value = "progress-review-settings/1";
    const r = combineWorkbooks([
      { label: "soumu.xlsx", workbook: a },
      { label: "shimin.xlsx", workbook: await saveAndReload(b), owned: ["評価集計", SETTINGS_SHEET_NAME] },
    ]);
    renamed = r.renamed;
    out = await saveAndReload(r.workbook);
  });

  it("both workbooks' sheets are there; the later clash is renamed (2)", () => {
    expect(out.worksheets.map((w) => w.name)).toEqual(["進捗状況", "メモ", "進捗状況 (2)", "メモ (2)"]);
    expect(renamed).toEqual([
      { input: "shimin.xlsx", from: "進捗状況", to: "進捗状況 (2)" },
      { input: "shimin.xlsx", from: "メモ", to: "メモ (2)" },
    ]);
  });

  it("the copied sheet keeps values, formulas, formats, merges, widths, heights and visibility", () => {
    const ws = out.getWorksheet("進捗状況 (2)")!;
    expect(ws.getCell("A1").value).toBe("市民課 進捗状況");
    expect(ws.model.merges).toEqual(["A1:D1"]);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FF1F4E79" } });
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B3").value).toBe(-0.25);
    expect(ws.getCell("B3").numFmt).toBe('0.00%;"▲"0.00%');
    expect(ws.getCell("C3").formula).toBe("B3*2");
    expect(ws.getCell("C3").result).toBe(-0.5);
    expect(ws.getCell("D3").value).toBe("=これは文字列");
    expect(ws.getCell("D3").formula).toBeUndefined();
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.getCell("B4").dataValidation).toMatchObject({ type: "list", formulae: ['"A,B,C,D"'] });
    expect(out.getWorksheet("メモ (2)")!.state).toBe("hidden");
    expect(out.getWorksheet("メモ (2)")!.getCell("A1").value).toBe("市民課 のメモ");
  });

  it("the first workbook's sheets are unchanged", () => {
    const ws = out.getWorksheet("進捗状況")!;
    expect(ws.getCell("A1").value).toBe("総務課 進捗状況");
    expect(ws.getCell("B3").value).toBe(0.5);
  });

  it("table names stay unique and images come along", () => {
    const names = out.worksheets.flatMap((w) => w.getTables().map((t) => (t as unknown as { name: string }).name));
    expect(names.sort()).toEqual(["Table1", "Table1_2"]);
    expect(out.getWorksheet("進捗状況 (2)")!.getImages()).toHaveLength(1);
  });

  it("the other workbook's generated sheet and settings are left out", () => {
    expect(out.worksheets.map((w) => w.name)).not.toContain("評価集計");
    expect(out.worksheets.map((w) => w.name)).not.toContain(SETTINGS_SHEET_NAME);
  });
});

describe("uniqueSheetName", () => {
  it("adds (2), (3) … and compares without case", () => {
    expect(uniqueSheetName("Data", new Set(["data"]))).toBe("Data (2)");
    expect(uniqueSheetName("Data", new Set(["data", "data (2)"]))).toBe("Data (3)");
    expect(uniqueSheetName("New", new Set(["data"]))).toBe("New");
  });
  it("stays within 31 characters", () => {
    const long = "あ".repeat(31);
    const name = uniqueSheetName(long, new Set([long.toLowerCase()]));
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});
