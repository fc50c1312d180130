/**
 * --pdf's LibreOffice child (issue 19, item 7), with a stand-in soffice on PATH that starts a helper process the
 * way soffice starts soffice.bin: on Ctrl-C, on success and on failure, soffice and everything it started are
 * ended, and its temporary folder is gone. Runs the compiled command in its own process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { progressWorkbook } from "../../fixtures/hostile/make-hostile";

const BIN = path.join(__dirname, "..", "..", "..", "bin", "progress-review.js");
let tmp: string;
let input: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-pdfchild-"));
  input = path.join(tmp, "in.xlsx");
  await (await progressWorkbook()).xlsx.writeFile(input);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A stand-in soffice: records its pid, starts a helper (records its pid too), then per `mode` waits for it
 * (hangs), writes the PDF and exits leaving the helper running, or fails.
 */
function fakeSoffice(dir: string, mode: "hang" | "leave-helper" | "fail"): string {
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  const script = `#!/bin/sh
echo $$ > "${dir}/soffice.pid"
sleep 300 &
echo $! > "${dir}/helper.pid"
outdir=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then outdir="$2"; fi
  shift
done
case "${mode}" in
  hang) wait ;;
  leave-helper) printf '%%PDF-1.4\\n%%%%EOF\\n' > "$outdir/report.pdf"; exit 0 ;;
  fail) echo "Error: source file could not be loaded" >&2; exit 1 ;;
esac
`;
  fs.writeFileSync(path.join(bin, "soffice"), script, { mode: 0o755 });
  return bin;
}

function start(dir: string, bin: string): ChildProcess {
  const temp = path.join(dir, "tmp");
  fs.mkdirSync(temp, { recursive: true });
  return spawn(
    process.execPath,
    [BIN, "summarize", input, "--out", path.join(dir, "out.xlsx"), "--pdf", path.join(dir, "out.pdf")],
    { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, TMPDIR: temp }, stdio: ["ignore", "ignore", "pipe"] },
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (cond()) return true;
  return cond();
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const pidIn = (file: string) => Number(fs.readFileSync(file, "utf8").trim());
function exited(p: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) resolve(p.exitCode);
    else p.on("exit", (code) => resolve(code));
  });
}
function stderrOf(p: ChildProcess): () => string {
  let s = "";
  p.stderr!.on("data", (d) => (s += d));
  return () => s;
}

/** Both processes gone, no temporary folder left, and (unless `written`) no output. */
async function expectNothingLeft(dir: string, written: string[] = []): Promise<void> {
  const pids = [pidIn(path.join(dir, "soffice.pid")), pidIn(path.join(dir, "helper.pid"))];
  const gone = await until(() => pids.every((p) => !alive(p)), 5000);
  for (const p of pids) if (alive(p)) process.kill(p, "SIGKILL"); // do not leave them to the next test
  expect(gone).toBe(true);
  expect(fs.readdirSync(path.join(dir, "tmp"))).toEqual([]);
  expect(fs.readdirSync(dir).filter((n) => n.startsWith("out") || n.startsWith("."))).toEqual(written);
}

it("Ctrl-C while LibreOffice runs: exit 130, soffice and its helper ended, its folder removed, nothing written", async () => {
  const dir = path.join(tmp, "int");
  const p = start(dir, fakeSoffice(dir, "hang"));
  const err = stderrOf(p);
  expect(await until(() => fs.existsSync(path.join(dir, "helper.pid")), 30_000)).toBe(true);
  // the folder soffice works in is private
  const [work] = fs.readdirSync(path.join(dir, "tmp"));
  expect(work).toMatch(/^progress-review-pdf-/);
  expect(fs.statSync(path.join(dir, "tmp", work!)).mode & 0o777).toBe(0o700);
  p.kill("SIGINT");
  expect(await exited(p)).toBe(130);
  expect(err()).toContain("中断しました");
  await expectNothingLeft(dir);
}, 60_000);

it("LibreOffice done but a helper still running: the helper is ended, the PDF written", async () => {
  const dir = path.join(tmp, "done");
  const p = start(dir, fakeSoffice(dir, "leave-helper"));
  const err = stderrOf(p);
  expect(await exited(p)).toBe(0);
  expect(err()).toContain("完了");
  await expectNothingLeft(dir, ["out.pdf", "out.xlsx"]);
}, 60_000);

it("LibreOffice fails: exit 2 with its reason in one line, nothing written, nothing left running", async () => {
  const dir = path.join(tmp, "fail");
  const p = start(dir, fakeSoffice(dir, "fail"));
  const err = stderrOf(p);
  expect(await exited(p)).toBe(2);
  expect(err()).toMatch(/^エラー \/ error: LibreOffice が PDF を作れませんでした .*source file could not be loaded\)\n$/);
  await expectNothingLeft(dir);
}, 60_000);
