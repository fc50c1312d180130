/**
 * References to sheets (formulas and defined names) follow renames and break on delete, as in
 * Excel; sheet-scoped names; copies; names survive the .xlsx round trip.
 */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { rejectionOf, simOf } from "./sim-helpers";

function bookWithReference(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const user = wb.addWorksheet("My notes");
  user.getCell("A1").value = { formula: "評価集計!C5", result: 0 };
  user.getCell("A2").value = { formula: "SUM('Other data'!B1:B3)*2", result: 0 };
  user.getCell("A3").value = { formula: 'CONCAT("評価集計!C5", 評価集計!C5)', result: "" };
  const gen = wb.addWorksheet("評価集計");
  gen.getCell("C5").value = 42;
  const other = wb.addWorksheet("Other data");
  other.getCell("B1").value = 1;
  return wb;
}

async function readA(sim: SimulatedExcel): Promise<{ formulas: unknown[]; values: unknown[] }> {
  return sim.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("My notes").getRange("A1:A3");
    r.load("formulas,values");
    await ctx.sync();
    return { formulas: r.formulas.map((x: unknown[]) => x[0]), values: r.values.map((x: unknown[]) => x[0]) };
  });
}

describe("formulas that point at a sheet", () => {
  test("a single-cell reference shows the cell's current value", async () => {
    const sim = simOf(bookWithReference());
    expect((await readA(sim)).values[0]).toBe(42);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("評価集計").getRange("C5").values = [[7]];
      await ctx.sync();
    });
    expect((await readA(sim)).values[0]).toBe(7);
  });

  test("follow a rename (quoted where needed), text inside string literals untouched", async () => {
    const sim = simOf(bookWithReference());
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("評価集計").name = "Summary 2024";
      ctx.workbook.worksheets.getItem("Other data").name = "Other";
      await ctx.sync();
    });
    const a = await readA(sim);
    expect(a.formulas).toEqual([
      "='Summary 2024'!C5",
      "=SUM(Other!B1:B3)*2",
      "=CONCAT(\"評価集計!C5\", 'Summary 2024'!C5)",
    ]);
    expect(a.values[0]).toBe(42);
  });

  test("become #REF! when the sheet is deleted; other references are untouched", async () => {
    const sim = simOf(bookWithReference());
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("評価集計").delete();
      await ctx.sync();
    });
    const a = await readA(sim);
    expect(a.formulas[0]).toBe("=#REF!C5");
    expect(a.values[0]).toBe("#REF!");
    expect(a.formulas[1]).toBe("=SUM('Other data'!B1:B3)*2");
    // A new sheet with the old name does not bring the reference back (as in Excel).
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("評価集計").getRange("C5").values = [[1]];
      await ctx.sync();
    });
    expect((await readA(sim)).values[0]).toBe("#REF!");
  });

  test("a delete that fails later in the batch keeps what ran before it (the reference is broken)", async () => {
    const sim = simOf(bookWithReference());
    const e = await rejectionOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("評価集計").delete();
        ctx.workbook.worksheets.getItem("No such sheet").delete();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect((await readA(sim)).formulas[0]).toBe("=#REF!C5");
  });
});

describe("defined names", () => {
  test("sheet-scoped names: same name on two sheets, hidden, constant value, gone with their sheet", async () => {
    const sim = simOf(bookWithReference());
    await sim.Excel.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("評価集計").names.add("Owner", '="progress-review/1 summary"');
      a.visible = false;
      ctx.workbook.worksheets.getItem("Other data").names.add("Owner", "=1");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Other data").names.add("owner", "=2");
      expect((await rejectionOf(ctx.sync())).code).toBe("ItemAlreadyExists");
      const names = ctx.workbook.worksheets.getItem("評価集計").names;
      names.load("items/name,items/value,items/type,items/visible,items/formula,items/scope");
      const wbNames = ctx.workbook.names;
      wbNames.load("items/name");
      await ctx.sync();
      expect(names.items.map((n: Excel.NamedItem) => [n.name, n.value, n.type, n.visible, n.formula, n.scope])).toEqual(
        [["Owner", "progress-review/1 summary", "String", false, '="progress-review/1 summary"', "Worksheet"]],
      );
      expect(wbNames.items).toHaveLength(0); // workbook.names lists workbook-scoped names only
      ctx.workbook.worksheets.getItem("評価集計").delete();
      await ctx.sync();
      const still = ctx.workbook.worksheets.getItem("Other data").names.getItemOrNullObject("Owner");
      still.load("value");
      await ctx.sync();
      expect(still.isNullObject).toBe(false);
      expect(still.value).toBe(1);
    });
  });

  test("a workbook name pointing at a sheet follows its rename and breaks on delete", async () => {
    const sim = simOf(bookWithReference());
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.names.add("Total", ctx.workbook.worksheets.getItem("評価集計").getRange("C5"));
      ctx.workbook.worksheets.getItem("評価集計").name = "集計";
      const n = ctx.workbook.names.getItem("Total");
      n.load("formula,type");
      await ctx.sync();
      expect(n.formula).toBe("=集計!$C$5");
      expect(n.type).toBe("Range");
      ctx.workbook.worksheets.getItem("集計").delete();
      n.load("formula,type");
      await ctx.sync();
      expect(n.formula).toBe("=#REF!$C$5");
      expect(n.type).toBe("Error");
    });
  });

  test("NamedItem.formula needs ExcelApi 1.7 and worksheet.names 1.4", async () => {
    const sim = simOf(bookWithReference(), { excelApiLevel: 3 });
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("評価集計").names.load("items/name");
      expect((await rejectionOf(ctx.sync())).code).toBe("ApiNotFound");
    });
  });

  test("names survive the .xlsx round trip: scope, hidden, constants, workbook ranges", async () => {
    const sim = simOf(bookWithReference());
    await sim.Excel.run(async (ctx) => {
      const owner = ctx.workbook.worksheets.getItem("Other data").names.add("Owner", "=\"a & <b> 'q'\"");
      owner.visible = false;
      ctx.workbook.worksheets.getItem("評価集計").names.add("Owner", "=TRUE");
      ctx.workbook.names.add("Total", ctx.workbook.worksheets.getItem("評価集計").getRange("C5"));
      await ctx.sync();
    });
    const again = await SimulatedExcel.fromBuffer(await sim.toBuffer());
    await again.Excel.run(async (ctx) => {
      const other = ctx.workbook.worksheets.getItem("Other data").names;
      const gen = ctx.workbook.worksheets.getItem("評価集計").names;
      const wb = ctx.workbook.names;
      for (const c of [other, gen, wb]) c.load("items/name,items/formula,items/visible");
      await ctx.sync();
      const rows = (c: Excel.NamedItemCollection) => c.items.map((n) => [n.name, n.formula, n.visible]);
      expect(rows(other)).toEqual([["Owner", "=\"a & <b> 'q'\"", false]]);
      expect(rows(gen)).toEqual([["Owner", "=TRUE", true]]);
      expect(rows(wb)).toEqual([["Total", "=評価集計!$C$5", true]]);
    });
  });
});

describe("copying a sheet", () => {
  test("the copy gets the cells and its own copy of the sheet's names; the original keeps its id", async () => {
    const sim = simOf(bookWithReference());
    await sim.Excel.run(async (ctx) => {
      const src = ctx.workbook.worksheets.getItem("評価集計");
      src.names.add("Owner", '="x"');
      src.load("id");
      const copy = src.copy();
      copy.load("name,id,position");
      await ctx.sync();
      expect(copy.name).toBe("評価集計 (2)");
      expect(copy.position).toBe(2);
      expect(copy.id).not.toBe(src.id);
      const n = copy.names.getItem("Owner");
      n.load("value");
      const c5 = copy.getRange("C5");
      c5.load("values");
      await ctx.sync();
      expect(n.value).toBe("x");
      expect(c5.values).toEqual([[42]]);
    });
  });
});
