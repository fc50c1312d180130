/**
 * The preview's 「summary.json を保存」: the same summary.json the command line writes for this
 * workbook (the stored rules, the current data), read through the Office.js adapter.
 */
import type { SimulatedExcel } from "../simulated-excel";
import { createExcelPort } from "../../excel/excel-port";
import { reviewInMemory } from "../../taskpane/host/review-in-memory";

export async function summaryJsonOf(sim: SimulatedExcel): Promise<string> {
  const { result } = await reviewInMemory(createExcelPort({ Excel: sim.Excel, Office: sim.Office }));
  return JSON.stringify(result.summary, null, 2) + "\n";
}
