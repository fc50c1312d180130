/**
 * Properties over random sheets of the other layout municipal workbooks use
 * (fast-check): 目標 / 実績 row pairs with one column per fiscal year, a one-row
 * or two-row header (年度別 merged over the year columns, the other headers
 * merged down), group heading rows (「基本方針1. …」 spanning the table), an
 * optional title, and identity cells written once per pair (blank-means-same)
 * or merged down over both rows.
 * For any such sheet: the job never throws; every pair is one item; every item
 * is graded or excluded with a reason and listed for review when excluded;
 * counts add up; items fall in the group of the heading above them; the
 * evaluated year is the requested one when data has it.
 */
import fc from "fast-check";
import { formatFiscalYearJa } from "../../../src/core/japanese/fiscal-year";
import { DEFAULT_RULES, type Rules } from "../../../src/core/model/settings";
import type { CellRect, RawValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { reviewSheets, rulesWith, sheetOf, type CellSpec } from "./helpers";

const RUNS = { numRuns: 150 };
const FIRST_YEAR = 2019;

/** A value cell: a number (with a unit or ▲ through text or format), a word, or blank. */
const valueCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n): CellSpec => n) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 5000 })
      .map((n): CellSpec => ({ v: n, t: `${n.toLocaleString("en-US")}件`, f: '#,##0"件"' })),
  },
  { weight: 1, arbitrary: fc.nat({ max: 1000 }).map((n): CellSpec => `${n}人`) },
  { weight: 1, arbitrary: fc.constantFrom<CellSpec>("評価期間前", "-", "集計中", null, "", "#DIV/0!") },
);

interface Pair {
  indicator: string;
  targets: CellSpec[];
  actuals: CellSpec[];
}

interface Layout {
  years: number;
  twoRowHeader: boolean;
  /** The merged cell over the year columns in a two-row header. */
  parent: string | null;
  title: boolean;
  mergedIdentity: boolean;
  groups: Pair[][];
}

const layoutArb: fc.Arbitrary<Layout> = fc.integer({ min: 2, max: 5 }).chain((years) =>
  fc.record({
    years: fc.constant(years),
    twoRowHeader: fc.boolean(),
    parent: fc.constantFrom(
      "年度",
      "年度別",
      "各年度",
      "実施年度",
      "進捗状況",
      "目標・実績",
      "計画年度",
      "年度別目標",
      "目標値",
      null,
    ),
    title: fc.boolean(),
    mergedIdentity: fc.boolean(),
    groups: fc.array(
      fc.array(
        fc.record({
          indicator: fc.constantFrom("利用件数", "参加者数", "整備率", "手続件数"),
          targets: fc.array(valueCell, { minLength: years, maxLength: years }),
          actuals: fc.array(valueCell, { minLength: years, maxLength: years }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

const GROUP_NAME = (g: number) => `基本方針${g + 1}. 市民サービスの向上 その${g + 1}`;

/** The sheet, with where each pair's 目標 row is (0-based) and which group it is in. */
function build(layout: Layout): { sheet: SheetSnapshot; pairs: { targetRow: number; group: string }[] } {
  const yearLabels = Array.from({ length: layout.years }, (_, i) => formatFiscalYearJa(FIRST_YEAR + i));
  const width = 4 + layout.years;
  const rows: CellSpec[][] = [];
  const merges: CellRect[] = [];
  if (layout.title) rows.push(["アクションプラン 進捗状況"], []);
  const top = rows.length;
  if (layout.twoRowHeader) {
    rows.push(["No", "取組名", "評価指標", "区分", layout.parent, ...Array(layout.years - 1).fill(null)]);
    rows.push([null, null, null, null, ...yearLabels]);
    for (let c = 0; c < 4; c++) merges.push({ top, left: c, bottom: top + 1, right: c });
    merges.push({ top, left: 4, bottom: top, right: width - 1 });
  } else {
    rows.push(["No", "取組名", "評価指標", "区分", ...yearLabels]);
  }
  const pairs: { targetRow: number; group: string }[] = [];
  let no = 0;
  layout.groups.forEach((group, g) => {
    const heading = rows.length;
    rows.push([GROUP_NAME(g)]);
    merges.push({ top: heading, left: 0, bottom: heading, right: width - 1 });
    for (const pair of group) {
      no++;
      const r = rows.length;
      rows.push([String(no), `取組${no}`, pair.indicator, "目標", ...pair.targets]);
      rows.push([null, null, null, "実績", ...pair.actuals]);
      if (layout.mergedIdentity) for (let c = 0; c < 3; c++) merges.push({ top: r, left: c, bottom: r + 1, right: c });
      pairs.push({ targetRow: r, group: GROUP_NAME(g) });
    }
  });
  const sheet = sheetOf("5か年目標・実績", rows);
  return { sheet: { ...sheet, merges }, pairs };
}

const rulesArb: fc.Arbitrary<Rules> = fc
  .record({
    count: fc.constantFrom("items" as const, "indicators" as const),
    includeExcludedInDenominator: fc.boolean(),
    year: fc.option(fc.integer({ min: FIRST_YEAR, max: FIRST_YEAR + 1 }), { nil: null }),
  })
  .map((p) => rulesWith(p));

/** An actual that reads as a number: a number, or a number written with its unit ("12人"). */
const isNumber = (c: CellSpec) =>
  typeof c === "number" ||
  (typeof c === "string" && /^\d+人$/.test(c)) ||
  (c !== null && typeof c === "object" && typeof c.v === "number");

describe("random 目標 / 実績 row-pair sheets with year columns", () => {
  it("every pair is one item in the group of the heading above it, graded or excluded with a reason; counts add up", () => {
    fc.assert(
      fc.property(layoutArb, rulesArb, (layout, rules) => {
        const { sheet, pairs } = build(layout);
        const res = reviewSheets([sheet], rules);
        expect(res.skippedSheets).toEqual([]);
        expect(res.summary.evaluations).toHaveLength(1);
        const ev = res.summary.evaluations[0]!;
        // Sheet rows in the summary are 1-based; every pair is one item, in order.
        expect(ev.items.map((i) => i.row)).toEqual(pairs.map((p) => p.targetRow + 1));
        expect(ev.items.map((i) => i.group)).toEqual(pairs.map((p) => p.group));
        expect(ev.groups.map((g) => g.name)).toEqual([...new Set(pairs.map((p) => p.group))]);
        const labels = rules.bands.map((b) => b.label);
        const graded = labels.reduce((s, l) => s + ev.total.counts[l]!, 0);
        const units =
          rules.count === "items"
            ? ev.items.length
            : ev.items.reduce((s, it) => s + Math.max(1, it.indicators.length), 0);
        expect(graded + ev.total.excluded).toBe(units);
        for (const it of ev.items) {
          if (it.grade === null) {
            expect(it.excludedReason).toEqual(expect.any(String));
            expect(ev.review.some((r) => r.row === it.row)).toBe(true);
          } else expect(labels).toContain(it.grade);
          for (const ind of it.indicators) {
            expect(ind.targetRow).toBe(it.row);
            expect(ind.actualRow).toBe(it.row + 1);
          }
        }
      }),
      RUNS,
    );
  });

  it("the evaluated year is the rules' year, else the latest year with an actual", () => {
    fc.assert(
      fc.property(layoutArb, rulesArb, (layout, rules) => {
        const { sheet } = build(layout);
        const ev = reviewSheets([sheet], rules).summary.evaluations[0]!;
        const pairs = layout.groups.flat();
        let latest: number | null = null;
        for (let y = 0; y < layout.years; y++) if (pairs.some((p) => isNumber(p.actuals[y]!))) latest = FIRST_YEAR + y;
        const want = rules.year ?? latest;
        if (want !== null) expect(ev.fiscalYear).toBe(want);
      }),
      RUNS,
    );
  });

  it("a target and an actual that are plain numbers give the band of R = actual / target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.boolean(),
        (t, a, twoRow) => {
          const layout: Layout = {
            years: 2,
            twoRowHeader: twoRow,
            parent: "年度",
            title: false,
            mergedIdentity: false,
            groups: [[{ indicator: "利用件数", targets: [t, t], actuals: [null as RawValue, a] }]],
          };
          const ev = reviewSheets([build(layout).sheet], DEFAULT_RULES).summary.evaluations[0]!;
          const want = a * 100 >= 100 * t ? "A" : a * 100 >= 80 * t ? "B" : a * 100 >= 50 * t ? "C" : "D";
          expect(ev.fiscalYear).toBe(FIRST_YEAR + 1);
          expect(ev.items[0]!.suggestedGrade).toBe(want);
        },
      ),
      RUNS,
    );
  });
});
