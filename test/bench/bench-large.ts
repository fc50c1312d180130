/**
 * npm run bench:large — the compiled CLI (with --json) on one very large sheet, as a separate process
 * (peak RSS from /usr/bin/time when present, else from the child's own
 * resource usage). Rows: argv (default 100000 200000 300000). For BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { benchSheetRows } from "./generate-progress";

const ROOT = path.join(__dirname, "..", "..");

async function writeInput(file: string, rows: number): Promise<void> {
  // the streaming writer keeps the generator itself small
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet("進捗");
  for (const row of benchSheetRows(rows)) ws.addRow(row).commit();
  await ws.commit();
  await wb.commit();
}

async function main() {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-large-"));
  console.log(`# ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}, ${new Date().toISOString()}`);
  console.log("rows | cells | input | exit | time | peak RSS | first stderr line");
  for (const rows of counts.length ? counts : [100000, 200000, 300000]) {
    const input = path.join(dir, `in-${rows}.xlsx`);
    await writeInput(input, rows);
    const out = path.join(dir, `out-${rows}.xlsx`);
    const t = performance.now();
    const r = spawnSync(
      "/usr/bin/time",
      // the compiled command (npm run build:cli), with summary.json streamed as a user asks for it
      ["-f", "MAXRSS_KB=%M", process.execPath, path.join(ROOT, "bin/progress-review.js"), "summarize", input, "--out", out, "--json", `${out}.json`],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const ms = performance.now() - t;
    const rss = /MAXRSS_KB=(\d+)/.exec(r.stderr ?? "")?.[1];
    const first = (r.stderr ?? "").split("\n").find((l) => l && !l.startsWith("MAXRSS"))?.slice(0, 140);
    console.log(
      `${rows} | ${(rows * 7).toLocaleString("en-US")} | ${(fs.statSync(input).size / 2 ** 20).toFixed(1)} MiB | ${r.status} | ${(ms / 1000).toFixed(1)} s | ${rss ? (Number(rss) / 1024).toFixed(0) + " MiB" : "?"} | ${first}`,
    );
    fs.rmSync(input, { force: true });
    fs.rmSync(out, { force: true });
    fs.rmSync(`${out}.json`, { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
