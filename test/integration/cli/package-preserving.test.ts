/**
 * Nothing lost: the command's output is the user's package with every part
 * as it was, plus our sheets. The input is built part by part
 * (test/helpers/feature-workbook.ts) with the features ExcelJS does not model.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Zip, ZipPassThrough, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/main";
import { featureWorkbook, featureWorkbookParts } from "../../helpers/feature-workbook";
import { expectConsistent } from "../../helpers/package-checks";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-pkg-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: () => undefined });
  return { code, stderr };
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const unzip = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]!);

/** Parts the writer edits to register our sheets; every other original part must be byte-identical. */
const EDITED = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "docProps/app.xml",
  "xl/styles.xml",
]);

describe("a workbook with charts, shapes, pivots, external links, sparklines, furigana, protection, custom properties", () => {
  const original = featureWorkbookParts();
  let out1: string;
  let parts1: Record<string, Uint8Array>;

  beforeAll(async () => {
    const input = write("features.xlsx", featureWorkbook());
    out1 = path.join(tmp, "features-out.xlsx");
    const r = await run("summarize", input, "--out", out1);
    expect(r.stderr).toContain("完了");
    expect(r.code).toBe(0);
    parts1 = unzip(out1);
  });

  it("is a consistent package: every relationship resolves, every part has a content type", () => {
    expectConsistent(parts1);
  });

  it("keeps every original part byte for byte", () => {
    for (const [name, bytes] of Object.entries(original)) {
      if (EDITED.has(name)) continue;
      expect({ name, same: Buffer.compare(Buffer.from(parts1[name] ?? []), Buffer.from(bytes)) === 0 }).toEqual({
        name,
        same: true,
      });
    }
  });

  it("only adds to the parts it edits: every original element is still there, unchanged", () => {
    const wb = text(parts1, "xl/workbook.xml");
    for (const el of [
      /<workbookProtection [^>]*\/>/,
      /<externalReferences>.*?<\/externalReferences>/,
      /<pivotCaches>.*?<\/pivotCaches>/,
      /<definedName name="外部参照">.*?<\/definedName>/,
      /<definedName name="_xlnm.Print_Area" localSheetId="0">.*?<\/definedName>/,
      /<bookViews>.*?<\/bookViews>/,
      /<sheet name="データ" sheetId="1" r:id="rId1"\/>/,
      /<sheet name="ピボット" sheetId="2" r:id="rId2"\/>/,
    ])
      expect(wb).toContain(el.exec(text(original, "xl/workbook.xml"))![0]);
    for (const name of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) {
      const before = text(original, name).match(/<(Relationship|Override|Default) [^>]*\/>/g)!;
      const after = text(parts1, name);
      for (const el of before) expect(after).toContain(el);
    }
    const styles = text(parts1, "xl/styles.xml");
    for (const el of text(original, "xl/styles.xml").match(
      /<font>.*?<\/font>|<xf [^>]*>.*?<\/xf>|<cellStyle [^>]*\/>/g,
    )!)
      expect(styles).toContain(el);
    const app = text(parts1, "docProps/app.xml");
    expect(app).toContain("<vt:lpstr>名前付き一覧</vt:lpstr>");
    expect(app).toContain("<vt:lpstr>データ!Print_Area</vt:lpstr>");
    expect(app).toContain("<vt:lpstr>評価集計</vt:lpstr>");
  });

  it("adds the generated sheets, readable, with the user's sheets first and unchanged", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out1) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names.slice(0, 2)).toEqual(["データ", "ピボット"]);
    expect(names).toEqual(expect.arrayContaining(["評価集計", "評価一覧"]));
    expect(wb.getWorksheet("データ")!.getCell("B4").value).toBe("電子申請システム");
    expect(wb.getWorksheet("データ")!.getCell("F10").formula).toBe("[1]Sheet1!$A$1");
    // the list links back to the source rows and shows the self grades
    const list = wb.getWorksheet("評価一覧")!;
    const values = JSON.stringify(list.getSheetValues());
    expect(values).toContain("電子申請システム");
    expect(values).toContain("財務会計システム");
  });

  /** The chart parts reached from a sheet of the package (sheet → drawing → charts). */
  function chartsOfSheet(parts: Record<string, Uint8Array>, sheetName: string): string[] {
    const wb = text(parts, "xl/workbook.xml");
    const rid = new RegExp(`<sheet name="${sheetName}" [^>]*r:id="([^"]+)"`).exec(wb)![1]!;
    const sheetTarget = new RegExp(`Id="${rid}" [^>]*Target="([^"]+)"`).exec(
      text(parts, "xl/_rels/workbook.xml.rels"),
    )![1]!;
    const sheet = `xl/${sheetTarget.replace(/^\/?xl\//, "")}`;
    const sheetRels = text(parts, sheet.replace(/([^/]+)$/, "_rels/$1.rels"));
    const drawings = [...sheetRels.matchAll(/Type="[^"]*\/drawing" Target="\.\.\/drawings\/([^"]+)"/g)].map(
      (m) => `xl/drawings/${m[1]}`,
    );
    expect(drawings).toHaveLength(1);
    expect(text(parts, sheet)).toMatch(/<drawing r:id="[^"]+"\/>/);
    return [
      ...text(parts, drawings[0]!.replace(/([^/]+)$/, "_rels/$1.rels")).matchAll(/Target="\.\.\/charts\/([^"]+)"/g),
    ].map((m) => `xl/charts/${m[1]}`);
  }

  it("draws 評価集計's pie and bar charts natively, from its own cells, beside the user's untouched chart", () => {
    const charts = chartsOfSheet(parts1, "評価集計");
    expect(charts).toHaveLength(2);
    const xml = charts.map((c) => text(parts1, c));
    expect(xml.some((x) => x.includes("<c:pieChart>"))).toBe(true);
    expect(xml.some((x) => x.includes("<c:barChart>"))).toBe(true);
    for (const x of xml) expect(x).toMatch(/<c:f>'評価集計'!\$[A-Z]+\$\d+/);
    expect(charts).not.toContain("xl/charts/chart1.xml"); // the user's
    for (const userPart of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"])
      expect(Buffer.compare(Buffer.from(parts1[userPart]!), Buffer.from(original[userPart]!))).toBe(0);
  });

  it("a re-run replaces only its own parts", async () => {
    const out2 = path.join(tmp, "features-out2.xlsx");
    const r = await run("summarize", out1, "--out", out2);
    expect(r.code).toBe(0);
    const parts2 = unzip(out2);
    expect(Object.keys(parts2).sort()).toEqual(Object.keys(parts1).sort());
    const wb1 = text(parts1, "xl/workbook.xml");
    // our sheets are the ones whose parts were added by the first run
    const ours = Object.keys(parts1).filter((n) => !(n in original));
    const changed = Object.keys(parts1).filter(
      (n) => Buffer.compare(Buffer.from(parts1[n]!), Buffer.from(parts2[n]!)) !== 0,
    );
    for (const n of changed) expect(ours).toContain(n);
    expect(text(parts2, "xl/workbook.xml")).toBe(wb1);
    expect(text(parts2, "xl/styles.xml")).toBe(text(parts1, "xl/styles.xml"));
    // our charts replaced, not duplicated; the user's chart and drawing byte for byte
    expect(chartsOfSheet(parts2, "評価集計")).toHaveLength(2);
    expect(Object.keys(parts2).filter((n) => /^xl\/charts\/[^/]+\.xml$/.test(n))).toHaveLength(3);
    for (const userPart of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"])
      expect(Buffer.compare(Buffer.from(parts2[userPart]!), Buffer.from(original[userPart]!))).toBe(0);
    expectConsistent(parts2);
  });
});

describe("macro-enabled workbooks", () => {
  it("keep their macros in an .xlsm output", async () => {
    const original = featureWorkbookParts({ macros: true });
    const input = write("macros.xlsm", featureWorkbook({ macros: true }));
    const out = path.join(tmp, "macros-out.xlsm");
    const r = await run("summarize", input, "--out", out);
    expect(r.code).toBe(0);
    const parts = unzip(out);
    expect(Buffer.compare(Buffer.from(parts["xl/vbaProject.bin"]!), Buffer.from(original["xl/vbaProject.bin"]!))).toBe(
      0,
    );
    expect(text(parts, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(text(parts, "xl/_rels/workbook.xml.rels")).toContain("vbaProject.bin");
  });

  it("refuse an .xlsx --out (the macros would be lost) with exit 2 and nothing written", async () => {
    const input = write("macros2.xlsm", featureWorkbook({ macros: true }));
    const out = path.join(tmp, "macros-out.xlsx");
    const r = await run("summarize", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/マクロ.*\.xlsm/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an .xlsm --out for a workbook without macros is refused too (Excel would not open it)", async () => {
    const input = write("plain.xlsx", featureWorkbook());
    const r = await run("summarize", input, "--out", path.join(tmp, "plain-out.xlsm"));
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(tmp, "plain-out.xlsm"))).toBe(false);
  });
});

describe("ambiguous or oversized packages", () => {
  it("a package with the same part twice is refused (exit 2), not read as its last copy", async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, bytes] of Object.entries(featureWorkbookParts())) {
      const f = new ZipPassThrough(name);
      zip.add(f);
      f.push(bytes, true);
    }
    const dup = new ZipPassThrough("xl/worksheets/sheet1.xml");
    zip.add(dup);
    dup.push(strToU8("<worksheet/>"), true);
    zip.end();
    const input = write("duplicate.xlsx", Buffer.concat(chunks));
    const out = path.join(tmp, "duplicate-out.xlsx");
    const r = await run("summarize", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("xl/worksheets/sheet1.xml");
    expect(r.stderr).toMatch(/2つ|twice/);
    expect(fs.existsSync(out)).toBe(false);
  });

  /** The feature workbook, deflated, with one part's declared inflated size in the central directory changed. */
  function withDeclaredSize(part: string, size: (actual: number) => number): Buffer {
    const bytes = Buffer.from(zipSync(featureWorkbookParts(), { level: 6 }));
    const name = Buffer.from(part);
    const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    let at = bytes.indexOf(sig);
    while (at >= 0 && bytes.subarray(at + 46, at + 46 + name.length).compare(name) !== 0)
      at = bytes.indexOf(sig, at + 4);
    expect(at).toBeGreaterThan(0);
    bytes.writeUInt32LE(size(bytes.readUInt32LE(at + 24)), at + 24);
    return bytes;
  }

  it("a part that declares a huge inflated size is refused from the directory alone (exit 2, one line)", async () => {
    const input = write(
      "declares-too-much.xlsx",
      withDeclaredSize("xl/sharedStrings.xml", () => 3 * 1024 * 1024 * 1024),
    );
    const out = path.join(tmp, "bomb-out.xlsx");
    const r = await run("summarize", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("xl/sharedStrings.xml");
    expect(r.stderr).toContain("3.0 GiB");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a part that inflates to more than it declares is refused while inflating (exit 2)", async () => {
    const input = write(
      "inflates-more.xlsx",
      withDeclaredSize("xl/worksheets/sheet1.xml", (n) => Math.floor(n / 4)),
    );
    const out = path.join(tmp, "lying-out.xlsx");
    const r = await run("summarize", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("xl/worksheets/sheet1.xml");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("consolidating several workbooks", () => {
  it("keeps the first package whole, copies the others' sheets and names each thing it cannot carry", async () => {
    const first = featureWorkbookParts();
    const a = write("dept-a.xlsx", featureWorkbook());
    const b = write("dept-b.xlsm", featureWorkbook({ macros: true }));
    const out = path.join(tmp, "consolidated.xlsx");
    const r = await run("summarize", a, b, "--out", out);
    expect(r.code).toBe(0);
    const parts = unzip(out);
    for (const [name, bytes] of Object.entries(first))
      if (!EDITED.has(name)) expect(Buffer.compare(Buffer.from(parts[name] ?? []), Buffer.from(bytes))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["データ", "ピボット", "データ (2)", "ピボット (2)"]),
    );
    expect(wb.getWorksheet("データ (2)")!.getCell("B5").value).toBe("統合宛名システム");
    for (const lost of [
      "charts: xl/charts/chart1.xml",
      "text boxes and chart placement: xl/drawings/drawing1.xml",
      "pivot tables: xl/pivotTables/pivotTable1.xml",
      "external links: xl/externalLinks/externalLink1.xml",
      "macros (vbaProject): xl/vbaProject.bin",
      "custom document properties: docProps/custom.xml",
      "workbook protection",
      "sparklines and other extensions (extLst)",
    ])
      expect(r.stderr).toContain(lost);
    expect(r.stderr).toMatch(/dept-b\.xlsm: シートはセル単位でコピーするため/);
    // both departments' items are reviewed
    expect(r.stderr).toContain("評価 8件");
    expectConsistent(parts);
  });

  it("carries an image of a further input with its drawing, every reference resolving", async () => {
    const a = write("img-a.xlsx", featureWorkbook());
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("写真");
    ws.getCell("A1").value = "現地写真";
    // a 1×1 PNG
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), "B2:C4");
    const b = write("img-b.xlsx", new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const out = path.join(tmp, "img-out.xlsx");
    const r = await run("summarize", a, b, "--out", out);
    expect(r.code).toBe(0);
    const parts = unzip(out);
    expectConsistent(parts);
    const images = Object.keys(parts).filter((n) => n.startsWith("xl/media/"));
    expect(images).toHaveLength(1);
    expect(Buffer.compare(Buffer.from(parts[images[0]!]!), png)).toBe(0);
  });
});

it("--via-excel on a macro-enabled workbook is refused rather than dropping the macros", async () => {
  const input = write("macros-via.xlsm", featureWorkbook({ macros: true }));
  const out = path.join(tmp, "macros-via-out.xlsm");
  const r = await run("summarize", input, "--out", out, "--via-excel");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/マクロ.*cannot keep the macros/);
  expect(fs.existsSync(out)).toBe(false);
});

it("--via-excel on a feature-rich .xlsx is refused (exit 2), naming what the simulated host would lose", async () => {
  const input = write("features-via-excel.xlsx", featureWorkbook());
  const out = path.join(tmp, "features-via-excel-out.xlsx");
  const r = await run("summarize", input, "--out", out, "--via-excel");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^エラー \/ error: [^\n]*--via-excel[^\n]*\n$/);
  for (const what of ["charts", "pivot tables", "external links", "custom document properties", "workbook protection"])
    expect(r.stderr).toContain(what);
  expect(fs.existsSync(out)).toBe(false);
});
