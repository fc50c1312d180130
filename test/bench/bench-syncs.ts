/**
 * Syncs and payload per recompute through the simulated Excel host
 * (npm run bench:syncs). One line per case:
 *
 *   sheets=<n> rows=<m> syncs=<k> maxBatchBytes=<b> totalBytes=<t> naiveSyncs=<r> ms=<…>
 *
 * naiveSyncs is what a one-sync-per-row adapter would need for the same
 * workbook (one sync per source row read, plus the sheet list, the settings
 * and the write): rows + 3.
 * The last case has one sheet whose cells are far above 5 MB (long texts):
 * more syncs, but every batch under the limit.
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
  const port = createExcelPort({ Excel: sim.Excel, Office: sim.Office });
  await recompute(port, { now: NOW });
  const ms = Date.now() - started;
  const st = sim.stats;
  const over = st.maxBatchBytes > LIMIT ? "  OVER THE LIMIT" : "";
  console.log(
    `sheets=${sheets} rows=${rows} syncs=${st.syncs} maxBatchBytes=${st.maxBatchBytes} totalBytes=${st.totalBytes} naiveSyncs=${rows + 3} ms=${ms}${label}${over}`,
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const cases: [number, number][] = [
    [1, 10],
    [1, 1_000],
    [1, 10_000],
    [1, 50_000],
    [10, 10],
    [10, 1_000],
    [10, 10_000],
    [10, 50_000],
    [100, 100],
    [100, 1_000],
    [100, 10_000],
    [100, 50_000],
  ];
  for (const [sheets, rows] of cases) await runCase("", sheets, rows);
  // One sheet whose cells alone are several times the 5 MB limit.
  await runCase("  (long texts: 事業名 of 2,000 characters)", 1, 1_500, 2_000);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
