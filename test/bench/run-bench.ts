/**
 * npm run bench — figures for BENCHMARKS.md.
 * 1. core detect + grade + summarize (and the sheet plans) on 1,000 / 10,000 / 50,000 generated rows;
 * 2. the CLI on a generated 20-sheet × 2,500-row workbook vs ExcelJS alone reading that input and
 *    writing that output, side by side in one run (ratio goal ≤ 1.3).
 * Medians of several runs; no assertions (speed is measured here, not in unit tests).
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { benchSheetRows, benchSnapshot } from "./generate-progress";
import { coreOnly } from "./core-path";
import { reviewWorkbook } from "../../src/core/run-review";
import { DEFAULT_RULES } from "../../src/core/model/settings";
import { main as cli } from "../../src/cli/main";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function timeAsync(fn: () => Promise<void>, runs: number): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function main() {
  console.log(`# machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  console.log(`# date: ${new Date().toISOString()}`);
  console.log("\n## core (median of 7 runs after 2 warm-ups)");
  console.log("rows | detect+grade+summarize ms | µs/row | with sheet plans ms");
  for (const rows of [1000, 10000, 50000]) {
    const snap = benchSnapshot(1, rows);
    time(() => coreOnly(snap), 2);
    const core = time(() => coreOnly(snap), 7);
    const full = time(() => reviewWorkbook(snap, DEFAULT_RULES, { existingSheetNames: ["部1"] }), 5);
    console.log(`${rows} | ${core.toFixed(1)} | ${((core * 1000) / rows).toFixed(2)} | ${full.toFixed(1)}`);
  }

  console.log("\n## CLI vs ExcelJS alone, 20 sheets × 2,500 rows (median of 3)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-bench-"));
  const input = path.join(dir, "input.xlsx");
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < 20; s++) {
    const ws = wb.addWorksheet(`部${s + 1}`);
    for (const row of benchSheetRows(2500, s * 2500)) ws.addRow(row);
  }
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "out.xlsx");
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  const code = await cli(["summarize", input, "--out", out], quiet as never);
  if (code !== 0) throw new Error(`cli exit ${code}`);
  const outputWb = new ExcelJS.Workbook();
  await outputWb.xlsx.readFile(out);
  const baseline = path.join(dir, "baseline.xlsx");
  const tCli: number[] = [];
  const tBase: number[] = [];
  for (let i = 0; i < 3; i++) {
    // Interleaved so both see the same machine state.
    tBase.push(
      await timeAsync(async () => {
        const r = new ExcelJS.Workbook();
        await r.xlsx.readFile(input);
        await outputWb.xlsx.writeFile(baseline);
      }, 1),
    );
    tCli.push(await timeAsync(async () => void (await cli(["summarize", input, "--out", out], quiet as never)), 1));
  }
  const c = median(tCli);
  const b = median(tBase);
  console.log(`input ${(fs.statSync(input).size / 1024).toFixed(0)} KiB, output ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
  console.log(`ExcelJS read input + write output: ${b.toFixed(0)} ms`);
  console.log(`progress-review summarize:         ${c.toFixed(0)} ms`);
  console.log(`ratio: ${(c / b).toFixed(2)} (goal ≤ 1.3)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
