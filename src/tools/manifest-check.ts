/**
 * Offline checks of manifest.xml: XSD validation with xmllint-wasm (the schemas
 * live in ../shared/schemas/office-addin-manifest, or PR_SCHEMA_DIR), the icon
 * files the manifest points at (present in assets/, PNG, right pixel size), and
 * a small read-out of what an administrator looks at (requirement sets,
 * buttons, string resources and their overrides).
 *
 * Used by scripts/validate-manifest.mjs (`npm run validate`) and by
 * test/unit/manifest/manifest.test.ts. Node only; never bundled.
 */
import fs from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

export const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

// ---- locations -------------------------------------------------------------

/** `<repo>/../shared/schemas/office-addin-manifest`, or PR_SCHEMA_DIR when set. */
export function resolveSchemaDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PR_SCHEMA_DIR;
  if (override && override.trim() !== "") return path.resolve(override);
  return path.resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");
}

// ---- XSD validation ----------------------------------------------------------

export interface SchemaResult {
  valid: boolean;
  /** One line per problem, "manifest.xml:12: message". */
  errors: string[];
}

export async function validateAgainstSchemas(
  xml: string,
  schemaDir: string,
  fileName = "manifest.xml",
): Promise<SchemaResult> {
  if (!fs.existsSync(path.join(schemaDir, MAIN_SCHEMA))) {
    throw new Error(`Schema ${MAIN_SCHEMA} not found in ${schemaDir} (set PR_SCHEMA_DIR to the schema folder)`);
  }
  const xsdFiles = fs
    .readdirSync(schemaDir)
    .filter((name) => name.toLowerCase().endsWith(".xsd"))
    .sort();
  const read = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(schemaDir, name), "utf8") });
  // The main schema imports the others by relative file name; every .xsd of the
  // folder goes into xmllint's in-memory file system so those imports resolve.
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: read(MAIN_SCHEMA),
    preload: xsdFiles.filter((name) => name !== MAIN_SCHEMA).map(read),
    modifyArguments: (args) => ["--nonet", ...args],
  });
  const errors = result.errors.map((e) => (e.loc ? `${e.loc.fileName}:${e.loc.lineNumber}: ${e.message}` : e.message));
  if (!result.valid && errors.length === 0) errors.push(result.rawOutput.trim() || `${fileName} fails validation`);
  return { valid: result.valid, errors };
}

// ---- a minimal XML reader (enough for a schema-valid manifest) -------------

export interface XmlElement {
  /** Name without namespace prefix ("Image" for bt:Image). */
  name: string;
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, ent: string) => {
    if (ent[0] === "#") {
      return String.fromCodePoint(ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[ent] as string;
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", qname: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (!m) throw new Error(`XML: cannot read at offset ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [, cdata, closing, qname, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      current.text += decodeEntities(text);
    } else if (cdata !== undefined) {
      current.text += cdata;
    } else if (qname !== undefined) {
      if (closing) {
        if (current.qname !== qname) throw new Error(`XML: </${qname}> closes <${current.qname}>`);
        current = current.parent ?? root;
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? "").matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? "");
      }
      const el: XmlElement = { name: qname.replace(/^.*:/, ""), qname, attrs, children: [], text: "", parent: current };
      current.children.push(el);
      if (!selfClosing) current = el;
    }
    // comments, processing instructions and DOCTYPE are skipped
  }
  if (current !== root) throw new Error(`XML: <${current.qname}> is not closed`);
  return root;
}

export function descendants(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (name === undefined || c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** The xsi:type attribute (whatever the prefix), without a prefix of its own. */
export function xsiType(el: XmlElement): string | undefined {
  const key = Object.keys(el.attrs).find((k) => k === "xsi:type" || k.endsWith(":type"));
  return key ? el.attrs[key].replace(/^.*:/, "") : undefined;
}

// ---- what the manifest says ------------------------------------------------

export interface RequirementSet {
  name: string;
  minVersion: string;
}

export interface ButtonInfo {
  id: string;
  labelResid: string | undefined;
  action: string | undefined;
  functionName?: string;
  taskpaneId?: string;
  sourceResid?: string;
}

export interface ResourceInfo {
  kind: "Image" | "Url" | "ShortString" | "LongString";
  id: string;
  defaultValue: string;
  overrides: { locale: string; value: string }[];
}

export interface ManifestInfo {
  id: string;
  version: string;
  defaultLocale: string;
  hosts: string[];
  permissions: string;
  sourceLocation: string;
  requirementSets: RequirementSet[];
  /** Overrides (locale → value) on the top-level DisplayName / Description. */
  displayName: { defaultValue: string; overrides: Record<string, string> };
  description: { defaultValue: string; overrides: Record<string, string> };
  functionFileResid: string | undefined;
  buttons: ButtonInfo[];
  resources: ResourceInfo[];
  /** Every resid="…" in the document, with the element that carries it. */
  resourceReferences: { element: string; resid: string }[];
}

function localeSetting(el: XmlElement | undefined) {
  const overrides: Record<string, string> = {};
  for (const o of el?.children.filter((c) => c.name === "Override") ?? []) overrides[o.attrs.Locale] = o.attrs.Value;
  return { defaultValue: el?.attrs.DefaultValue ?? "", overrides };
}

export function readManifest(xml: string): ManifestInfo {
  const doc = parseXml(xml);
  const app = child(doc, "OfficeApp");
  if (!app) throw new Error("manifest: no <OfficeApp> root element");
  const versionOverrides = child(app, "VersionOverrides");

  const requirementSets: RequirementSet[] = [];
  const sets = child(child(app, "Requirements") ?? app, "Sets");
  for (const s of sets?.children.filter((c) => c.name === "Set") ?? []) {
    requirementSets.push({
      name: s.attrs.Name,
      minVersion: s.attrs.MinVersion ?? sets?.attrs.DefaultMinVersion ?? "1.1",
    });
  }

  const buttons: ButtonInfo[] = [];
  for (const control of versionOverrides ? descendants(versionOverrides, "Control") : []) {
    if (xsiType(control) !== "Button") continue;
    const action = child(control, "Action");
    buttons.push({
      id: control.attrs.id,
      labelResid: child(control, "Label")?.attrs.resid,
      action: action ? xsiType(action) : undefined,
      functionName: action && child(action, "FunctionName")?.text.trim(),
      taskpaneId: action && child(action, "TaskpaneId")?.text.trim(),
      sourceResid: action && child(action, "SourceLocation")?.attrs.resid,
    });
  }

  const resources: ResourceInfo[] = [];
  const res = versionOverrides && child(versionOverrides, "Resources");
  const groups: [string, ResourceInfo["kind"]][] = [
    ["Images", "Image"],
    ["Urls", "Url"],
    ["ShortStrings", "ShortString"],
    ["LongStrings", "LongString"],
  ];
  for (const [groupName, kind] of groups) {
    for (const r of (res && child(res, groupName)?.children) ?? []) {
      resources.push({
        kind,
        id: r.attrs.id,
        defaultValue: r.attrs.DefaultValue,
        overrides: r.children
          .filter((c) => c.name === "Override")
          .map((o) => ({ locale: o.attrs.Locale, value: o.attrs.Value })),
      });
    }
  }

  const resourceReferences = descendants(app)
    .filter((e) => e.attrs.resid !== undefined)
    .map((e) => ({ element: e.name, resid: e.attrs.resid }));

  const formFactor = versionOverrides && descendants(versionOverrides, "DesktopFormFactor")[0];
  return {
    id: child(app, "Id")?.text.trim() ?? "",
    version: child(app, "Version")?.text.trim() ?? "",
    defaultLocale: child(app, "DefaultLocale")?.text.trim() ?? "",
    hosts: (child(app, "Hosts")?.children ?? []).map((h) => h.attrs.Name),
    permissions: child(app, "Permissions")?.text.trim() ?? "",
    sourceLocation: child(app, "DefaultSettings")?.children[0]?.attrs.DefaultValue ?? "",
    requirementSets,
    displayName: localeSetting(child(app, "DisplayName")),
    description: localeSetting(child(app, "Description")),
    functionFileResid: formFactor ? child(formFactor, "FunctionFile")?.attrs.resid : undefined,
    buttons,
    resources,
    resourceReferences,
  };
}

// ---- icons -------------------------------------------------------------------

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface IconCheck {
  url: string;
  file: string | null;
  expectedSize: number | null;
  actual: { width: number; height: number } | null;
  /** Where the manifest asks for this URL, e.g. "IconUrl", "Icon.16x16 (size 16)". */
  usedBy: string[];
  problems: string[];
}

/**
 * Every icon URL in the manifest (IconUrl 32 px, HighResolutionIconUrl 64 px,
 * bt:Image resources at the size their references give, or else the size in
 * their id / file name) must be a file in assets/ of exactly that size.
 */
export function checkIcons(xml: string, repoRoot: string): IconCheck[] {
  const doc = parseXml(xml);
  const app = child(doc, "OfficeApp");
  if (!app) throw new Error("manifest: no <OfficeApp> root element");
  const wanted = new Map<string, { sizes: Set<number>; usedBy: string[] }>();
  const want = (url: string | undefined, size: number | null, usedBy: string) => {
    if (!url) return;
    const entry = wanted.get(url) ?? { sizes: new Set<number>(), usedBy: [] };
    if (size !== null) entry.sizes.add(size);
    entry.usedBy.push(usedBy);
    wanted.set(url, entry);
  };
  const urlsOf = (el: XmlElement) => [
    el.attrs.DefaultValue,
    ...el.children.filter((c) => c.name === "Override").map((o) => o.attrs.Value),
  ];

  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const el = child(app, name);
    if (el) for (const url of urlsOf(el)) want(url, size, name);
  }

  const refSizes = new Map<string, Set<number>>();
  for (const icon of descendants(app, "Icon")) {
    for (const img of icon.children.filter((c) => c.name === "Image")) {
      const set = refSizes.get(img.attrs.resid) ?? new Set<number>();
      set.add(Number(img.attrs.size));
      refSizes.set(img.attrs.resid, set);
    }
  }
  const imagesGroup = descendants(app, "Images")[0];
  for (const img of imagesGroup?.children.filter((c) => c.name === "Image") ?? []) {
    const referenced = refSizes.get(img.attrs.id);
    for (const url of urlsOf(img)) {
      if (referenced) {
        for (const size of referenced) want(url, size, `${img.attrs.id} (size ${size})`);
      } else {
        const fromName = /(\d+)x\1$/.exec(img.attrs.id) ?? /-(\d+)\.png$/i.exec(url ?? "");
        want(url, fromName ? Number(fromName[1]) : null, `${img.attrs.id} (not referenced)`);
      }
    }
  }
  for (const [resid] of refSizes) {
    if (!imagesGroup?.children.some((c) => c.attrs.id === resid)) {
      want(`resid:${resid}`, null, `Icon reference ${resid}`);
    }
  }

  const checks: IconCheck[] = [];
  for (const [url, { sizes, usedBy }] of wanted) {
    const problems: string[] = [];
    let file: string | null = null;
    let actual: IconCheck["actual"] = null;
    const expectedSize = sizes.size === 1 ? [...sizes][0] : null;
    if (sizes.size > 1) problems.push(`asked for at several sizes: ${[...sizes].join(", ")}`);
    if (url.startsWith("resid:")) {
      problems.push("no bt:Image resource with this id");
    } else {
      let pathname: string | null = null;
      try {
        pathname = decodeURIComponent(new URL(url).pathname);
      } catch {
        problems.push("not an absolute URL");
      }
      if (pathname !== null) {
        if (!pathname.startsWith("/assets/")) {
          problems.push("not under /assets/ (webpack copies assets/ to dist/assets/)");
        } else {
          file = path.join(repoRoot, "assets", ...pathname.slice("/assets/".length).split("/"));
          if (!fs.existsSync(file)) {
            problems.push(`missing file ${path.relative(repoRoot, file)}`);
          } else {
            actual = readPngSize(fs.readFileSync(file));
            if (!actual) problems.push(`${path.relative(repoRoot, file)} is not a PNG`);
            else if (expectedSize !== null && (actual.width !== expectedSize || actual.height !== expectedSize)) {
              problems.push(`is ${actual.width}x${actual.height}, expected ${expectedSize}x${expectedSize}`);
            }
          }
        }
      }
    }
    checks.push({ url, file, expectedSize, actual, usedBy, problems });
  }
  return checks;
}

// ---- everything at once ----------------------------------------------------

export interface ManifestReport {
  manifestPath: string;
  schemaDir: string;
  schema: SchemaResult;
  icons: IconCheck[];
  ok: boolean;
}

export async function checkManifest(options: {
  repoRoot: string;
  manifestPath?: string;
  schemaDir?: string;
}): Promise<ManifestReport> {
  const manifestPath = options.manifestPath ?? path.join(options.repoRoot, "manifest.xml");
  const schemaDir = options.schemaDir ?? resolveSchemaDir(options.repoRoot);
  const xml = fs.readFileSync(manifestPath, "utf8");
  const schema = await validateAgainstSchemas(xml, schemaDir, path.basename(manifestPath));
  let icons: IconCheck[];
  try {
    icons = checkIcons(xml, options.repoRoot);
  } catch (e) {
    icons = [
      {
        url: "(manifest)",
        file: null,
        expectedSize: null,
        actual: null,
        usedBy: [],
        problems: [(e as Error).message],
      },
    ];
  }
  const ok = schema.valid && icons.every((c) => c.problems.length === 0);
  return { manifestPath, schemaDir, schema, icons, ok };
}
