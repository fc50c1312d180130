/**
 * Target / actual cells in every form the municipal sheets use (GRADING.md §4
 * and the value forms of the issue). Expected values are worked out by hand.
 */
import { parseIndicatorValue, isErrorValue, excludedWord } from "../../../../src/core/cells/parse-indicator-value";
import { cell, numCell, expectNumber, expectExact } from "../helpers";

describe("numbers written as text", () => {
  it.each([
    ["36000", 36000, "36000", null],
    ["36,000件", 36000, "36000", "件"],
    ["３６，０００件", 36000, "36000", "件"],
    ["1,234,567円", 1234567, "1234567", "円"],
    ["12.5", 12.5, "12.5", null],
    ["１２．５時間", 12.5, "12.5", "時間"],
    ["0.5", 0.5, "0.5", null],
  ])("%s → %d (unit %s)", (text, value, exact, unit) => {
    const v = expectNumber(cell(text));
    expect(v.value).toBe(value);
    expectExact(v.exact, exact);
    expect(v.unit).toBe(unit);
    expect(v.qualifier).toBeNull();
  });

  it.each([
    ["－５", -5],
    ["-5", -5],
    ["＋３", 3],
    ["+3", 3],
    ["▲5", -5],
    ["△5", -5],
    ["▲ 5", -5],
    ["▲1,200件", -1200],
  ])("sign: %s → %d", (text, value) => {
    expect(expectNumber(cell(text)).value).toBe(value);
  });

  it("the minus sign U+2212 (as typed by some IMEs) is a minus: −5 → −5", () => {
    expect(expectNumber(cell("−5")).value).toBe(-5);
    expect(expectNumber(cell("−16.68%")).value).toBeCloseTo(-0.1668, 12);
  });

  it("▲16.68% as text is −16.68 % = −0.1668 exactly", () => {
    const v = expectNumber(cell("▲16.68%"));
    expect(v.value).toBeCloseTo(-0.1668, 12);
    expectExact(v.exact, "-0.1668");
    expect(v.unit).toBe("%");
  });

  it("△3件 is −3 件", () => {
    const v = expectNumber(cell("△3件"));
    expect(v.value).toBe(-3);
    expect(v.unit).toBe("件");
  });

  it.each([
    ["32.80%", "0.328"],
    ["32.80％", "0.328"],
    ["３２．８０％", "0.328"],
    ["100%", "1"],
    ["+10.0%", "0.1"],
    ["8.0%", "0.08"],
  ])("percent %s → %s", (text, exact) => {
    const v = expectNumber(cell(text));
    expectExact(v.exact, exact);
    expect(v.value).toBeCloseTo(Number(exact), 12);
    expect(v.unit).toBe("%");
  });

  it.each([
    ["120件", "件"],
    ["350人", "人"],
    ["2.5時間", "時間"],
    ["15分", "分"],
    ["4回", "回"],
    ["80点", "点"],
    ["12拠点", "拠点"],
    ["1,000円", "円"],
    ["3.5ポイント", "ポイント"],
    ["200万円", "円"], // 万 is a magnitude (2,000,000 円), issue 16
    ["1.2倍", "倍"],
    ["25校", "校"],
    ["7団体", "団体"],
  ])("unit: %s has unit %s", (text, unit) => {
    expect(expectNumber(cell(text)).unit).toBe(unit);
  });

  it.each([
    ["15分以内", 15, "分", "以内"],
    ["１５分以内", 15, "分", "以内"],
    ["10件以下", 10, "件", "以下"],
    ["5人未満", 5, "人", "未満"],
    ["3回以上", 3, "回", "以上"],
    ["30日まで", 30, "日", "まで"],
    ["100以内", 100, null, "以内"],
  ])("qualifier: %s → %d, unit %s, qualifier %s", (text, value, unit, qualifier) => {
    const v = expectNumber(cell(text));
    expect(v.value).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.qualifier).toBe(qualifier);
  });

  it("80%以上 → 0.8, unit %, qualifier 以上", () => {
    const v = expectNumber(cell("80%以上"));
    expectExact(v.exact, "0.8");
    expect(v.unit).toBe("%");
    expect(v.qualifier).toBe("以上");
  });
});

describe("numbers shown through a number format", () => {
  it('−0.1668 with 0.00%;"▲"0.00% (shown ▲16.68%) → −0.1668, unit %', () => {
    const v = expectNumber(numCell(-0.1668, "▲16.68%", '0.00%;"▲"0.00%'));
    expect(v.value).toBe(-0.1668);
    expectExact(v.exact, "-0.1668");
    expect(v.unit).toBe("%");
  });

  it("0.328 with 0.00% → 0.328, unit %", () => {
    const v = expectNumber(numCell(0.328, "32.80%", "0.00%"));
    expectExact(v.exact, "0.328");
    expect(v.unit).toBe("%");
  });

  it('36000 with #,##0"件" → 36000, unit 件', () => {
    const v = expectNumber(numCell(36000, "36,000件", '#,##0"件"'));
    expect(v.value).toBe(36000);
    expect(v.unit).toBe("件");
  });

  it('−5 with #,##0"人";"▲"#,##0"人" → −5, unit 人', () => {
    const v = expectNumber(numCell(-5, "▲5人", '#,##0"人";"▲"#,##0"人"'));
    expect(v.value).toBe(-5);
    expect(v.unit).toBe("人");
  });

  it('15 with 0"分以内" → 15, unit 分, qualifier 以内', () => {
    const v = expectNumber(numCell(15, "15分以内", '0"分以内"'));
    expect(v.value).toBe(15);
    expect(v.unit).toBe("分");
    expect(v.qualifier).toBe("以内");
  });

  it.each([
    ["General", "1234.5"],
    ["0", "1235"],
    ["#,##0;[Red]-#,##0", "1,235"],
    ["#,##0_);(#,##0)", "1,235 "],
    ["0.00E+00", "1.23E+03"],
    ["0.0E+0", "1.2E+3"],
    ["##0.0E-0", "1.2E3"],
    ["0.0\\k\\m", "1234.5km"],
    ["#,##0\\h", "1,235h"],
  ])("1234.5 with the non-date format %s is a number", (format, shown) => {
    const v = expectNumber(numCell(1234.5, shown, format));
    expect(v.value).toBe(1234.5);
  });

  it('a number with a quoted unit that contains letters is not a date: 0"days"', () => {
    expect(numCell(3, "3days", '0"days"').kind).toBe("number");
  });
});

describe("excluded words and blanks (GRADING.md §4: the cell's own word, or blank)", () => {
  it.each(["評価期間前", "対象外", "集計中", "未確定", "-", "－", "―"])("%s is excluded with its own word", (w) => {
    expect(cell(w)).toEqual({ kind: "excluded", word: w });
  });

  it("surrounding spaces do not matter and the word is shown trimmed", () => {
    expect(cell(" 対象外 ")).toEqual({ kind: "excluded", word: "対象外" });
    expect(cell("　集計中　")).toEqual({ kind: "excluded", word: "集計中" });
  });

  it.each([null, "", "   ", "　"])("%p is blank", (v) => {
    expect(parseIndicatorValue(v, v ?? "", "General")).toEqual({ kind: "blank" });
  });

  it("excludedWord recognises the words and not a number", () => {
    expect(excludedWord("評価期間前")).toBe("評価期間前");
    expect(excludedWord("－")).toBe("－");
    expect(excludedWord("－５")).toBeNull();
    expect(excludedWord("たくさん")).toBeNull();
  });
});

describe("error values", () => {
  it.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])("%s is an error value", (code) => {
    expect(cell(code)).toEqual({ kind: "error", code });
    expect(isErrorValue(code)).toBe(true);
  });

  it("a hash that is not an Excel error is not an error value", () => {
    expect(isErrorValue("#1")).toBe(false);
    expect(cell("#1").kind).toBe("unreadable");
  });
});

describe("unreadable: dates, booleans, text that is not a number", () => {
  it.each(["yyyy/m/d", "ge.m.d", "yyyy年m月d日", '[$-ja-JP]ggge"年"m"月"d"日"', "m/d", "d-mmm-yy"])(
    "a number with the date format %s is a date, not a value",
    (format) => {
      const v = numCell(44287, "2021/4/1", format);
      expect(v.kind).toBe("unreadable");
      if (v.kind === "unreadable") expect(v.why).toBe("date");
    },
  );

  it.each([true, false])("the boolean %p is unreadable", (b) => {
    const v = parseIndicatorValue(b, b ? "TRUE" : "FALSE", "General");
    expect(v.kind).toBe("unreadable");
    if (v.kind === "unreadable") expect(v.why).toBe("boolean");
  });

  it.each(["たくさん", "順調に推移", "2021/4/1", "令和3年4月1日", "1,2,3", "目標達成"])(
    "the text %s is unreadable",
    (t) => {
      const v = cell(t);
      expect(v.kind).toBe("unreadable");
      if (v.kind === "unreadable") {
        expect(v.why).toBe("text");
        expect(v.text).toBe(t);
      }
    },
  );
});
