import { createProgress, describeArgsError, progressWanted, readEarlyArgs } from "../../../src/cli/cli-args";
import { inputYearsWarning, requestedYearWarning } from "../../../src/cli/year-warnings";
import { parseArgs } from "node:util";

function argsError(args: string[]): unknown {
  try {
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { out: { type: "string", short: "o" }, x: { type: "boolean" } },
    });
  } catch (e) {
    return e;
  }
  throw new Error("parseArgs accepted " + args.join(" "));
}

describe("early arguments", () => {
  test("--help / -h and --version / -V anywhere before --; after -- they are file names", () => {
    expect(readEarlyArgs(["summarize", "a.xlsx", "-h"]).kind).toBe("help");
    expect(readEarlyArgs(["-V"]).kind).toBe("version");
    expect(readEarlyArgs(["summarize", "--", "--help"])).toEqual({
      kind: "job",
      argv: ["summarize", "--", "--help"],
      progress: false,
    });
  });

  test("--progress is taken out of the job's arguments", () => {
    expect(readEarlyArgs(["summarize", "--progress", "a.xlsx"])).toEqual({
      kind: "job",
      argv: ["summarize", "a.xlsx"],
      progress: true,
    });
  });

  test("progress only when asked or on a terminal", () => {
    expect(progressWanted(false, undefined)).toBe(false);
    expect(progressWanted(false, true)).toBe(true);
    expect(progressWanted(true, false)).toBe(true);
    const lines: string[] = [];
    let t = 0;
    const p = createProgress(
      (s) => lines.push(s),
      true,
      () => t,
    );
    t = 1500;
    p("読み込み", "reading");
    expect(lines).toEqual(["[1.5s] 読み込み / reading\n"]);
    const none: string[] = [];
    createProgress((s) => none.push(s), false)("a", "b");
    expect(none).toEqual([]);
  });

  test("argument errors are one bilingual line naming the option", () => {
    for (const [args, pattern] of [
      [["--nope"], /^不明なオプション「--nope」です \/ unknown option "--nope"/],
      [["-q"], /^不明なオプション「-q」/],
      [["--out"], /^オプション「--out」に値がありません \/ option "--out" needs a value/],
      [["--x=1"], /^オプション「--x」は値をとりません/],
    ] as const) {
      const message = describeArgsError(argsError([...args]));
      expect(message).toMatch(pattern);
      expect(message).not.toContain("\n");
    }
  });
});

describe("year warnings", () => {
  const layout = (sheet: string, years: number[], titleYear: number | null = null) => ({
    sheet,
    kind: "pairs",
    headerTop: 0,
    headerBottom: 0,
    columns: years.map((y, i) => ({ col: i, role: "year", header: String(y), confidence: 1, fiscalYear: y })),
    titleYear,
    titleText: null,
  });
  test("a year in the data (column or title) gives no warning; another names the years found", () => {
    const result = { layouts: [layout("a", [2019, 2020]), layout("b", [], 2022)] } as never;
    expect(requestedYearWarning(2020, result)).toBeNull();
    expect(requestedYearWarning(2022, result)).toBeNull();
    expect(requestedYearWarning(2018, result)).toBe(
      "--year 平成30年度（2018）のデータは見つかりませんでした。見つかった年度: 令和元年度、令和2年度、令和4年度 / no data for fiscal year 2018; years found: 2019, 2020, 2022",
    );
  });

  test("consolidated inputs: silent when they evaluate the same years, named when they differ", () => {
    const ev = (fiscalYear: number | null, sheets: string[]) => ({
      fiscalYear,
      items: sheets.map((sheet) => ({ sheet })),
    });
    const inputs = [
      { label: "a.xlsx", sheets: ["S1"] },
      { label: "b.xlsx", sheets: ["S2"] },
    ];
    const same = { summary: { evaluations: [ev(2021, ["S1", "S2"])] } } as never;
    expect(inputYearsWarning(inputs, same)).toBeNull();
    const differ = { summary: { evaluations: [ev(2021, ["S1"]), ev(2020, ["S2"])] } } as never;
    expect(inputYearsWarning(inputs, differ)).toBe(
      "入力によって評価する年度が異なります: a.xlsx → 令和3年度；b.xlsx → 令和2年度 / the inputs evaluate different fiscal years: a.xlsx → 2021; b.xlsx → 2020",
    );
    expect(inputYearsWarning(inputs.slice(0, 1), differ)).toBeNull();
  });
});
