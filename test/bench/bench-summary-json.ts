/**
 * npm run -s bench:json — summary.json written whole (JSON.stringify + writeFile, as before) and streamed
 * (writeJsonFile), each in its own process on the same 50,000-item summary (the core's result on generated rows,
 * argv[2] rows). Prints the RSS once the summary is built, the peak RSS (/usr/bin/time) and their difference: the
 * memory the writing itself takes. For BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchSnapshot } from "./generate-progress";
import { reviewWorkbook } from "../../src/core/run-review";
import { DEFAULT_RULES } from "../../src/core/model/settings";
import { writeJsonFile } from "../../src/cli/write-json-file";

const MiB = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

async function child(mode: string, rows: number, file: string): Promise<void> {
  const snap = benchSnapshot(1, rows);
  const summary = reviewWorkbook(snap, DEFAULT_RULES, { existingSheetNames: snap.sheets.map((s) => s.name) }).summary;
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  const t = performance.now();
  if (mode === "stringify") await fs.promises.writeFile(file, JSON.stringify(summary, null, 2) + "\n", "utf8");
  else await writeJsonFile(file, summary);
  console.log(`BASE_KB=${Math.round(base / 1024)} MS=${(performance.now() - t).toFixed(0)}`);
}

function parent(rows: number): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-json-bench-"));
  console.log(`# ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}, ${new Date().toISOString()}`);
  console.log("writer | items | summary.json | RSS with the summary built | peak RSS | taken by the writing | time to write | sha256");
  for (const mode of ["stringify", "stream"]) {
    const file = path.join(dir, `${mode}.json`);
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "MAXRSS_KB=%M", process.execPath, "--expose-gc", "--import", "tsx", __filename, "child", mode, String(rows), file],
      { encoding: "utf8" },
    );
    const out = `${r.stdout}${r.stderr}`;
    const peak = Number(/MAXRSS_KB=(\d+)/.exec(out)?.[1]);
    const base = Number(/BASE_KB=(\d+)/.exec(out)?.[1]);
    const ms = /MS=(\d+)/.exec(out)?.[1];
    if (!peak || !base) throw new Error(`bench:json ${mode} failed: ${out}`);
    const bytes = fs.readFileSync(file);
    console.log(
      `${mode} | ${rows} | ${(bytes.length / 2 ** 20).toFixed(1)} MiB | ${MiB(base)} | ${MiB(peak)} | +${MiB(peak - base)} | ${ms} ms | ${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === "child") void child(process.argv[3]!, Number(process.argv[4]), process.argv[5]!);
else parent(Number(process.argv[2]) || 50_000);
