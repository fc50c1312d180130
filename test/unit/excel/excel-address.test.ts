import {
  columnIndex,
  columnLetters,
  parseAreas,
  parseRect,
  quoteSheetName,
  rectAddress,
  splitAreas,
} from "../../../src/excel/excel-address";

describe("excel-address", () => {
  test("column letters both ways", () => {
    for (const [i, s] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
  });

  test("parses Office.js addresses into zero-based rects", () => {
    expect(parseRect("Sheet1!B2:D10")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseRect("'表 4-1'!A1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    expect(parseRect("'it''s!'!$C$3:$E$4")).toEqual({ top: 2, left: 2, bottom: 3, right: 4 });
    expect(parseRect("進捗!AA100:AB101")).toEqual({ top: 99, left: 26, bottom: 100, right: 27 });
  });

  test("merged-area lists split on commas outside quoted names", () => {
    expect(splitAreas("'a,b'!A1:B2, 'a,b'!D4:E5")).toEqual(["'a,b'!A1:B2", "'a,b'!D4:E5"]);
    expect(parseAreas("S!A1:B2,S!C3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });

  test("references for links and messages", () => {
    expect(quoteSheetName("令和3年度")).toBe("'令和3年度'");
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
    expect(rectAddress({ top: 4, left: 0, bottom: 4, right: 0 })).toBe("A5");
    expect(rectAddress({ top: 0, left: 0, bottom: 2, right: 27 })).toBe("A1:AB3");
  });
});

describe("whole rows and columns (as Excel reports merged areas that span them)", () => {
  test("rows 1:1 and $2:$3 span every column; A:C spans every row", () => {
    expect(parseRect("Sheet1!1:1")).toEqual({ top: 0, bottom: 0, left: 0, right: 16383 });
    expect(parseRect("'My sheet'!$2:$3")).toEqual({ top: 1, bottom: 2, left: 0, right: 16383 });
    expect(parseRect("A:C")).toEqual({ top: 0, bottom: 1048575, left: 0, right: 2 });
    expect(parseAreas("S!1:1, S!B2:C3")).toEqual([
      { top: 0, bottom: 0, left: 0, right: 16383 },
      { top: 1, bottom: 2, left: 1, right: 2 },
    ]);
  });
  test("a bare row or column number is not an address", () => {
    expect(() => parseRect("S!12")).toThrow();
    expect(() => parseRect("S!AB")).toThrow();
  });
});
