/**
 * Signals and the launcher, on the real command (tsx launcher → node worker):
 * an interrupted run leaves no temporary file and writes nothing; killing the
 * launcher ends the worker before it writes anything.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { benchSheetRows } from "../../bench/generate-progress";

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

function start(outDir: string): ChildProcess {
  fs.mkdirSync(outDir);
  return spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    [
      path.join(ROOT, "src", "cli", "main.ts"),
      "summarize",
      input,
      "--out",
      path.join(outDir, "out.xlsx"),
      "--json",
      path.join(outDir, "s.json"),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
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

it("SIGTERM to the launcher reaches the worker: exit 143, no temporary file, nothing written", async () => {
  const dir = path.join(tmp, "term");
  const p = start(dir);
  let stderr = "";
  p.stderr!.on("data", (d) => (stderr += d));
  // the temporary files are held from the start of the job
  expect(await until(() => fs.readdirSync(dir).some((n) => n.endsWith(".tmp")), 30_000)).toBe(true);
  p.kill("SIGTERM");
  const r = await exited(p);
  expect(r.code === 143 || r.signal === "SIGTERM").toBe(true);
  expect(fs.readdirSync(dir)).toEqual([]);
  expect(stderr).toContain("中断しました");
}, 60_000);

it("killing the launcher (SIGKILL) ends the worker, which writes nothing", async () => {
  const dir = path.join(tmp, "kill");
  const p = start(dir);
  expect(await until(() => fs.readdirSync(dir).some((n) => n.endsWith(".tmp")), 30_000)).toBe(true);
  const workers = childrenOf(p.pid!);
  expect(workers.length).toBeGreaterThan(0);
  p.kill("SIGKILL");
  await exited(p);
  expect(await until(() => workers.every((w) => !alive(w)), 10_000)).toBe(true);
  expect(fs.readdirSync(dir)).toEqual([]);
}, 60_000);
