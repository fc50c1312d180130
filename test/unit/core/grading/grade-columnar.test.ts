/**
 * The summary table is counted from grade codes while the list (評価一覧, summary.json items) is built from the
 * cells again with the reasons: a reviewer checks that both say the same thing. On the published fixtures and on
 * random sheets of the forms staff write, under several rule sets: every count of the summary equals the count
 * of the listed items, and every item's and indicator's grade, direction and R in the list are the codes' ones.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import path from "path";
import { snapshotWorkbook } from "../../../../src/xlsx/xlsx-snapshot";
import { SheetGrid } from "../../../../src/core/layout/sheet-grid";
import { detectTable } from "../../../../src/core/layout/detect-header";
import { readColumnarTable } from "../../../../src/core/layout/read-columnar-table";
import type { ColumnarTable } from "../../../../src/core/layout/columnar-table";
import { StringTable } from "../../../../src/core/layout/string-table";
import { gradeTables, type ColumnarEvaluation } from "../../../../src/core/grading/grade-columnar";
import { materializeEvaluation } from "../../../../src/core/grading/evaluate-items";
import { NO_GRADE } from "../../../../src/core/grading/reason-codes";
import { countEvaluation } from "../../../../src/core/summary/count-grades";
import { summarizeEvaluation } from "../../../../src/core/summary/summarize";
import { DEFAULT_RULES, type Rules } from "../../../../src/core/model/settings";
import type { WorkbookSnapshot } from "../../../../src/core/model/snapshot";
import { BANDS_110_80_50, HEADER, rulesWith, sheetOf, type CellSpec } from "../helpers";

const RULE_SETS: [string, Rules][] = [
  ["default", DEFAULT_RULES],
  ["counting indicators", rulesWith({ count: "indicators" })],
  ["110/80/50", rulesWith({ bands: BANDS_110_80_50 })],
  ["excluded in the denominator", rulesWith({ includeExcludedInDenominator: true })],
];

function columnar(snapshot: WorkbookSnapshot, rules: Rules): ColumnarEvaluation[] {
  const tables: ColumnarTable[] = [];
  const strings = new StringTable();
  for (const sheet of snapshot.sheets) {
    const grid = new SheetGrid(sheet);
    const d = detectTable(grid);
    if (d.ok) tables.push(readColumnarTable(grid, d.layout, strings));
  }
  return gradeTables(tables, rules);
}

function expectListMatchesCounts(snapshot: WorkbookSnapshot, rules: Rules): void {
  const labels = rules.bands.map((b) => b.label);
  const label = (code: number) => (code === NO_GRADE ? null : labels[code]);
  for (const ev of columnar(snapshot, rules)) {
    const listed = materializeEvaluation(ev, rules);
    const fromList = summarizeEvaluation(listed, rules);
    const counted = countEvaluation(ev, rules);
    expect(counted.groups).toEqual(fromList.groups);
    expect(counted.total).toEqual(fromList.total);
    let k = 0;
    let reviewEntries = 0;
    for (const b of ev.blocks) {
      reviewEntries += b.review.length / 3 + b.table.unreadRows.length;
      for (let item = 0; item < b.table.itemCount; item++, k++) {
        const it = listed.items[k]!;
        expect([it.row, label(b.itemGrade[item]!), label(b.itemSuggested[item]!), label(b.itemSelf[item]!)]).toEqual([
          it.row,
          it.grade,
          it.suggestedGrade,
          it.selfGrade,
        ]);
        it.indicators.forEach((x, j) => {
          const i = b.table.indicatorStart[item]! + j;
          const r = b.indicatorAchievement[i]!;
          expect([
            x.name,
            label(b.indicatorGrade[i]!),
            b.indicatorLowerIsBetter[i] === 1,
            Number.isNaN(r) ? null : r,
          ]).toEqual([x.name, x.grade, x.lowerIsBetter, x.achievement]);
        });
      }
    }
    expect(listed.items).toHaveLength(k);
    expect(listed.review).toHaveLength(reviewEntries);
  }
}

describe("the summary counts and the listed items agree", () => {
  for (const file of ["suita-5year-plan.xlsx", "tokorozawa-r3-list.xlsx"]) {
    it.each(RULE_SETS)(`${file}, %s`, async (_name, rules) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(__dirname, "..", "..", "..", "fixtures", file));
      expectListMatchesCounts(snapshotWorkbook(wb, { source: "test" }), rules);
    });
  }

  // Cells as staff write them: numbers with units, caps, signs, percents, excluded words, errors, text, blanks,
  // numbers shown through formats (a cap, a unit, a date).
  const VALUE: fc.Arbitrary<CellSpec> = fc.oneof(
    fc.constantFrom<CellSpec>(
      "100",
      "80",
      "0",
      "36,000件",
      "32.80%",
      "▲16.68%",
      "15分以内",
      "90分",
      "30分",
      "１５分以下",
      "毎年67,000",
      "最終年度に30,000",
      "≤ 15 min",
      "評価期間前",
      "対象外",
      "-",
      "#DIV/0!",
      "たくさん",
      "",
      null,
      { v: 15, t: "15分以内", f: '0"分以内"' },
      { v: 1200, t: "1,200件", f: '#,##0"件"' },
      { v: 0.8, t: "80.0%", f: "0.0%" },
      { v: 44000, t: "2020/6/18", f: "yyyy/m/d" },
      { v: true, t: "TRUE" },
    ),
    fc.integer({ min: 0, max: 300 }),
  );
  const GRADE: fc.Arbitrary<CellSpec> = fc.constantFrom<CellSpec>("A", "B", "C", "D", "Ｂ", "Z", "-", "#N/A", null);
  const ROW = fc.tuple(
    fc.constantFrom<CellSpec>("1", "2", "3", null),
    fc.constantFrom<CellSpec>("事業1", "事業2", null),
    fc.constantFrom<CellSpec>("利用者数", "待ち時間（短いほど良い）", "指標", null),
    VALUE,
    VALUE,
    GRADE,
  );

  it.each(RULE_SETS)("random sheets, %s", (_name, rules) => {
    fc.assert(
      fc.property(fc.array(ROW, { minLength: 1, maxLength: 12 }), (rows) => {
        const snapshot = { source: "test", sheets: [sheetOf("進捗", [HEADER, ...rows.map((r) => [...r])])] };
        expectListMatchesCounts(snapshot, rules);
      }),
      { numRuns: 150 },
    );
  });

  it.each(RULE_SETS)("random multi-year sheets (targets per year, direction from the targets), %s", (_name, rules) => {
    const header = ["No", "事業名", "評価指標", "R2目標", "R3目標", "R2実績", "R3実績", "R3評価"];
    const row = fc.tuple(
      fc.constantFrom<CellSpec>("1", "2", null),
      fc.constantFrom<CellSpec>("事業1", null),
      fc.constantFrom<CellSpec>("件数", "時間", null),
      VALUE,
      VALUE,
      VALUE,
      VALUE,
      GRADE,
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
        const snapshot = { source: "test", sheets: [sheetOf("進捗", [header, ...rows.map((r) => [...r])])] };
        expectListMatchesCounts(snapshot, rules);
      }),
      { numRuns: 150 },
    );
  });
});
