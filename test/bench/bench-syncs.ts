/**
 * Syncs and payload per recompute through the simulated Excel host
 * (npm run bench:syncs). One line per case:
 *
 *   sheets=<n> rows=<m> syncs=<k> again=<k2> writeSyncs=<w> maxBatchBytes=<b> totalBytes=<t> naiveSyncs=<r> ms=<…>
 *
 * syncs: the first recompute (the generated sheets added); again: the second
 * (refreshed in place); writeSyncs: of those, the write (data + cosmetics).
 * naiveSyncs is what a one-sync-per-row adapter would need for the same
 * workbook (one sync per source row read, plus the sheet list, the settings
 * and the write): rows + 3.
 * The last cases have cells far above 5 MB (long texts): more syncs, but
 * every batch under the limit.
 */
import ExcelJS from "exceljs";
import { recompute } from "../../src/core/recompute";
import { createExcelPort } from "../../src/excel/excel-port";
import { SimulatedExcel } from "../../src/preview/simulated-excel";
import { benchSheetRows } from "./generate-progress";

const LIMIT = 5 * 1024 * 1024;
const NOW = () => new Date("2024-04-01T00:00:00Z");

function workbook(sheets: number, totalRows: number, longText = 0): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const per = Math.max(1, Math.floor(totalRows / sheets));
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`部${s + 1}`);
    const rows = benchSheetRows(per, s * per);
    rows.forEach((row, r) => {
      const values = row.map((v, c) => {
        if (longText > 0 && c === 1 && typeof v === "string" && v.startsWith("事業")) {
          return (
            v +
            "：" +
            "市民サービスの向上と業務の効率化を図るための取組".repeat(Math.ceil(longText / 24)).slice(0, longText)
          );
        }
        return v;
      });
      ws.getRow(r + 1).values = values.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
    });
  }
  return wb;
}

async function runCase(label: string, sheets: number, rows: number, longText = 0): Promise<void> {
  const wb = workbook(sheets, rows, longText);
  const sim = await SimulatedExcel.fromExcelJs(wb, { maxBatchBytes: LIMIT });
  sim.resetStats();
  const started = Date.now();
  await recompute(createExcelPort({ Excel: sim.Excel, Office: sim.Office }), { now: NOW });
  const ms = Date.now() - started;
  const first = { ...sim.stats };
  sim.resetStats();
  const port = createExcelPort({ Excel: sim.Excel, Office: sim.Office });
  await recompute(port, { now: NOW });
  const again = sim.stats;
  const max = Math.max(first.maxBatchBytes, again.maxBatchBytes);
  const over = max > LIMIT ? "  OVER THE LIMIT" : "";
  console.log(
    `sheets=${sheets} rows=${rows} syncs=${first.syncs} again=${again.syncs} writeSyncs=${port.lastWriteSyncs} maxBatchBytes=${max} totalBytes=${first.totalBytes} naiveSyncs=${rows + 3} ms=${ms}${label}${over}`,
  );
}

/** The simulated host's array-based reads: values of a 50,000 × 12 range in one load (median of 5). */
async function simulatedRead(): Promise<void> {
  const rows = 50_000;
  const cols = 12;
  const sim = SimulatedExcel.fromExcelJs(new ExcelJS.Workbook(), { maxBatchBytes: 64 * 1024 * 1024 });
  const data = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c % 3 === 0 ? `事業${r}-${c}` : r * cols + c)),
  );
  await sim.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.add("Big").getRangeByIndexes(0, 0, rows, cols).values = data;
    await ctx.sync();
  });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Big").getUsedRange(true).load("values");
      await ctx.sync();
    });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`simulated host: values of ${rows} × ${cols} cells in one load: ${times[2]!.toFixed(0)} ms (median of 5)`);
}

async function main(): Promise<void> {
  const started = Date.now();
  await simulatedRead();
  const cases: [number, number][] = [
    [1, 10],
    [1, 1_000],
    [1, 10_000],
    [10, 1_000],
    [10, 10_000],
    [100, 1_000],
  ];
  // `--quick`: the cases that fit one batch (a minute instead of several).
  const quick = process.argv.includes("--quick");
  for (const [sheets, rows] of cases) if (!quick || rows * sheets <= 100_000) await runCase("", sheets, rows);
  if (quick) return;
  // One sheet whose cells alone are several times the 5 MB limit.
  await runCase("  (long texts: 事業名 of 2,000 characters)", 1, 1_500, 2_000);
  // The case: 20 department sheets of 2,500 rows with longer texts (used to exceed 5 MB per batch).
  await runCase("  (long texts: 事業名 of 60 more characters)", 20, 50_000, 60);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
