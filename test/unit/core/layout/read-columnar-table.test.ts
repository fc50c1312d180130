/**
 * Reading rows of a progress table: "Nothing is dropped silently: every data
 * row of every source sheet ends up either graded or listed with its reason"
 * (GRADING.md §4).
 */
import { HEADER, reviewSheets, sheetOf } from "../helpers";

describe("rows of a table", () => {
  it("a note below the table (※…, no values) is not an item", () => {
    const res = reviewSheets([
      sheetOf("進捗", [
        HEADER,
        ["1", "事業1", "指標", "10", "10", null],
        ["※評価期間前の指標は評価対象外", null, null, null, null, null],
      ]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.items.map((i) => i.key)).toEqual(["1"]);
  });

  it("a row without No and name continues the item above as another indicator", () => {
    const res = reviewSheets([
      sheetOf("進捗", [HEADER, ["1", "事業1", "指標1", "10", "10", null], [null, null, "指標2", "10", "4", null]]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.items).toHaveLength(1);
    expect(ev.items[0]!.indicators.map((i) => [i.name, i.grade])).toEqual([
      ["指標1", "A"],
      ["指標2", "D"],
    ]);
    expect(ev.items[0]!.grade).toBe("D");
  });

  it("a value row before any item is listed in the review list", () => {
    const res = reviewSheets([
      sheetOf("部B", [HEADER, [null, null, "指標", "10", "10", "A"], ["1", "事業1", "指標", "10", "10", null]]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.review.some((r) => r.sheet === "部B" && r.row === 2)).toBe(true);
  });

  // A note row (※…) has no values; a row that starts with ※ but carries a target, an actual or a grade is data.
  it("a row whose first filled cell starts with ※ but has values is graded or listed", () => {
    const res = reviewSheets([
      sheetOf("進捗", [
        HEADER,
        ["1", "事業1", "利用者数", "100人", "100人", null],
        [null, null, "※参考 満足度", "80%", "40%", null],
      ]),
    ]);
    const ev = res.summary.evaluations[0]!;
    const rows = new Set<number>([
      ...ev.items.flatMap((i) => [i.row, ...i.indicators.map((x) => x.targetRow ?? 0)]),
      ...ev.review.map((r) => r.row),
    ]);
    expect(rows.has(3)).toBe(true);
  });

  it("a table with an indicator column but no No or name column names each item by its indicator", () => {
    const res = reviewSheets([
      sheetOf("指標", [
        ["評価指標", "区分", "R2", "R3"],
        ["件数", "目標", "100件", "200件"],
        [null, "実績", "120件", "150件"], // R3: 150 / 200 = 75 % → C
        ["時間", "目標", "60分", "45分"],
        ["時間", "実績", "70分", "50分"], // targets decrease → lower: 45 / 50 = 90 % → B
      ]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.row, i.name, i.grade])).toEqual([
      [2, "件数", "C"],
      [4, "時間", "B"],
    ]);
    expect(ev.review).toEqual([]);
  });

  it("目標 / 実績 / 達成率 triples: the 達成率 row is the sheet's own arithmetic, neither graded nor listed", () => {
    const res = reviewSheets([
      sheetOf("指標", [
        ["No", "事業名", "評価指標", "区分", "R3"],
        ["1", "窓口改善", "満足度", "目標", "80%"],
        [null, null, null, "実績", "84%"], // 84 / 80 = 105 % → A
        [null, null, null, "達成率", "105%"],
        ["2", "電子申請", "利用件数", "目標", "1,000件"],
        [null, null, null, "実績", "600件"], // 60 % → C
        [null, null, null, "達成率（％）", "60%"],
        [null, null, null, "参考", "550件"], // an unknown 区分 is still listed
      ]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.row, i.name, i.grade, i.indicators.length])).toEqual([
      [2, "窓口改善", "A", 1],
      [5, "電子申請", "C", 1],
    ]);
    expect(ev.review.map((r) => r.row)).toEqual([8]);
    expect(ev.review[0]!.reason).toMatch(/neither target nor actual \(区分: 参考\)/);
  });

  it("two departments' rows with the same indicator name are two items, both counted", () => {
    const res = reviewSheets([
      sheetOf("進捗", [
        ["担当課", "評価指標", "目標", "実績"],
        ["市民課", "窓口満足度", "80%", "84%"], // 84 / 80 = 105 % → A
        ["福祉課", "窓口満足度", "80%", "60%"], // 60 / 80 = 75 % → C
      ]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.row, i.name, i.department, i.grade])).toEqual([
      [2, "窓口満足度", "市民課", "A"],
      [3, "窓口満足度", "福祉課", "C"],
    ]);
    expect(ev.total.evaluated).toBe(2);
    expect(ev.total.counts).toEqual({ A: 1, B: 0, C: 1, D: 0 });
  });

  it("in a 目標 / 実績 table, each department's pair with the same indicator name is its own item", () => {
    const res = reviewSheets([
      sheetOf("進捗", [
        ["担当課", "評価指標", "区分", "R3"],
        ["市民課", "利用者数", "目標", "100人"],
        ["市民課", "利用者数", "実績", "120人"], // 120 / 100 → A
        ["福祉課", "利用者数", "目標", "100人"],
        ["福祉課", "利用者数", "実績", "50人"], // 50 / 100 → C
      ]),
    ]);
    const ev = res.summary.evaluations[0]!;
    expect(ev.items.map((i) => [i.row, i.department, i.grade, i.indicators.map((x) => [x.target, x.actual])])).toEqual([
      [2, "市民課", "A", [[100, 120]]],
      [4, "福祉課", "C", [[100, 50]]],
    ]);
    expect(ev.total.evaluated).toBe(2);
  });
});
