/**
 * The Office.js enum objects the adapter may reference (Excel.ChartType.pie, …), as plain
 * string maps. The simulated host accepts the same strings whether they come from these
 * objects or are written literally.
 */

function camel(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    let key = /^\d/.test(v) ? `_${v}` : v[0].toLowerCase() + v.slice(1);
    if (/^XY/.test(v)) key = "xy" + v.slice(2);
    out[key] = v;
  }
  return out;
}

export const ExcelEnums = {
  ChartType: camel(
    ("Invalid ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked " +
      "BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 " +
      "PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked " +
      "AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView " +
      "SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea " +
      "Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel").split(" "),
  ),
  ChartSeriesBy: camel(["Auto", "Columns", "Rows"]),
  ChartLegendPosition: camel(["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"]),
  ChartDataLabelPosition: camel(["Invalid", "None", "Center", "InsideEnd", "InsideBase", "OutsideEnd", "Left", "Right", "Top", "Bottom", "BestFit", "Callout"]),
  ConditionalFormatType: camel(["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"]),
  ConditionalTextOperator: camel(["Invalid", "Contains", "NotContains", "BeginsWith", "EndsWith"]),
  ConditionalCellValueOperator: camel(["Invalid", "Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"]),
  SheetVisibility: camel(["Visible", "Hidden", "VeryHidden"]),
  BorderIndex: camel(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]),
  BorderLineStyle: camel(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]),
  BorderWeight: camel(["Hairline", "Thin", "Medium", "Thick"]),
  HorizontalAlignment: camel(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]),
  VerticalAlignment: camel(["Top", "Center", "Bottom", "Justify", "Distributed"]),
  PageOrientation: camel(["Portrait", "Landscape"]),
  HeaderFooterState: camel(["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"]),
  RangeValueType: camel(["Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"]),
  ClearApplyTo: camel(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"]),
  DeleteShiftDirection: camel(["Up", "Left"]),
  InsertShiftDirection: camel(["Down", "Right"]),
  CalculationType: camel(["Recalculate", "Full", "FullRebuild"]),
  PrintMarginUnit: camel(["Points", "Inches", "Centimeters"]),
  ErrorCodes: camel([
    "AccessDenied", "ApiNotFound", "Conflict", "GeneralException", "InsertDeleteConflict", "InvalidArgument", "InvalidBinding",
    "InvalidOperation", "InvalidReference", "InvalidSelection", "ItemAlreadyExists", "ItemNotFound", "MergedRangeConflict",
    "NonBlankCellOffSheet", "NotImplemented", "RequestAborted", "ResponsePayloadSizeLimitExceeded", "UnsupportedFeature",
    "UnsupportedOperation", "UnsupportedSheet", "InvalidOperationInCellEditMode",
  ]),
};
