/**
 * A workbook with everything a municipality's file may hold that ExcelJS
 * does not model, written part by part (minimal hand-written XML, zipped
 * here): a chart and a text box in a drawing, a pivot table with its cache,
 * an external link used by a formula and a defined name, sparklines in the
 * sheet's extLst, furigana in the string table, workbook protection, custom
 * document properties, and (as .xlsm) a VBA project. Its one data sheet is a
 * small progress table the review can read.
 */
import { zipSync, strToU8 } from "fflate";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const PKG_REL = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`;
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

const STRINGS = [
  "令和3年度 進捗状況評価結果一覧",
  "No",
  "システム名",
  "主担当課",
  "R3評価",
  "電子申請システム",
  "統合宛名システム",
  "文書管理システム",
  "財務会計システム",
  "デジタル戦略課",
];

function sst(): string {
  const items = STRINGS.map((s, i) =>
    i === 9
      ? // furigana (phonetic run) on the department name
        `<si><t>${s}</t><rPh sb="0" eb="4"><t>デジタルセンリャク</t></rPh><phoneticPr fontId="0" type="fullwidthKatakana"/></si>`
      : `<si><t>${s}</t></si>`,
  );
  return `${HEAD}<sst ${NS} count="${STRINGS.length}" uniqueCount="${STRINGS.length}">${items.join("")}</sst>`;
}

function dataSheet(): string {
  const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
  const grades = ["A", "B", "A", "C"];
  const rows = [
    `<row r="1">${s("A1", 0)}</row>`,
    `<row r="3">${s("A3", 1)}${s("B3", 2)}${s("C3", 3)}${s("D3", 4)}</row>`,
    ...[0, 1, 2, 3].map(
      (i) =>
        `<row r="${i + 4}">${n(`A${i + 4}`, i + 1)}${s(`B${i + 4}`, 5 + i)}${s(`C${i + 4}`, 9)}<c r="D${i + 4}" t="inlineStr"><is><t>${grades[i]}</t></is></c></row>`,
    ),
    // a formula through the external link, with its cached value
    `<row r="10"><c r="F10"><f>[1]Sheet1!$A$1</f><v>42</v></c></row>`,
  ];
  return (
    `${HEAD}<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    `<dimension ref="A1:F10"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="18"/><sheetData>${rows.join("")}</sheetData>` +
    `<phoneticPr fontId="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<drawing r:id="rId1"/>` +
    `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
    `<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>データ!A4:A7</xm:f><xm:sqref>E4</xm:sqref></x14:sparkline></x14:sparklines>` +
    `</x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>`
  );
}

function pivotSheet(): string {
  return `${HEAD}<worksheet ${NS}><dimension ref="A3:B5"/><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>行ラベル</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const DRAWING =
  `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  `<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="${R}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
  `<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
  `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="テキスト ボックス 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
  `<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>担当者メモ：R4に再評価</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CHART =
  `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>` +
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>データ!$A$4:$A$7</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
  `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>` +
  `</c:plotArea></c:chart></c:chartSpace>`;

const STYLES =
  `${HEAD}<styleSheet ${NS}><fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font><font><sz val="6"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

export interface FeatureWorkbookOptions {
  macros?: boolean;
}

/** The workbook's parts, by name (bytes as the "user's application" wrote them). */
export function featureWorkbookParts(options: FeatureWorkbookOptions = {}): Record<string, Uint8Array> {
  const macros = options.macros === true;
  const ct = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/${type}"/>`;
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      (macros ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : "") +
      ct(
        "xl/workbook.xml",
        macros
          ? "vnd.ms-excel.sheet.macroEnabled.main+xml"
          : "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      ) +
      ct("xl/worksheets/sheet1.xml", "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml") +
      ct("xl/worksheets/sheet2.xml", "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml") +
      ct("xl/styles.xml", "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml") +
      ct("xl/sharedStrings.xml", "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml") +
      ct("xl/drawings/drawing1.xml", "vnd.openxmlformats-officedocument.drawing+xml") +
      ct("xl/charts/chart1.xml", "vnd.openxmlformats-officedocument.drawingml.chart+xml") +
      ct("xl/pivotTables/pivotTable1.xml", "vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml") +
      ct(
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
      ) +
      ct(
        "xl/pivotCache/pivotCacheRecords1.xml",
        "vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
      ) +
      ct("xl/externalLinks/externalLink1.xml", "vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml") +
      ct("docProps/core.xml", "vnd.openxmlformats-package.core-properties+xml") +
      ct("docProps/app.xml", "vnd.openxmlformats-officedocument.extended-properties+xml") +
      ct("docProps/custom.xml", "vnd.openxmlformats-officedocument.custom-properties+xml") +
      `</Types>`,
    "_rels/.rels":
      `${HEAD}<Relationships ${PKG_REL}>` +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${HEAD}<workbook ${NS}><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27029"/>` +
      `<workbookPr${macros ? ' codeName="ThisWorkbook"' : ""} defaultThemeVersion="166925"/>` +
      // a password-protected window arrangement: adding sheets stays allowed (with lockStructure Excel adds none, and the command refuses the workbook)
      `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockWindows="1"/>` +
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>` +
      `<sheets><sheet name="データ" sheetId="1" r:id="rId1"/><sheet name="ピボット" sheetId="2" r:id="rId2"/></sheets>` +
      `<externalReferences><externalReference r:id="rId5"/></externalReferences>` +
      `<definedNames><definedName name="外部参照">[1]Sheet1!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">データ!$A$1:$D$7</definedName></definedNames>` +
      `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rId6"/></pivotCaches></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${HEAD}<Relationships ${PKG_REL}>` +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId5" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
      `<Relationship Id="rId6" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      (macros
        ? `<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`
        : "") +
      `</Relationships>`,
    "xl/worksheets/sheet1.xml": dataSheet(),
    "xl/worksheets/_rels/sheet1.xml.rels": `${HEAD}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    "xl/worksheets/sheet2.xml": pivotSheet(),
    "xl/worksheets/_rels/sheet2.xml.rels": `${HEAD}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
    "xl/drawings/drawing1.xml": DRAWING,
    "xl/drawings/_rels/drawing1.xml.rels": `${HEAD}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    "xl/charts/chart1.xml": CHART,
    "xl/pivotTables/pivotTable1.xml": `${HEAD}<pivotTableDefinition ${NS} name="ピボットテーブル1" cacheId="7" dataCaption="値" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="8" minRefreshableVersion="3" createdVersion="8" indent="0" outline="1" outlineData="1"><location ref="A3:B5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
    "xl/pivotTables/_rels/pivotTable1.xml.rels": `${HEAD}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheDefinition1.xml": `${HEAD}<pivotCacheDefinition ${NS} r:id="rId1" refreshedBy="担当" refreshedDate="45000" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="4"><cacheSource type="worksheet"><worksheetSource ref="A3:D7" sheet="データ"/></cacheSource><cacheFields count="1"><cacheField name="No" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="4"/></cacheField></cacheFields></pivotCacheDefinition>`,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": `${HEAD}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheRecords1.xml": `${HEAD}<pivotCacheRecords ${NS} count="4"><r><n v="1"/></r><r><n v="2"/></r><r><n v="3"/></r><r><n v="4"/></r></pivotCacheRecords>`,
    "xl/externalLinks/externalLink1.xml": `${HEAD}<externalLink ${NS}><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    "xl/externalLinks/_rels/externalLink1.xml.rels": `${HEAD}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${R}/externalLinkPath" Target="file:///\\\\server\\share\\%E5%85%A8%E5%BA%81%E9%9B%86%E8%A8%88.xlsx" TargetMode="External"/></Relationships>`,
    "xl/styles.xml": STYLES,
    "xl/sharedStrings.xml": sst(),
    "docProps/core.xml": `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>企画課</dc:creator></cp:coreProperties>`,
    "docProps/app.xml": `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>ワークシート</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>名前付き一覧</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>データ</vt:lpstr><vt:lpstr>ピボット</vt:lpstr><vt:lpstr>データ!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    "docProps/custom.xml": `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="文書番号"><vt:lpwstr>企第123号</vt:lpwstr></property></Properties>`,
  };
  if (macros) parts["xl/vbaProject.bin"] = Uint8Array.from({ length: 512 }, (_, i) => (i * 31 + 7) & 0xff);
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) out[k] = typeof v === "string" ? strToU8(v) : v;
  return out;
}

export function featureWorkbook(options: FeatureWorkbookOptions = {}): Buffer {
  return Buffer.from(zipSync(featureWorkbookParts(options), { level: 6 }));
}
