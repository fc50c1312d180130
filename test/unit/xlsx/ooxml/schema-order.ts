/**
 * Test helper: the child order the ECMA-376 schema (sml.xsd, dml-chart.xsd,
 * dml-main.xsd sequences) demands of the elements our chart parts use, and a
 * tiny reader of our own compact XML (no comments, no CDATA).
 */

export const SCHEMA_ORDER: Record<string, string[]> = {
  "c:chartSpace":
    "date1904 lang roundedCorners AlternateContent style clrMapOvr pivotSource protection chart spPr txPr externalData printSettings userShapes extLst".split(
      " ",
    ),
  "c:chart":
    "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend plotVisOnly dispBlanksAs showDLblsOverMax extLst".split(
      " ",
    ),
  "c:plotArea": "layout pieChart barChart catAx valAx dTable spPr extLst".split(" "),
  "c:pieChart": "varyColors ser dLbls firstSliceAng extLst".split(" "),
  "c:barChart": "barDir grouping varyColors ser dLbls gapWidth overlap serLines axId extLst".split(" "),
  "c:ser":
    "idx order tx spPr invertIfNegative pictureOptions explosion dPt dLbls trendline errBars cat val shape extLst".split(
      " ",
    ),
  "c:dPt": "idx invertIfNegative marker bubble3D explosion spPr pictureOptions extLst".split(" "),
  "c:dLbls":
    "dLbl delete numFmt spPr txPr dLblPos showLegendKey showVal showCatName showSerName showPercent showBubbleSize separator showLeaderLines leaderLines extLst".split(
      " ",
    ),
  "c:catAx":
    "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt auto lblAlgn lblOffset tickLblSkip tickMarkSkip noMultiLvlLbl extLst".split(
      " ",
    ),
  "c:valAx":
    "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt crossBetween majorUnit minorUnit dispUnits extLst".split(
      " ",
    ),
  "c:scaling": "logBase orientation max min extLst".split(" "),
  "c:legend": "legendPos legendEntry layout overlay spPr txPr extLst".split(" "),
  "c:title": "tx layout overlay spPr txPr extLst".split(" "),
  "c:strRef": "f strCache extLst".split(" "),
  "c:numRef": "f numCache extLst".split(" "),
  "c:strCache": "ptCount pt extLst".split(" "),
  "c:numCache": "formatCode ptCount pt extLst".split(" "),
  "a:defRPr":
    "ln noFill solidFill gradFill blipFill pattFill grpFill effectLst effectDag highlight uLnTx uLn uFillTx uFill latin ea cs sym hlinkClick hlinkMouseOver rtl extLst".split(
      " ",
    ),
  "a:rPr":
    "ln noFill solidFill gradFill blipFill pattFill grpFill effectLst effectDag highlight uLnTx uLn uFillTx uFill latin ea cs sym hlinkClick hlinkMouseOver rtl extLst".split(
      " ",
    ),
  "xdr:twoCellAnchor": "from to sp grpSp graphicFrame cxnSp pic contentPart clientData".split(" "),
  "xdr:graphicFrame": "nvGraphicFramePr xfrm graphic extLst".split(" "),
  worksheet:
    "sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst".split(
      " ",
    ),
};

export interface Node {
  name: string;
  attrs: string;
  children: Node[];
}

export function parseXml(xml: string): Node {
  const root: Node = { name: "#root", attrs: "", children: [] };
  const stack = [root];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      const top = stack.pop()!;
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      continue;
    }
    const node: Node = { name: name!, attrs: attrs ?? "", children: [] };
    stack.at(-1)!.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  return root;
}

const local = (n: string) => n.replace(/^[\w]+:/, "");

/** Every element whose children break the schema's sequence, as "parent: child after other". */
export function orderProblems(node: Node, out: string[] = []): string[] {
  const order = SCHEMA_ORDER[node.name];
  if (order) {
    let last = -1;
    let lastName = "";
    for (const c of node.children) {
      const i = order.indexOf(local(c.name));
      if (i < 0) out.push(`${node.name}: unexpected ${c.name}`);
      else if (i < last) out.push(`${node.name}: ${c.name} after ${lastName}`);
      else {
        last = i;
        lastName = c.name;
      }
    }
  }
  for (const c of node.children) orderProblems(c, out);
  return out;
}

export function find(node: Node, name: string, out: Node[] = []): Node[] {
  if (node.name === name) out.push(node);
  for (const c of node.children) find(c, name, out);
  return out;
}
