/**
 * The request meter's stand-in works without Proxy (IE11 has none: Office 2019's ribbon command), counts a
 * navigated object once, and refuses a member it does not know rather than under-count it.
 */
import { measureRequest, objectPathBytes, type Metered } from "../../../src/excel/excel-request-meter";

type Ws = Excel.Worksheet;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
/** A SetProperty action as Office.js writes it (ids at 8 digits), with the value's JSON. */
const setAction = (name: string, valueJson: string) =>
  bytes(`{"Id":12345678,"ActionType":4,"Name":"${name}","ObjectPathId":12345678,"ArgumentInfo":{"Arguments":[]}},`) +
  bytes(valueJson);

/**
 * A Range created inside Excel.run is kept for the run by Office.js: a _KeepReference action and a second
 * instantiate action (excel-win32-16.01.js, ClientObject → trackedObjects._autoAdd).
 */
const keptRange =
  bytes(`{"Id":12345678,"ActionType":1,"Name":"","ObjectPathId":12345678},`) +
  bytes(
    `{"Id":12345678,"ActionType":3,"Name":"_KeepReference","ObjectPathId":12345678,"ArgumentInfo":{"Arguments":[]}},`,
  );

describe("request meter", () => {
  it("measures in a realm without Proxy", () => {
    const saved = globalThis.Proxy;
    // @ts-expect-error removed as in IE11
    delete globalThis.Proxy;
    try {
      jest.isolateModules(() => {
        type MeterModule = typeof import("../../../src/excel/excel-request-meter");
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded afresh without Proxy
        const meter = require("../../../src/excel/excel-request-meter") as MeterModule;
        const n = meter.measureRequest<Ws>((ws) => {
          ws.getRange("A1").values = [["x"]];
        });
        expect(n).toBe(meter.objectPathBytes("getRange", ["A1"]) + keptRange + setAction("values", '[["x"]]'));
      });
    } finally {
      globalThis.Proxy = saved;
    }
  });

  it("a path reached twice is counted once; a method call is a path with its arguments", () => {
    const n = measureRequest<Ws>((ws) => {
      const font = ws.getRange("A1:B2").format.font;
      font.bold = true;
      font.color = "#FF0000";
    });
    expect(n).toBe(
      objectPathBytes("getRange", ["A1:B2"]) +
        keptRange +
        objectPathBytes("format") +
        objectPathBytes("font") +
        setAction("bold", "true") +
        setAction("color", '"#FF0000"'),
    );
  });

  it("objects passed as arguments travel as ids (null)", () => {
    const n = measureRequest<Ws>((ws) => void ws.tables.add(ws.getRange("A1:C3") as unknown as string, true));
    expect(n).toBe(
      objectPathBytes("getRange", ["A1:C3"]) +
        keptRange +
        objectPathBytes("tables") +
        objectPathBytes("add", [null, true]),
    );
  });

  it("a member it does not know throws (a write must not be under-counted)", () => {
    expect(() =>
      measureRequest<Ws>((ws) => {
        (ws as unknown as { showGridlines: boolean }).showGridlines = false;
      }),
    ).toThrow(TypeError);
    expect(() =>
      measureRequest<Ws>((ws) => void (ws.getRange("A1") as unknown as Excel.Range).getOffsetRange(1, 1)),
    ).toThrow(TypeError);
  });

  it("a write that uses a member the meter does not list does not compile; the Excel objects fit the metered view", () => {
    const unlisted = (ws: Metered<Excel.Worksheet>) => {
      // @ts-expect-error Worksheet.showGridlines is not listed: the write would be under-counted.
      ws.showGridlines = false;
      // @ts-expect-error Range.getOffsetRange is not listed.
      ws.getRange("A1").getOffsetRange(1, 1);
      // @ts-expect-error a misspelt member is no member at all.
      ws.getRange("A1").format.font.bolt = true;
    };
    // The real objects are accepted where the writes take the metered view (Excel.run hands those).
    const real = (ws: Excel.Worksheet, ctx: Excel.RequestContext): [Metered<Excel.Worksheet>, Metered<Excel.RequestContext>] => [ws, ctx];
    void unlisted;
    void real;
    // Both were used by writes without being listed (a refreshed sheet's new owner marker, an italic style): the
    // stand-in threw "object is not extensible"; the metered types found them.
    expect(() =>
      measureRequest<Excel.RequestContext>((ctx) => {
        ctx.workbook.worksheets.getItem("S").names.getItem("M").formula = "=1";
        ctx.workbook.worksheets.getItem("S").getRange("A1").format.font.italic = true;
      }),
    ).not.toThrow();
  });
});
