import { insertDrawingElement } from "../../../../src/xlsx/ooxml/insert-drawing";

describe("insertDrawingElement", () => {
  it("puts <drawing> after the page setup and before legacyDrawing / tableParts", () => {
    const xml =
      '<worksheet xmlns="x"><sheetData/><pageMargins/><headerFooter/><rowBreaks/><legacyDrawing r:id="rId9"/><tableParts count="0"/></worksheet>';
    const out = insertDrawingElement(xml, '<drawing r:id="rId3"/>');
    expect(out).toContain('<rowBreaks/><drawing r:id="rId3"/><legacyDrawing');
    expect(out).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  });
});

describe("insertDrawingElement on a sheet that has one", () => {
  it("refuses a second <drawing> (a sheet has at most one drawing part)", () => {
    const xml = '<worksheet xmlns="x"><sheetData/><drawing r:id="rId1"/></worksheet>';
    expect(() => insertDrawingElement(xml, '<drawing r:id="rId2"/>')).toThrow(/already has a drawing/);
  });
});
