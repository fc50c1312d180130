/**
 * What an interrupted run leaves (issue 19, items 6 and 12), as a process killed during its commit (SIGKILL,
 * power loss) leaves it: the next run that writes into the folder puts the output set back as it was before —
 * all old — and says so; the hidden backup an older version left when interrupted is put back, never lost;
 * hidden temporary files of runs that are gone are removed; a folder made for the outputs of a run that fails is
 * not left behind.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../src/cli/main";
import { progressWorkbook } from "../../fixtures/hostile/make-hostile";

let tmp: string;
let input: string;
/** The pid of a process that has ended. */
let deadPid: number;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-interrupt-"));
  input = path.join(tmp, "in.xlsx");
  await (await progressWorkbook()).xlsx.writeFile(input);
  deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(argv, { stderr: (t) => (stderr += t), stdout: () => undefined });
  return { code, stderr };
}

function folder(name: string): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d);
  return d;
}

const read = (f: string) => fs.readFileSync(f, "utf8");

it("a commit killed after --out was replaced but before --json: the next run puts both back as before (all old)", async () => {
  const dir = folder("half");
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "s.json");
  // before the killed run: the user's previous outputs
  // the killed run: --out renamed to its backup, the new --out in place; --json's new file still hidden
  const outTemp = path.join(dir, `.out.xlsx.${deadPid}.a1b2c3.tmp`);
  const jsonTemp = path.join(dir, `.s.json.${deadPid}.d4e5f6.tmp`);
  fs.writeFileSync(`${outTemp}.previous`, "old book");
  fs.writeFileSync(out, "new book");
  fs.writeFileSync(json, "old json");
  fs.writeFileSync(jsonTemp, "new json");
  fs.writeFileSync(
    path.join(dir, ".out.xlsx.progress-review-commit.json"),
    JSON.stringify({
      format: "progress-review-commit/1",
      pid: deadPid,
      state: "renaming",
      entries: [
        { target: out, temp: outTemp, backup: `${outTemp}.previous` },
        { target: json, temp: jsonTemp, backup: `${jsonTemp}.previous` },
      ],
    }),
  );
  // the next run (it fails on its own input, so what is left is the recovery's doing alone)
  const r = await run("summarize", path.join(tmp, "missing.xlsx"), "--out", out, "--json", json);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/警告 \/ warning: .*以前のファイルに戻しました.*all old.*out\.xlsx/);
  expect(read(out)).toBe("old book");
  expect(read(json)).toBe("old json");
  expect(fs.readdirSync(dir).sort()).toEqual(["out.xlsx", "s.json"]);
});

it("the hidden backup an interrupted older version left in place of --out is put back, not lost", async () => {
  const dir = folder("old-style");
  const out = path.join(dir, "out.xlsx");
  fs.writeFileSync(path.join(dir, `.out.xlsx.${deadPid}.zz9y8x.tmp.previous`), "the user's previous result");
  const r = await run("summarize", path.join(tmp, "missing.xlsx"), "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("元の名前に戻しました");
  expect(read(out)).toBe("the user's previous result");
  expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
});

it("hidden temporary files of runs that are gone are removed; a running one's are left alone", async () => {
  const dir = folder("stale");
  const stale = path.join(dir, `.out.xlsx.${deadPid}.q1w2e3.tmp`);
  const running = path.join(dir, `.out.xlsx.${process.ppid}.r4t5y6.tmp`);
  fs.writeFileSync(stale, "");
  fs.writeFileSync(running, "");
  const out = path.join(dir, "out.xlsx");
  const r = await run("summarize", input, "--out", out);
  expect(r.code).toBe(0);
  expect(fs.existsSync(stale)).toBe(false);
  expect(fs.existsSync(running)).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual([path.basename(running), "out.xlsx"].sort());
});

it("a folder made for the outputs is not left behind when the run ends with exit 2", async () => {
  const base = folder("nodir");
  const r = await run("summarize", path.join(tmp, "missing.xlsx"), "--out", path.join(base, "new", "deeper", "out.xlsx"));
  expect(r.code).toBe(2);
  expect(fs.readdirSync(base)).toEqual([]);
});

it("a folder made for the outputs stays when they are written", async () => {
  const base = folder("newdir");
  const out = path.join(base, "new", "out.xlsx");
  const r = await run("summarize", input, "--out", out);
  expect(r.code).toBe(0);
  expect(fs.readdirSync(path.join(base, "new"))).toEqual(["out.xlsx"]);
});
