/**
 * Issue 16, item 2: 万 / 億 / 千 are magnitudes of the number, not part of its unit.
 */
import fc from "fast-check";
import {
  cell,
  expectExact,
  expectNumber,
  numCell,
  reviewSheets,
  rulesWith,
  sheetOf,
  BANDS_110_90_60,
} from "../helpers";
import { readCellCode, readingUnit, newCellReading, CELL_NUMBER } from "../../../../src/core/cells/read-cell-code";

describe("magnitudes as staff write them", () => {
  it.each<[string, string, string | null]>([
    ["114.5万冊", "1145000", "冊"],
    ["114万5346冊", "1145346", "冊"],
    ["114万5,346冊", "1145346", "冊"],
    ["1億2千万円", "120000000", "円"],
    ["1億2,000万円", "120000000", "円"],
    ["500千円", "500000", "円"],
    ["72万冊", "720000", "冊"],
    ["３万人", "30000", "人"],
    ["約4.5万人", "45000", "人"],
    ["▲1.2万人", "-12000", "人"],
    ["2万", "20000", null],
    ["1.1万件以上", "11000", "件"],
  ])("%s → %s %s", (text, value, unit) => {
    const v = expectNumber(cell(text));
    expectExact(v.exact, value);
    expect(v.value).toBe(Number(value));
    expect(v.unit).toBe(unit);
  });

  it.each(["3万2億人", "2千3千円", "114万12345冊", "万冊"])("%s is not read as a number", (text) => {
    expect(cell(text).kind).toBe("unreadable");
  });

  it('reads a number shown through a format with 万 (72 as #,##0"万冊" is 720,000 冊)', () => {
    const v = expectNumber(numCell(72, "72万冊", '#,##0"万冊"'));
    expect(v.value).toBe(720000);
    expect(v.unit).toBe("冊");
    const out = newCellReading();
    readCellCode(72, "72万冊", '#,##0"万冊"', out);
    expect([out.kind, out.value, readingUnit(out)]).toEqual([CELL_NUMBER, 720000, "冊"]);
  });

  it("the grading path reads the same value and unit as the parser", () => {
    const out = newCellReading();
    readCellCode("114万5346冊", "", "General", out);
    expect([out.kind, out.value, readingUnit(out)]).toEqual([CELL_NUMBER, 1145346, "冊"]);
  });
});

/** N written the Japanese way: 億 and 万 groups, each group maybe with commas (1億2,345万6,789). */
function japanese(n: number, commas: boolean): string {
  const oku = Math.floor(n / 1e8);
  const man = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  const g = (x: number) => (commas ? x.toLocaleString("en-US") : String(x));
  let s = "";
  if (oku) s += `${g(oku)}億`;
  if (man) s += `${g(man)}万`;
  if (rest || s === "") s += g(rest);
  return s;
}

describe("property: any amount written with 億 / 万 reads as its value", () => {
  it("integer amounts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.boolean(),
        fc.constantFrom("冊", "人", "円", "件", ""),
        (n, commas, unit) => {
          const v = expectNumber(cell(`${japanese(n, commas)}${unit}`));
          expect(v.value).toBe(n);
          expect(v.unit).toBe(unit === "" ? null : unit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("decimal 万 amounts (114.5万)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const v = expectNumber(cell(`${whole}.${tenth}万冊`));
        expectExact(v.exact, String(whole * 10000 + tenth * 1000));
      }),
      { numRuns: 200 },
    );
  });
});

describe("a target and an actual in different notations or units", () => {
  // Library 3 (110/90/60): 1 蔵書冊数 790,000冊 / 72万冊 = 91.1 % → B (the publisher's B);
  // 2 来館者 30万人 / 28万5千人 = 95 % → B;  3 利用者 5,000人 / 4,800冊: units differ → 要確認, no grade.
  const rows = [
    ["No", "事業名", "目標", "実績", "評価"],
    [1, "蔵書の充実", "790,000冊", "72万冊", "B"],
    [2, "来館促進", "30万人", "28万5千人", "B"],
    [3, "利用登録", "5,000人", "4,800冊", "B"],
  ];
  it("grades the scaled values and never divides 冊 by 人", () => {
    const ev = reviewSheets([sheetOf("s", rows)], rulesWith({ bands: BANDS_110_90_60 })).summary.evaluations[0]!;
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["B", "B", null]);
    expect(ev.items[0]!.indicators[0]!.achievement).toBeCloseTo(720000 / 790000, 12);
    expect(ev.items[2]!.indicators[0]!.reason).toBe("units differ (target 5000人, actual 4800冊)");
    expect(ev.items[2]!.indicators[0]!.target).toBe(5000);
    expect(ev.items[2]!.indicators[0]!.actual).toBe(4800);
    expect(ev.review.map((r) => [r.row, r.reason])).toEqual([
      [4, "利用登録: units differ (target 5000人, actual 4800冊)"],
    ]);
    // Both values as read, each with its own unit (この行 and 評価一覧).
    expect(ev.items[2]!.indicators[0]!.unit).toBe("人");
    expect(ev.items[2]!.indicators[0]!.actualUnit).toBe("冊");
  });

  it("shows the actual with its own unit on 評価一覧", () => {
    const r = reviewSheets([sheetOf("s", [rows[0]!, rows[3]!])]);
    const list = r.plans.find((p) => p.role === "list")!;
    expect(list.rows[1]!.slice(6, 8)).toEqual([5000, "4,800冊"]);
  });

  it("never divides a percent by a count", () => {
    const ev = reviewSheets([sheetOf("s", [rows[0]!, [1, "満足度", "80%", "75件", "B"]])]).summary.evaluations[0]!;
    expect(ev.items[0]!.suggestedGrade).toBeNull();
    expect(ev.review[0]!.reason).toBe("満足度: units differ (target 80%, actual 75件)");
  });
});
