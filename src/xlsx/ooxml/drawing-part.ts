/**
 * The drawing part (xl/drawings/drawingN.xml) that places a sheet's charts
 * in cells (xdr:twoCellAnchor), and its relationships to the chart parts.
 */
import type { PlanChart } from "../../core/model/sheet-plan";
import { XML_DECLARATION, xmlAttr } from "./xml-text";

const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

export interface PlacedChart {
  chart: PlanChart;
  /** Relationship id of the chart part in the drawing's rels. */
  relId: string;
  /** Target of that relationship, relative to xl/drawings/. */
  target: string;
}

export function drawingPartXml(charts: PlacedChart[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const a = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.col + a.cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      `<xdr:cNvPr id="${i + 2}" name="${xmlAttr(`Chart ${i + 1}`)}" descr="${xmlAttr(chart.altText)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    anchors.join("") +
    `</xdr:wsDr>`
  );
}

export function drawingRelsXml(charts: PlacedChart[]): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    charts.map((c) => `<Relationship Id="${c.relId}" Type="${REL_CHART}" Target="${xmlAttr(c.target)}"/>`).join("") +
    `</Relationships>`
  );
}
