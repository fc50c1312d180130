/**
 * Writing values goes through Excel's input parsing; the "@" (text) number format is the guard.
 * Reading gives values, text (displayed), formulas, numberFormat, valueTypes as Excel does.
 */
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { rejectionOf, savedValue, simOf } from "./sim-helpers";

async function writeAndRead(sim: SimulatedExcel, address: string, values: unknown[][], numberFormat?: unknown[][]) {
  return sim.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Notes").getRange(address);
    if (numberFormat) r.numberFormat = numberFormat;
    r.values = values;
    r.load("values,formulas,text,numberFormat,valueTypes");
    await ctx.sync();
    return { values: r.values, formulas: r.formulas, text: r.text, numberFormat: r.numberFormat, valueTypes: r.valueTypes };
  });
}

describe("simulated Excel: values as Excel parses them", () => {
  test('"=1+1" written as a value becomes a formula; under "@" it stays text', async () => {
    const sim = simOf();
    const plain = await writeAndRead(sim, "A1", [["=1+1"]]);
    expect(plain.formulas).toEqual([["=1+1"]]);
    expect(plain.values).toEqual([[""]]); // no recalculation: the formula has no cached result
    expect(savedValue(sim, "Notes", "A1")).toEqual({ formula: "1+1" });

    const guarded = await writeAndRead(sim, "B1", [["=1+1"]], [["@"]]);
    expect(guarded.values).toEqual([["=1+1"]]);
    expect(guarded.formulas).toEqual([["=1+1"]]);
    expect(guarded.valueTypes).toEqual([["String"]]);
    expect(guarded.text).toEqual([["=1+1"]]);
    expect(savedValue(sim, "Notes", "B1")).toBe("=1+1");
  });

  test("the order matters: a format set after the value does not turn a formula back into text", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Notes").getRange("A1");
      r.values = [["=SUM(1,2)"]];
      r.numberFormat = [["@"]];
      await ctx.sync();
    });
    expect(savedValue(sim, "Notes", "A1")).toEqual({ formula: "SUM(1,2)" });
  });

  test('numbers in text become numbers unless the cell is "@"', async () => {
    const sim = simOf();
    const inputs = [["0012", "1,000", "50%", "+1", "-1", "1.5E3", "(25)", "TRUE", "2020-04-01", "#N/A"]];
    const plain = await writeAndRead(sim, "A1:J1", inputs);
    expect(plain.values).toEqual([[12, 1000, 0.5, 1, -1, 1500, -25, true, 43922, "#N/A"]]);
    expect(plain.valueTypes).toEqual([["Double", "Double", "Double", "Double", "Double", "Double", "Double", "Boolean", "Double", "Error"]]);
    expect(plain.text).toEqual([["12", "1,000", "50%", "1", "-1", "1.50E+03", "-25", "TRUE", "2020/4/1", "#N/A"]]);
    expect(plain.numberFormat[0].slice(0, 3)).toEqual(["General", "#,##0", "0%"]);

    const text = await writeAndRead(sim, "A2:J2", inputs, [inputs[0].map(() => "@")]);
    expect(text.values).toEqual(inputs);
    expect(text.valueTypes).toEqual([inputs[0].map(() => "String")]);
  });

  test('a leading + - or @ before text is read as a formula; an apostrophe forces text', async () => {
    const sim = simOf();
    const r = await writeAndRead(sim, "A1:D1", [["+abc", "-項目", "@name", "'=not a formula"]]);
    expect(r.formulas).toEqual([["=+abc", "=-項目", "=@name", "=not a formula"]]);
    expect(r.values[0][3]).toBe("=not a formula");
    expect(r.valueTypes[0][3]).toBe("String");
  });

  test("a formula that does not parse is InvalidArgument", async () => {
    const sim = simOf();
    const e = await rejectionOf(writeAndRead(sim, "A1", [["=SUM(1,2"]]));
    expect(e.code).toBe("InvalidArgument");
  });

  test("values travel as JSON: NaN and undefined become null (cell unchanged); objects are refused", async () => {
    const sim = simOf();
    await writeAndRead(sim, "A1:B1", [["keep", "keep"]]);
    const r = await writeAndRead(sim, "A1:B1", [[NaN, undefined]]);
    expect(r.values).toEqual([["keep", "keep"]]);
    const e = await rejectionOf(writeAndRead(sim, "A1", [[{ a: 1 }]]));
    expect(e.code).toBe("InvalidArgument");
  });

  test('"" clears a cell; a single value fills the whole range', async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Notes").getRange("A1:B2");
      r.values = 7 as unknown as unknown[][];
      await ctx.sync();
      r.values = [["", null], [null, ""]];
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["", 7], [7, ""]]);
    });
  });

  test("text follows the number format (General, 0, 0.0, 0.00, #,##0, percentages, dates, Japanese eras)", async () => {
    const sim = simOf();
    const formats = ["General", "0", "0.0", "0.00", "#,##0", "0%", "0.0%", "0.00%", "yyyy/m/d", '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"'];
    const values = [1234.5678, 1234.5678, 1234.5678, 1234.5678, 1234.5678, 0.1234, 0.1234, 0.1234, 44287, 44287];
    const r = await writeAndRead(sim, "A1:J1", [values], [formats]);
    expect(r.text).toEqual([["1234.5678", "1235", "1234.6", "1234.57", "1,235", "12%", "12.3%", "12.34%", "2021/4/1", "令和3年4月1日"]]);
    expect(r.numberFormat).toEqual([formats]);
  });

  test("reads of cells loaded from a file: formulas keep their cached results, errors are strings, merged cells hold one value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "B1*2", result: 84 } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = 42;
    ws.getCell("C1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("D1").value = { richText: [{ text: "太字", font: { bold: true } }, { text: "と普通" }] };
    ws.getCell("A2").value = "結合";
    ws.mergeCells("A2:C2");
    ws.getCell("D2").value = new Date(Date.UTC(2021, 3, 1));
    ws.getCell("D2").numFmt = "yyyy/m/d";
    const sim = SimulatedExcel.fromExcelJs(wb);
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getUsedRange();
      r.load("address,values,formulas,valueTypes,text");
      await ctx.sync();
      expect(r.address).toBe("S!A1:D2");
      expect(r.values).toEqual([
        [84, 42, "#DIV/0!", "太字と普通"],
        ["結合", "", "", 44287],
      ]);
      expect(r.formulas[0][0]).toBe("=B1*2");
      expect(r.valueTypes[0]).toEqual(["Double", "Double", "Error", "String"]);
      expect(r.text[1][3]).toBe("2021/4/1");
    });
  });

  test("a blank sheet's used range is A1; getUsedRangeOrNullObject gives a null object", async () => {
    const sim = simOf();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Notes");
      const used = ws.getUsedRange();
      used.load("address");
      const orNull = ws.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(used.address).toBe("Notes!A1");
      expect(orNull.isNullObject).toBe(true);
    });
  });

  test("addresses quote sheet names the way Excel does", async () => {
    const wb = new ExcelJS.Workbook();
    for (const n of ["評価一覧", "My Sheet", "It's", "2020", "A1", "Sheet_1"]) wb.addWorksheet(n);
    const sim = SimulatedExcel.fromExcelJs(wb);
    const got = await sim.Excel.run(async (ctx) => {
      const rs = ["評価一覧", "My Sheet", "It's", "2020", "A1", "Sheet_1"].map((n) => ctx.workbook.worksheets.getItem(n).getRange("b2:c3").load("address"));
      await ctx.sync();
      return rs.map((r) => r.address);
    });
    expect(got).toEqual(["評価一覧!B2:C3", "'My Sheet'!B2:C3", "'It''s'!B2:C3", "'2020'!B2:C3", "'A1'!B2:C3", "Sheet_1!B2:C3"]);
  });
});
