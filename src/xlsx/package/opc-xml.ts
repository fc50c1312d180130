/**
 * Small, exact helpers for the package's XML: relationship parts, content
 * types, part-name arithmetic. Edits are made on the text so that everything
 * we do not change stays byte for byte as the user's application wrote it.
 */

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

const attrRes = new Map<string, RegExp>();

/** The value of attribute `name` (exact qualified name) in a start tag, unescaped; null if absent. */
export function attr(tag: string, name: string): string | null {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return null;
  return xmlUnescape(m[2] ?? m[3] ?? "");
}

/** The tag with attribute `name` set to `value` (replaced in place, or added before the end of the tag). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${xmlEscape(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => pre + v);
  return tag.replace(/\s*(\/?)>$/, (_m, slash: string) => ` ${name}=${v}${slash}>`);
}

export function removeAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, "");
}

/** Namespace prefix used for `local` in a document ("" when it is the default namespace). */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

/** Strict-OOXML packages use another namespace for the same relationship types. */
export function sameRelType(a: string, b: string): boolean {
  const tail = (s: string) => s.replace(/^.*\/relationships\//, "");
  return a === b || (tail(a) === tail(b) && /officedocument|purl\.oclc\.org/i.test(a + b));
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    out.push({
      id: attr(tag, "Id") ?? "",
      type: attr(tag, "Type") ?? "",
      target: attr(tag, "Target") ?? "",
      external: (attr(tag, "TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

export function relationshipXml(r: Relationship): string {
  return (
    `<Relationship Id="${xmlEscape(r.id)}" Type="${xmlEscape(r.type)}" Target="${xmlEscape(r.target)}"` +
    (r.external ? ` TargetMode="External"` : "") +
    "/>"
  );
}

export function emptyRelationships(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** Insert `fragment` before the closing tag of the root `local` element. */
export function appendToRoot(xml: string, local: string, fragment: string): string {
  const re = new RegExp(`</(?:[\\w.-]+:)?${local}>\\s*$`);
  const m = re.exec(xml);
  if (m) return xml.slice(0, m.index) + fragment + xml.slice(m.index);
  // an empty root written as <Relationships .../>
  const selfClosing = new RegExp(`<((?:[\\w.-]+:)?${local})(\\b[^>]*?)\\s*/>`);
  const s = selfClosing.exec(xml);
  if (!s) throw new Error(`no <${local}> root`);
  return xml.slice(0, s.index) + `<${s[1]}${s[2]}>${fragment}</${s[1]}>` + xml.slice(s.index + s[0].length);
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels" ("" → "_rels/.rels"). */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function normalize(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

/** The part a relationship of `source` points at ("" source = the package root). */
export function resolveTarget(source: string, target: string): string {
  const t = target.split("#")[0]!;
  if (t.startsWith("/")) return normalize(t.slice(1).split("/"));
  const dir = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
  return normalize([...dir.split("/"), ...t.split("/")]);
}

/** Target of a relationship from `source` to `part`, relative like Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  const from = source.includes("/") ? source.slice(0, source.lastIndexOf("/")).split("/") : [];
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g))
    defaults.set((attr(m[0], "Extension") ?? "").toLowerCase(), attr(m[0], "ContentType") ?? "");
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g))
    overrides.set((attr(m[0], "PartName") ?? "").replace(/^\//, "").toLowerCase(), attr(m[0], "ContentType") ?? "");
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | null {
  const o = ct.overrides.get(part.toLowerCase());
  if (o) return o;
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  return ct.defaults.get(ext) ?? null;
}

/** Remove the Override elements of the given parts. */
export function removeOverrides(xml: string, parts: Set<string>): string {
  return xml.replace(/<(?:[\w.-]+:)?Override\b[^>]*>(?:\s*<\/(?:[\w.-]+:)?Override>)?/g, (tag) => {
    const name = (attr(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase();
    return parts.has(name) ? "" : tag;
  });
}

export function overrideXml(part: string, type: string): string {
  return `<Override PartName="/${xmlEscape(part)}" ContentType="${xmlEscape(type)}"/>`;
}

export function defaultXml(ext: string, type: string): string {
  return `<Default Extension="${xmlEscape(ext)}" ContentType="${xmlEscape(type)}"/>`;
}
