/**
 * Merged areas applied to a loaded ExcelJS worksheet in one linear pass. ExcelJS's own mergeCells checks a new
 * merge against every earlier one (10,000 merges 7.8 s, 40,000 272 s); here each cell is visited once (an
 * overlap shows as a cell already merged) and the work yields to the event loop now and then, so Ctrl-C and
 * progress keep working on a large sheet. The areas were clipped and counted before (clip-sheet-ranges.ts).
 */
import type ExcelJS from "exceljs";
import type { CellRect } from "../core/model/snapshot";
import { PackageError } from "./package/package-limits";

/** Cells merged between two yields to the event loop. */
const CELLS_PER_SLICE = 50_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface MergeIndex {
  _merges: Record<string, unknown>;
}

export async function applyMerges(ws: ExcelJS.Worksheet, merges: CellRect[], label: string): Promise<void> {
  const internal = ws as unknown as MergeIndex;
  let sinceYield = 0;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (ws.findCell(r + 1, c + 1)?.isMerged)
          throw new PackageError(
            `${label}: シート「${ws.name}」の結合セルが重なっています。Excel で開いて保存し直してください / the sheet "${ws.name}" has overlapping merged cells; open and save it again in Excel`,
          );
    // ExcelJS's own merge for this one area, with the index of the others set aside so it does not scan them.
    const all = internal._merges;
    internal._merges = {};
    try {
      ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      Object.assign(all, internal._merges);
    } finally {
      internal._merges = all;
    }
    sinceYield += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (sinceYield >= CELLS_PER_SLICE) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
}
