/**
 * The size of what a write really sends, measured as it is built: the operation is run once
 * against a recording stand-in of the worksheet, and every navigation, method call and property
 * write it makes is sized the way Office.js encodes a request (a RequestMessageBody: an
 * ObjectPath with its arguments and an "instantiate" action per object reached, a SetProperty
 * action carrying each value written). Ids are counted at 8 digits, more than a session reaches,
 * so the measure is an upper bound of the real request, not an estimate of it.
 */
import { utf8Length } from "../core/utf8-length";

const ID = "12345678";
/** `"<id>":{"Id":<id>,"ObjectPathType":3,"Name":"","ParentObjectPathId":<id>,"ArgumentInfo":{"Arguments":}},` without name and arguments. */
const PATH_BYTES = utf8Length(
  `"${ID}":{"Id":${ID},"ObjectPathType":3,"Name":"","ParentObjectPathId":${ID},"ArgumentInfo":{"Arguments":}},`,
);
/** The instantiate action of an object path. */
const INSTANTIATE_BYTES = utf8Length(`{"Id":${ID},"ActionType":1,"Name":"","ObjectPathId":${ID}},`);
/** A SetProperty / method action without its name and arguments. */
const ACTION_BYTES = utf8Length(
  `{"Id":${ID},"ActionType":4,"Name":"","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":[]}},`,
);

/**
 * Inside Excel.run, Office.js keeps every Range it creates alive for the run (context._autoCleanup → trackedObjects):
 * besides the method's path and instantiate action, each gets a `_KeepReference` method action and a second
 * instantiate action. On a write of one link per cell this is a fifth of the request; measured on the real bodies
 * (excel-win32-16.01.js, test/integration/office-js/request-meter-office-js.test.ts).
 */
const KEEP_REFERENCE_BYTES =
  INSTANTIATE_BYTES +
  utf8Length(`{"Id":${ID},"ActionType":3,"Name":"_KeepReference","ObjectPathId":${ID},"ArgumentInfo":{"Arguments":[]}},`);
/** The methods of the writes that return a Range (kept alive as above). */
const RANGE_METHODS = new Set(["getRange", "getRangeByIndexes", "getEntireColumn"]);

/**
 * Office.js (setRangePropertiesInBulk, ExcelApi 1.3+) sends a values / numberFormat / formulas assignment of more
 * than 1,500 cells as chunks of about 1,500 cells: per chunk, range.getRow(first).getBoundingRect(range.getRow(last))
 * (three object paths, the last one referencing another) and a SetProperty action carrying the chunk's rows.
 */
export const BULK_MAX_CELLS = 1500;
const BULK_PROPERTIES = new Set(["values", "numberFormat", "formulas", "formulasLocal", "formulasR1C1"]);
// Computed on first use: the JSON sizes need the stand-in class defined below.
let chunkPathsBytes: number | null = null;
function chunkPathsBytesOf(): number {
  return (chunkPathsBytes ??=
    2 * objectPathBytesOf("GetRow", [Number(ID)]) +
    objectPathBytesOf("GetBoundingRect", [Number(ID)]) +
    // The three ranges are created in the run (a second instantiate action each); untrack() drops their _KeepReference.
    3 * INSTANTIATE_BYTES +
    utf8Length(`,"ReferencedObjectPathIds":[${ID}]`));
}

/** Request bytes of assigning `value` to `prop` of a range, chunked as Office.js chunks it; null when it is not chunked. */
export function bulkAssignmentBytes(prop: string, value: unknown): number | null {
  if (!BULK_PROPERTIES.has(prop) || !Array.isArray(value) || value.length === 0 || !Array.isArray(value[0]))
    return null;
  const cols = (value[0] as unknown[]).length;
  if (value.length * cols <= BULK_MAX_CELLS) return null;
  const perChunk = Math.max(1, Math.round(BULK_MAX_CELLS / cols));
  let bytes = 0;
  for (let start = 0; start < value.length; start += perChunk)
    bytes += chunkPathsBytesOf() + ACTION_BYTES + utf8Length(prop) + jsonLength([value.slice(start, start + perChunk)]);
  return bytes;
}

/** Bytes of one object the request has to reach (a sheet by name, a collection, a range). */
export function objectPathBytes(name: string, args: unknown[] = []): number {
  return objectPathBytesOf(name, args);
}

function objectPathBytesOf(name: string, args: unknown[]): number {
  return PATH_BYTES + INSTANTIATE_BYTES + utf8Length(name) + jsonLength(args);
}

function jsonLength(value: unknown): number {
  return utf8Length(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "function" || v instanceof StandIn ? undefined : v)) ??
      "null",
  );
}

interface Node {
  name: string;
  parent: Node | null;
  /** Counted in the request already. */
  used: boolean;
}

/** The Excel objects a write reaches (a listed name must be a member of one of them). */
type WriteObject =
  | Excel.RequestContext
  | Excel.Workbook
  | Excel.WorksheetCollection
  | Excel.Worksheet
  | Excel.NamedItemCollection
  | Excel.NamedItem
  | Excel.Range
  | Excel.RangeFormat
  | Excel.RangeFont
  | Excel.RangeFill
  | Excel.RangeBorderCollection
  | Excel.RangeBorder
  | Excel.ConditionalFormatCollection
  | Excel.ConditionalFormat
  | Excel.CellValueConditionalFormat
  | Excel.ConditionalRangeFormat
  | Excel.ConditionalRangeFont
  | Excel.ConditionalRangeFill
  | Excel.TableCollection
  | Excel.Table
  | Excel.ChartCollection
  | Excel.Chart
  | Excel.ChartTitle
  | Excel.ChartDataLabels
  | Excel.ChartSeriesCollection
  | Excel.ChartSeries
  | Excel.ChartSeriesFormat
  | Excel.ChartPointsCollection
  | Excel.ChartPoint
  | Excel.ChartPointFormat
  | Excel.ChartFill
  | Excel.WorksheetFreezePanes
  | Excel.PageLayout
  | Excel.HeaderFooterGroup
  | Excel.HeaderFooter
  | Excel.PageBreakCollection;
type MemberName = WriteObject extends infer U ? (U extends unknown ? keyof U & string : never) : never;

/**
 * The members of the Excel API the writes use. The stand-in is built from these names, not with a Proxy (IE11,
 * which Office 2019 may use for the ribbon command, has none and it cannot be polyfilled). The writes see the
 * Excel objects only through `Metered<…>` (below), which has these members and no others: a write that uses one
 * not listed is a compile error, and a listed name that is no member of the objects above is one too.
 */
const METHODS = [
  "activate",
  "add",
  "autofitRows",
  "clear",
  "clearAll",
  "delete",
  "freezeAt",
  "freezeColumns",
  "freezeRows",
  "getEntireColumn",
  "getItem",
  "getItemAt",
  "getRange",
  "getRangeByIndexes",
  "merge",
  "removePageBreaks",
  "resize",
  "setPosition",
  "setPrintArea",
  "setPrintTitleRows",
  "setSolidColor",
  "trace",
  "unfreeze",
] as const satisfies readonly MemberName[];
/** Objects reached by navigation, and properties written (both are paths in the request when navigated). */
const PROPERTIES = [
  "borders",
  "cellValue",
  "charts",
  "conditionalFormats",
  "dataLabels",
  "defaultForAllPages",
  "fill",
  "font",
  "format",
  "freezePanes",
  "headersFooters",
  "horizontalPageBreaks",
  "names",
  "pageLayout",
  "points",
  "series",
  "tables",
  "title",
  "workbook",
  "worksheets",
  "bold",
  "bottomMargin",
  "centerFooter",
  "color",
  "columnWidth",
  "footerMargin",
  "formula",
  "headerMargin",
  "horizontalAlignment",
  "hyperlink",
  "italic",
  "leftMargin",
  "name",
  "numberFormat",
  "orientation",
  "paperSize",
  "rightMargin",
  "rowHeight",
  "rule",
  "showFilterButton",
  "showPercentage",
  "showValue",
  "size",
  "style",
  "tabColor",
  "text",
  "topMargin",
  "values",
  "verticalAlignment",
  "visibility",
  "visible",
  "wrapText",
  "zoom",
] as const satisfies readonly MemberName[];

type MethodName = (typeof METHODS)[number];
type PropertyName = (typeof PROPERTIES)[number];

/** The listed members of an Office.js object: its methods in METHODS and its properties in PROPERTIES. */
type MeteredKey<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown
    ? K extends MethodName
      ? K
      : never
    : K extends PropertyName
      ? K
      : never;
}[keyof T];
// K constrained by keyof T: the members keep their @types/office-js declarations (and documentation).
type MeteredPick<T, K extends keyof T> = { [P in K]: MeteredMember<T[P]> };
/** Where Office.js takes or returns one of its objects, the metered view of it. */
type MeteredValue<X> = X extends OfficeExtension.ClientObject ? Metered<X> : X;
type MeteredArgs<A extends unknown[]> = { [I in keyof A]: MeteredValue<A[I]> };
type MeteredMember<M> = M extends (...args: infer A) => infer R
  ? { method(...args: MeteredArgs<A>): MeteredValue<R> }["method"] // method syntax: a real object still fits
  : MeteredValue<M>;

/**
 * An Office.js object as the writes may use it (Excel.Worksheet → only the listed members, recursively). The real
 * objects are assignable to it, so a write runs unchanged in Excel and on the recording stand-in.
 */
export type Metered<T> = MeteredPick<T, MeteredKey<T>>;

interface Meter {
  bytes: number;
}

/** A recording stand-in of one object of the request. */
class StandIn {
  constructor(
    readonly node: Node,
    readonly meter: Meter,
  ) {
    Object.preventExtensions(this);
  }
  /** Reaching an object by navigation (ws.format.font) costs a path per step, once. */
  reach(n: Node | null): void {
    for (let p = n; p && !p.used; p = p.parent) {
      p.used = true;
      this.meter.bytes += objectPathBytes(p.name);
    }
  }
}

for (const name of METHODS as readonly string[]) {
  Object.defineProperty(StandIn.prototype, name, {
    get(this: StandIn) {
      return (...args: unknown[]) => {
        // A method path with its arguments (a void method is an action of the same size).
        this.reach(this.node);
        this.meter.bytes += objectPathBytes(name, args) + (RANGE_METHODS.has(name) ? KEEP_REFERENCE_BYTES : 0);
        return new StandIn({ name, parent: this.node, used: true }, this.meter);
      };
    },
  });
}
for (const name of PROPERTIES as readonly string[]) {
  Object.defineProperty(StandIn.prototype, name, {
    get(this: StandIn) {
      return new StandIn({ name, parent: this.node, used: false }, this.meter);
    },
    set(this: StandIn, value: unknown) {
      this.reach(this.node);
      // values / numberFormat / formulas over 1,500 cells travel in Office.js's chunks.
      this.meter.bytes += bulkAssignmentBytes(name, value) ?? ACTION_BYTES + utf8Length(name) + jsonLength(value);
    },
  });
}

/**
 * Runs `build` on a recording stand-in of a worksheet (or any object) and returns the request
 * bytes of what it did, not counting the root itself (the caller counts the worksheet once per
 * batch). Objects passed as arguments travel as ids (counted as null).
 */
export function measureRequest<T extends object>(build: (root: Metered<T>) => void): number {
  const meter: Meter = { bytes: 0 };
  // The stand-in has every listed member (defined above from the same lists), which is all Metered<T> has.
  build(new StandIn({ name: "", parent: null, used: true }, meter) as unknown as Metered<T>);
  return meter.bytes;
}
