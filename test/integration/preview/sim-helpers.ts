/** Helpers for the simulated-Excel integration tests. */
import ExcelJS from "exceljs";
import { SimulatedExcel, type SimulatedExcelOptions } from "../../../src/preview/simulated-excel";

/** The error code of a synchronous call (null when it does not throw). */
export function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? `not a RichApi error: ${String(e)}`;
  }
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<{ code: string; message: string; name: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; name: string };
  }
  throw new Error("expected a rejection");
}

export function simpleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.getCell("A1").value = "項目";
  ws.getCell("B1").value = "目標";
  ws.getCell("A2").value = "道路整備";
  ws.getCell("B2").value = 20;
  ws.getCell("A3").value = "公園";
  ws.getCell("B3").value = 0.5;
  ws.getCell("B3").numFmt = "0%";
  wb.addWorksheet("Notes");
  return wb;
}

export function simOf(wb: ExcelJS.Workbook = simpleWorkbook(), options?: SimulatedExcelOptions): SimulatedExcel {
  return SimulatedExcel.fromExcelJs(wb, options);
}

/** Reads cell values of a sheet straight from the saved state (not through the API). */
export function savedValue(sim: SimulatedExcel, sheet: string, address: string): unknown {
  const ws = sim.toExcelJs().getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return ws.getCell(address).value;
}
