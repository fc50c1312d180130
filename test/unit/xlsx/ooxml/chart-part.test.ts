/**
 * The chart parts as Excel and LibreOffice read them (REPORT.md §3): schema
 * order, absolute quoted references to the plan's data block, caches equal
 * to the cells, an explicit colour per slice and series, zero labels hidden.
 */
import type { PlanChart, SheetPlan } from "../../../../src/core/model/sheet-plan";
import { chartPartXml } from "../../../../src/xlsx/ooxml/chart-part";
import { drawingPartXml } from "../../../../src/xlsx/ooxml/drawing-part";
import { find, orderProblems, parseXml } from "./schema-order";

const data: SheetPlan["rows"] = [];
const put = (r: number, c: number, v: string | number) => {
  while (data.length <= r) data.push([]);
  data[r]![c] = v;
};
// Pie block at H10:I14, bar block at H16:L18 (as the summary sheet lays them out).
put(9, 7, "区分");
put(9, 8, "合計");
["A評価", "B評価", "C評価", "D評価"].forEach((g, i) => {
  put(10 + i, 7, g);
  put(10 + i, 8, [50, 7, 0, 0][i]!);
  put(15, 8 + i, g);
});
put(16, 7, "ビジョン1");
put(17, 7, "ビジョン<2> & 3");
[16, 3, 0, 0].forEach((v, i) => put(16, 8 + i, v));
[32, 3, 0, 0].forEach((v, i) => put(17, 8 + i, v));

const COLOURS = ["#1F4E79", "#5B9BD5", "#F4B183", "#FFE699"];
const pie: PlanChart = {
  kind: "pie",
  title: "評価結果の割合（R3）",
  data: { top: 9, left: 7, bottom: 13, right: 8 },
  seriesBy: "columns",
  anchor: { row: 20, col: 0, rows: 15, cols: 1 },
  altText: "評価結果の割合（R3）: A 50, B 7, C 0, D 0",
  colors: COLOURS,
};
const bar: PlanChart = {
  kind: "bar",
  title: "区分別の評価結果（R3）",
  data: { top: 15, left: 7, bottom: 17, right: 11 },
  seriesBy: "columns",
  anchor: { row: 20, col: 1, rows: 15, cols: 5 },
  altText: "bars",
  colors: COLOURS,
};
const plan = { rows: data, charts: [pie, bar] } as unknown as SheetPlan;
const style = { font: "游ゴシック" };

describe("chartPartXml: pie like 図3-1", () => {
  const xml = chartPartXml(pie, plan, "評価集計 (2)", style);
  const doc = parseXml(xml);

  it("follows the schema's element order", () => {
    expect(orderProblems(doc)).toEqual([]);
    expect(find(doc, "c:pieChart")).toHaveLength(1);
    expect(find(doc, "c:catAx")).toEqual([]);
  });

  it("references the data block absolutely, the sheet name quoted, with caches equal to the cells", () => {
    expect(xml).toContain("<c:f>'評価集計 (2)'!$H$11:$H$14</c:f>");
    expect(xml).toContain("<c:f>'評価集計 (2)'!$I$11:$I$14</c:f>");
    expect(xml).toContain("<c:f>'評価集計 (2)'!$I$10</c:f>");
    expect(xml).toMatch(
      /<c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="4"\/><c:pt idx="0"><c:v>50<\/c:v><\/c:pt><c:pt idx="1"><c:v>7<\/c:v><\/c:pt><c:pt idx="2"><c:v>0<\/c:v><\/c:pt><c:pt idx="3"><c:v>0<\/c:v><\/c:pt><\/c:numCache>/,
    );
    expect(xml).toContain('<c:pt idx="0"><c:v>A評価</c:v></c:pt>');
  });

  it("gives every slice its own explicit colour and hides zero labels", () => {
    const dPts = find(doc, "c:dPt");
    expect(dPts).toHaveLength(4);
    const fills = [...xml.matchAll(/<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => m[1]);
    expect(fills).toEqual(["1F4E79", "5B9BD5", "F4B183", "FFE699"]);
    expect(xml).toContain('<c:numFmt formatCode="0;-0;;@" sourceLinked="0"/>');
    expect(xml).toContain('<c:varyColors val="1"/>');
  });

  it("titles the chart and names the font", () => {
    expect(xml).toContain("<a:t>評価結果の割合（R3）</a:t>");
    expect(xml).toContain('<a:ea typeface="游ゴシック"/>');
  });

  it("breaks a two-line title with <a:br/>, not a newline inside the text", () => {
    const two = chartPartXml({ ...pie, title: "図3-1\n評価結果（全アクションプラン）" }, plan, "評価集計", style);
    expect(two).toMatch(/<a:t>図3-1<\/a:t><\/a:r><a:br><a:rPr [^>]*>.*?<\/a:rPr><\/a:br><a:r>.*?<a:t>評価結果（全アクションプラン）<\/a:t>/);
    expect(two).not.toContain("図3-1\n");
  });
});

describe("chartPartXml: stacked bars per group", () => {
  const xml = chartPartXml(bar, plan, "評価集計", style);
  const doc = parseXml(xml);

  it("follows the schema's element order", () => {
    expect(orderProblems(doc)).toEqual([]);
  });

  it("stacks one series per grade, group 1 on top", () => {
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(find(doc, "c:ser")).toHaveLength(4);
    expect(xml).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>.*<c:axPos val="l"\/>/);
    expect(xml).toMatch(/<c:valAx>.*<c:axPos val="b"\/>.*<c:crossBetween val="between"\/>/);
    // The axes cross-reference each other.
    const ids = find(doc, "c:barChart")[0]!
      .children.filter((c) => c.name === "c:axId")
      .map((c) => c.attrs);
    expect(ids).toHaveLength(2);
  });

  it("references each grade's column and the escaped group names", () => {
    expect(xml).toContain("<c:f>'評価集計'!$I$17:$I$18</c:f>");
    expect(xml).toContain("<c:f>'評価集計'!$L$17:$L$18</c:f>");
    expect(xml).toContain("<c:f>'評価集計'!$H$17:$H$18</c:f>");
    expect(xml).toContain("<c:v>ビジョン&lt;2&gt; &amp; 3</c:v>");
    const fills = [...xml.matchAll(/<c:ser>.*?<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);
    expect(fills).toEqual(["1F4E79", "5B9BD5", "F4B183", "FFE699"]);
  });

  it("writes each segment's labels in a colour that reads on its fill (WCAG contrast ≥ 4.5)", () => {
    const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const lum = (hex: string) => {
      const n = parseInt(hex, 16);
      return (
        0.2126 * lin(((n >> 16) & 255) / 255) + 0.7152 * lin(((n >> 8) & 255) / 255) + 0.0722 * lin((n & 255) / 255)
      );
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    for (const s of find(doc, "c:ser")) {
      const fill = /val="(\w+)"/.exec(
        find(
          s.children.find((c) => c.name === "c:spPr")!,
          "a:srgbClr",
        )[0]!.attrs,
      )![1]!;
      const lbl = s.children.find((c) => c.name === "c:dLbls")!;
      const text = /val="(\w+)"/.exec(find(lbl, "a:srgbClr").at(-1)!.attrs)![1]!;
      expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("drawingPartXml", () => {
  it("anchors each chart over its cells with its alt text", () => {
    const xml = drawingPartXml([
      { chart: pie, relId: "rId1", target: "../charts/chart1.xml" },
      { chart: bar, relId: "rId2", target: "../charts/chart2.xml" },
    ]);
    const doc = parseXml(xml);
    expect(orderProblems(doc)).toEqual([]);
    expect(xml).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row>");
    expect(xml).toContain("<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>35</xdr:row>");
    expect(xml).toContain('descr="評価結果の割合（R3）: A 50, B 7, C 0, D 0"');
    const ids = find(doc, "xdr:cNvPr").map((n) => /id="(\d+)"/.exec(n.attrs)![1]);
    expect(new Set(ids).size).toBe(2);
    expect(xml).toContain('r:id="rId2"');
  });
});
