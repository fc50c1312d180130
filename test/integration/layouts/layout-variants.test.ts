/**
 * Layouts beyond the two fixtures, as a new user's workbooks come: other
 * header wordings (Japanese and English), one sheet per department with a
 * guide sheet, numbers shown through formats instead of text, year pairs
 * under a merged year header, blank-means-same-as-above instead of merges.
 * Expected grades are worked out by hand from GRADING.md.
 */
import ExcelJS from "exceljs";
import { review } from "../../helpers/review-fixture";

function sheet(wb: ExcelJS.Workbook, name: string, rows: unknown[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => {
    if (v !== undefined && v !== null) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
  }));
  return ws;
}

const gradesOf = (r: ReturnType<typeof review>, i = 0) => r.summary.evaluations[i]!.items.map((it) => it.grade);

describe("layout detection on other workbooks", () => {
  it("reads English headers (No / Project / Department / Indicator / Target / Actual)", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "Progress", [
      ["FY2021 progress"],
      [],
      ["No", "Project", "Department", "Indicator", "Target", "Actual"],
      [1, "e-Application", "Digital", "Online share", 50, 60],
      [2, "Open data", "Digital", "Datasets", 100, 85],
      [3, "Library", "Education", "Visitors", 1000, 600],
      [4, "Training", "HR", "Staff trained", 200, 20],
    ]);
    const r = review(wb);
    expect(r.layouts[0]!.kind).toBe("rowPerItem");
    expect(r.summary.evaluations).toHaveLength(1);
    expect(r.summary.evaluations[0]!.fiscalYear).toBe(2021); // from the title above the header
    expect(gradesOf(r)).toEqual(["A", "B", "C", "D"]);
    expect(r.summary.evaluations[0]!.source).toBe("suggested");
  });

  it("reads numbers shown through formats: units, percents and ▲ negatives", () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, "進捗", [
      ["番号", "事業名", "担当課", "成果指標", "目標値", "実績値", "自己評価"],
      [1, "電子申請", "情報政策課", "申請件数", 36000, 11584, "D"],
      [2, "施設予約", "文化課", "稼働率の上昇率", 0.1, -0.1668, null],
      [3, "窓口改善", "市民課", "待ち時間", 30, 15, null],
    ]);
    ws.getCell("E2").numFmt = '#,##0"件"';
    ws.getCell("F2").numFmt = '#,##0"件"';
    ws.getCell("E3").numFmt = "0.0%";
    ws.getCell("F3").numFmt = '0.00%;"▲"0.00%';
    ws.getCell("E4").numFmt = '0"分以内"';
    ws.getCell("F4").numFmt = '0"分"';
    const r = review(wb);
    const ev = r.summary.evaluations[0]!;
    expect(ev.source).toBe("mixed");
    // 11584 / 36000 = 32 % → D, self D agrees; ▲16.68 % vs 10 % → R ≤ 0 → D; 以内 → lower is better, 30/15 = 200 % → A.
    expect(ev.items.map((i) => i.suggestedGrade)).toEqual(["D", "D", "A"]);
    expect(ev.items[0]!.indicators[0]!.unit).toBe("件");
    expect(ev.items[1]!.indicators[0]!.unit).toBe("%");
    expect(ev.items[2]!.indicators[0]!.lowerIsBetter).toBe(true);
    expect(ev.review.filter((x) => x.reason.startsWith("self"))).toEqual([]);
  });

  it("reads one sheet per department and skips the guide, list and empty sheets with a reason", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "記入要領", [["進捗状況調査票の記入要領"], ["1. 目標と実績を記入してください。"], ["2. 自己評価はA〜Dで記入してください。"]]);
    sheet(wb, "課一覧", [["課名", "電話"], ["総務課", "1234"], ["財政課", "5678"]]);
    wb.addWorksheet("空白");
    for (const [dept, grades] of [["総務課", ["A", "B"]], ["財政課", ["A", "C", "-"]]] as const) {
      sheet(wb, dept, [
        [`${dept} 令和3年度 進捗状況`],
        ["No.", "取組名", "自己評価"],
        ...grades.map((g, i) => [i + 1, `${dept}の取組${i + 1}`, g]),
      ]);
    }
    const r = review(wb);
    expect(r.layouts.map((l) => l.sheet)).toEqual(["総務課", "財政課"]);
    expect(r.skippedSheets.map((s) => s.sheet).sort()).toEqual(["記入要領", "課一覧", "空白"].sort());
    for (const s of r.skippedSheets) expect(s.reason).not.toBe("");
    const ev = r.summary.evaluations[0]!;
    // No group column and no headings: each department sheet is a group.
    expect(ev.groups.map((g) => [g.name, g.counts.A, g.counts.B, g.counts.C, g.excluded])).toEqual([
      ["総務課", 1, 1, 0, 0],
      ["財政課", 1, 0, 1, 1],
    ]);
    expect(ev.total.evaluated).toBe(4);
    const reviewSheet = r.plans.find((p) => p.role === "review")!;
    const text = reviewSheet.rows.flat().join("\n");
    expect(text).toContain("記入要領");
  });

  it("reads a merged year header over 目標 / 実績 and evaluates the latest year with actuals", () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, "指標", [
      ["施策", "事業", "指標", "令和3年度", null, "令和4年度", null],
      [null, null, null, "目標", "実績", "目標", "実績"],
      ["基本目標1 安心", "防災アプリ", "登録者数（人）", "1,000人", "1,200人", "2,000人", "1,700人"],
      ["基本目標1 安心", "避難所Wi-Fi", "設置数", "10か所", "10か所", "20か所", "8か所"],
      ["基本目標2 便利", "電子申請", "手続数", "50", "45", "80", "評価期間前"],
    ]);
    ws.mergeCells("D1:E1");
    ws.mergeCells("F1:G1");
    ws.mergeCells("A1:A2");
    ws.mergeCells("B1:B2");
    ws.mergeCells("C1:C2");
    const r = review(wb);
    expect(r.layouts[0]!.headerTop).toBe(0);
    expect(r.layouts[0]!.headerBottom).toBe(1);
    const ev = r.summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2022);
    // 1700/2000 = 85 % → B; 8/20 = 40 % → D; 評価期間前 → excluded.
    expect(ev.items.map((i) => i.grade)).toEqual(["B", "D", null]);
    expect(ev.items[2]!.excludedReason).toBe("評価期間前");
    expect(ev.groups.map((g) => g.name)).toEqual(["基本目標1 安心", "基本目標2 便利"]);

    const r3 = review(wb, { year: 2021 });
    // 1200/1000 → A; 10/10 → A; 45/50 = 90 % → B.
    expect(r3.summary.evaluations[0]!.items.map((i) => i.grade)).toEqual(["A", "A", "B"]);
  });

  it("reads headers with line breaks and year-tagged grade columns (R3評価 / 総括評価)", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "一覧", [
      ["計画の進捗"],
      ["№", "事業\n名称", "所管課", "R3\n評価", "総括\n評価"],
      ["■ 分野1 くらし"],
      [1, "=危険な名前", "くらし課", "A", "B"],
      [2, "+81-3", "くらし課", "Ｂ", "B"],
      ["■ 分野2 しごと"],
      [3, "@mention", "しごと課", "c", "Z"],
    ]);
    const r = review(wb);
    expect(r.summary.evaluations.map((e) => e.label)).toEqual(["R3", "総括"]);
    const [r3, overall] = r.summary.evaluations;
    expect(r3!.groups.map((g) => g.name)).toEqual(["■ 分野1 くらし", "■ 分野2 しごと"]);
    expect(r3!.items.map((i) => i.grade)).toEqual(["A", "B", "C"]);
    expect(overall!.items.map((i) => i.grade)).toEqual(["B", "B", null]);
    expect(overall!.items[2]!.excludedReason).toBe("unknown grade");
    expect(overall!.review.some((x) => x.row === 7 && x.reason.includes("unknown grade"))).toBe(true);
  });

  it("reads 目標/実績 row pairs where blank cells mean 'same as above' (no merges)", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "実績", [
      ["方針", "No", "取組", "評価指標", "区分", "R2", "R3"],
      ["方針1", 1, "オンライン化", "件数", "目標", "100件", "200件"],
      [null, null, null, null, "実績", "120件", "150件"],
      [null, 2, "ペーパーレス", "削減枚数", "目標", "1,000枚", "2,000枚"],
      [null, null, null, null, "実績", "500枚", "2,500枚"],
      [null, null, null, "会議時間", "目標", "60分", "45分"],
      [null, null, null, null, "実績", "70分", "50分"],
    ]);
    const r = review(wb);
    expect(r.layouts[0]!.kind).toBe("pairs");
    const ev = r.summary.evaluations[0]!;
    expect(ev.fiscalYear).toBe(2021);
    // 150/200 = 75 % → C. Item 2: 2500/2000 → A; 会議時間: targets 60 → 45 decrease → lower is better, 45/50 = 90 % → B; item = lowest = B.
    expect(ev.items.map((i) => [i.key, i.grade])).toEqual([["1", "C"], ["2", "B"]]);
    expect(ev.items[1]!.indicators.map((i) => i.lowerIsBetter)).toEqual([false, true]);
    expect(ev.groups.map((g) => g.name)).toEqual(["方針1"]);
  });

  it("lists rows it cannot read instead of dropping them", () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, "進捗", [
      ["No", "事業名", "指標", "目標", "実績"],
      [1, "事業A", "件数", "たくさん", 10],
      [2, "事業B", "件数", 0, 5],
      [3, "事業C", "件数", "#DIV/0!", 5],
      [4, "事業D", "件数", 10, true],
      [5, "事業E", "件数", 10, 12],
    ]);
    const r = review(wb);
    const ev = r.summary.evaluations[0]!;
    expect(ev.items.map((i) => i.grade)).toEqual([null, null, null, null, "A"]);
    expect(ev.items.map((i) => i.excludedReason)).toEqual(["unreadable value", "target is zero", "error value #DIV/0!", "unreadable value", null]);
    for (const row of [2, 3, 4, 5]) expect(ev.review.some((x) => x.row === row)).toBe(true);
  });
});
