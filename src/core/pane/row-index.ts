/**
 * "This row": which item a selected cell belongs to. Built once per result; a selection is a
 * lookup (no read from the workbook, no recompute).
 */
import type { ItemResult, SummaryJson } from "../model/summary";

export interface RowHit {
  evaluation: string;
  item: ItemResult;
}

/** sheet → sorted rows; each item covers its first row and its indicators' target/actual rows. */
export class RowIndex {
  private readonly bySheet = new Map<string, Map<number, RowHit[]>>();

  constructor(summary: SummaryJson) {
    for (const ev of summary.evaluations) {
      for (const item of ev.items) {
        const rows = new Set<number>([item.row]);
        for (const ind of item.indicators) {
          if (ind.targetRow) rows.add(ind.targetRow);
          if (ind.actualRow) rows.add(ind.actualRow);
        }
        // Rows between the first and the last row of the item belong to it (merged item cells).
        const max = Math.max(...rows);
        for (let r = item.row; r <= max; r++) rows.add(r);
        let sheet = this.bySheet.get(item.sheet);
        if (!sheet) this.bySheet.set(item.sheet, (sheet = new Map()));
        for (const r of rows) {
          const hits = sheet.get(r) ?? [];
          hits.push({ evaluation: ev.label, item });
          sheet.set(r, hits);
        }
      }
    }
  }

  /** The item(s) on a 1-based sheet row, one per evaluation; empty when none. */
  lookup(sheet: string, row: number): RowHit[] {
    return this.bySheet.get(sheet)?.get(row) ?? [];
  }
}
