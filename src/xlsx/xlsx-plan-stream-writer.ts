/**
 * SheetPlan → a worksheet of ExcelJS's streaming WorkbookWriter, row block by
 * row block: each block's rows are committed (serialised and dropped) as soon
 * as they are complete, so a 100,000-row list never exists as a whole ExcelJS
 * model (writeBuffer of the in-memory workbook peaked at ~33 KB per item).
 *
 * The sheet is the same as writeSheetPlan's (xlsx-plan-writer.ts): the same
 * steps in the same order for every cell (value, merge, base font, table
 * header, formats in plan order, link), the same shared style objects, the
 * same sheet settings. A block is a run of rows joined by merges, because a
 * merge must see all its rows before they are committed.
 */
import type ExcelJS from "exceljs";
import type { SheetPlan } from "../core/model/sheet-plan";
import { cellAddress } from "../core/a1-address";
import { toArgb } from "./plan-styles";
import { SharedStyles, cellValueOf } from "./xlsx-plan-writer";
import { conditionalFormatting, linkValue, pageSetupOf, planCellSteps, usableRowHeight } from "./plan-cell-steps";

type StreamWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;
type StreamSheet = ExcelJS.Worksheet & { commit(): void };
type StreamRow = ExcelJS.Row & { commit(): void };

/** ExcelJS's sheet relationships writer (private): its hyperlinks lack the target the in-memory writer keeps. */
interface SheetRelsWriter {
  addHyperlink(h: { address: string; target: string }): void;
  _hyperlinks: { rId: string; address: string; target?: string }[];
}

/**
 * Write `plan` as a new worksheet of the streaming workbook `wb` and commit it.
 * The plan must have passed validateSheetPlan.
 */
export function streamSheetPlan(wb: StreamWorkbook, plan: SheetPlan, sheetName: string = plan.name): void {
  const tab = toArgb(plan.tabColor);
  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : null;
  // sheetPr (fit to page) and the views are written when the sheet opens: they go in as options
  const ws = wb.addWorksheet(sheetName, {
    properties: tab ? { tabColor: { argb: tab } } : {},
    pageSetup: pageSetupOf(plan),
    views: freeze
      ? [
          {
            state: "frozen",
            xSplit: freeze.cols,
            ySplit: freeze.rows,
            topLeftCell: cellAddress(freeze.rows, freeze.cols),
            activeCell: cellAddress(freeze.rows, freeze.cols),
          },
        ]
      : [],
  }) as unknown as StreamSheet;

  // Internal links keep their target as `location`, as the in-memory writer writes them.
  const rels = (ws as unknown as { _sheetRelsWriter: SheetRelsWriter })._sheetRelsWriter;
  const addHyperlink = rels.addHyperlink.bind(rels);
  rels.addHyperlink = (h) => {
    addHyperlink(h);
    rels._hyperlinks[rels._hyperlinks.length - 1]!.target = h.target;
  };

  // The streaming writer puts <hyperlinks> before <conditionalFormatting>; the schema (and Excel) wants them after.
  const parts = ws as unknown as { _writeHyperlinks(): void; _writeConditionalFormatting(): void };
  const writeLinks = parts._writeHyperlinks.bind(parts);
  const writeFormats = parts._writeConditionalFormatting.bind(parts);
  parts._writeHyperlinks = () => {};
  parts._writeConditionalFormatting = () => {
    writeFormats();
    writeLinks();
  };

  (plan.columnWidths ?? []).forEach((w, i) => {
    if (typeof w === "number" && Number.isFinite(w)) ws.getColumn(i + 1).width = w;
  });

  const table = plan.table?.range;
  if (table)
    ws.autoFilter = {
      from: { row: table.top + 1, column: table.left + 1 },
      to: { row: table.bottom + 1, column: table.right + 1 },
    };

  const styles = new SharedStyles();
  const steps = planCellSteps(plan);
  const formatOps = steps.formats;
  const byTop = [...formatOps].sort((a, b) => a.range.top - b.range.top || a.index - b.index);
  const links = new Map<number, NonNullable<SheetPlan["links"]>>();
  for (const l of plan.links ?? []) {
    const list = links.get(l.row);
    if (list) list.push(l);
    else links.set(l.row, [l]);
  }
  const merges = (plan.merges ?? [])
    .filter((m) => m.top !== m.bottom || m.left !== m.right)
    .sort((a, b) => a.top - b.top);
  const breaks = new Set((plan.pageLayout?.rowBreaksBefore ?? []).filter((b) => Number.isInteger(b) && b > 0));

  // every row anything of the plan touches
  let end = plan.rows.length;
  for (const f of formatOps) end = Math.max(end, f.range.bottom + 1);
  for (const m of merges) end = Math.max(end, m.bottom + 1);
  for (const r of links.keys()) end = Math.max(end, r + 1);
  if (table) end = Math.max(end, table.top + 1);
  end = Math.max(end, plan.rowHeights?.length ?? 0);
  for (const b of breaks) end = Math.max(end, b);

  let nextFormat = 0;
  let active: typeof formatOps = [];
  let nextMerge = 0;
  for (let top = 0; top < end;) {
    // the block: rows joined by merges
    let bottom = top;
    let m = nextMerge;
    while (m < merges.length && merges[m]!.top <= bottom) bottom = Math.max(bottom, merges[m++]!.bottom);
    const blockMerges = merges.slice(nextMerge, m);
    nextMerge = m;

    const rows: StreamRow[] = [];
    for (let r = top; r <= bottom; r++) {
      const row = ws.getRow(r + 1) as StreamRow;
      rows.push(row);
      (plan.rows[r] ?? []).forEach((v, c) => {
        const value = cellValueOf(v);
        if (value !== null) row.getCell(c + 1).value = value;
      });
    }
    // the master's style is still empty here, so the merged cells keep theirs (as mergeCellsWithoutStyle)
    for (const mg of blockMerges) ws.mergeCells(mg.top + 1, mg.left + 1, mg.bottom + 1, mg.right + 1);

    while (nextFormat < byTop.length && byTop[nextFormat]!.range.top <= bottom) active.push(byTop[nextFormat++]!);
    active = active.filter((f) => f.range.bottom >= top);
    const blockFormats = active.filter((f) => f.range.top <= bottom).sort((a, b) => a.index - b.index);

    for (let r = top; r <= bottom; r++) {
      const row = rows[r - top]!;
      if (plan.font)
        (plan.rows[r] ?? []).forEach((v, c) => {
          if (v !== null && v !== undefined) styles.apply(row.getCell(c + 1), "base-font", steps.baseFont);
        });
      if (table && r === table.top)
        for (let c = table.left; c <= table.right; c++)
          styles.apply(row.getCell(c + 1), "table-header", steps.tableHeader);
      for (const f of blockFormats) {
        if (r < f.range.top || r > f.range.bottom) continue;
        for (let c = f.range.left; c <= f.range.right; c++) styles.apply(row.getCell(c + 1), f.key, f.op);
      }
      for (const l of links.get(r) ?? []) {
        const cell = row.getCell(l.col + 1);
        cell.value = linkValue(l);
        styles.apply(cell, "link", steps.link);
      }
      const h = plan.rowHeights?.[r];
      if (usableRowHeight(h)) row.height = h;
      if (breaks.has(r + 1)) row.addPageBreak();
      // the streaming writer drops rows without values; a styled empty cell is written by the in-memory one
      if (!row.hasValues) {
        let styled = false;
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.style && Object.keys(cell.style).length) styled = true;
        });
        if (styled) Object.defineProperty(row, "hasValues", { get: () => true });
      }
    }
    rows[rows.length - 1]!.commit();
    top = bottom + 1;
  }

  for (const cf of plan.conditionalFormats ?? []) {
    const options = conditionalFormatting(cf);
    if (options) ws.addConditionalFormatting(options);
  }
  // The footer holds codes (&P page, &N pages): written as they are, not escaped.
  if (plan.pageLayout?.centerFooter) ws.headerFooter.oddFooter = `&C${plan.pageLayout.centerFooter}`;
  ws.commit();
}
