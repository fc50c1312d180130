/**
 * A plan chart (src/core/model/sheet-plan.ts, the same spec the Office.js
 * adapter draws) as a DrawingML chart part, c:chartSpace (REPORT.md §3).
 * ExcelJS cannot write charts, so the CLI adds these parts to its package.
 *
 * Element order follows the schema (CT_ChartSpace, CT_PieSer, CT_BarSer,
 * CT_CatAx…). References are absolute and quoted and point at the plan's data
 * block; the caches hold the same values, for readers that do not recompute.
 * Every slice and series has an explicit colour: without fills and without a
 * theme part LibreOffice draws nothing.
 */
import type { PlanChart, PlanValue, SheetPlan } from "../../core/model/sheet-plan";
import { columnLetters, quoteSheetName } from "../../core/a1-address";
import { GRADE_CHART_COLOURS } from "../../core/plan/plan-styles";
import { XML_DECLARATION, xmlAttr, xmlText } from "./xml-text";

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Zeros print no label ("0;-0;;@"), so an empty slice or bar segment leaves no stray "0". */
const LABEL_FORMAT = "0;-0;;@";

export interface ChartTextStyle {
  font: string;
}

function cellValue(plan: SheetPlan, row: number, col: number): PlanValue {
  return plan.rows[row]?.[col] ?? null;
}

function absRange(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const a = `$${columnLetters(left)}$${top + 1}`;
  const b = `$${columnLetters(right)}$${bottom + 1}`;
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

function strRef(f: string, values: PlanValue[]): string {
  const pts = values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v === null ? "" : String(v))}</c:v></c:pt>`)
    .join("");
  return `<c:strRef><c:f>${xmlText(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: PlanValue[]): string {
  const pts = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${xmlText(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function solidFill(colour: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour.replace(/^#/, "").toUpperCase()}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>`;
}

const DARK_TEXT = "262626";

/** Label text that reads on a fill: white on dark fills, dark on light ones. */
function textColourOn(fill: string): string {
  const n = parseInt(fill.replace(/^#/, ""), 16);
  const lum = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return lum < 140 ? "FFFFFF" : DARK_TEXT;
}

function runProps(font: string, size: number, bold: boolean, colour = DARK_TEXT): string {
  return (
    `sz="${size * 100}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>` +
    `<a:latin typeface="${xmlAttr(font)}"/><a:ea typeface="${xmlAttr(font)}"/>`
  );
}

function textProps(font: string, size: number, colour = DARK_TEXT): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(font, size, false, colour)}</a:defRPr></a:pPr>` +
    `<a:endParaRPr lang="ja-JP"/></a:p></c:txPr>`
  );
}

function title(text: string, font: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(font, 12, true)}</a:defRPr></a:pPr>` +
    // A line break the plan chose (between the figure number and its words) is a <a:br/>, not text.
    text
      .split("\n")
      .map((line) => `<a:r><a:rPr lang="ja-JP" ${runProps(font, 12, true)}</a:rPr><a:t>${xmlText(line)}</a:t></a:r>`)
      .join(`<a:br><a:rPr lang="ja-JP" ${runProps(font, 12, true)}</a:rPr></a:br>`) +
    `</a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function dataLabels(opts: {
  value: boolean;
  percent: boolean;
  category: boolean;
  position?: string;
  font: string;
  colour?: string;
}): string {
  return (
    `<c:dLbls><c:numFmt formatCode="${LABEL_FORMAT}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps(opts.font, 9, opts.colour) +
    (opts.position ? `<c:dLblPos val="${opts.position}"/>` : "") +
    `<c:showLegendKey val="0"/><c:showVal val="${opts.value ? 1 : 0}"/><c:showCatName val="${opts.category ? 1 : 0}"/>` +
    `<c:showSerName val="0"/><c:showPercent val="${opts.percent ? 1 : 0}"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function colourAt(chart: PlanChart, i: number): string {
  return chart.colors?.[i] ?? GRADE_CHART_COLOURS[i % GRADE_CHART_COLOURS.length]!;
}

function pieChart(chart: PlanChart, plan: SheetPlan, sheet: string, font: string): string {
  const d = chart.data;
  const n = d.bottom - d.top;
  const cats = Array.from({ length: n }, (_, i) => cellValue(plan, d.top + 1 + i, d.left));
  const vals = Array.from({ length: n }, (_, i) => cellValue(plan, d.top + 1 + i, d.left + 1));
  const dPts = cats
    .map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${solidFill(colourAt(chart, i))}</c:dPt>`)
    .join("");
  return (
    `<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx>${strRef(absRange(sheet, d.top, d.left + 1, d.top, d.left + 1), [cellValue(plan, d.top, d.left + 1)])}</c:tx>` +
    dPts +
    // Outside the slices: dark text on white, whatever the slice colour.
    dataLabels({ value: true, percent: false, category: false, position: "outEnd", font }) +
    `<c:cat>${strRef(absRange(sheet, d.top + 1, d.left, d.bottom, d.left), cats)}</c:cat>` +
    `<c:val>${numRef(absRange(sheet, d.top + 1, d.left + 1, d.bottom, d.left + 1), vals)}</c:val>` +
    `</c:ser><c:firstSliceAng val="0"/></c:pieChart>`
  );
}

const CAT_AX = 500001;
const VAL_AX = 500002;

function barChart(chart: PlanChart, plan: SheetPlan, sheet: string, font: string): string {
  const d = chart.data;
  const n = d.bottom - d.top;
  const cats = Array.from({ length: n }, (_, i) => cellValue(plan, d.top + 1 + i, d.left));
  const catRef = absRange(sheet, d.top + 1, d.left, d.bottom, d.left);
  const series: string[] = [];
  for (let j = 1; j <= d.right - d.left; j++) {
    const col = d.left + j;
    const vals = Array.from({ length: n }, (_, i) => cellValue(plan, d.top + 1 + i, col));
    series.push(
      `<c:ser><c:idx val="${j - 1}"/><c:order val="${j - 1}"/>` +
        `<c:tx>${strRef(absRange(sheet, d.top, col, d.top, col), [cellValue(plan, d.top, col)])}</c:tx>` +
        solidFill(colourAt(chart, j - 1)) +
        `<c:invertIfNegative val="0"/>` +
        dataLabels({
          value: true,
          percent: false,
          category: false,
          position: "ctr",
          font,
          colour: textColourOn(colourAt(chart, j - 1)),
        }) +
        `<c:cat>${strRef(catRef, cats)}</c:cat>` +
        `<c:val>${numRef(absRange(sheet, d.top + 1, col, d.bottom, col), vals)}</c:val></c:ser>`,
    );
  }
  const line = `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>`;
  return (
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>` +
    series.join("") +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    // Group 1 on top, as in the table.
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line}${textProps(font, 9)}<c:crossAx val="${VAL_AX}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:majorGridlines>${line}</c:majorGridlines><c:numFmt formatCode="0" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line}${textProps(font, 9)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** The chart part (xl/charts/chartN.xml) for one plan chart on the sheet named `sheetName`. */
export function chartPartXml(chart: PlanChart, plan: SheetPlan, sheetName: string, style: ChartTextStyle): string {
  const body =
    chart.kind === "pie" ? pieChart(chart, plan, sheetName, style.font) : barChart(chart, plan, sheetName, style.font);
  return (
    XML_DECLARATION +
    `<c:chartSpace ${NS}><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, style.font)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${body}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(style.font, 9)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps(style.font, 9) +
    `</c:chartSpace>`
  );
}
