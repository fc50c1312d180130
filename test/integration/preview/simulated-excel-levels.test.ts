/**
 * Requirement sets: isSetSupported answers per excelApiLevel, and members of newer sets fail
 * with ApiNotFound at sync, like a host that does not have them.
 */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { rejectionOf, simOf } from "./sim-helpers";

describe("simulated Excel: requirement sets", () => {
  test("isSetSupported follows excelApiLevel", () => {
    const office2019 = simOf(undefined, { excelApiLevel: 7 });
    const req = office2019.Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.8")).toBe(false);
    expect(req.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(req.isSetSupported("ExcelApi")).toBe(true);
    expect(req.isSetSupported("WordApi", "1.1")).toBe(false);
    const office2021 = simOf(undefined, { excelApiLevel: 14 }).Office.context.requirements;
    expect(office2021.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(office2021.isSetSupported("ExcelApi", "1.15")).toBe(false);
    const web = simOf().Office.context.requirements;
    expect(web.isSetSupported("ExcelApi", "1.20")).toBe(true);
  });

  test("getMergedAreasOrNullObject (1.13) fails with ApiNotFound at level 7 and works at 13", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.mergeCells("A1:C1");
    ws.mergeCells("B3:B5");
    const old = SimulatedExcel.fromExcelJs(wb, { excelApiLevel: 7 });
    const e = await rejectionOf(
      old.Excel.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject();
        m.load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
    const recent = SimulatedExcel.fromExcelJs(wb, { excelApiLevel: 13 });
    await recent.Excel.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject();
      m.load("address,areaCount,cellCount");
      const areas = m.areas;
      areas.load("items/address");
      const none = ctx.workbook.worksheets.getItem("S").getRange("E1:F2").getMergedAreasOrNullObject();
      await ctx.sync();
      expect(m.address).toBe("S!A1:C1, S!B3:B5");
      expect(m.areaCount).toBe(2);
      expect(m.cellCount).toBe(6);
      expect(areas.items.map((a: { address: string }) => a.address)).toEqual(["S!A1:C1", "S!B3:B5"]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("getMergedAreasOrNullObject returns the areas whose top-left cell is in the range (as Excel does)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.mergeCells("B2:D4");
    const sim = SimulatedExcel.fromExcelJs(wb);
    await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      const fromAnchor = s.getRange("A1:B2").getMergedAreasOrNullObject();
      const overlapOnly = s.getRange("C3:E6").getMergedAreasOrNullObject();
      fromAnchor.load("address");
      await ctx.sync();
      expect(fromAnchor.address).toBe("S!B2:D4");
      expect(overlapOnly.isNullObject).toBe(true);
    });
  });

  test("getMergedAreasOrNullObject fails past 512 merged areas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 513; r++) ws.mergeCells(r, 1, r, 2);
    const sim = SimulatedExcel.fromExcelJs(wb);
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    // Excel's generic failure: neither its message nor its location names the merged areas.
    expect(e.message).not.toMatch(/merged/i);
    expect(e.debugInfo?.errorLocation ?? "").not.toMatch(/getMergedAreas/);
  });

  test("pageLayout (1.9), suspendScreenUpdatingUntilNextSync (1.9), freezePanes and tabColor (1.7) per level", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const at = (level: number, batch: (ctx: any) => void) =>
      SimulatedExcel.fromExcelJs(simpleBook(), { excelApiLevel: level }).Excel.run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      });
    expect((await rejectionOf(at(7, (ctx) => (ctx.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape")))).code).toBe("ApiNotFound");
    expect((await rejectionOf(at(8, (ctx) => ctx.workbook.worksheets.getItem("S").pageLayout.headersFooters.defaultForAllPages.load("centerFooter")))).code).toBe("ApiNotFound");
    expect((await rejectionOf(at(7, (ctx) => ctx.workbook.application.suspendScreenUpdatingUntilNextSync()))).code).toBe("ApiNotFound");
    expect((await rejectionOf(at(6, (ctx) => ctx.workbook.worksheets.getItem("S").freezePanes.freezeRows(1)))).code).toBe("ApiNotFound");
    expect((await rejectionOf(at(6, (ctx) => (ctx.workbook.worksheets.getItem("S").tabColor = "#FF0000")))).code).toBe("ApiNotFound");
    expect((await rejectionOf(at(3, (ctx) => ctx.workbook.worksheets.getItemOrNullObject("S").load("name")))).code).toBe("ApiNotFound");
    await at(9, (ctx) => {
      ctx.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape";
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    });
    await at(7, (ctx) => {
      ctx.workbook.worksheets.getItem("S").freezePanes.freezeRows(1);
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("S").getRange("A1").hyperlink = { documentReference: "S!A2" };
    });
  });

  test("load() without arguments skips properties the host does not have", async () => {
    const sim = SimulatedExcel.fromExcelJs(simpleBook(), { excelApiLevel: 7 });
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.load();
      await ctx.sync();
      expect(ws.name).toBe("S");
      expect(ws.tabColor).toBe("");
      expect(() => ws.showGridlines).toThrow(/not available/); // ExcelApi 1.8
    });
  });
});

function simpleBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("A1").value = 1;
  return wb;
}
