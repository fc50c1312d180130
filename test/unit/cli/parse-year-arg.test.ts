import { parseYearArg } from "../../../src/cli/parse-year-arg";

describe("--year", () => {
  it.each([
    ["令和2年度", 2020],
    ["令和２年度", 2020],
    ["令和元年度", 2019],
    ["平成31年度", 2019],
    ["令和3", 2021],
    ["R2", 2020],
    ["R02", 2020],
    ["r3", 2021],
    ["H30", 2018],
    ["2020", 2020],
    ["２０２０", 2020],
    ["2020年度", 2020],
    ["FY2020", 2020],
    [" 令和 2 年度 ", 2020],
  ])("%s → %d", (arg, year) => {
    expect(parseYearArg(arg)).toEqual({ ok: true, year });
  });

  it.each(["", "abc", "20", "R2abc", "令和", "2020-21", "1988", "R3評価"])("rejects %p with a message", (arg) => {
    const r = parseYearArg(arg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/--year/);
  });
});
