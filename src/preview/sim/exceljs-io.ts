/**
 * Loading the simulated workbook from ExcelJS and saving it back. Everything ExcelJS
 * reads and writes is kept (values, formulas with cached results, number formats, fonts,
 * fills, borders, alignment, merges, column widths, row heights, sheet state including
 * veryHidden, sheet order, tab colours, frozen panes, hyperlinks, tables, conditional
 * formats, page setup, header/footer, data validations, images, defined names). Charts and
 * add-in settings have no ExcelJS representation: they live only in memory (inspect()).
 */
import ExcelJS from "exceljs";
import { parseAddress, type Rect } from "./address";
import { excelJsColorToHex, hexToArgb } from "./colors";
import {
  CellErrorValue,
  WorkbookModel,
  type Cell,
  type CellStyle,
  type CellValue,
  type ConditionalFormatModel,
  type HeaderFooterModel,
  type PageLayoutModel,
  type SheetModel,
  type TableModel,
  type Visibility,
} from "./model";
import { dateToSerial } from "../../core/format/serial-date";

/* eslint-disable @typescript-eslint/no-explicit-any */

export const PAPER_SIZES = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5",
  "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14",
  "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65",
  "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS",
  "FanfoldStdGerman", "FanfoldLegalGerman",
];

const CELL_IS_OPS: Record<string, string> = {
  EqualTo: "equal", NotEqualTo: "notEqual", GreaterThan: "greaterThan", LessThan: "lessThan",
  GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual", Between: "between", NotBetween: "notBetween",
};
const CELL_IS_OPS_BACK = Object.fromEntries(Object.entries(CELL_IS_OPS).map(([k, v]) => [v, k]));

function rect1(top: number, left: number, bottom: number, right: number): Rect {
  return { r0: top - 1, c0: left - 1, r1: bottom - 1, c1: right - 1 };
}

/** Drops the empty parts ExcelJS adds (border {}, fill pattern none) so that "no style" is undefined. */
function normalizeStyle(style: any): CellStyle | undefined {
  if (!style || typeof style !== "object") return undefined;
  const out: CellStyle = {};
  if (style.numFmt && style.numFmt !== "General") out.numFmt = style.numFmt;
  if (style.font && Object.keys(style.font).length) out.font = { ...style.font };
  if (style.fill && !(style.fill.type === "pattern" && (style.fill.pattern === "none" || !style.fill.pattern))) out.fill = JSON.parse(JSON.stringify(style.fill));
  if (style.border && Object.keys(style.border).some((k) => style.border[k] && Object.keys(style.border[k]).length)) {
    out.border = JSON.parse(JSON.stringify(style.border));
  }
  if (style.alignment && Object.keys(style.alignment).length) out.alignment = { ...style.alignment };
  if (style.protection && Object.keys(style.protection).length) out.protection = { ...style.protection };
  return Object.keys(out).length ? out : undefined;
}

function cloneStyle(s: CellStyle): any {
  return JSON.parse(JSON.stringify(s));
}

function importValue(v: any, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object" && typeof v.error === "string") return new CellErrorValue(v.error);
  if (typeof v === "object" && Array.isArray(v.richText)) return v.richText.map((p: any) => p.text ?? "").join("");
  return null;
}

function parseHeaderFooter(s: string | undefined): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  if (!s) return out;
  let cur: "left" | "center" | "right" = "center";
  let i = 0;
  while (i < s.length) {
    if (s[i] === "&" && i + 1 < s.length) {
      const n = s[i + 1];
      if (n === "L" || n === "C" || n === "R") {
        cur = n === "L" ? "left" : n === "C" ? "center" : "right";
        i += 2;
        continue;
      }
      out[cur] += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    out[cur] += s[i];
    i++;
  }
  return out;
}

function composeHeaderFooter(left: string, center: string, right: string): string | undefined {
  let s = "";
  if (left) s += `&L${left}`;
  if (center) s += `&C${center}`;
  if (right) s += `&R${right}`;
  return s || undefined;
}

function parseRectList(s: string | undefined): Rect[] | null {
  if (!s) return null;
  const parts = s.split(/&&|,/).map((x) => x.trim()).filter(Boolean);
  const rects: Rect[] = [];
  for (const p of parts) {
    try {
      rects.push(parseAddress(p.replace(/\$/g, "")).rect);
    } catch {
      /* ignore what cannot be read */
    }
  }
  return rects.length ? rects : null;
}

function importPageLayout(ws: any, pl: PageLayoutModel): void {
  const ps = ws.pageSetup ?? {};
  const p = pl.props;
  if (ps.orientation) p.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
  if (typeof ps.paperSize === "number" && PAPER_SIZES[ps.paperSize - 1]) p.paperSize = PAPER_SIZES[ps.paperSize - 1];
  if (ps.fitToPage) {
    const z: Record<string, number> = {};
    if (ps.fitToWidth !== undefined) z.horizontalFitToPages = ps.fitToWidth;
    if (ps.fitToHeight !== undefined) z.verticalFitToPages = ps.fitToHeight;
    p.zoom = z;
  } else if (typeof ps.scale === "number") p.zoom = { scale: ps.scale };
  const m = ps.margins;
  if (m) {
    const pt = (inches: number) => Math.round(inches * 72 * 1e6) / 1e6;
    if (typeof m.left === "number") p.leftMargin = pt(m.left);
    if (typeof m.right === "number") p.rightMargin = pt(m.right);
    if (typeof m.top === "number") p.topMargin = pt(m.top);
    if (typeof m.bottom === "number") p.bottomMargin = pt(m.bottom);
    if (typeof m.header === "number") p.headerMargin = pt(m.header);
    if (typeof m.footer === "number") p.footerMargin = pt(m.footer);
  }
  if (ps.horizontalCentered) p.centerHorizontally = true;
  if (ps.verticalCentered) p.centerVertically = true;
  if (ps.showGridLines) p.printGridlines = true;
  if (ps.blackAndWhite) p.blackAndWhite = true;
  if (ps.draft) p.draftMode = true;
  if (ps.pageOrder === "overThenDown") p.printOrder = "OverThenDown";
  if (ps.useFirstPageNumber && typeof ps.firstPageNumber === "number") p.firstPageNumber = ps.firstPageNumber;
  pl.printArea = parseRectList(ps.printArea);
  if (ps.printTitlesRow) {
    const [a, b] = String(ps.printTitlesRow).replace(/\$/g, "").split(":").map((x) => parseInt(x, 10) - 1);
    if (Number.isInteger(a) && Number.isInteger(b)) pl.printTitleRows = { r0: a, c0: 0, r1: b, c1: 16383 };
  }
  if (ps.printTitlesColumn) {
    try {
      pl.printTitleColumns = parseAddress(String(ps.printTitlesColumn).replace(/\$/g, "")).rect;
    } catch {
      /* ignore */
    }
  }
  const hf = ws.headerFooter ?? {};
  const put = (target: HeaderFooterModel, header?: string, footer?: string) => {
    const h = parseHeaderFooter(header);
    const f = parseHeaderFooter(footer);
    target.leftHeader = h.left; target.centerHeader = h.center; target.rightHeader = h.right;
    target.leftFooter = f.left; target.centerFooter = f.center; target.rightFooter = f.right;
  };
  put(pl.headersFooters.defaultForAllPages, hf.oddHeader, hf.oddFooter);
  if (hf.differentFirst) put(pl.headersFooters.firstPage, hf.firstHeader, hf.firstFooter);
  if (hf.differentOddEven) {
    put(pl.headersFooters.oddPages, hf.oddHeader, hf.oddFooter);
    put(pl.headersFooters.evenPages, hf.evenHeader, hf.evenFooter);
  }
  pl.headersFooters.state = hf.differentFirst && hf.differentOddEven ? "FirstOddAndEven" : hf.differentFirst ? "FirstAndDefault" : hf.differentOddEven ? "OddAndEven" : "Default";
}

function exportPageLayout(ws: any, pl: PageLayoutModel): void {
  const p = pl.props;
  const ps = ws.pageSetup;
  ps.orientation = p.orientation === "Landscape" ? "landscape" : "portrait";
  const paper = PAPER_SIZES.indexOf(String(p.paperSize));
  if (paper >= 0 && p.paperSize !== "Letter") ps.paperSize = paper + 1;
  const z = (p.zoom ?? {}) as Record<string, number | undefined>;
  if (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined) {
    ps.fitToPage = true;
    ps.fitToWidth = z.horizontalFitToPages ?? 0;
    ps.fitToHeight = z.verticalFitToPages ?? 0;
  } else if (typeof z.scale === "number") ps.scale = z.scale;
  ps.margins = {
    left: Number(p.leftMargin) / 72, right: Number(p.rightMargin) / 72, top: Number(p.topMargin) / 72,
    bottom: Number(p.bottomMargin) / 72, header: Number(p.headerMargin) / 72, footer: Number(p.footerMargin) / 72,
  };
  if (p.centerHorizontally) ps.horizontalCentered = true;
  if (p.centerVertically) ps.verticalCentered = true;
  if (p.printGridlines) ps.showGridLines = true;
  if (p.blackAndWhite) ps.blackAndWhite = true;
  if (p.draftMode) ps.draft = true;
  if (p.printOrder === "OverThenDown") ps.pageOrder = "overThenDown";
  if (typeof p.firstPageNumber === "number") {
    ps.firstPageNumber = p.firstPageNumber;
    ps.useFirstPageNumber = true;
  }
  if (pl.printArea?.length) ps.printArea = pl.printArea.map((r) => rangeRef(r)).join("&&");
  if (pl.printTitleRows) ps.printTitlesRow = `${pl.printTitleRows.r0 + 1}:${pl.printTitleRows.r1 + 1}`;
  if (pl.printTitleColumns) ps.printTitlesColumn = `${colLetters(pl.printTitleColumns.c0)}:${colLetters(pl.printTitleColumns.c1)}`;
  const hf = pl.headersFooters;
  const d = hf.state === "OddAndEven" || hf.state === "FirstOddAndEven" ? hf.oddPages : hf.defaultForAllPages;
  const out: Record<string, unknown> = {};
  const oddHeader = composeHeaderFooter(d.leftHeader, d.centerHeader, d.rightHeader);
  const oddFooter = composeHeaderFooter(d.leftFooter, d.centerFooter, d.rightFooter);
  if (oddHeader) out.oddHeader = oddHeader;
  if (oddFooter) out.oddFooter = oddFooter;
  if (hf.state === "FirstAndDefault" || hf.state === "FirstOddAndEven") {
    out.differentFirst = true;
    const f = hf.firstPage;
    out.firstHeader = composeHeaderFooter(f.leftHeader, f.centerHeader, f.rightHeader) ?? "";
    out.firstFooter = composeHeaderFooter(f.leftFooter, f.centerFooter, f.rightFooter) ?? "";
  }
  if (hf.state === "OddAndEven" || hf.state === "FirstOddAndEven") {
    out.differentOddEven = true;
    const e = hf.evenPages;
    out.evenHeader = composeHeaderFooter(e.leftHeader, e.centerHeader, e.rightHeader) ?? "";
    out.evenFooter = composeHeaderFooter(e.leftFooter, e.centerFooter, e.rightFooter) ?? "";
  }
  if (Object.keys(out).length) ws.headerFooter = out;
}

function colLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function rangeRef(r: Rect): string {
  return `${colLetters(r.c0)}${r.r0 + 1}:${colLetters(r.c1)}${r.r1 + 1}`;
}

function excelJsFill(color: unknown): any {
  return typeof color === "string" ? { type: "pattern", pattern: "solid", bgColor: { argb: hexToArgb(color) }, fgColor: { argb: hexToArgb(color) } } : undefined;
}

function importConditionalFormats(ws: any, sheet: SheetModel): void {
  const list: any[] = ws.conditionalFormattings ?? [];
  for (const cf of list) {
    const rects = parseRectList(String(cf.ref ?? "").replace(/ /g, ","));
    if (!rects) continue;
    const rules = [...(cf.rules ?? [])].sort((a: any, b: any) => (a.priority ?? 0) - (b.priority ?? 0));
    for (const rule of rules) {
      for (const rect of rects) {
        const format: Record<string, unknown> = {};
        const st = rule.style ?? {};
        const fillHex = excelJsColorToHex(st.fill?.bgColor) ?? excelJsColorToHex(st.fill?.fgColor);
        if (fillHex) format["fill.color"] = fillHex;
        const fontHex = excelJsColorToHex(st.font?.color);
        if (fontHex) format["font.color"] = fontHex;
        if (st.font?.bold !== undefined) format["font.bold"] = !!st.font.bold;
        if (st.font?.italic !== undefined) format["font.italic"] = !!st.font.italic;
        if (st.numFmt) format.numberFormat = typeof st.numFmt === "string" ? st.numFmt : st.numFmt.formatCode;
        const model: ConditionalFormatModel = {
          id: sheet.wb.nextId("{cf-") + "}",
          rect,
          type: "Custom",
          stopIfTrue: !!rule.stopIfTrue,
          rule: null,
          format,
        };
        if (rule.type === "containsText" && rule.operator === "containsText") {
          let text = rule.text;
          if (text === undefined) {
            const m = /SEARCH\("((?:[^"]|"")*)"/.exec(String(rule.formulae?.[0] ?? ""));
            text = m ? m[1].replace(/""/g, '"') : "";
          }
          model.type = "ContainsText";
          model.rule = { operator: "Contains", text };
        } else if (rule.type === "cellIs" && CELL_IS_OPS_BACK[rule.operator]) {
          model.type = "CellValue";
          const f = rule.formulae ?? [];
          model.rule = { operator: CELL_IS_OPS_BACK[rule.operator], formula1: `=${f[0] ?? ""}`, ...(f[1] !== undefined ? { formula2: `=${f[1]}` } : {}) };
        } else if (rule.type === "expression") {
          model.type = "Custom";
          model.rule = { formula: `=${rule.formulae?.[0] ?? ""}` };
        } else {
          model.type = ({ dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet", top10: "TopBottom" } as Record<string, string>)[rule.type] ?? "PresetCriteria";
          model.raw = rule;
        }
        sheet.cfs.push(model);
      }
    }
  }
}

function exportConditionalFormat(ws: any, cf: ConditionalFormatModel, priority: number): void {
  const ref = rangeRef(cf.rect);
  if (cf.raw) {
    ws.addConditionalFormatting({ ref, rules: [{ ...(cf.raw as object), priority }] });
    return;
  }
  if (!cf.rule) return;
  const f = cf.format;
  const style: any = {};
  if (typeof f["fill.color"] === "string") style.fill = excelJsFill(f["fill.color"]);
  const font: any = {};
  if (typeof f["font.color"] === "string") font.color = { argb: hexToArgb(f["font.color"] as string) };
  if (f["font.bold"] !== undefined) font.bold = f["font.bold"];
  if (f["font.italic"] !== undefined) font.italic = f["font.italic"];
  if (f["font.strikethrough"] !== undefined) font.strike = f["font.strikethrough"];
  if (Object.keys(font).length) style.font = font;
  if (typeof f.numberFormat === "string") style.numFmt = f.numberFormat;
  const strip = (x: unknown) => String(x ?? "").replace(/^=/, "");
  const first = `${colLetters(cf.rect.c0)}${cf.rect.r0 + 1}`;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  let rule: any;
  if (cf.type === "ContainsText") {
    const text = String(cf.rule.text ?? "");
    const op = cf.rule.operator;
    if (op === "Contains") rule = { type: "containsText", operator: "containsText", text };
    else if (op === "NotContains") rule = { type: "expression", formulae: [`ISERROR(SEARCH(${q(text)},${first}))`] };
    else if (op === "BeginsWith") rule = { type: "expression", formulae: [`LEFT(${first},LEN(${q(text)}))=${q(text)}`] };
    else rule = { type: "expression", formulae: [`RIGHT(${first},LEN(${q(text)}))=${q(text)}`] };
  } else if (cf.type === "CellValue") {
    const formulae = [strip(cf.rule.formula1)];
    if (cf.rule.formula2 !== undefined) formulae.push(strip(cf.rule.formula2));
    rule = { type: "cellIs", operator: CELL_IS_OPS[String(cf.rule.operator)] ?? "equal", formulae };
  } else if (cf.type === "Custom") {
    rule = { type: "expression", formulae: [strip(cf.rule.formula)] };
  } else return;
  ws.addConditionalFormatting({ ref, rules: [{ ...rule, priority, style, ...(cf.stopIfTrue ? { stopIfTrue: true } : {}) }] });
}

/** Builds the in-memory model from an ExcelJS workbook (the workbook itself is not changed or kept). */
export function importWorkbook(wb: ExcelJS.Workbook, name = "Book1.xlsx"): WorkbookModel {
  const model = new WorkbookModel();
  model.name = name;
  const anyWb = wb as any;
  model.date1904 = !!anyWb.properties?.date1904;
  const date1904 = model.date1904;
  const styleCache = new Map<object, CellStyle | undefined>();
  const styleOf = (s: any): CellStyle | undefined => {
    if (!s || typeof s !== "object") return undefined;
    if (styleCache.has(s)) return styleCache.get(s);
    const n = normalizeStyle(s);
    styleCache.set(s, n);
    return n;
  };
  try {
    const media = anyWb.media ?? anyWb.model?.media;
    if (Array.isArray(media) && media.length) model.passthrough.media = media.map((m: any) => ({ ...m }));
  } catch {
    /* no media */
  }
  try {
    // What ExcelJS keeps of the names: workbook-scoped ranges (names-io.ts reads the rest from the file).
    const dn = wb.definedNames?.model;
    if (Array.isArray(dn))
      model.names = dn
        .filter((d: any) => typeof d?.name === "string" && Array.isArray(d.ranges) && d.ranges.length)
        .map((d: any) => ({ name: d.name, scopeId: null, formula: "=" + d.ranges.join(","), visible: true, comment: "" }));
  } catch {
    /* no names */
  }
  for (const ws of wb.worksheets) {
    const w = ws as any;
    const sheet = model.addSheet(ws.name);
    sheet.visibility = (w.state === "veryHidden" ? "VeryHidden" : w.state === "hidden" ? "Hidden" : "Visible") as Visibility;
    const props = { ...(w.properties ?? {}) };
    const tab = excelJsColorToHex(props.tabColor);
    if (tab) sheet.tabColor = tab;
    delete props.tabColor;
    if (typeof props.defaultColWidth === "number") sheet.standardWidth = props.defaultColWidth;
    sheet.passthrough.properties = props;
    const view = (w.views ?? [])[0];
    if (view) {
      if (view.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 };
      if (view.showGridLines === false) sheet.showGridlines = false;
      const { state: _s, xSplit: _x, ySplit: _y, topLeftCell: _t, showGridLines: _g, activeCell: _a, ...rest } = view;
      sheet.passthrough.views = rest;
    }
    const columns: any[] = w._columns ?? ws.columns ?? [];
    columns.forEach((col: any, i: number) => {
      if (!col) return;
      const c = (col.number ?? i + 1) - 1;
      const info: { width?: number; hidden?: boolean; style?: CellStyle } = {};
      if (typeof col.width === "number") info.width = col.width;
      if (col.hidden) info.hidden = true;
      const st = styleOf(col.style);
      if (st) info.style = st;
      if (Object.keys(info).length) sheet.cols.set(c, info);
    });
    const rows: any[] = w._rows ?? [];
    rows.forEach((row: any) => {
      if (!row) return;
      const r = row.number - 1;
      const info: { height?: number; hidden?: boolean; style?: CellStyle } = {};
      if (typeof row.height === "number" && row.customHeight !== false) info.height = row.height;
      if (row.hidden) info.hidden = true;
      const rs = styleOf(row._style ?? undefined);
      if (rs) info.style = rs;
      if (Object.keys(info).length) sheet.rowInfo.set(r, info);
      const cells: any[] = row._cells ?? [];
      cells.forEach((xc: any) => {
        if (!xc) return;
        const c = xc.col - 1;
        const s = styleOf(xc.style);
        const type = xc.type;
        let cell: Cell | undefined;
        if (type === ExcelJS.ValueType.Merge) {
          cell = s ? { v: null, s } : undefined;
        } else if (type === ExcelJS.ValueType.Formula) {
          const fv = xc.value as any;
          const formula: string = xc.formula ?? fv.formula ?? fv.sharedFormula ?? "";
          cell = { v: importValue(fv.result, date1904), f: formula.replace(/^=/, ""), ...(s ? { s } : {}) };
        } else if (type === ExcelJS.ValueType.Hyperlink) {
          const hv = xc.value as any;
          const target = String(hv.hyperlink ?? "");
          const link = target.startsWith("#") ? { documentReference: target.slice(1) } : { address: target };
          if (hv.tooltip) (link as any).screenTip = hv.tooltip;
          const text = importValue(hv.text, date1904);
          cell = { v: text, link, ...(s ? { s } : {}), ...(typeof hv.text === "object" && hv.text ? { rich: hv.text } : {}) };
        } else if (type === ExcelJS.ValueType.RichText) {
          cell = { v: importValue(xc.value, date1904), rich: JSON.parse(JSON.stringify(xc.value)), ...(s ? { s } : {}) };
        } else {
          cell = { v: importValue(xc.value, date1904), ...(s ? { s } : {}) };
        }
        if (cell && (cell.v !== null || cell.f || cell.s || cell.link)) {
          if (!sheet.rows[r]) sheet.rows[r] = [];
          sheet.rows[r][c] = cell;
        }
      });
    });
    const merges = w._merges ?? {};
    for (const key of Object.keys(merges)) {
      const m = merges[key]?.model;
      if (m) sheet.merges.push(rect1(m.top, m.left, m.bottom, m.right));
    }
    importConditionalFormats(w, sheet);
    importPageLayout(w, sheet.pageLayout);
    const tables = w.tables ?? {};
    for (const tname of Object.keys(tables)) {
      const t = tables[tname]?.table ?? tables[tname]?.model;
      if (!t?.tableRef) continue;
      try {
        const rect = parseAddress(t.tableRef).rect;
        const tm: TableModel = {
          id: model.nextId("{table-") + "}",
          name: t.name ?? tname,
          sheetId: sheet.id,
          rect,
          style: t.style?.theme ?? "TableStyleMedium2",
          showHeaders: t.headerRow !== false,
          showTotals: !!t.totalsRow,
          showFilterButton: (t.columns ?? []).some((c: any) => c.filterButton !== false) || !!t.autoFilterRef,
          showBandedRows: t.style?.showRowStripes !== false,
          showBandedColumns: !!t.style?.showColumnStripes,
          highlightFirstColumn: !!t.style?.showFirstColumn,
          highlightLastColumn: !!t.style?.showLastColumn,
        };
        model.tables.push(tm);
      } catch {
        /* unreadable table reference */
      }
    }
    try {
      const dv = w.dataValidations?.model;
      if (dv && Object.keys(dv).length) sheet.passthrough.dataValidations = JSON.parse(JSON.stringify(dv));
    } catch {
      /* none */
    }
    if (w.autoFilter) sheet.passthrough.autoFilter = JSON.parse(JSON.stringify(w.autoFilter));
    if (w.sheetProtection) sheet.passthrough.sheetProtection = JSON.parse(JSON.stringify(w.sheetProtection));
    // A sheet saved protected opens protected (its cells are in already: from here on changes are refused).
    if (w.sheetProtection?.sheet) sheet.protected = true;
    try {
      const imgs = ws.getImages();
      if (imgs.length) sheet.passthrough.images = imgs.map((im: any) => ({ imageId: Number(im.imageId), range: JSON.parse(JSON.stringify(im.range)) }));
    } catch {
      /* no images */
    }
  }
  const activeTab = (wb.views ?? [])[0]?.activeTab;
  const active = typeof activeTab === "number" ? model.sheets[activeTab] : undefined;
  model.activeSheetId = (active ?? model.sheets[0])?.id ?? null;
  return model;
}

function exportCellValue(cell: Cell): any {
  if (cell.f !== undefined && cell.f !== "") {
    const result = cell.v instanceof CellErrorValue ? { error: cell.v.code } : cell.v;
    return result === null ? { formula: cell.f } : { formula: cell.f, result };
  }
  let v: any = cell.v instanceof CellErrorValue ? { error: cell.v.code } : cell.v;
  if (cell.rich && typeof cell.v === "string" && !cell.link) {
    const rich = cell.rich as any;
    const text = Array.isArray(rich.richText) ? rich.richText.map((p: any) => p.text ?? "").join("") : null;
    if (text === cell.v) v = rich;
  }
  if (cell.link) {
    const target = cell.link.documentReference !== undefined ? `#${cell.link.documentReference}` : cell.link.address ?? "";
    return { text: v === null ? target : typeof v === "object" && v && !("richText" in v) ? String(cell.v) : v, hyperlink: target, ...(cell.link.screenTip ? { tooltip: cell.link.screenTip } : {}) };
  }
  return v;
}

/** A new ExcelJS workbook holding the model's current state. */
export function exportWorkbook(model: WorkbookModel): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook();
  const anyOut = out as any;
  if (model.date1904) anyOut.properties = { ...(anyOut.properties ?? {}), date1904: true };
  const mediaMap = new Map<number, number>();
  (model.passthrough.media ?? []).forEach((m: any, i: number) => {
    try {
      if (m.buffer || m.base64 || m.filename) mediaMap.set(i, out.addImage({ buffer: m.buffer, base64: m.base64, filename: m.filename, extension: m.extension } as any));
    } catch {
      /* skip unreadable media */
    }
  });
  const activeIndex = Math.max(0, model.sheets.indexOf(model.activeSheet()));
  for (const sheet of model.sheets) {
    const views: any = { ...(sheet.passthrough.views ?? {}) };
    if (sheet.freeze.rows || sheet.freeze.cols) {
      views.state = "frozen";
      views.xSplit = sheet.freeze.cols;
      views.ySplit = sheet.freeze.rows;
    } else views.state = "normal";
    if (!sheet.showGridlines) views.showGridLines = false;
    const properties: any = { ...(sheet.passthrough.properties ?? {}) };
    if (sheet.tabColor) properties.tabColor = { argb: hexToArgb(sheet.tabColor) };
    const ws = out.addWorksheet(sheet.name, {
      state: sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility === "Hidden" ? "hidden" : "visible",
      properties,
      views: [views],
    } as any) as any;
    for (const [c, info] of sheet.cols) {
      const col = ws.getColumn(c + 1);
      if (info.width !== undefined) col.width = info.width;
      if (info.hidden) col.hidden = true;
      if (info.style) col.style = cloneStyle(info.style);
    }
    for (const [r, info] of sheet.rowInfo) {
      const row = ws.getRow(r + 1);
      if (info.height !== undefined) row.height = info.height;
      if (info.hidden) row.hidden = true;
      if (info.style) row.style = cloneStyle(info.style);
    }
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const xrow = ws.getRow(r + 1);
      row.forEach((cell, c) => {
        if (!cell) return;
        const xc = xrow.getCell(c + 1);
        const v = exportCellValue(cell);
        if (v !== null && v !== undefined) xc.value = v;
        if (cell.s) xc.style = cloneStyle(cell.s);
      });
    });
    for (const m of sheet.merges) {
      // ExcelJS merges copy the anchor's style to the whole area; keep each cell's own style.
      const styles: [number, number, CellStyle | undefined][] = [];
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) styles.push([r, c, sheet.getCell(r, c)?.s]);
      ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
      for (const [r, c, s] of styles) if (s) ws.getCell(r + 1, c + 1).style = cloneStyle(s);
    }
    sheet.cfs.forEach((cf, i) => exportConditionalFormat(ws, cf, i + 1));
    exportPageLayout(ws, sheet.pageLayout);
    for (const t of model.tables.filter((x) => x.sheetId === sheet.id)) exportTable(ws, sheet, t);
    const pt = sheet.passthrough;
    if (pt.dataValidations) ws.dataValidations.model = JSON.parse(JSON.stringify(pt.dataValidations));
    if (pt.autoFilter) ws.autoFilter = pt.autoFilter;
    if (pt.sheetProtection) ws.sheetProtection = pt.sheetProtection;
    for (const im of pt.images ?? []) {
      const id = mediaMap.get(im.imageId);
      if (id !== undefined) ws.addImage(id, im.range);
    }
  }
  out.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: activeIndex, visibility: "visible" } as any];
  // ExcelJS can hold workbook-scoped range names only; saving through names-io.ts writes them all.
  const RANGE = /!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;
  const ranges = model.names
    .filter((n) => n.scopeId === null && n.visible)
    .map((n) => ({ name: n.name, ranges: n.formula.replace(/^=/, "").split(",") }))
    .filter((n) => n.ranges.every((r) => RANGE.test(r)));
  if (ranges.length) {
    try {
      out.definedNames.model = ranges;
    } catch {
      /* skip */
    }
  }
  return out;
}

function exportTable(ws: any, sheet: SheetModel, t: TableModel): void {
  const { rect } = t;
  const headers: string[] = [];
  for (let c = rect.c0; c <= rect.c1; c++) {
    const v = sheet.getCell(rect.r0, c)?.v;
    headers.push(t.showHeaders && v !== null && v !== undefined ? String(v instanceof CellErrorValue ? v.code : v) : `Column${c - rect.c0 + 1}`);
  }
  const firstData = t.showHeaders ? rect.r0 + 1 : rect.r0;
  const lastData = t.showTotals ? rect.r1 - 1 : rect.r1;
  const rows: any[][] = [];
  for (let r = firstData; r <= lastData; r++) {
    const line: any[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = ws.getCell(r + 1, c + 1).value;
      line.push(v ?? null);
    }
    rows.push(line);
  }
  if (!rows.length) rows.push(headers.map(() => null));
  const totals: any[] = [];
  if (t.showTotals) for (let c = rect.c0; c <= rect.c1; c++) totals.push(ws.getCell(rect.r1 + 1, c + 1).value);
  // ExcelJS's table writer rewrites the cells it covers; keep their styles.
  const saved: [number, number, any][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) saved.push([r, c, ws.getCell(r + 1, c + 1).style]);
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: `${colLetters(rect.c0)}${rect.r0 + 1}`,
    headerRow: t.showHeaders,
    totalsRow: t.showTotals,
    style: {
      theme: t.style || undefined,
      showRowStripes: t.showBandedRows,
      showColumnStripes: t.showBandedColumns,
      showFirstColumn: t.highlightFirstColumn,
      showLastColumn: t.highlightLastColumn,
    },
    columns: headers.map((name, i) => ({
      name,
      filterButton: t.showFilterButton,
      ...(t.showTotals ? { totalsRowLabel: typeof totals[i] === "string" ? totals[i] : undefined, totalsRowFunction: "none" } : {}),
    })),
    rows,
  });
  for (const [r, c, st] of saved) ws.getCell(r + 1, c + 1).style = st;
}
