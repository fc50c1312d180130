import { clipSheetRanges, parseRange } from "../../../../src/xlsx/package/clip-sheet-ranges";

const sheet = (after: string) =>
  `<worksheet><sheetData><row r="1"><c r="A1"/><c r="D1"/></row><row r="20"><c r="B20"/></row></sheetData>${after}<pageMargins/></worksheet>`;

describe("merged areas and validations clipped to where the sheet's cells lie (20 rows × 4 columns here)", () => {
  it("a merge to the sheet's last cell keeps only its part inside the cells, and leaves the XML", () => {
    const r = clipSheetRanges(sheet('<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>'), 20, 4);
    expect(r.merges).toEqual([{ top: 9, left: 0, bottom: 19, right: 3 }]);
    expect(r.cells).toBe(11 * 4);
    expect(r.xml).not.toContain("mergeCell");
    expect(r.xml).toContain("<pageMargins/>");
  });

  it("merges wholly beyond the cells cost nothing; one-cell leftovers are no merge", () => {
    const r = clipSheetRanges(
      sheet('<x:mergeCells count="3"><x:mergeCell ref="A21:C21"/><x:mergeCell ref="E1:F9"/><x:mergeCell ref="D5:E5"/></x:mergeCells>'),
      20,
      4,
    );
    expect(r.merges).toEqual([]);
    expect(r.cells).toBe(0);
    expect(r.xml).not.toContain("mergeCell");
  });

  it("a validation over whole columns keeps the part inside the cells; one wholly outside is dropped", () => {
    const r = clipSheetRanges(
      sheet(
        '<dataValidations count="2"><dataValidation type="list" sqref="A1:Z1048576 C3"><formula1>"A,B"</formula1></dataValidation>' +
          '<dataValidation type="whole" sqref="H1:H9"/></dataValidations>',
      ),
      20,
      4,
    );
    expect(r.xml).toContain('sqref="A1:D20 C3"');
    expect(r.xml).toContain('<formula1>"A,B"</formula1>');
    expect(r.xml).not.toContain("H1:H9");
    expect(r.cells).toBe(80 + 1);
  });

  it("reads ranges with $ and reversed ends; refuses what is not a range", () => {
    expect(parseRange("$C$3:$A$1")).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(parseRange("XFD1048576")).toEqual({ top: 1048575, left: 16383, bottom: 1048575, right: 16383 });
    expect(parseRange("A0")).toBeNull();
    expect(parseRange("1:3")).toBeNull();
  });
});
