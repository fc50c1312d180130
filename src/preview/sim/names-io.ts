/**
 * Defined names through the .xlsx round trip. ExcelJS keeps only workbook-scoped names that
 * are plain ranges (it drops constants such as ="text", formulas, `localSheetId` and `hidden`),
 * so the simulated host reads and writes the <definedNames> of xl/workbook.xml itself, around
 * ExcelJS's load and save. Print areas and print titles (_xlnm.*) stay with ExcelJS.
 */
import JSZip from "jszip";
import type { NameModel, WorkbookModel } from "./model";

const WORKBOOK_XML = "xl/workbook.xml";

function unescapeXml(s: string): string {
  return s.replace(
    /&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g,
    (m, name: string, dec?: string, hex?: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name] ?? m;
    },
  );
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

export interface FileName {
  name: string;
  /** Name of the sheet the name is scoped to, or null. */
  sheet: string | null;
  formula: string;
  visible: boolean;
  comment: string;
}

/** The defined names of a package (except _xlnm.*), with their scope resolved to sheet names. */
export async function readPackageNames(data: Buffer | ArrayBuffer | Uint8Array): Promise<FileName[]> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file(WORKBOOK_XML);
  if (!file) return [];
  const xml = await file.async("string");
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attr(m[0], "name") ?? "");
  const out: FileName[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const tag = m[1] ?? "";
    const name = attr(tag, "name");
    if (!name || name.startsWith("_xlnm.")) continue;
    const local = attr(tag, "localSheetId");
    const sheet = local !== undefined ? (sheets[Number(local)] ?? null) : null;
    if (local !== undefined && sheet === null) continue; // scoped to a sheet that is not there
    const hidden = attr(tag, "hidden");
    out.push({
      name,
      sheet,
      formula: "=" + unescapeXml(m[2] ?? ""),
      visible: !(hidden === "1" || hidden === "true"),
      comment: attr(tag, "comment") ?? "",
    });
  }
  return out;
}

/** Replaces the model's names by those of the file (the file knows scopes and constants; ExcelJS does not). */
export function applyPackageNames(model: WorkbookModel, names: FileName[]): void {
  const list: NameModel[] = [];
  for (const n of names) {
    const sheet = n.sheet === null ? null : model.sheetByName(n.sheet);
    if (n.sheet !== null && !sheet) continue;
    list.push({
      name: n.name,
      scopeId: sheet ? sheet.id : null,
      formula: n.formula,
      visible: n.visible,
      comment: n.comment,
    });
  }
  model.names = list;
}

/** Writes every name of the model into xl/workbook.xml of a package ExcelJS produced. */
export async function writePackageNames(
  data: Buffer | ArrayBuffer | Uint8Array,
  model: WorkbookModel,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file(WORKBOOK_XML);
  if (!file) throw new Error("The package has no xl/workbook.xml.");
  let xml = await file.async("string");
  const kept: string[] = [];
  xml = xml.replace(/<definedNames>([\s\S]*?)<\/definedNames>|<definedNames\/>/, (_m, inner: string | undefined) => {
    for (const d of (inner ?? "").matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)) {
      if (/\sname="_xlnm\./.test(d[0])) kept.push(d[0]);
    }
    return "";
  });
  const sheetIndex = new Map(model.sheets.map((s, i) => [s.id, i]));
  const ours = model.names.map((n) => {
    const scope = n.scopeId !== null ? ` localSheetId="${sheetIndex.get(n.scopeId)}"` : "";
    const hidden = n.visible ? "" : ` hidden="1"`;
    const comment = n.comment ? ` comment="${escapeXml(n.comment)}"` : "";
    return `<definedName name="${escapeXml(n.name)}"${scope}${hidden}${comment}>${escapeXml(n.formula.replace(/^=/, ""))}</definedName>`;
  });
  const all = [...kept, ...ours];
  if (all.length) {
    const block = `<definedNames>${all.join("")}</definedNames>`;
    // definedNames comes after <sheets> and before <calcPr> (CT_Workbook order).
    // A function, not a replacement string: "$1" in a name's formula ('S'!$1:$1) is not a backreference.
    xml = xml.replace(/<\/sheets>/, (end) => end + block);
  }
  zip.file(WORKBOOK_XML, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
