/**
 * The <drawing> element of a worksheet part, put where CT_Worksheet wants it:
 * before the first child that must follow it. Shared by the report builder
 * (add-charts-to-package.ts) and the package graft (graft-package.ts).
 */

/** CT_Worksheet elements that come after <drawing>: it goes before the first of them. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function insertDrawingElement(sheetXml: string, element: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("the sheet already has a drawing");
  let at = sheetXml.lastIndexOf("</worksheet>");
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at < 0) throw new Error("not a worksheet part");
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml))
    xml = xml.replace(
      /<worksheet\b/,
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  return xml;
}
