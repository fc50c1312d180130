/**
 * Worksheet events through Microsoft's Office.js, as the pane registers and removes them: registration is
 * Office.js's own _Register…Event request to the simulated host, events come back as Excel sends them
 * (RichApi messages with Office.js's event types), and removal needs the context the handlers were added in —
 * `Excel.run(eventResult.context, …)`; Office.js itself rejects `Excel.run(eventResult, …)`.
 */
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { createOfficeJsRealm, type OfficeJsRealm } from "../../helpers/office-js-realm";
import { loadWorkbook, TOKORO } from "../excel/helpers";

jest.setTimeout(120_000);

type Handler = (e: { worksheetId: string; address?: string; type?: string }) => Promise<void>;

async function realmOn(level: number): Promise<{ realm: OfficeJsRealm; Excel: typeof globalThis.Excel }> {
  const sim = SimulatedExcel.fromExcelJs(await loadWorkbook(TOKORO), { excelApiLevel: level });
  const realm = await createOfficeJsRealm({ sim, url: "https://localhost:3000/taskpane.html" });
  return { realm, Excel: (realm.window as unknown as { Excel: typeof globalThis.Excel }).Excel };
}

describe("events on Excel for Windows at ExcelApi 1.7 (one handler per sheet)", () => {
  let realm: OfficeJsRealm;
  let Excel: typeof globalThis.Excel;
  let added: { result: OfficeExtension.EventHandlerResult<Excel.WorksheetSelectionChangedEventArgs>; id: string };
  const seen: { worksheetId: string; address?: string }[] = [];
  const onSelection: Handler = async (e) => void seen.push({ worksheetId: e.worksheetId, address: e.address });

  beforeAll(async () => {
    ({ realm, Excel } = await realmOn(7));
    added = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/id,items/name");
      await ctx.sync();
      const ws = sheets.items[0]!;
      const result = ws.onSelectionChanged.add(onSelection);
      await ctx.sync();
      return { result, id: ws.id };
    });
  });
  afterAll(() => realm.close());

  test("Office.js registered the handler with Excel, on that sheet", () => {
    expect(realm.richApi.events).toEqual([{ event: "SelectionChanged", on: "Worksheet", targetId: added.id }]);
  });

  test("a selection Excel reports reaches the handler with the sheet and the address", async () => {
    expect(realm.host.raiseWorksheetEvent("SelectionChanged", added.id, { address: "B5" })).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([{ worksheetId: added.id, address: "B5" }]);
  });

  test("a sheet without a handler raises nothing", () => {
    expect(realm.host.raiseWorksheetEvent("SelectionChanged", "no-such-sheet", { address: "A1" })).toBe(0);
    expect(realm.host.raiseWorksheetEvent("DataChanged", added.id, { address: "A1" })).toBe(0);
  });

  test("Excel.run(eventResult, …) is rejected by Office.js with InvalidArgument, and the handler stays", async () => {
    const run = Excel.run as unknown as (o: unknown, b: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>;
    await expect(
      run(added.result, async (ctx) => {
        added.result.remove();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(realm.richApi.events).toHaveLength(1);
  });

  test("Excel.run(eventResult.context, …) removes it: Excel is told, and events no longer arrive", async () => {
    await Excel.run(added.result.context, async (ctx) => {
      added.result.remove();
      await ctx.sync();
    });
    expect(realm.richApi.events).toEqual([]);
    expect(realm.host.raiseWorksheetEvent("SelectionChanged", added.id, { address: "C7" })).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
  });
});

describe("events on the worksheets collection (ExcelApi 1.9)", () => {
  test("onChanged / onAdded / onDeleted are registered on the workbook and removed together", async () => {
    const { realm, Excel } = await realmOn(9);
    try {
      const changes: string[] = [];
      const results = await Excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const r = [
          sheets.onChanged.add(async (e) => void changes.push(`${e.worksheetId} ${e.address}`)),
          sheets.onAdded.add(async () => undefined),
          sheets.onDeleted.add(async () => undefined),
        ];
        await ctx.sync();
        return r;
      });
      expect(realm.richApi.events.map((e) => `${e.on}.${e.event}@${e.targetId}`).sort()).toEqual([
        "WorksheetCollection.Added@Workbook",
        "WorksheetCollection.DataChanged@Workbook",
        "WorksheetCollection.Deleted@Workbook",
      ]);
      const id = await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("表4-1");
        ws.load("id");
        await ctx.sync();
        return ws.id;
      });
      expect(realm.host.raiseWorksheetEvent("DataChanged", id, { address: "D9", changeType: "RangeEdited", source: "Local" })).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(changes).toEqual([`${id} D9`]);
      await Excel.run(results[0]!.context, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      });
      expect(realm.richApi.events).toEqual([]);
    } finally {
      realm.close();
    }
  });
});
