/**
 * manifest.xml, checked offline the way `npm run validate` does (same module),
 * plus what an administrator deploying the add-in looks at.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  checkIcons,
  checkManifest,
  readManifest,
  readPngSize,
  resolveSchemaDir,
  validateAgainstSchemas,
  type ManifestInfo,
} from "../../../src/tools/manifest-check";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const manifestPath = path.join(repoRoot, "manifest.xml");
const schemaDir = resolveSchemaDir(repoRoot);
const xml = fs.readFileSync(manifestPath, "utf8");

let info: ManifestInfo;
beforeAll(() => {
  info = readManifest(xml);
});

describe("schema validation (xmllint-wasm, offline)", () => {
  test("the schemas are where CI puts them (../shared or PR_SCHEMA_DIR)", () => {
    expect(fs.existsSync(path.join(schemaDir, "OfficeAppManifestV1_1.xsd"))).toBe(true);
    expect(fs.existsSync(path.join(schemaDir, "TaskPaneAppVersionOverridesV1_0.xsd"))).toBe(true);
  });

  test("PR_SCHEMA_DIR overrides the schema folder", () => {
    expect(resolveSchemaDir(repoRoot, { PR_SCHEMA_DIR: "/somewhere/else" })).toBe(path.resolve("/somewhere/else"));
    expect(resolveSchemaDir("/r/main", {})).toBe(path.resolve("/r/shared/schemas/office-addin-manifest"));
  });

  test("manifest.xml is valid against OfficeAppManifestV1_1.xsd", async () => {
    const result = await validateAgainstSchemas(xml, schemaDir);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test("checkManifest (what `npm run validate` runs) passes", async () => {
    const report = await checkManifest({ repoRoot, manifestPath, schemaDir });
    expect(report.icons.flatMap((c) => c.problems)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  test("elements out of order fail validation", async () => {
    // <Version> must come before <ProviderName>.
    const swapped = xml.replace(
      /(\s*<Version>[^<]*<\/Version>)(\s*<ProviderName>[^<]*<\/ProviderName>)/,
      (_m, version: string, provider: string) => provider + version,
    );
    expect(swapped).not.toBe(xml);
    const result = await validateAgainstSchemas(swapped, schemaDir);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/ProviderName/);
  });

  test("Requirements after DefaultSettings fails validation", async () => {
    const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)?.[0];
    expect(requirements).toBeDefined();
    const moved = xml
      .replace(requirements as string, "")
      .replace(/(<\/DefaultSettings>)/, `$1${requirements as string}`);
    const result = await validateAgainstSchemas(moved, schemaDir);
    expect(result.valid).toBe(false);
  });

  test("a button without its Supertip fails validation", async () => {
    const broken = xml.replace(/<Supertip>[\s\S]*?<\/Supertip>/, "");
    const result = await validateAgainstSchemas(broken, schemaDir);
    expect(result.valid).toBe(false);
  });
});

describe("what an administrator checks", () => {
  test("Excel task pane add-in with read/write access", () => {
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(info.version).toBe("1.0.0.0");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.sourceLocation).toMatch(/^https:\/\/.+\/taskpane\.html$/);
  });

  test("requires ExcelApi 1.7 (Office 2019 and later), nothing newer", () => {
    expect(info.requirementSets).toEqual([{ name: "ExcelApi", minVersion: "1.7" }]);
  });

  test("Japanese first, with English overrides on the name and description", () => {
    expect(info.defaultLocale).toBe("ja-JP");
    expect(info.displayName.defaultValue).toContain("進捗評価");
    expect(info.displayName.overrides["en-us"]).toBe("Progress Review");
    expect(info.description.overrides["en-us"]).toBeTruthy();
  });

  test("a button that opens the task pane", () => {
    const show = info.buttons.filter((b) => b.action === "ShowTaskpane");
    expect(show).toHaveLength(1);
    expect(show[0].taskpaneId).toBe("ButtonId1");
    const url = info.resources.find((r) => r.kind === "Url" && r.id === show[0].sourceResid);
    expect(url?.defaultValue).toMatch(/\/taskpane\.html$/);
  });

  test('a "Recompute summary" button that runs recomputeSummary from commands.html', () => {
    const run = info.buttons.filter((b) => b.action === "ExecuteFunction");
    expect(run).toHaveLength(1);
    expect(run[0].functionName).toBe("recomputeSummary");
    const label = info.resources.find((r) => r.id === run[0].labelResid);
    expect(label?.defaultValue).toBe("集計を更新");
    expect(label?.overrides).toEqual([{ locale: "en-us", value: "Recompute summary" }]);
    const functionFile = info.resources.find((r) => r.kind === "Url" && r.id === info.functionFileResid);
    expect(functionFile?.defaultValue).toMatch(/\/commands\.html$/);
  });

  test("the function name is one that src/commands registers", () => {
    const commands = fs.readFileSync(path.join(repoRoot, "src", "commands", "commands.ts"), "utf8");
    expect(commands).toMatch(/Office\.actions\.associate\(/);
    expect(commands).toMatch(/["']recomputeSummary["']/);
  });

  test("every string resource has an en-us override", () => {
    const strings = info.resources.filter((r) => r.kind === "ShortString" || r.kind === "LongString");
    expect(strings.length).toBeGreaterThanOrEqual(4);
    const missing = strings.filter((r) => !r.overrides.some((o) => o.locale.toLowerCase() === "en-us" && o.value));
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  test("every resid points at a resource, and resource ids are unique", () => {
    const ids = info.resources.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dangling = info.resourceReferences.filter((ref) => !ids.includes(ref.resid));
    expect(dangling).toEqual([]);
  });

  test("icons exist in assets/ at the sizes the manifest asks for", () => {
    const icons = checkIcons(xml, repoRoot);
    expect(icons.flatMap((c) => c.problems.map((p) => `${c.url}: ${p}`))).toEqual([]);
    const sizes = icons.map((c) => c.expectedSize).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(sizes).toEqual([16, 32, 64, 80, 128]);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(repoRoot, "assets", `icon-${size}.png`));
      expect(readPngSize(png)).toEqual({ width: size, height: size });
    }
  });
});

describe("icon check catches mistakes", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-manifest-"));
    fs.mkdirSync(path.join(tmp, "assets"));
    for (const size of [16, 32, 64, 80, 128]) {
      fs.copyFileSync(path.join(repoRoot, "assets", `icon-${size}.png`), path.join(tmp, "assets", `icon-${size}.png`));
    }
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("a missing icon file", () => {
    fs.rmSync(path.join(tmp, "assets", "icon-80.png"));
    const problems = checkIcons(xml, tmp).flatMap((c) => c.problems);
    expect(problems.join("\n")).toMatch(/missing file assets[\\/]icon-80\.png/);
  });

  test("an icon of the wrong size", () => {
    fs.copyFileSync(path.join(tmp, "assets", "icon-32.png"), path.join(tmp, "assets", "icon-16.png"));
    const problems = checkIcons(xml, tmp).flatMap((c) => c.problems);
    expect(problems).toContain("is 32x32, expected 16x16");
  });

  test("a file that is not a PNG", () => {
    fs.writeFileSync(path.join(tmp, "assets", "icon-64.png"), "GIF89a not a png");
    const problems = checkIcons(xml, tmp).flatMap((c) => c.problems);
    expect(problems.join("\n")).toMatch(/icon-64\.png is not a PNG/);
  });

  test("an Icon that references an image resource that does not exist", () => {
    const broken = xml.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.80x81"/>');
    const problems = checkIcons(broken, tmp).flatMap((c) => c.problems);
    expect(problems).toContain("no bt:Image resource with this id");
  });
});
