/**
 * Every sheet reference the command writes (issue 19, item 5) — defined names (print area, print titles, our
 * owner markers), hyperlinks to source rows and chart series — names an existing sheet under Excel's quoting,
 * when the source sheet and the generated sheets (named in --rules) have apostrophes, brackets and spaces.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { progressWorkbook } from "../../fixtures/hostile/make-hostile";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-refs-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const unescape = (s: string) =>
  s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The sheet named by a reference's prefix, read as a spreadsheet reads it; throws when the prefix is malformed. */
function sheetOf(reference: string): string {
  const r = reference.replace(/^#/, "");
  if (r[0] !== "'") {
    const m = /^([\p{L}_][\p{L}\p{N}_.]*)!/u.exec(r);
    if (!m) throw new Error(`malformed reference: ${reference}`);
    return m[1]!;
  }
  let name = "";
  let i = 1;
  for (; i < r.length; i++) {
    if (r[i] === "'") {
      if (r[i + 1] === "'") {
        name += "'";
        i++;
        continue;
      }
      break;
    }
    name += r[i];
  }
  if (r[i] !== "'" || r[i + 1] !== "!") throw new Error(`malformed reference: ${reference}`);
  return name;
}

function referencesIn(parts: Record<string, Uint8Array>): { where: string; ref: string }[] {
  const out: { where: string; ref: string }[] = [];
  const wb = strFromU8(parts["xl/workbook.xml"]!);
  for (const m of wb.matchAll(/<definedName\b[^>]*name="([^"]*)"[^>]*>([^<]*)<\/definedName>/g))
    // a name holding text (our owner marker is a string constant) refers to no sheet
    if (!unescape(m[2]!).startsWith('"'))
      for (const one of unescape(m[2]!).split(/,(?=')/)) out.push({ where: `name ${m[1]}`, ref: one });
  for (const [name, bytes] of Object.entries(parts)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name))
      for (const m of strFromU8(bytes).matchAll(/<hyperlink\b[^>]*\slocation="([^"]*)"/g))
        out.push({ where: `${name} link`, ref: unescape(m[1]!) });
    if (/^xl\/charts\/[^/]+\.xml$/.test(name))
      for (const m of strFromU8(bytes).matchAll(/<c:f>([^<]*)<\/c:f>/g)) out.push({ where: `${name}`, ref: unescape(m[1]!) });
  }
  return out;
}

function sheetNames(parts: Record<string, Uint8Array>): string[] {
  return [...strFromU8(parts["xl/workbook.xml"]!).matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => unescape(m[1]!));
}

it("--out and --report: every sheet reference names one of the workbook's sheets", async () => {
  const input = path.join(tmp, "in.xlsx");
  await (await progressWorkbook({ sheetName: "O'Neil (2)" })).xlsx.writeFile(input);
  const rules = path.join(tmp, "rules.json");
  fs.writeFileSync(
    rules,
    JSON.stringify({ sheetNames: { summary: "集計 'R3' 版", list: "一覧 【案】 O'Neil", review: "要確認 (1)" } }),
  );
  const out = path.join(tmp, "out.xlsx");
  const report = path.join(tmp, "report.xlsx");
  let stderr = "";
  const code = await main(["summarize", input, "--rules", rules, "--out", out, "--report", report], {
    stderr: (t) => (stderr += t),
    stdout: () => undefined,
  });
  expect(stderr).toContain("完了");
  expect(code).toBe(0);
  for (const file of [out, report]) {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const names = new Set(sheetNames(parts));
    expect(names.has("集計 'R3' 版")).toBe(true);
    const refs = referencesIn(parts);
    // the print areas of every printed sheet (--out: three; --report: 評価集計 and the published list), and the chart
    // series of the summary
    expect(refs.filter((r) => r.where === "name _xlnm.Print_Area").length).toBeGreaterThanOrEqual(file === out ? 3 : 2);
    expect(refs.some((r) => r.where.startsWith("xl/charts/"))).toBe(true);
    if (file === out) expect(refs.some((r) => r.where.endsWith("link") && sheetOf(r.ref) === "O'Neil (2)")).toBe(true);
    for (const r of refs) expect({ ...r, sheet: names.has(sheetOf(r.ref)) }).toEqual({ ...r, sheet: true });
  }
}, 30_000);
