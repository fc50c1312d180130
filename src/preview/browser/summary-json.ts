/**
 * The preview's 「summary.json を保存」: the same summary.json the command line writes for this
 * workbook (the stored rules, the current data), read through the Office.js adapter.
 */
import type { SimulatedExcel } from "../simulated-excel";
import { createExcelPort } from "../../excel/excel-port";
import { DEFAULT_RULES } from "../../core/model/settings";
import { reviewWorkbook } from "../../core/run-review";

export async function summaryJsonOf(sim: SimulatedExcel): Promise<string> {
  const port = createExcelPort({ Excel: sim.Excel, Office: sim.Office });
  const state = await port.readState();
  const snapshot = await port.readSnapshot();
  const result = reviewWorkbook(snapshot, state?.rules ?? DEFAULT_RULES, {
    existingSheetNames: snapshot.sheets.map((s) => s.name),
    previouslyGenerated: state?.generated.map((g) => g.name) ?? [],
  });
  return JSON.stringify(result.summary, null, 2) + "\n";
}
