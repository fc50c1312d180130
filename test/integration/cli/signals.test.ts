/**
 * Signals and launchers, on the real command (bin/progress-review.js running the compiled CLI in its own
 * process): an interrupted run leaves no temporary file and writes nothing; when the process that started the
 * command (a script, a wrapper) is killed, the command ends before it writes anything.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { benchSheetRows } from "../../bench/generate-progress";
import { oneRowMerges, rangesWorkbook } from "../../fixtures/hostile/make-ranges";

const ROOT = path.join(__dirname, "..", "..", "..");
let tmp: string;
let input: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-sig-"));
  input = path.join(tmp, "large.xlsx");
  // big enough that the job runs for a few seconds
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("進捗");
  for (const row of benchSheetRows(6000)) ws.addRow(row);
  await wb.xlsx.writeFile(input);
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BIN = path.join(ROOT, "bin", "progress-review.js");

function jobArgs(outDir: string): string[] {
  fs.mkdirSync(outDir);
  return ["summarize", input, "--out", path.join(outDir, "out.xlsx"), "--json", path.join(outDir, "s.json")];
}

/** The command itself, as `npx progress-review …` starts it. */
function start(outDir: string): ChildProcess {
  return spawn(process.execPath, [BIN, ...jobArgs(outDir)], { stdio: ["ignore", "ignore", "pipe"] });
}

/** A wrapper process (a user's script) that starts the command and waits for it. */
function startThroughWrapper(outDir: string): ChildProcess {
  const wrapper = `require("node:child_process").spawn(process.execPath, ${JSON.stringify([BIN, ...jobArgs(outDir)])}, { stdio: "inherit" }).on("exit", (c) => process.exit(c ?? 1));`;
  return spawn(process.execPath, ["-e", wrapper], { stdio: ["ignore", "ignore", "pipe"] });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (cond()) return true;
  return cond();
}

function exited(p: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve({ code: p.exitCode, signal: p.signalCode });
    else p.on("exit", (code, signal) => resolve({ code, signal }));
  });
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it("SIGTERM: exit 143, no temporary file, nothing written", async () => {
  const dir = path.join(tmp, "term");
  const p = start(dir);
  let stderr = "";
  p.stderr!.on("data", (d) => (stderr += d));
  // the temporary files are held from the start of the job
  expect(await until(() => fs.readdirSync(dir).some((n) => n.endsWith(".tmp")), 30_000)).toBe(true);
  // compiled JavaScript in one process: no TypeScript launcher with a worker under it
  expect(childrenOf(p.pid!)).toEqual([]);
  p.kill("SIGTERM");
  const r = await exited(p);
  expect(r.code === 143 || r.signal === "SIGTERM").toBe(true);
  expect(fs.readdirSync(dir)).toEqual([]);
  expect(stderr).toContain("中断しました");
}, 60_000);

it("killing the process that started the command (SIGKILL) ends the command, which writes nothing", async () => {
  const dir = path.join(tmp, "kill");
  const p = startThroughWrapper(dir);
  expect(await until(() => fs.readdirSync(dir).some((n) => n.endsWith(".tmp")), 30_000)).toBe(true);
  const workers = childrenOf(p.pid!);
  expect(workers.length).toBeGreaterThan(0);
  p.kill("SIGKILL");
  await exited(p);
  expect(await until(() => workers.every((w) => !alive(w)), 10_000)).toBe(true);
  expect(fs.readdirSync(dir)).toEqual([]);
}, 60_000);

it("SIGINT during the job with earlier outputs in place: exit 130, they stay as they were, and the message says so", async () => {
  const dir = path.join(tmp, "int-old");
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "out.xlsx"), "previous book");
  fs.writeFileSync(path.join(dir, "s.json"), "previous json");
  const p = spawn(
    process.execPath,
    [BIN, "summarize", input, "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "s.json")],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  p.stderr!.on("data", (d) => (stderr += d));
  expect(await until(() => fs.readdirSync(dir).some((n) => n.endsWith(".tmp")), 30_000)).toBe(true);
  p.kill("SIGINT");
  const r = await exited(p);
  expect(r.code === 130 || r.signal === "SIGINT").toBe(true);
  expect(stderr).toContain("以前のファイルはそのままです");
  expect(fs.readdirSync(dir).sort()).toEqual(["out.xlsx", "s.json"]);
  expect(fs.readFileSync(path.join(dir, "out.xlsx"), "utf8")).toBe("previous book");
  expect(fs.readFileSync(path.join(dir, "s.json"), "utf8")).toBe("previous json");
}, 60_000);

it("SIGTERM while a sheet of 200,000 merges is read: the command answers (the work yields), exit 143, nothing written", async () => {
  const dir = path.join(tmp, "merges");
  fs.mkdirSync(dir);
  const file = path.join(tmp, "merges.xlsx");
  fs.writeFileSync(file, await rangesWorkbook(oneRowMerges(200_000)));
  const p = spawn(process.execPath, [BIN, "summarize", file, "--out", path.join(dir, "out.xlsx"), "--progress"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  p.stderr!.on("data", (d) => (stderr += d));
  // reading has begun
  expect(await until(() => stderr.includes("読み込み"), 30_000)).toBe(true);
  await sleep(1500);
  p.kill("SIGTERM");
  // a generous bound that only a blocked event loop (minutes) exceeds
  const r = await Promise.race([exited(p), sleep(20_000).then(() => null)]);
  if (r === null) p.kill("SIGKILL");
  expect(r).not.toBeNull();
  expect(r!.code === 143 || r!.signal === "SIGTERM").toBe(true);
  expect(fs.readdirSync(dir)).toEqual([]);
}, 90_000);
