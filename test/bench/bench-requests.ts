/**
 * The largest request of a recompute on the 50,000-row cases (npm run -s bench:requests), as the simulated
 * host encodes it (Office.js's RequestMessageBody, with its 1,500-cell chunks of values / numberFormat), on a
 * host without a limit (so that nothing is refused and split): it must stay under 5,000,000 bytes, the
 * request limit of Excel on the web. One line per case:
 *
 *   <case> syncs=<k> maxRequestBytes=<b> (<share> of 5,000,000)
 */
import ExcelJS from "exceljs";
import { recompute } from "../../src/core/recompute";
import { createExcelPort } from "../../src/excel/excel-port";
import { SimulatedExcel } from "../../src/preview/simulated-excel";
import { benchSheetRows } from "./generate-progress";

const NOW = () => new Date("2024-04-01T00:00:00Z");
const REQUEST_LIMIT = 5_000_000;

function workbook(sheets: number, totalRows: number, extra = 0): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const per = Math.floor(totalRows / sheets);
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`部${s + 1}`);
    benchSheetRows(per, s * per).forEach((row, r) => {
      const values = row.map((v, c) =>
        extra > 0 && c === 1 && typeof v === "string" && v.startsWith("事業") ? v + "：" + "市民サービスの向上".repeat(extra).slice(0, extra) : v,
      );
      ws.getRow(r + 1).values = values.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
    });
  }
  return wb;
}

async function runCase(label: string, wb: ExcelJS.Workbook): Promise<void> {
  const sim = SimulatedExcel.fromExcelJs(wb, { maxBatchBytes: 1024 * 1024 * 1024 });
  sim.resetStats();
  await recompute(createExcelPort({ Excel: sim.Excel, Office: sim.Office }), { now: NOW });
  const max = sim.stats.maxRequestBytes;
  const flag = max >= REQUEST_LIMIT ? "  OVER THE LIMIT" : "";
  console.log(`${label} syncs=${sim.stats.syncs} maxRequestBytes=${max} (${((100 * max) / REQUEST_LIMIT).toFixed(1)} % of 5,000,000)${flag}`);
}

async function main(): Promise<void> {
  await runCase("1 sheet × 50,000 rows", workbook(1, 50_000));
  await runCase("20 sheets × 2,500 rows, 事業名 +60 characters", workbook(20, 50_000, 60));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
