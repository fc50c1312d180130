/**
 * The manifest as Microsoft's tools and an administrator see it: read by
 * office-addin-manifest (offline: its reader and `office-addin-manifest info`),
 * rewritten for a deployment server with ADDIN_URL (every URL, AppDomains
 * included, still valid against the schema), and pointing its SupportUrl and
 * LearnMoreUrl at the help page that ships in dist/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readManifest, resolveSchemaDir, validateAgainstSchemas } from "../../../src/tools/manifest-check";

// CommonJS module shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestUrls } = require("../../../scripts/manifest-url.js") as {
  rewriteManifestUrls(xml: string, addinUrl: string): string;
};

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const manifestPath = path.join(repoRoot, "manifest.xml");
const xml = fs.readFileSync(manifestPath, "utf8");
const DEPLOY = "https://addins.city.example.lg.jp/progress-review/";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-manifest-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface OfficeManifestInfo {
  id?: string;
  officeAppType?: string;
  hosts?: string[];
  appDomains?: string[];
  supportUrl?: string;
  defaultSettings?: { sourceLocation?: string };
}

/**
 * office-addin-manifest's own reader (OfficeAddinManifest.readManifestFile). It is run in a
 * child node: one of its dependencies is ESM-only, which jest's CommonJS runtime cannot load.
 */
function readWithOfficeTool(file: string): OfficeManifestInfo {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e.message); process.exit(1); })";
  const r = spawnSync(process.execPath, ["-e", script, file], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`office-addin-manifest could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as OfficeManifestInfo;
}

/** Every http(s) URL in the manifest's attributes and element texts (comments left out). */
function urls(text: string): string[] {
  return [...text.replace(/<!--[\s\S]*?-->/g, "").matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

describe("office-addin-manifest reads the manifest (offline)", () => {
  test("its reader sees the id, the pages, the app domain and the help page", () => {
    const info = readWithOfficeTool(manifestPath);
    expect(info.id).toBe(readManifest(xml).id);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    expect(info.appDomains).toEqual(["https://localhost:3000"]);
    expect(info.supportUrl).toBe("https://localhost:3000/help.html");
  });

  test("`office-addin-manifest info manifest.xml` runs without a network", () => {
    const cli = require.resolve("office-addin-manifest/cli.js");
    const r = spawnSync(process.execPath, [cli, "info", manifestPath], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Support Url: https://localhost:3000/help.html");
    expect(r.stdout).toContain("Source Location: https://localhost:3000/taskpane.html");
  });
});

describe("ADDIN_URL (deployment build)", () => {
  test("every URL moves to the deployment server; the app domain is its origin; still schema-valid", async () => {
    const out = rewriteManifestUrls(xml, DEPLOY);
    const found = urls(out).filter(
      (u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"),
    );
    expect(found.length).toBeGreaterThanOrEqual(urls(xml).filter((u) => u.includes("localhost")).length);
    for (const u of found) expect(u === "https://addins.city.example.lg.jp" || u.startsWith(DEPLOY)).toBe(true);
    expect(out).not.toMatch(/localhost/);
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, out);
    const info = readWithOfficeTool(file);
    expect(info.appDomains).toEqual(["https://addins.city.example.lg.jp"]);
    expect(info.supportUrl).toBe(`${DEPLOY}help.html`);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEPLOY}taskpane.html`);
    const schema = await validateAgainstSchemas(out, resolveSchemaDir(repoRoot));
    expect(schema.errors).toEqual([]);
  });

  test("a base without the trailing slash means the same folder", () => {
    expect(rewriteManifestUrls(xml, DEPLOY.slice(0, -1))).toBe(rewriteManifestUrls(xml, DEPLOY));
  });

  test("http, relative or query-carrying URLs are refused (Office loads add-ins over https only)", () => {
    expect(() => rewriteManifestUrls(xml, "http://addins.example.jp/")).toThrow(/https/);
    expect(() => rewriteManifestUrls(xml, "addins/")).toThrow(/absolute/);
    expect(() => rewriteManifestUrls(xml, "https://addins.example.jp/?v=1")).toThrow(/query/);
  });
});

describe("help page", () => {
  test("SupportUrl and LearnMoreUrl open the shipped help page, in English for en-us", () => {
    const info = readManifest(xml);
    const learnMore = info.resources.find((r) => r.id === "GetStarted.LearnMoreUrl")!;
    expect(learnMore.defaultValue).toBe("https://localhost:3000/help.html");
    expect(learnMore.overrides).toEqual([{ locale: "en-us", value: "https://localhost:3000/help.html#en" }]);
    expect(xml).toMatch(
      /<SupportUrl DefaultValue="https:\/\/localhost:3000\/help\.html">\s*<Override Locale="en-us" Value="https:\/\/localhost:3000\/help\.html#en"\/>/,
    );
    const help = fs.readFileSync(path.join(repoRoot, "src", "help", "help.html"), "utf8");
    // What the page must answer, in both languages.
    for (const id of [
      "ja-what",
      "ja-grades",
      "ja-recompute",
      "ja-correct",
      "en-what",
      "en-grades",
      "en-recompute",
      "en-correct",
    ])
      expect(help).toContain(`id="${id}"`);
    expect(help).toContain('<section id="en" lang="en">');
  });
});
