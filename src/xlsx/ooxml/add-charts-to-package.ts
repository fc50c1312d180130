/**
 * Adds the native chart parts of generated sheets to an .xlsx package written
 * by ExcelJS (which cannot write charts): for each sheet, a drawing with its
 * charts, the sheet's relationship and <drawing> element, and the content
 * types. Only the named sheets' XML and rels, [Content_Types].xml and the new
 * parts change (and workbook.xml where ExcelJS left a name's sheet reference
 * unquoted); every other part is copied as it was.
 */
import JSZip from "jszip";
import type { SheetPlan } from "../../core/model/sheet-plan";
import { sheetChartParts } from "./sheet-chart-parts";
import { xmlAttr } from "./xml-text";
import { insertDrawingElement } from "./insert-drawing";
import { attr } from "../package/opc-xml";
import { requoteExcelJsNames } from "./exceljs-defined-names";

/** Sheet name → its part path ("xl/worksheets/sheet4.xml"). */
function sheetPaths(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id");
    const path = rid ? targets.get(rid) : undefined;
    if (name !== null && path) out.set(name, path);
  }
  return out;
}

function maxNumber(zip: JSZip, re: RegExp): number {
  let max = 0;
  zip.forEach((p) => {
    const m = re.exec(p);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}

function addRelationship(relsXml: string | null, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlAttr(target)}"/>`;
  if (!relsXml)
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`
    );
  return relsXml.replace("</Relationships>", `${rel}</Relationships>`);
}

function unusedRelId(relsXml: string | null): string {
  const used = new Set<string>();
  for (const m of (relsXml ?? "").matchAll(/\sId="([^"]*)"/g)) used.add(m[1]!);
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/**
 * `xlsx` with the charts of `sheets` (each plan with the name its sheet has in
 * the package). Sheets without charts are left alone.
 */
export async function addChartsToPackage(
  xlsx: Uint8Array,
  sheets: { plan: SheetPlan; sheetName: string }[],
  /** "STORE" for a package that is unpacked again at once (the CLI's scratch package). */
  compression: "DEFLATE" | "STORE" = "DEFLATE",
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (p: string) => (zip.file(p) ? await zip.file(p)!.async("string") : null);
  const workbookXml = await read("xl/workbook.xml");
  const workbookRels = await read("xl/_rels/workbook.xml.rels");
  let contentTypes = await read("[Content_Types].xml");
  if (!workbookXml || !workbookRels || !contentTypes) throw new Error("not an .xlsx package");
  const paths = sheetPaths(workbookXml, workbookRels);
  let drawingNumber = maxNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let chartNumber = maxNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);

  for (const { plan, sheetName } of sheets) {
    if (!plan.charts || plan.charts.length === 0) continue;
    const sheetPath = paths.get(sheetName);
    if (!sheetPath) throw new Error(`sheet "${sheetName}" is not in the package`);
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = await read(relsPath);
    const built = sheetChartParts(plan, sheetName, {
      drawingNumber: ++drawingNumber,
      firstChartNumber: chartNumber + 1,
      sheetRelId: unusedRelId(rels),
    })!;
    chartNumber += plan.charts.length;
    for (const part of built.parts) {
      zip.file(part.path, part.xml);
      if (part.contentType)
        contentTypes = contentTypes.replace(
          "</Types>",
          `<Override PartName="/${part.path}" ContentType="${part.contentType}"/></Types>`,
        );
    }
    zip.file(relsPath, addRelationship(rels, built.sheetRel.id, built.sheetRel.type, built.sheetRel.target));
    zip.file(sheetPath, insertDrawingElement((await read(sheetPath))!, built.drawingElement));
  }
  zip.file("[Content_Types].xml", contentTypes);
  const requoted = requoteExcelJsNames(workbookXml);
  if (requoted !== workbookXml) zip.file("xl/workbook.xml", requoted);
  return zip.generateAsync({ type: "uint8array", compression, compressionOptions: { level: 6 } });
}
