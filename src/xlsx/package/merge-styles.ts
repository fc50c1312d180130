/**
 * Appends the styles of our generated sheets (written by ExcelJS in a scratch
 * package) to the user's styles part. The user's fonts, fills, borders,
 * number formats, cell formats and differential formats keep their indexes
 * (so every user cell keeps its look); ours get the indexes after them, and
 * the maps returned here renumber our cells' `s` and `dxfId` attributes.
 */
import { attr, prefixOf, setAttr } from "./opc-xml";
import { prefixTags } from "./workbook-xml";

/** CT_Stylesheet child order, for inserting a section the user's part lacks. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Section {
  /** Index of the section's start tag, end of the whole element. */
  start: number;
  end: number;
  open: string;
  items: string[];
}

function childRe(p: string, child: string): RegExp {
  return new RegExp(`<${p}${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g");
}

function findSection(xml: string, p: string, local: string, child: string): Section | null {
  const re = new RegExp(`<${p}${local}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${local}>)`);
  const m = re.exec(xml);
  if (!m) return null;
  const open = /^<[^>]*>/.exec(m[0])![0];
  const items = m[1] === undefined ? [] : [...m[1].matchAll(childRe(p, child))].map((x) => x[0]);
  return { start: m.index, end: m.index + m[0].length, open, items };
}

function sectionXml(p: string, local: string, open: string | null, items: string[]): string {
  let o = open ?? `<${p}${local}>`;
  o = o.replace(/\s*\/>$/, ">");
  o = setAttr(o, "count", String(items.length));
  return `${o}${items.join("")}</${p}${local}>`;
}

/** Replace (or insert in schema order) a section of the style sheet. */
function putSection(xml: string, p: string, local: string, child: string, items: string[]): string {
  const s = findSection(xml, p, local, child);
  if (s) return xml.slice(0, s.start) + sectionXml(p, local, s.open, items) + xml.slice(s.end);
  const after = ORDER.slice(ORDER.indexOf(local) + 1);
  for (const next of after) {
    const m = new RegExp(`<${p}${next}\\b`).exec(xml);
    if (m) return xml.slice(0, m.index) + sectionXml(p, local, null, items) + xml.slice(m.index);
  }
  const close = new RegExp(`</${p}styleSheet>`).exec(xml);
  if (!close) throw new Error("the styles part has no styleSheet element");
  return xml.slice(0, close.index) + sectionXml(p, local, null, items) + xml.slice(close.index);
}

/** First index of each distinct item, so a re-run reuses what the last run appended instead of growing the part. */
function indexOfItems(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  items.forEach((item, i) => {
    if (!m.has(item)) m.set(item, i);
  });
  return m;
}

function reuseOrAppend(items: string[], index: Map<string, number>, item: string): number {
  const found = index.get(item);
  if (found !== undefined) return found;
  index.set(item, items.length);
  items.push(item);
  return items.length - 1;
}

export interface MergedStyles {
  xml: string;
  /** Scratch cellXfs index → index in the merged part. */
  xf: number[];
  /** Scratch dxfs index → index in the merged part. */
  dxf: number[];
}

export function mergeStyles(userXml: string, oursXml: string): MergedStyles {
  const p = prefixOf(userXml, "styleSheet");
  const q = prefixOf(oursXml, "styleSheet");
  const mine = (local: string, child: string) => findSection(userXml, p, local, child)?.items ?? [];
  const theirs = (local: string, child: string) => findSection(oursXml, q, local, child)?.items ?? [];
  const adopt = (item: string) => (p ? prefixTags(item, p) : item);

  // Number formats: built-in ids stay; custom ones reuse the user's id for the same code, else a new id.
  const userFmts = mine("numFmts", "numFmt");
  const byCode = new Map<string, number>();
  let maxId = 163;
  for (const f of userFmts) {
    const id = Number(attr(f, "numFmtId"));
    byCode.set(attr(f, "formatCode") ?? "", id);
    if (id > maxId) maxId = id;
  }
  const fmtMap = new Map<number, number>();
  const newFmts: string[] = [];
  for (const f of theirs("numFmts", "numFmt")) {
    const id = Number(attr(f, "numFmtId"));
    const code = attr(f, "formatCode") ?? "";
    let target = byCode.get(code);
    if (target === undefined) {
      target = ++maxId;
      byCode.set(code, target);
      newFmts.push(adopt(setAttr(f, "numFmtId", String(target))));
    }
    fmtMap.set(id, target);
  }

  // Fonts / fills / borders: ours after the user's; our defaults map to the user's defaults.
  const appendAll = (local: string, child: string, shared: number) => {
    const u = mine(local, child);
    const t = theirs(local, child);
    const map: number[] = [];
    const items = [...u];
    const index = indexOfItems(items);
    t.forEach((item, i) => {
      if (i < shared && i < u.length) map[i] = i;
      else map[i] = reuseOrAppend(items, index, adopt(item));
    });
    return { items, map };
  };
  const fonts = appendAll("fonts", "font", 1);
  const fills = appendAll("fills", "fill", 2);
  const borders = appendAll("borders", "border", 1);

  const userXfs = mine("cellXfs", "xf");
  const xfItems = [...userXfs];
  const xfIndex = indexOfItems(xfItems);
  const xfMap: number[] = [];
  theirs("cellXfs", "xf").forEach((xf, i) => {
    if (i === 0 && userXfs.length > 0) {
      xfMap[0] = 0; // unstyled cells of ours look like unstyled cells of the user's
      return;
    }
    const open = /^<[^>]*>/.exec(xf)![0];
    let o = open;
    const remap = (name: string, map: (n: number) => number) => {
      const v = attr(o, name);
      if (v !== null) o = setAttr(o, name, String(map(Number(v))));
    };
    remap("numFmtId", (n) => fmtMap.get(n) ?? n);
    remap("fontId", (n) => fonts.map[n] ?? 0);
    remap("fillId", (n) => fills.map[n] ?? 0);
    remap("borderId", (n) => borders.map[n] ?? 0);
    if (attr(o, "xfId") !== null) o = setAttr(o, "xfId", "0");
    xfMap[i] = reuseOrAppend(xfItems, xfIndex, adopt(o + xf.slice(open.length)));
  });

  const userDxfs = mine("dxfs", "dxf");
  const dxfItems = [...userDxfs];
  const dxfIndex = indexOfItems(dxfItems);
  const dxfMap: number[] = [];
  theirs("dxfs", "dxf").forEach((d, i) => {
    dxfMap[i] = reuseOrAppend(dxfItems, dxfIndex, adopt(d));
  });

  let xml = userXml;
  if (newFmts.length) xml = putSection(xml, p, "numFmts", "numFmt", [...userFmts, ...newFmts]);
  if (fonts.items.length !== mine("fonts", "font").length) xml = putSection(xml, p, "fonts", "font", fonts.items);
  if (fills.items.length !== mine("fills", "fill").length) xml = putSection(xml, p, "fills", "fill", fills.items);
  if (borders.items.length !== mine("borders", "border").length)
    xml = putSection(xml, p, "borders", "border", borders.items);
  if (xfItems.length !== userXfs.length) xml = putSection(xml, p, "cellXfs", "xf", xfItems);
  if (dxfItems.length !== userDxfs.length) xml = putSection(xml, p, "dxfs", "dxf", dxfItems);
  return { xml, xf: xfMap, dxf: dxfMap };
}
