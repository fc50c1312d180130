/**
 * The package-preserving write: the user's package with every part byte for
 * byte, plus our sheets grafted in from a scratch package that ExcelJS wrote
 * (the one place that lays out generated-sheet content stays
 * xlsx-plan-writer.ts). Edited parts: the workbook part and its
 * relationships, [Content_Types].xml, docProps/app.xml and the styles part
 * (ours appended). A sheet of ours that is refreshed keeps its place, sheetId
 * and relationship id (its part is replaced); a sheet of ours that is removed
 * takes its own parts with it. Nothing else is touched.
 */
import { requoteExcelJsNames } from "../ooxml/exceljs-defined-names";
import { unzipSync, strFromU8, strToU8 } from "fflate";
import { PackageError } from "./package-limits";
import type { PackageReader } from "./package-reader";
import type { OutputPart } from "./package-writer";
import {
  REL,
  appendToRoot,
  attr,
  contentTypeOf,
  emptyRelationships,
  overrideXml,
  parseContentTypes,
  parseRelationships,
  relationshipXml,
  relativeTarget,
  relsPathOf,
  removeOverrides,
  resolveTarget,
  sameRelType,
  setAttr,
  type Relationship,
} from "./opc-xml";
import { editWorkbookXml, parseDefinedNames, parseSheets, type WorkbookEdit, type WorkbookSheet } from "./workbook-xml";
import { mergeStyles } from "./merge-styles";
import { insertDrawingElement } from "../ooxml/insert-drawing";
import { rewriteSheetXml, sharedStringItems } from "./rewrite-sheet-xml";
import { updateAppProperties } from "./app-properties";

/** Native charts for a generated sheet, drawn by a drawing part (DrawingML built elsewhere). */
export interface SheetExtras {
  /** xdr:wsDr drawing part; its chart references use the relIds below. */
  drawingXml: string;
  charts: { relId: string; xml: string }[];
}

export interface GraftedSheet {
  /** Name of the sheet in the scratch package, and in the output. */
  name: string;
  /** Formula of the sheet-scoped owner name (without "="), for a sheet of ours. */
  ownerFormula?: string;
  /** Tab index in the user's package of the sheet of ours this one refreshes in place. */
  replaces?: number;
  extras?: SheetExtras;
}

export interface GraftRequest {
  user: PackageReader;
  /** ExcelJS output holding the grafted sheets (the package, or its parts already unpacked). */
  scratch: Uint8Array | Record<string, Uint8Array>;
  sheets: GraftedSheet[];
  /** Tab indexes in the user's package of sheets of ours to delete. */
  remove: number[];
  /** Name of the sheet-scoped defined name that marks our sheets. */
  ownerName: string;
}

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

const textOf = (u8: Uint8Array | undefined) => (u8 ? strFromU8(u8).replace(/^\uFEFF/, "") : "");

export async function graftPackage(req: GraftRequest): Promise<OutputPart[]> {
  const { user } = req;
  const label = user.label;
  const scratch = req.scratch instanceof Uint8Array ? unzipSync(req.scratch) : req.scratch;

  // ---- the user's package
  const rootRels = parseRelationships(user.has("_rels/.rels") ? await user.readText("_rels/.rels") : "");
  const officeRel = rootRels.find((r) => sameRelType(r.type, REL.officeDocument) && !r.external);
  if (!officeRel) throw new PackageError(`${label}: ブック本体が見つかりません / the package has no workbook part`);
  const wbPath = resolveTarget("", officeRel.target);
  if (!user.has(wbPath)) throw new PackageError(`${label}: ブック本体がありません / the workbook part is missing`);
  const wbXml = await user.readText(wbPath);
  const wbRelsPath = relsPathOf(wbPath);
  const wbRelsXml = user.has(wbRelsPath) ? await user.readText(wbRelsPath) : emptyRelationships();
  const wbRels = parseRelationships(wbRelsXml);
  const sheets = parseSheets(wbXml);
  const sheetPath = (s: WorkbookSheet) => {
    const r = wbRels.find((x) => x.id === s.relId);
    return r && !r.external ? resolveTarget(wbPath, r.target) : null;
  };
  const ctXml = await user.readText("[Content_Types].xml");
  const userCt = parseContentTypes(ctXml);

  // Every relationship part of the package: which parts are still referenced after our deletions.
  const relsParts = new Map<string, Relationship[]>();
  for (const p of user.parts)
    if (/\.rels$/i.test(p.name)) relsParts.set(p.name, parseRelationships(await user.readText(p.name)));

  const taken = new Set(user.parts.map((p) => p.name.toLowerCase()));
  const uniquePath = (dir: string, stem: string, ext: string) => {
    for (let n = 1; ; n++) {
      const candidate = `${dir}/${stem}${n}${ext}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };

  // ---- parts of ours that go away: removed sheets, and the sub-parts of refreshed ones
  const deleted = new Set<string>(); // lower-case part names
  const ownSubParts = (part: string, acc: Set<string>) => {
    const rp = relsPathOf(part);
    if (!user.has(rp)) return;
    acc.add(rp.toLowerCase());
    for (const r of relsParts.get(user.part(rp)!.name) ?? []) {
      if (r.external) continue;
      const t = resolveTarget(part, r.target);
      if (!user.has(t) || acc.has(t.toLowerCase())) continue;
      acc.add(t.toLowerCase());
      ownSubParts(t, acc);
    }
  };
  const removeSet = new Set(req.remove);
  for (const idx of removeSet) {
    const s = sheets[idx];
    const p = s && sheetPath(s);
    if (!s || !p) throw new Error(`internal: no sheet ${idx} to remove`);
    deleted.add(p.toLowerCase());
    ownSubParts(p, deleted);
  }
  const refreshedSubParts = new Set<string>();
  for (const g of req.sheets) {
    if (g.replaces === undefined) continue;
    const s = sheets[g.replaces];
    const p = s && sheetPath(s);
    if (!s || !p) throw new Error(`internal: no sheet ${g.replaces} to refresh`);
    ownSubParts(p, refreshedSubParts);
  }
  for (const d of refreshedSubParts) deleted.add(d);
  // keep anything another (surviving) part still points at, e.g. a shared printer-settings part
  for (let changed = true; changed;) {
    changed = false;
    for (const [rp, rels] of relsParts) {
      if (deleted.has(rp.toLowerCase())) continue;
      const source = rp.replace(/_rels\/([^/]*)\.rels$/i, "$1").replace(/^\//, "");
      for (const r of rels) {
        if (r.external) continue;
        const t = resolveTarget(source === "_rels/.rels" ? "" : source, r.target).toLowerCase();
        const isRemovedSheet = req.remove.some((i) => sheetPath(sheets[i]!)?.toLowerCase() === t);
        if (deleted.has(t) && !(rp === wbRelsPath && isRemovedSheet)) {
          // kept, and so is everything it points at (its relationships part is followed on the next pass)
          deleted.delete(t);
          deleted.delete(relsPathOf(t));
          changed = true;
        }
      }
    }
  }

  // the names of a refreshed sheet's old parts (drawings, charts, tables) are free again: a re-run writes
  // its parts under the same names, so the package changes no more than the contents
  for (const d of refreshedSubParts) if (deleted.has(d)) taken.delete(d);

  // ---- scratch package
  const sRoot = parseRelationships(textOf(scratch["_rels/.rels"]));
  const sWbPath = resolveTarget("", sRoot.find((r) => sameRelType(r.type, REL.officeDocument))!.target);
  const sWbXml = textOf(scratch[sWbPath]);
  const sWbRels = parseRelationships(textOf(scratch[relsPathOf(sWbPath)]));
  const sSheets = parseSheets(sWbXml);
  // ExcelJS leaves apostrophes in a sheet name undoubled: every name goes through quoteSheetName
  const sNames = parseDefinedNames(requoteExcelJsNames(sWbXml));
  const sCt = parseContentTypes(textOf(scratch["[Content_Types].xml"]));
  const sStylesRel = sWbRels.find((r) => sameRelType(r.type, REL.styles));
  const sSstRel = sWbRels.find((r) => sameRelType(r.type, REL.sharedStrings));
  const strings = sSstRel ? sharedStringItems(textOf(scratch[resolveTarget(sWbPath, sSstRel.target)])) : [];

  // ---- styles
  const stylesRel = wbRels.find((r) => sameRelType(r.type, REL.styles) && !r.external);
  const edited = new Map<string, string | Uint8Array>(); // part name → new text (a large sheet as UTF-8 bytes)
  const added: { name: string; data: string | Uint8Array; type: string }[] = [];
  let newWbRels = wbRelsXml;
  const relIds = new Set(wbRels.map((r) => r.id));
  const freshRelId = (ids: Set<string>) => {
    for (let n = ids.size + 1; ; n++)
      if (!ids.has(`rId${n}`)) {
        ids.add(`rId${n}`);
        return `rId${n}`;
      }
  };
  const sStyles = sStylesRel ? textOf(scratch[resolveTarget(sWbPath, sStylesRel.target)]) : "";
  let maps: { xf: number[]; dxf: number[] };
  if (stylesRel && user.has(resolveTarget(wbPath, stylesRel.target))) {
    const stylesPath = resolveTarget(wbPath, stylesRel.target);
    const merged = mergeStyles(await user.readText(stylesPath), sStyles);
    edited.set(stylesPath, merged.xml);
    maps = merged;
  } else {
    // a package without a styles part: ours becomes the workbook's
    const stylesPath = uniquePath(wbPath.slice(0, wbPath.lastIndexOf("/")) || "xl", "styles", ".xml");
    added.push({ name: stylesPath, data: sStyles, type: CT.styles });
    const id = freshRelId(relIds);
    newWbRels = appendToRoot(
      newWbRels,
      "Relationships",
      relationshipXml({ id, type: REL.styles, target: relativeTarget(wbPath, stylesPath), external: false }),
    );
    maps = { xf: [], dxf: [] };
  }

  // ---- sheets
  const edit: WorkbookEdit = {
    remove: removeSet,
    update: new Map(),
    dropScopedTo: new Set(),
    appendSheets: [],
    addNames: [],
  };
  const finalIndexOfOriginal = (idx: number) => idx - [...removeSet].filter((r) => r < idx).length;
  const keptCount = sheets.length - removeSet.size;
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const sheetDir = (() => {
    const first = sheets.map(sheetPath).find((p): p is string => !!p);
    return first ? first.slice(0, first.lastIndexOf("/")) : "xl/worksheets";
  })();

  let appended = 0;
  let tableNames: TableNames | undefined;
  /** Copy a part of the scratch package (and, recursively, what it points at) under a free name. */
  const copied = new Map<string, string>();
  const copyScratchPart = async (src: string, relType: string): Promise<string> => {
    const done = copied.get(src);
    if (done) return done;
    const dir = src.slice(0, src.lastIndexOf("/"));
    const stem = src.slice(src.lastIndexOf("/") + 1).replace(/\d*\.\w+$/, "");
    const ext = src.slice(src.lastIndexOf("."));
    const dest = uniquePath(dir, stem, ext);
    copied.set(src, dest);
    let data: string | Uint8Array = scratch[src]!;
    if (sameRelType(relType, REL.table))
      data = uniqueTable(textOf(data), (tableNames ??= await userTableNames(user, wbXml)));
    added.push({ name: dest, data, type: contentTypeOf(sCt, src) ?? "application/octet-stream" });
    const relsText = textOf(scratch[relsPathOf(src)]);
    if (relsText) {
      const out: Relationship[] = [];
      for (const r of parseRelationships(relsText)) {
        const target = r.external ? null : resolveTarget(src, r.target);
        if (target && scratch[target])
          out.push({ ...r, target: relativeTarget(dest, await copyScratchPart(target, r.type)) });
        else out.push(r);
      }
      added.push({
        name: relsPathOf(dest),
        data: appendToRoot(emptyRelationships(), "Relationships", out.map(relationshipXml).join("")),
        type: "",
      });
    }
    return dest;
  };

  for (const g of req.sheets) {
    const s = sSheets.find((x) => x.name === g.name);
    if (!s) throw new Error(`internal: sheet "${g.name}" is not in the scratch package`);
    const sRel = sWbRels.find((r) => r.id === s.relId)!;
    const sPath = resolveTarget(sWbPath, sRel.target);
    let xml = rewriteSheetXml(textOf(scratch[sPath]), strings, maps.xf, maps.dxf);
    delete scratch[sPath]; // read once: let a large sheet's bytes go

    let path: string;
    let finalIndex: number;
    if (g.replaces !== undefined) {
      const old = sheets[g.replaces]!;
      path = sheetPath(old)!;
      finalIndex = finalIndexOfOriginal(g.replaces);
      edit.update.set(g.replaces, { name: g.name, state: s.state });
      edit.dropScopedTo.add(g.replaces);
    } else {
      path = uniquePath(sheetDir, "sheet", ".xml");
      const relId = freshRelId(relIds);
      newWbRels = appendToRoot(
        newWbRels,
        "Relationships",
        relationshipXml({ id: relId, type: REL.worksheet, target: relativeTarget(wbPath, path), external: false }),
      );
      finalIndex = keptCount + appended++;
      edit.appendSheets.push({ name: g.name, sheetId: nextSheetId++, relId, state: s.state });
      added.push({ name: path, data: "", type: CT.worksheet }); // content set below
    }

    // the sheet's own relationships (hyperlinks, tables, drawings with their images…) and the parts they point at
    const sRelsText = textOf(scratch[relsPathOf(sPath)]);
    let rels = sRelsText ? parseRelationships(sRelsText) : [];
    const relOut: Relationship[] = [];
    for (const r of rels) {
      if (r.external) {
        relOut.push(r);
        continue;
      }
      const src = resolveTarget(sPath, r.target);
      if (!scratch[src]) continue;
      const dest = await copyScratchPart(src, r.type);
      relOut.push({ ...r, target: relativeTarget(path, dest) });
    }
    rels = relOut;
    if (g.extras) {
      const ids = new Set(rels.map((r) => r.id));
      const drawingId = freshRelId(ids);
      const drawingPath = uniquePath("xl/drawings", "drawing", ".xml");
      const drawingRels: Relationship[] = g.extras.charts.map((c) => {
        const chartPath = uniquePath("xl/charts", "chart", ".xml");
        added.push({ name: chartPath, data: c.xml, type: CT.chart });
        return { id: c.relId, type: REL.chart, target: relativeTarget(drawingPath, chartPath), external: false };
      });
      added.push({ name: drawingPath, data: g.extras.drawingXml, type: CT.drawing });
      added.push({
        name: relsPathOf(drawingPath),
        data: appendToRoot(emptyRelationships(), "Relationships", drawingRels.map(relationshipXml).join("")),
        type: "",
      });
      rels.push({ id: drawingId, type: REL.drawing, target: relativeTarget(path, drawingPath), external: false });
      xml = insertDrawingElement(xml, `<drawing r:id="${drawingId}"/>`);
    }
    if (rels.length) {
      const rp = relsPathOf(path);
      taken.add(rp.toLowerCase());
      deleted.delete(rp.toLowerCase()); // rewritten, not deleted
      const relsText = appendToRoot(emptyRelationships(), "Relationships", rels.map(relationshipXml).join(""));
      if (user.has(rp)) edited.set(user.part(rp)!.name, relsText);
      else added.push({ name: rp, data: relsText, type: "" });
    }

    // as UTF-8 at once: a large sheet's text (two bytes a character) is let go before the next sheet
    const xmlBytes = strToU8(xml);
    xml = "";
    if (g.replaces !== undefined) edited.set(user.part(path)!.name, xmlBytes);
    else added.find((a) => a.name === path)!.data = xmlBytes;

    // sheet-scoped names: ours (owner marker) and ExcelJS's (print titles, filter)
    if (g.ownerFormula !== undefined)
      edit.addNames.push({ name: req.ownerName, formula: g.ownerFormula, localSheetId: finalIndex, hidden: true });
    const sIndex = sSheets.indexOf(s);
    for (const n of sNames)
      if (n.localSheetId === sIndex)
        edit.addNames.push({ name: n.name, formula: n.formula, localSheetId: finalIndex, hidden: n.hidden });
  }

  edited.set(wbPath, editWorkbookXml(wbXml, edit));
  if (newWbRels !== wbRelsXml || removeSet.size) {
    const removedIds = new Set([...removeSet].map((i) => sheets[i]!.relId));
    newWbRels = newWbRels.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>(?:\s*<\/(?:[\w.-]+:)?Relationship>)?/g, (tag) =>
      removedIds.has(attr(tag, "Id") ?? "") ? "" : tag,
    );
    if (user.has(wbRelsPath)) edited.set(user.part(wbRelsPath)!.name, newWbRels);
    else added.push({ name: wbRelsPath, data: newWbRels, type: "" });
  }

  // ---- content types
  // a part of ours written again under its old name with its old type keeps its Override where it was
  const rewritten = new Set(
    added
      .filter((a) => a.type && deleted.has(a.name.toLowerCase()) && contentTypeOf(userCt, a.name) === a.type)
      .map((a) => a.name.toLowerCase()),
  );
  let newCt = removeOverrides(ctXml, new Set([...deleted].filter((d) => !rewritten.has(d))));
  const ctAdds: string[] = [];
  for (const a of added) {
    if (!a.type || /\.rels$/i.test(a.name)) continue;
    const key = a.name.toLowerCase();
    if (contentTypeOf(userCt, a.name) === a.type && (!userCt.overrides.has(key) || rewritten.has(key))) continue;
    ctAdds.push(overrideXml(a.name, a.type));
  }
  if (!userCt.defaults.has("rels"))
    ctAdds.push(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`);
  if (ctAdds.length) newCt = appendToRoot(newCt, "Types", ctAdds.join(""));
  if (newCt !== ctXml) edited.set(user.part("[Content_Types].xml")!.name, newCt);

  // ---- docProps/app.xml
  const appRel = rootRels.find((r) => sameRelType(r.type, REL.extendedProperties) && !r.external);
  const appPath = appRel ? resolveTarget("", appRel.target) : null;
  if (appPath && user.has(appPath)) {
    const finalNames: string[] = [];
    sheets.forEach((s, i) => {
      if (!removeSet.has(i)) finalNames.push(edit.update.get(i)?.name ?? s.name);
    });
    for (const s of edit.appendSheets) finalNames.push(s.name);
    const text = await user.readText(appPath);
    const next = updateAppProperties(
      text,
      sheets.map((s) => s.name),
      finalNames,
    );
    if (next !== text) edited.set(user.part(appPath)!.name, next);
  }

  // ---- assemble: the user's parts in their order, then ours
  const out: OutputPart[] = [];
  for (const p of user.parts) {
    if (deleted.has(p.name.toLowerCase())) continue;
    const e = edited.get(p.name);
    if (e !== undefined) out.push({ name: p.name, data: typeof e === "string" ? strToU8(e) : e });
    else
      out.push({
        name: p.name,
        raw: { bytes: await user.raw(p.name), crc32: p.crc32, size: p.uncompressedSize, method: p.compressionMethod },
      });
  }
  for (const a of added) out.push({ name: a.name, data: typeof a.data === "string" ? strToU8(a.data) : a.data });
  return out;
}

/** Ids and names of the user's tables and defined names (table names share the defined-name namespace). */
interface TableNames {
  maxId: number;
  used: Set<string>;
}

async function userTableNames(user: PackageReader, wbXml: string): Promise<TableNames> {
  const used = new Set(parseDefinedNames(wbXml).map((n) => n.name.toLowerCase()));
  let maxId = 0;
  for (const p of user.parts) {
    if (!/(^|\/)tables\/[^/]+\.xml$/i.test(p.name)) continue;
    const open = /<(?:[\w.-]+:)?table\b[^>]*>/.exec(await user.readText(p.name))?.[0] ?? "";
    maxId = Math.max(maxId, Number(attr(open, "id") ?? 0));
    for (const k of ["name", "displayName"]) {
      const v = attr(open, k);
      if (v) used.add(v.toLowerCase());
    }
  }
  return { maxId, used };
}

/** A table part of ours with a workbook-unique id, name and displayName. */
function uniqueTable(xml: string, names: TableNames): string {
  const open = /<table\b[^>]*>/.exec(xml)?.[0];
  if (!open) return xml;
  const base = attr(open, "displayName") ?? attr(open, "name") ?? "Table";
  let name = base;
  for (let n = 2; names.used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  names.used.add(name.toLowerCase());
  let o = setAttr(open, "id", String(++names.maxId));
  o = setAttr(o, "name", name);
  o = setAttr(o, "displayName", name);
  return xml.replace(open, () => o);
}
