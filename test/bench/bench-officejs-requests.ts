/**
 * Request sizes as Microsoft's Office.js really builds them (npm run bench:officejs): the recompute
 * (src/excel through createExcelPort, from the sources) runs on Office.js's Excel client from
 * @microsoft/office-js in a jsdom realm, the simulated host answers behind it (src/excel-sim), and every
 * request and response body is measured in UTF-8 bytes on the wire. Beside them: the simulated host's
 * own Office.js-shaped estimate of the same syncs, and the write budget the port packs batches into
 * (the request meter's upper bound must stay under it: 0.95 × 5 MiB = 4,980,736 bytes).
 *
 * One line per case:
 *   rows=<n> syncs=<k> maxRequest=<bytes> (sync <i>) maxResponse=<bytes> simEstimateOfThatSync=<bytes>
 *   budget=<bytes> overBudget=<n> over5MB=<n> refused=<codes> ms=<…>
 *   write batches=<n> largest sent=<bytes> (meter <bytes>) worst sent/meter=<ratio> sent over meter=<n>
 */
import ExcelJS from "exceljs";
import { recompute } from "../../src/core/recompute";
import { WRITE_BUDGET_SHARE } from "../../src/excel/excel-batching";
import { createExcelPort } from "../../src/excel/excel-port";
import { SimulatedExcel } from "../../src/preview/simulated-excel";
import { createOfficeJsRealm } from "../helpers/office-js-realm";
import { benchSheetRows } from "./generate-progress";

const LIMIT = 5 * 1024 * 1024;
const NOW = () => new Date("2024-04-01T00:00:00Z");

function workbook(sheets: number, totalRows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const per = Math.max(1, Math.floor(totalRows / sheets));
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`部${s + 1}`);
    benchSheetRows(per, s * per).forEach((row, r) => {
      ws.getRow(r + 1).values = row.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
    });
  }
  return wb;
}

async function runCase(sheets: number, rows: number): Promise<void> {
  // The real JSON decides: the simulated host's own estimate does not refuse anything here.
  const sim = SimulatedExcel.fromExcelJs(workbook(sheets, rows), { maxBatchBytes: Number.MAX_SAFE_INTEGER });
  const realm = await createOfficeJsRealm({ sim, maxRequestBytes: LIMIT, maxResponseBytes: LIMIT });
  const w = realm.window as unknown as { Excel: typeof Excel; Office: typeof Office };
  realm.richApi.resetExchanges();
  sim.resetStats();
  const started = Date.now();
  /** The meter's figure of each write batch and the index its request will have among the exchanges. */
  const measured: { bytes: number; exchange: number }[] = [];
  let failure = "";
  try {
    const onWriteBatch = (bytes: number) => measured.push({ bytes, exchange: realm.richApi.exchanges.length });
    await recompute(createExcelPort({ Excel: w.Excel, Office: w.Office }, { onWriteBatch }), { now: NOW });
  } catch (e) {
    failure = ` FAILED: ${(e as Error).message.slice(0, 160)}`;
  }
  const ms = Date.now() - started;
  const ex = realm.richApi.exchanges.filter((e) => e.actions > 0);
  let at = 0;
  ex.forEach((e, i) => {
    if (e.requestBytes > ex[at]!.requestBytes) at = i;
  });
  const budget = Math.floor(LIMIT * WRITE_BUDGET_SHARE);
  const maxResponse = Math.max(...ex.map((e) => e.responseBytes));
  // The simulated host counts request + response of each sync it ran; its syncs are the requests with actions on the workbook.
  const simMax = sim.stats.maxBatchBytes;
  const refused = ex.filter((e) => e.error).map((e) => e.error);
  // Each write batch: what the meter said beside what Office.js sent.
  const pairs = measured
    .map((m) => ({ measured: m.bytes, sent: realm.richApi.exchanges[m.exchange]?.requestBytes ?? 0 }))
    .filter((p) => p.sent > 0);
  const largest = pairs.reduce((a, p) => (p.sent > a.sent ? p : a), { measured: 0, sent: 0 });
  const worst = pairs.reduce((m, p) => Math.max(m, p.sent / p.measured), 0);
  console.log(
    `sheets=${sheets} rows=${rows} syncs=${ex.length} maxRequest=${ex[at]!.requestBytes} (sync ${at + 1}) maxResponse=${maxResponse} ` +
      `simEstimateMax=${simMax} budget=${budget} overBudget=${ex.filter((e) => e.requestBytes > budget).length} ` +
      `over5MB=${ex.filter((e) => e.requestBytes > 5_000_000).length} refused=[${refused.join(",")}] ms=${ms}${failure}\n` +
      `  write batches=${pairs.length} largest sent=${largest.sent} (meter ${largest.measured}) ` +
      `worst sent/meter=${worst.toFixed(4)} sent over meter=${pairs.filter((p) => p.sent > p.measured).length}`,
  );
  for (const e of ex.filter((x) => x.error)) console.log(`  refused: ${e.error} ${e.errorMessage ?? ""}`);
  realm.close();
}

async function main(): Promise<void> {
  const cases: [number, number][] = process.argv.includes("--quick") ? [[1, 2_000]] : [[1, 2_000], [5, 10_000], [1, 50_000], [20, 50_000]];
  for (const [sheets, rows] of cases) await runCase(sheets, rows);
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
