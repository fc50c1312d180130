/**
 * Ownership, not names (issue 8, item 2): a sheet is rewritten, renamed or
 * deleted only when it carries our owner marker matching the verified
 * settings. Each case edits the package the way Excel would leave it after
 * the user's action, runs the command again, and checks the user's sheet is
 * byte-identical, ours went elsewhere, and the user was told.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../../src/cli/main";
import { featureWorkbook } from "../../helpers/feature-workbook";
import { expectConsistent } from "../../helpers/package-checks";

let tmp: string;
let first: Record<string, Uint8Array>; // the output of a first run on the feature workbook
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-own-"));
  const input = path.join(tmp, "input.xlsx");
  fs.writeFileSync(input, featureWorkbook());
  const out = path.join(tmp, "first.xlsx");
  expect((await run("summarize", input, "--out", out)).code).toBe(0);
  first = unzipSync(new Uint8Array(fs.readFileSync(out)));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: () => undefined });
  return { code, stderr };
}

type Parts = Record<string, Uint8Array>;
const text = (p: Parts, n: string) => strFromU8(p[n]!);

/** Sheets in tab order: name, state, part path. */
function sheets(p: Parts): { name: string; state: string; part: string }[] {
  const rels = text(p, "xl/_rels/workbook.xml.rels");
  return [...text(p, "xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const tag = m[0];
    const id = /r:id="([^"]+)"/.exec(tag)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    return {
      name: /name="([^"]+)"/.exec(tag)![1]!,
      state: /state="([^"]+)"/.exec(tag)?.[1] ?? "visible",
      part: "xl/" + target.replace(/^\/?xl\//, ""),
    };
  });
}

const partOf = (p: Parts, name: string) => sheets(p).find((s) => s.name === name)!.part;
const indexOf = (p: Parts, name: string) => sheets(p).findIndex((s) => s.name === name);

/** Remove the sheet-scoped owner name of a sheet (what Excel leaves when a sheet is deleted and a new one made). */
function dropMarker(p: Parts, sheet: string): void {
  const i = indexOf(p, sheet);
  const wb = text(p, "xl/workbook.xml").replace(
    new RegExp(`<definedName name="ProgressReview_Owner" localSheetId="${i}"[^>]*>[^<]*</definedName>`),
    "",
  );
  p["xl/workbook.xml"] = strToU8(wb);
}

function renameSheet(p: Parts, from: string, to: string): void {
  p["xl/workbook.xml"] = strToU8(text(p, "xl/workbook.xml").replace(`name="${from}"`, `name="${to}"`));
}

const USER_SHEET = (note: string) =>
  strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${note}</t></is></c></row></sheetData></worksheet>`,
  );

async function rerun(name: string, p: Parts): Promise<{ code: number; stderr: string; out: Parts; input: Parts }> {
  const input = path.join(tmp, `${name}.xlsx`);
  fs.writeFileSync(input, zipSync(p));
  const out = path.join(tmp, `${name}-out.xlsx`);
  const r = await run("summarize", input, "--out", out);
  const parts = r.code === 0 ? unzipSync(new Uint8Array(fs.readFileSync(out))) : {};
  if (r.code === 0) expectConsistent(parts);
  return { ...r, out: parts, input: p };
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  !!a && !!b && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

it("a first run marks every sheet it writes, and the settings sheet, with a hidden sheet-scoped name", () => {
  const wb = text(first, "xl/workbook.xml");
  for (const [sheet, role] of [
    ["評価集計", "summary"],
    ["評価一覧", "list"],
    ["要確認", "review"],
    ["ProgressReview_Settings", "settings"],
  ] as const)
    expect(wb).toMatch(
      new RegExp(
        `<definedName name="ProgressReview_Owner" localSheetId="${indexOf(first, sheet)}" hidden="1">&quot;progress-review/1 ${role} \\w+ \\w+&quot;</definedName>`,
      ),
    );
  expect(sheets(first).find((s) => s.name === "ProgressReview_Settings")!.state).toBe("veryHidden");
});

it("the user deleted our 要確認 and made their own: theirs is kept byte for byte, ours goes to 要確認 (2)", async () => {
  const p: Parts = { ...first };
  dropMarker(p, "要確認");
  p[partOf(p, "要確認")] = USER_SHEET("私の確認メモ");
  const r = await rerun("own-review", p);
  expect(r.code).toBe(0);
  expect(same(r.out[partOf(r.out, "要確認")], USER_SHEET("私の確認メモ"))).toBe(true);
  expect(sheets(r.out).map((s) => s.name)).toContain("要確認 (2)");
  expect(r.stderr).toMatch(/要確認.*確認できない/);
  // the other sheets of ours were refreshed in place: same parts, no duplicates
  expect(sheets(r.out).filter((s) => s.name.startsWith("評価集計"))).toHaveLength(1);
  expect(partOf(r.out, "評価集計")).toBe(partOf(first, "評価集計"));
});

it("the user deleted our 評価集計 and renamed a data sheet to 評価集計: the data sheet is kept and read as data", async () => {
  const p: Parts = { ...first };
  // delete ours (sheet element, its marker, its relationship stays harmlessly unused? no: remove all of it)
  const oursIdx = indexOf(p, "評価集計");
  dropMarker(p, "評価集計");
  let wb = text(p, "xl/workbook.xml").replace(/<sheet name="評価集計"[^>]*\/>/, "");
  // sheet-scoped names after the deleted sheet move down one, as Excel does
  wb = wb.replace(/localSheetId="(\d+)"/g, (m, n: string) =>
    Number(n) > oursIdx ? `localSheetId="${Number(n) - 1}"` : m,
  );
  p["xl/workbook.xml"] = strToU8(wb);
  renameSheet(p, "データ", "評価集計");
  const dataPart = partOf(p, "評価集計");
  const r = await rerun("renamed-data", p);
  expect(r.code).toBe(0);
  expect(same(r.out[dataPart], first[partOf(first, "データ")])).toBe(true);
  expect(sheets(r.out)[0]!.name).toBe("評価集計");
  expect(sheets(r.out).map((s) => s.name)).toContain("評価集計 (2)");
  expect(r.stderr).toMatch(/評価集計.*確認できない/);
  // the renamed data sheet is still reviewed: its four items are counted
  expect(r.stderr).toContain("評価 4件");
});

it("a settings sheet copied from another workbook does not make the user's sheets ours", async () => {
  // workbook B: the user's own sheets named like ours, plus our settings sheet copied in from the first output
  const p: Parts = { ...first };
  for (const s of ["評価集計", "評価一覧", "要確認"]) {
    dropMarker(p, s);
    p[partOf(p, s)] = USER_SHEET(`ユーザーの${s}`);
  }
  const r = await rerun("copied-settings", p);
  expect(r.code).toBe(0);
  for (const s of ["評価集計", "評価一覧", "要確認"]) {
    expect(same(r.out[partOf(r.out, s)], USER_SHEET(`ユーザーの${s}`))).toBe(true);
    expect(sheets(r.out).map((x) => x.name)).toContain(`${s} (2)`);
  }
  expect(r.stderr).toContain("確認できない");
});

it("a visible user sheet named ProgressReview_Settings is kept, visible and unchanged; our settings go elsewhere", async () => {
  const p: Parts = { ...first };
  dropMarker(p, "ProgressReview_Settings");
  p["xl/workbook.xml"] = strToU8(
    text(p, "xl/workbook.xml").replace(/(<sheet name="ProgressReview_Settings"[^>]*?) state="veryHidden"/, "$1"),
  );
  p[partOf(p, "ProgressReview_Settings")] = USER_SHEET("ユーザーの設定メモ");
  const r = await rerun("user-settings-name", p);
  expect(r.code).toBe(0);
  const user = sheets(r.out).find((s) => s.name === "ProgressReview_Settings")!;
  expect(user.state).toBe("visible");
  expect(same(r.out[user.part], USER_SHEET("ユーザーの設定メモ"))).toBe(true);
  const ours = sheets(r.out).find((s) => s.name === "ProgressReview_Settings (2)")!;
  expect(ours.state).toBe("veryHidden");
  expect(r.stderr).toMatch(/ProgressReview_Settings.*確認できない/);
});

it("our sheet renamed by the user is still ours: refreshed in place, and keeps the user's name (issue 19, item 9)", async () => {
  const p: Parts = { ...first };
  renameSheet(p, "評価一覧", "一覧（旧）");
  // the user's own name pointing at the renamed sheet (as Excel rewrites references on a rename)
  p["xl/workbook.xml"] = strToU8(
    text(p, "xl/workbook.xml").replace("</definedNames>", `<definedName name="私の一覧">'一覧（旧）'!$A$1:$C$5</definedName></definedNames>`),
  );
  const r = await rerun("renamed-ours", p);
  expect(r.code).toBe(0);
  const names = sheets(r.out).map((s) => s.name);
  expect(names).toContain("一覧（旧）");
  expect(names).not.toContain("評価一覧");
  expect(partOf(r.out, "一覧（旧）")).toBe(partOf(first, "評価一覧"));
  expect(text(r.out, "xl/workbook.xml")).toContain(`<definedName name="私の一覧">'一覧（旧）'!$A$1:$C$5</definedName>`);
  // and a third run still keeps it
  const again = await rerun("renamed-ours-again", { ...r.out });
  expect(sheets(again.out).map((s) => s.name)).toContain("一覧（旧）");
  expect(sheets(again.out).map((s) => s.name)).not.toContain("評価一覧");
});

it("a sheet name changed in --rules renames our sheet (the user asked for it)", async () => {
  const p: Parts = { ...first };
  renameSheet(p, "評価一覧", "一覧（旧）");
  const input = path.join(tmp, "renamed-by-rules.xlsx");
  fs.writeFileSync(input, zipSync(p));
  const rules = path.join(tmp, "rename-rules.json");
  fs.writeFileSync(rules, JSON.stringify({ sheetNames: { list: "項目一覧" } }));
  const out = path.join(tmp, "renamed-by-rules-out.xlsx");
  const r = await run("summarize", input, "--rules", rules, "--out", out);
  expect(r.code).toBe(0);
  const parts = unzipSync(new Uint8Array(fs.readFileSync(out)));
  const names = sheets(parts).map((s) => s.name);
  expect(names).toContain("項目一覧");
  expect(names).not.toContain("一覧（旧）");
  expect(partOf(parts, "項目一覧")).toBe(partOf(first, "評価一覧"));
});

describe("generated sheets without an owner marker (an earlier version's, issue 19 item 10)", () => {
  /** The first run's output with every owner marker and the settings sheet's gone: what an earlier version left. */
  function unmarked(): Parts {
    const p: Parts = { ...first };
    const wb = text(p, "xl/workbook.xml").replace(
      /<definedName name="ProgressReview_Owner"[^>]*>[^<]*<\/definedName>/g,
      "",
    );
    p["xl/workbook.xml"] = strToU8(wb);
    return p;
  }

  it("are listed as skipped 「以前に作成された一覧」, never read as data: each item counted once", async () => {
    const once = await rerun("unmarked-baseline", { ...first });
    const evaluated = (stderr: string) => [...stderr.matchAll(/評価 (\d+)件/g)].map((m) => Number(m[1]));
    const r = await rerun("unmarked", unmarked());
    expect(r.code).toBe(0);
    expect(evaluated(r.stderr)).toEqual(evaluated(once.stderr));
    expect(evaluated(r.stderr).length).toBeGreaterThan(0);
    // the old sheets are the user's now (no marker): kept, and ours went elsewhere
    const names = sheets(r.out).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["評価集計", "評価一覧", "要確認", "評価一覧 (2)"]));
    const review = Object.entries(r.out)
      .filter(([n]) => n.startsWith("xl/sharedStrings") || n.startsWith("xl/worksheets/"))
      .map(([, b]) => strFromU8(b))
      .join("");
    expect(review).toContain("以前に作成された一覧");
  });
});
