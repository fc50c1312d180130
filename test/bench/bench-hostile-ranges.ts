/**
 * npm run -s bench:ranges — merged areas and data validations (issue 19, items 1–2): the compiled command on a
 * small workbook, on one merge / one validation reaching the sheet's last cell, and on 10,000 … 160,000 one-row
 * merges inside the used range. Wall time (median of 3) and peak RSS per case, as a ratio to the small workbook,
 * and the growth per doubling of the merges (2.0 = linear). Figures go to BENCHMARKS.md; nothing is asserted.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { oneRowMerges, rangesWorkbook, type RangesOptions } from "../fixtures/hostile/make-ranges";

const BIN = path.join(__dirname, "..", "..", "bin", "progress-review.js");
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

function runOnce(file: string, out: string): { ms: number; rssMiB: number | null; code: number | null } {
  const t = performance.now();
  const r = TIME
    ? spawnSync(TIME, ["-f", "%M", process.execPath, BIN, "summarize", file, "--out", out], { encoding: "utf8" })
    : spawnSync(process.execPath, [BIN, "summarize", file, "--out", out], { encoding: "utf8" });
  const ms = performance.now() - t;
  const kb = TIME ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1]) : NaN;
  return { ms, rssMiB: Number.isFinite(kb) ? kb / 1024 : null, code: r.status };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-bench-ranges-"));
  console.log(`# machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}`);
  console.log(`# date: ${new Date().toISOString()}`);
  const cases: [string, RangesOptions][] = [
    ["small workbook (baseline)", {}],
    ["merge A10:XFD1048576", { merges: ["A10:XFD1048576"] }],
    ["validation A1:Z1048576", { validation: "A1:Z1048576" }],
    ...[10_000, 20_000, 40_000, 80_000, 160_000].map(
      (n) => [`${n.toLocaleString("en-US")} one-row merges`, oneRowMerges(n)] as [string, RangesOptions],
    ),
  ];
  console.log("case | file KB | exit | median s | ratio to small | peak RSS MiB | growth per doubling");
  let base = 0;
  let prev = 0;
  for (const [name, options] of cases) {
    const file = path.join(dir, "in.xlsx");
    fs.writeFileSync(file, await rangesWorkbook(options));
    const runs = [0, 1, 2].map(() => runOnce(file, path.join(dir, "out.xlsx")));
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
    if (!base) base = ms;
    const growth = name.includes("one-row") && prev ? (ms / prev).toFixed(2) : "";
    if (name.includes("one-row")) prev = ms;
    const rss = Math.max(...runs.map((r) => r.rssMiB ?? 0));
    console.log(
      `${name} | ${(fs.statSync(file).size / 1024).toFixed(0)} | ${runs[0]!.code} | ${(ms / 1000).toFixed(2)} | ${(ms / base).toFixed(1)} | ${rss ? rss.toFixed(0) : "?"} | ${growth}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
