/**
 * Large inputs shared by tests (what is read) and `npm run bench` (how fast).
 */
import ExcelJS from "exceljs";

/** 20 sheets × 2,500 rows × 12 columns: numbers with formats, texts, formulas with cached results. */
export function largeWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s < 20; s++) {
    const ws = wb.addWorksheet(`S${s}`);
    for (let r = 1; r <= 2500; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= 12; c++) {
        const cell = row.getCell(c);
        if (c % 3 === 0) {
          cell.value = r * 1.37 - 900;
          cell.numFmt = c % 2 ? '0.00%;"▲"0.00%' : '#,##0"件"';
        } else if (c % 3 === 1) cell.value = `項目${r}`;
        else cell.value = { formula: `A${r}`, result: r } as ExcelJS.CellValue;
      }
    }
  }
  return wb;
}

export const RANGE_ROWS = 50_000;
export const RANGE_COLS = 12;

/** 50,000 × 12 values, every third column text. */
export function largeRangeValues(): (string | number)[][] {
  return Array.from({ length: RANGE_ROWS }, (_, r) =>
    Array.from({ length: RANGE_COLS }, (_, c) => (c % 3 === 0 ? `事業${r}-${c}` : r * RANGE_COLS + c)),
  );
}
