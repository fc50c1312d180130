/** The preview's spreadsheet view reads what a user sees: displayed text and merged cells, whatever the sheet's name. */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../../src/preview/simulated-excel";
import { readGrid, readTabs, writeCell } from "../../../../src/preview/browser/grid-reader";

async function sim(name: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = "進捗状況";
  ws.mergeCells("A1:C1");
  ws.getCell("B3").value = 0.328;
  ws.getCell("B3").numFmt = "0.0%";
  ws.getCell("A4").value = "令和4年度";
  ws.mergeCells("A4:A5");
  wb.addWorksheet("隠し").state = "hidden";
  return SimulatedExcel.fromExcelJs(wb);
}

test.each(["総務部", "部, 課!A1 'x' 表"])("sheet %p: text as displayed, merged areas, tabs with visibility", async (name) => {
  const s = await sim(name);
  const grid = await readGrid(s, name);
  expect(grid.text[0]![0]).toBe("進捗状況");
  expect(grid.text[2]![1]).toBe("32.8%");
  expect(grid.merges).toEqual([
    { r0: 0, c0: 0, r1: 0, c1: 2 },
    { r0: 3, c0: 0, r1: 4, c1: 0 },
  ]);
  expect((await readTabs(s)).map((t) => [t.name, t.visibility])).toEqual([
    [name, "Visible"],
    ["隠し", "Hidden"],
  ]);
});

test("a cell typed in the preview is typed input (text that looks like a formula stays what the user typed)", async () => {
  const s = await sim("総務部");
  await writeCell(s, "総務部", 6, 0, "'=1+1");
  expect((await readGrid(s, "総務部")).text[6]![0]).toBe("=1+1");
});
