/**
 * What Excel shows in a cell for a value and a number format, as a reviewer
 * reading a municipal sheet sees it.
 */
import {
  formatNumber,
  formatGeneral,
  formatText,
  formatValue,
  isDateFormat,
} from "../../../../src/core/format/number-format";

describe("formatNumber: ▲ negatives through a two-section format", () => {
  const pct = '0.00%;"▲"0.00%';
  it("shows a negative rate with ▲ and no minus sign", () => {
    expect(formatNumber(-0.1668, pct)).toBe("▲16.68%");
  });
  it("shows a positive rate from the first section", () => {
    expect(formatNumber(0.328, pct)).toBe("32.80%");
  });
  it("zero uses the first section when there are two", () => {
    expect(formatNumber(0, pct)).toBe("0.00%");
  });
  it("▲ without quotes and thousands", () => {
    expect(formatNumber(-1234, "#,##0;▲#,##0")).toBe("▲1,234");
    expect(formatNumber(-1234.5, '#,##0.0;"▲ "#,##0.0')).toBe("▲ 1,234.5");
  });
  it("a third section for zero", () => {
    expect(formatNumber(0, '#,##0;▲#,##0;"-"')).toBe("-");
    expect(formatNumber(5, '#,##0;▲#,##0;"-"')).toBe("5");
  });
  it("an empty section hides the value", () => {
    expect(formatNumber(0, "0;-0;;@")).toBe("");
  });
  it("a colour in the negative section does not show", () => {
    expect(formatNumber(-1234, "#,##0;[Red]-#,##0")).toBe("-1,234");
    expect(formatNumber(-1234, "#,##0;[赤]▲#,##0")).toBe("▲1,234");
  });
  it("a one-section format puts a minus sign in front", () => {
    expect(formatNumber(-5, "0")).toBe("-5");
    expect(formatNumber(-0.25, "0%")).toBe("-25%");
  });
});

describe("formatNumber: percents", () => {
  it.each([
    [0.5, "0%", "50%"],
    [0.125, "0.0%", "12.5%"],
    [0.0404, "0.00%", "4.04%"],
    [1.64, "0%", "164%"],
    [0.0005, "0%", "0%"],
    [0.005, "0%", "1%"],
  ])("%p with %s → %s", (v, f, text) => {
    expect(formatNumber(v, f)).toBe(text);
  });
});

describe("formatNumber: decimals and thousands", () => {
  it.each([
    [3, "0", "3"],
    [2.5, "0", "3"],
    [-2.5, "0", "-3"],
    [1.25, "0.0", "1.3"],
    [1.005, "0.00", "1.01"],
    [7, "0.00", "7.00"],
    [1234567.891, "#,##0", "1,234,568"],
    [999.96, "#,##0.0", "1,000.0"],
    [0.4, "#,##0", "0"],
    [1000, "#,##0", "1,000"],
    [36000, "#,##0", "36,000"],
    [1234567, "#,##0,", "1,235"],
    [0.5, "#.##", ".5"],
    [1.5, "0.0#", "1.5"],
    [1.567, "0.0#", "1.57"],
  ])("%p with %s → %s", (v, f, text) => {
    expect(formatNumber(v, f)).toBe(text);
  });
});

describe("formatNumber: units in quotes and other literals", () => {
  it("a unit suffix", () => {
    expect(formatNumber(36000, '#,##0"件"')).toBe("36,000件");
    expect(formatNumber(15, '0"分以内"')).toBe("15分以内");
    expect(formatNumber(12.5, '0.0"回"')).toBe("12.5回");
  });
  it("a prefix", () => {
    expect(formatNumber(3, '"第"0"期"')).toBe("第3期");
  });
  it("escaped characters and currency tags", () => {
    expect(formatNumber(1500, "#,##0\\円")).toBe("1,500円");
    expect(formatNumber(1500, "[$¥-411]#,##0")).toBe("¥1,500");
  });
  it("padding _x leaves a space", () => {
    expect(formatNumber(5, "0_)")).toBe("5 ");
  });
  it("literals between digits (postal code)", () => {
    expect(formatNumber(5650001, "000-0000")).toBe("565-0001");
  });
});

describe("formatNumber: General", () => {
  it("integers and decimals as typed", () => {
    expect(formatNumber(10, "General")).toBe("10");
    expect(formatNumber(32.8, "General")).toBe("32.8");
    expect(formatNumber(-0.5, "General")).toBe("-0.5");
  });
  it("hides binary noise", () => {
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
  });
  it("long fractions fit an ordinary cell", () => {
    expect(formatGeneral(1 / 3)).toBe("0.333333333");
  });
  it("big numbers switch to exponent notation", () => {
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
  });
  it("no format means General", () => {
    expect(formatNumber(4.5, undefined)).toBe("4.5");
    expect(formatNumber(4.5, "")).toBe("4.5");
  });
  it("General with a unit", () => {
    expect(formatNumber(7, 'General"件"')).toBe("7件");
  });
});

describe("formatNumber: scientific", () => {
  it("mantissa and exponent", () => {
    expect(formatNumber(12345.678, "0.00E+00")).toBe("1.23E+04");
    expect(formatNumber(0.000123, "0.00E+00")).toBe("1.23E-04");
  });
});

describe("dates", () => {
  it("recognises date formats, not number formats", () => {
    expect(isDateFormat("yyyy/m/d")).toBe(true);
    expect(isDateFormat('[$-ja-JP]ggge"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("h:mm")).toBe(true);
    expect(isDateFormat("0.00%")).toBe(false);
    expect(isDateFormat('#,##0"件"')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
  it("serial 44000 is 2020-06-18", () => {
    expect(formatNumber(44000, "yyyy/m/d")).toBe("2020/6/18");
    expect(formatNumber(44000, "yyyy-mm-dd")).toBe("2020-06-18");
    expect(formatNumber(44000, 'yyyy"年"m"月"d"日"')).toBe("2020年6月18日");
  });
  it("Japanese era", () => {
    expect(formatNumber(44000, 'ggge"年"m"月"d"日"')).toBe("令和2年6月18日");
    // 2019-04-30 is still 平成31年
    expect(formatNumber(43585, 'ggge"年"')).toBe("平成31年");
  });
  it("weekday in Japanese", () => {
    expect(formatNumber(44000, "m/d(aaa)")).toBe("6/18(木)");
  });
  it("times: m after h is minutes", () => {
    expect(formatNumber(0.5, "h:mm")).toBe("12:00");
    expect(formatNumber(44000.75, "yyyy/mm/dd hh:mm:ss")).toBe("2020/06/18 18:00:00");
    expect(formatNumber(0.75, "h:mm AM/PM")).toBe("6:00 PM");
  });
  it("the locale short date (built-in 14) shows as in Japan", () => {
    expect(formatNumber(44000, "mm-dd-yy")).toBe("2020/6/18");
  });
  it("1904 date system", () => {
    // serial 0 is 1904-01-01 in the 1904 system
    expect(formatNumber(0, "yyyy/m/d", { date1904: true })).toBe("1904/1/1");
    expect(formatNumber(42538, "yyyy/m/d", { date1904: true })).toBe("2020/6/18");
  });
});

describe("text and other values", () => {
  it("text is shown as is, or through a text section", () => {
    expect(formatText("abc", "General")).toBe("abc");
    expect(formatText("abc", "@")).toBe("abc");
    expect(formatText("山田", '0;-0;0;@"様"')).toBe("山田様");
  });
  it("booleans and empty", () => {
    expect(formatValue(true, "General")).toBe("TRUE");
    expect(formatValue(null, "0.00")).toBe("");
  });
  it("a number in a text-formatted cell shows as General", () => {
    expect(formatNumber(12.5, "@")).toBe("12.5");
  });
});

// Cases where the two former renderers (the xlsx snapshot's and the simulated host's) disagreed,
// settled as Excel shows them.
describe("one renderer for the CLI snapshot and the simulated host", () => {
  it("a negative value that rounds to zero keeps its sign, as in Excel (-0, -0.00)", () => {
    expect(formatNumber(-0.4, "0")).toBe("-0");
    expect(formatNumber(-0.001, "#,##0.00")).toBe("-0.00");
    expect(formatNumber(-0.4, '#,##0"件"')).toBe("-0件");
    expect(formatNumber(0.4, "0")).toBe("0");
    // A negative section of its own shows no minus of its own.
    expect(formatNumber(-0.4, '0;"▲"0')).toBe("▲0");
  });
  it("two conditions: the third section takes every other value", () => {
    const f = '[>=100]"大"0;[<0]"負"0;0';
    expect(formatNumber(150, f)).toBe("大150");
    expect(formatNumber(-5, f)).toBe("負5");
    expect(formatNumber(7, f)).toBe("7");
  });
  it("tiny and huge numbers never render as NaN", () => {
    for (const f of ["0", "0.00", "#,##0", '#,##0,,"百万"']) expect(formatNumber(1e-7, f)).not.toMatch(/NaN/);
  });
  it("a date format on a number outside Excel's dates shows #### (not NaN or a crash)", () => {
    for (const f of ["yyyy/m/d", "ggge年m月d日", "aaaa", "mmm", "ddd"]) {
      expect(formatNumber(-1, f)).toMatch(/^#+$/);
      expect(formatNumber(1e12, f)).toMatch(/^#+$/);
    }
  });
});
