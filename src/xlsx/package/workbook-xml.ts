/**
 * The workbook part (xl/workbook.xml): its sheets (in tab order) and defined
 * names, read from the text, and the few edits the writer makes to it.
 */
import { attr, removeAttr, setAttr, xmlEscape, xmlUnescape } from "./opc-xml";

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The <sheet …/> element as written. */
  tag: string;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  hidden: boolean;
  /** Formula text, unescaped, without a leading "=". */
  formula: string;
  /** The whole element as written. */
  xml: string;
}

const SHEET_RE = /<(?:[\w.-]+:)?sheet\b[^>]*?\/?>(?:\s*<\/(?:[\w.-]+:)?sheet>)?/g;
const NAME_RE = /<(?:[\w.-]+:)?definedName\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;

function sheetsBlock(xml: string): { start: number; end: number; inner: string } | null {
  const m = /<((?:[\w.-]+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>/.exec(xml);
  if (!m) return null;
  const innerStart = m.index + m[0].indexOf(">") + 1;
  return { start: innerStart, end: innerStart + m[2]!.length, inner: m[2]! };
}

export function parseSheets(xml: string): WorkbookSheet[] {
  const block = sheetsBlock(xml);
  if (!block) return [];
  return [...block.inner.matchAll(SHEET_RE)].map((m) => {
    const tag = m[0];
    const state = attr(tag, "state");
    return {
      name: attr(tag, "name") ?? "",
      sheetId: Number(attr(tag, "sheetId") ?? 0),
      relId: attr(tag, "r:id") ?? relIdAnyPrefix(tag) ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      tag,
    };
  });
}

/** r:id is usually spelt with the prefix r, but any prefix bound to the relationships namespace is valid. */
function relIdAnyPrefix(tag: string): string | null {
  const m = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag);
  return m ? xmlUnescape(m[1]!) : null;
}

export function parseDefinedNames(xml: string): DefinedName[] {
  const m = /<((?:[\w.-]+:)?)definedNames\b[^>]*>([\s\S]*?)<\/\1definedNames>/.exec(xml);
  if (!m) return [];
  return [...m[2]!.matchAll(NAME_RE)].map((n) => {
    const open = /^<[^>]*>/.exec(n[0])![0];
    const local = attr(open, "localSheetId");
    return {
      name: attr(open, "name") ?? "",
      localSheetId: local === null ? null : Number(local),
      hidden: attr(open, "hidden") === "1" || attr(open, "hidden") === "true",
      formula: xmlUnescape(n[1] ?? "").replace(/^=/, ""),
      xml: n[0],
    };
  });
}

export function definedNameXml(name: string, formula: string, localSheetId: number | null, hidden: boolean): string {
  return (
    `<definedName name="${xmlEscape(name)}"` +
    (localSheetId !== null ? ` localSheetId="${localSheetId}"` : "") +
    (hidden ? ` hidden="1"` : "") +
    `>${xmlEscape(formula)}</definedName>`
  );
}

export interface WorkbookEdit {
  /** Sheets removed (by index in the original tab order). */
  remove: Set<number>;
  /** New attributes of kept sheets, by original index. */
  update: Map<number, { name?: string; state?: WorkbookSheet["state"] }>;
  /** Defined names scoped to these original indexes are dropped (they belonged to a sheet we rewrite). */
  dropScopedTo: Set<number>;
  /** New <sheet> elements appended at the end of <sheets>. */
  appendSheets: { name: string; sheetId: number; relId: string; state: WorkbookSheet["state"] }[];
  /** New defined names; localSheetId refers to the final tab order. */
  addNames: { name: string; formula: string; localSheetId: number | null; hidden: boolean }[];
}

/**
 * Apply the edits to the workbook part's text. Everything else, including the
 * order and spelling of the user's own elements, is left as it was.
 */
export function editWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const sheets = parseSheets(xml);
  const prefixMatch = /<((?:[\w.-]+:)?)sheets\b/.exec(xml);
  const p = prefixMatch?.[1] ?? "";
  const relPrefix = /\s([\w.-]+):id\s*=/.exec(sheets[0]?.tag ?? "")?.[1] ?? "r";

  // Final index of each kept original sheet.
  const finalIndex = new Map<number, number>();
  let k = 0;
  sheets.forEach((_s, i) => {
    if (!edit.remove.has(i)) finalIndex.set(i, k++);
  });

  // <sheets>
  const block = sheetsBlock(xml)!;
  let i = 0;
  let inner = block.inner.replace(SHEET_RE, (tag) => {
    const idx = i++;
    if (edit.remove.has(idx)) return "";
    const u = edit.update.get(idx);
    if (!u) return tag;
    let t = tag;
    if (u.name !== undefined) t = setAttr(t, "name", u.name);
    if (u.state !== undefined) t = u.state === "visible" ? removeAttr(t, "state") : setAttr(t, "state", u.state);
    return t;
  });
  for (const s of edit.appendSheets)
    inner +=
      `<${p}sheet name="${xmlEscape(s.name)}" sheetId="${s.sheetId}"` +
      (s.state !== "visible" ? ` state="${s.state}"` : "") +
      ` ${relPrefix}:id="${xmlEscape(s.relId)}"/>`;
  let out = xml.slice(0, block.start) + inner + xml.slice(block.end);

  // <definedNames>: drop names of rewritten/removed sheets, renumber the rest, add ours.
  const added = edit.addNames.map((n) => definedNameXml(n.name, n.formula, n.localSheetId, n.hidden)).join("");
  const namesRe = /<((?:[\w.-]+:)?)definedNames\b[^>]*>([\s\S]*?)<\/\1definedNames>/;
  const nm = namesRe.exec(out);
  if (nm) {
    const openLen = nm[0].indexOf(">") + 1;
    const innerStart = nm.index + openLen;
    const innerText = nm[2]!;
    let changed = innerText.replace(NAME_RE, (whole) => {
      const open = /^<[^>]*>/.exec(whole)![0];
      const local = attr(open, "localSheetId");
      if (local === null) return whole;
      const idx = Number(local);
      if (edit.remove.has(idx) || edit.dropScopedTo.has(idx)) return "";
      const f = finalIndex.get(idx);
      if (f === undefined || f === idx) return whole;
      return setAttr(open, "localSheetId", String(f)) + whole.slice(open.length);
    });
    if (p && added) changed += prefixTags(added, p);
    else changed += added;
    out = out.slice(0, innerStart) + changed + out.slice(innerStart + innerText.length);
    if (changed.trim() === "") out = out.replace(namesRe, "");
  } else if (added) {
    // definedNames follows sheets and functionGroups/externalReferences (CT_Workbook order).
    const anchor = /<\/(?:[\w.-]+:)?(?:externalReferences|functionGroups|sheets)>/g;
    let last: RegExpExecArray | null = null;
    for (let a = anchor.exec(out); a; a = anchor.exec(out)) last = a;
    const at = last ? last.index + last[0].length : out.length;
    const frag = `<${p}definedNames>${p ? prefixTags(added, p) : added}</${p}definedNames>`;
    out = out.slice(0, at) + frag + out.slice(at);
  }

  // Workbook views: the active and first tab must still exist and be visible.
  const finalStates: WorkbookSheet["state"][] = [];
  sheets.forEach((s, idx) => {
    if (!edit.remove.has(idx)) finalStates.push(edit.update.get(idx)?.state ?? s.state);
  });
  for (const s of edit.appendSheets) finalStates.push(s.state);
  if (edit.remove.size > 0) {
    out = out.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (tag) => {
      let t = tag;
      for (const key of ["activeTab", "firstSheet"]) {
        const v = attr(t, key);
        if (v === null) continue;
        const old = Number(v);
        let mapped = finalIndex.get(old);
        if (mapped === undefined || finalStates[mapped] !== "visible") {
          mapped = finalStates.findIndex((st) => st === "visible");
          if (mapped < 0) mapped = 0;
        }
        if (mapped !== old) t = setAttr(t, key, String(mapped));
      }
      return t;
    });
  }
  return out;
}

/** Give unprefixed element names in a fragment the document's prefix. */
export function prefixTags(fragment: string, prefix: string): string {
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) =>
    name.includes(":") ? m : `<${slash}${prefix}${name}`,
  );
}
