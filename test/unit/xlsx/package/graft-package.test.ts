/**
 * The graft on its own: removing a sheet of ours takes its own parts with it
 * (and nothing another part still uses); native charts given as extras get a
 * drawing, chart parts and registrations; refreshing such a sheet replaces
 * them instead of piling up.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { PackageReader } from "../../../../src/xlsx/package/package-reader";
import { graftPackage, type GraftedSheet } from "../../../../src/xlsx/package/graft-package";
import { writePackage } from "../../../../src/xlsx/package/package-writer";
import { featureWorkbookParts } from "../../../helpers/feature-workbook";

async function scratchWith(name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(name).getCell("A1").value = "生成";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function graft(parts: Record<string, Uint8Array>, sheets: GraftedSheet[], remove: number[] = []) {
  const user = await PackageReader.open(Buffer.from(zipSync(parts)), "user.xlsx");
  const out = await graftPackage({
    user,
    scratch: await scratchWith("新"),
    sheets,
    remove,
    ownerName: "ProgressReview_Owner",
  });
  return unzipSync(writePackage(out));
}

const text = (p: Record<string, Uint8Array>, n: string) => strFromU8(p[n]!);

describe("removing a sheet", () => {
  let out: Record<string, Uint8Array>;
  beforeAll(async () => {
    // treat the pivot sheet (tab 1) as a sheet of ours that has no plan any more
    out = await graft(
      featureWorkbookParts(),
      [{ name: "新", ownerFormula: '"progress-review/1 list a1b2c3 d4e5f6"' }],
      [1],
    );
  });

  it("drops its sheet element and relationship; names scoped to later sheets follow their sheet", () => {
    const wb = text(out, "xl/workbook.xml");
    expect(wb).not.toContain("ピボット");
    expect(wb).toMatch(/<sheet name="新" sheetId="3" r:id="rId\d+"\/>/);
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">データ!$A$1:$D$7</definedName>');
    expect(wb).toContain('<definedName name="ProgressReview_Owner" localSheetId="1" hidden="1">');
    expect(text(out, "xl/_rels/workbook.xml.rels")).not.toContain('Target="worksheets/sheet2.xml"');
  });

  it("deletes the sheet's own parts but keeps what the workbook still uses (the pivot cache)", () => {
    expect(Object.keys(out)).not.toEqual(expect.arrayContaining(["xl/worksheets/sheet2.xml"]));
    for (const gone of [
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotTables/_rels/pivotTable1.xml.rels",
    ])
      expect(out[gone]).toBeUndefined();
    expect(out["xl/pivotCache/pivotCacheDefinition1.xml"]).toBeDefined();
    expect(out["xl/pivotCache/pivotCacheRecords1.xml"]).toBeDefined();
    const ct = text(out, "[Content_Types].xml");
    expect(ct).not.toContain("/xl/pivotTables/pivotTable1.xml");
    expect(ct).toContain("/xl/pivotCache/pivotCacheDefinition1.xml");
  });

  it("lists the final sheets in docProps/app.xml, other groups untouched", () => {
    const app = text(out, "docProps/app.xml");
    expect(app).toContain("<vt:lpstr>データ</vt:lpstr><vt:lpstr>新</vt:lpstr><vt:lpstr>データ!Print_Area</vt:lpstr>");
    expect(app).toContain("<vt:i4>2</vt:i4>");
  });
});

describe("native charts as extras", () => {
  const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`;
  const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><!-- frame with c:chart r:id="rIdC1" --></xdr:wsDr>`;
  const extras = { drawingXml: DRAWING, charts: [{ relId: "rIdC1", xml: CHART }] };

  it("adds a drawing and its chart, registered, without touching the user's drawing or chart", async () => {
    const user = featureWorkbookParts();
    const out = await graft(user, [{ name: "新", extras }]);
    expect(text(out, "xl/drawings/drawing1.xml")).toBe(strFromU8(user["xl/drawings/drawing1.xml"]!));
    expect(text(out, "xl/drawings/drawing2.xml")).toBe(DRAWING);
    expect(text(out, "xl/charts/chart2.xml")).toBe(CHART);
    expect(text(out, "xl/drawings/_rels/drawing2.xml.rels")).toMatch(
      /Id="rIdC1" Type="[^"]*\/chart" Target="..\/charts\/chart2.xml"/,
    );
    const sheet = text(out, "xl/worksheets/sheet3.xml");
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    expect(text(out, "xl/worksheets/_rels/sheet3.xml.rels")).toContain(
      `Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing2.xml"`,
    );
    const ct = text(out, "[Content_Types].xml");
    expect(ct).toContain(
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(ct).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    // <drawing> sits before pageMargins? No: after it, before legacy drawings and the extension list (CT_Worksheet order)
    expect(sheet.indexOf("<pageMargins")).toBeLessThan(sheet.indexOf("<drawing "));
  });

  it("refreshing the sheet replaces its drawing and chart instead of adding more", async () => {
    const once = await graft(featureWorkbookParts(), [{ name: "新", extras }]);
    const twice = await graft(once, [{ name: "新", extras, replaces: 2 }]);
    const drawings = Object.keys(twice).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    const charts = Object.keys(twice).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(drawings).toHaveLength(2); // the user's and ours
    expect(charts).toHaveLength(2);
    // the new parts take the old ones' names (a re-run changes contents, not the package's layout)
    expect(drawings.sort()).toEqual(["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"]);
    const ct = text(twice, "[Content_Types].xml");
    expect(ct.split("/xl/drawings/drawing2.xml")).toHaveLength(2);
    expect(ct.split("/xl/charts/chart2.xml")).toHaveLength(2);
    expect(ct).toBe(text(once, "[Content_Types].xml"));
    expect(text(twice, "xl/workbook.xml").match(/<sheet /g)).toHaveLength(3);
  });
});
