/**
 * Chart parts added to a package ExcelJS wrote: the charts are referenced from
 * the right sheet, the content types name them, the sheet stays in schema
 * order, and every other part is left byte for byte.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import type { Evaluation } from "../../../../src/core/model/summary";
import { JA } from "../../../../src/core/i18n/sheet-labels";
import { planSummarySheet } from "../../../../src/core/plan/plan-summary-sheet";
import { writeSheetPlan } from "../../../../src/xlsx/xlsx-plan-writer";
import { addChartsToPackage } from "../../../../src/xlsx/ooxml/add-charts-to-package";
import { orderProblems, parseXml } from "./schema-order";

const ev: Evaluation = {
  label: "令和5年度",
  fiscalYear: 2023,
  source: "self",
  groups: [
    {
      name: "基本方針1 行政サービス",
      counts: { A: 3, B: 2, C: 0, D: 0 },
      evaluated: 5,
      excluded: 0,
      percent: { A: 60, B: 40, C: 0, D: 0 },
      aOrBPercent: 100,
    },
  ],
  total: {
    counts: { A: 3, B: 2, C: 0, D: 0 },
    evaluated: 5,
    excluded: 0,
    percent: { A: 60, B: 40, C: 0, D: 0 },
    aOrBPercent: 100,
  },
  items: [],
  review: [],
};

async function packageWithUserSheet() {
  const wb = new ExcelJS.Workbook();
  const user = wb.addWorksheet("利用者のシート & <メモ>");
  user.getCell("A1").value = "利用者のデータ";
  const plan = planSummarySheet("評価集計", [ev], DEFAULT_RULES, JA);
  writeSheetPlan(wb, plan);
  return { plan, bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}

describe("addChartsToPackage", () => {
  it("adds a drawing with both charts to the generated sheet only, leaving every other part as it was", async () => {
    const { plan, bytes } = await packageWithUserSheet();
    const before = await JSZip.loadAsync(bytes);
    const out = await JSZip.loadAsync(await addChartsToPackage(bytes, [{ plan, sheetName: "評価集計" }]));

    const changed = ["[Content_Types].xml", "xl/worksheets/sheet2.xml"];
    for (const name of Object.keys(before.files)) {
      if (changed.includes(name) || before.files[name]!.dir) continue;
      expect({
        name,
        same:
          Buffer.compare(await before.file(name)!.async("nodebuffer"), await out.file(name)!.async("nodebuffer")) === 0,
      }).toEqual({ name, same: true });
    }
    const added = Object.keys(out.files)
      .filter((f) => !(f in before.files))
      .sort();
    expect(added).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/drawings/drawing1.xml",
      ]),
    );
    const sheet = await out.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(orderProblems(parseXml(sheet).children[0]!)).toEqual([]);
    const rels = await out.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    const id = /<drawing r:id="([^"]+)"\/>/.exec(sheet)![1];
    expect(rels).toContain(
      `Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    expect(await out.file("xl/worksheets/sheet1.xml")!.async("string")).not.toContain("<drawing");
    const types = await out.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  it("opens again in ExcelJS with the sheets' cells intact", async () => {
    const { plan, bytes } = await packageWithUserSheet();
    const wb = new ExcelJS.Workbook();
    const out = await addChartsToPackage(bytes, [{ plan, sheetName: "評価集計" }]);
    await wb.xlsx.load(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet("利用者のシート & <メモ>")!.getCell("A1").value).toBe("利用者のデータ");
    expect(wb.getWorksheet("評価集計")!.getCell("B4").value).toBe(3);
  });

  it("numbers new parts after the package's own drawings and charts", async () => {
    const { plan, bytes } = await packageWithUserSheet();
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/charts/chart7.xml", "<x/>");
    zip.file("xl/drawings/drawing3.xml", "<x/>");
    const out = await JSZip.loadAsync(
      await addChartsToPackage(await zip.generateAsync({ type: "uint8array" }), [{ plan, sheetName: "評価集計" }]),
    );
    expect(await out.file("xl/charts/chart7.xml")!.async("string")).toBe("<x/>");
    expect(out.file("xl/charts/chart8.xml")).not.toBeNull();
    expect(out.file("xl/charts/chart9.xml")).not.toBeNull();
    expect(out.file("xl/drawings/drawing4.xml")).not.toBeNull();
  });

  it("refuses a sheet that is not in the package", async () => {
    const { plan, bytes } = await packageWithUserSheet();
    await expect(addChartsToPackage(bytes, [{ plan, sheetName: "ない" }])).rejects.toThrow(/not in the package/);
  });
});
