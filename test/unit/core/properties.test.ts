/**
 * Properties that must hold for any input (fast-check):
 *  - parseIndicatorValue never throws, whatever the value, text and format;
 *  - higher is better: a higher actual never gives a worse grade (fixed positive
 *    target); lower is better: a higher actual never gives a better grade;
 *  - on random sheets fed to reviewWorkbook: counts add up (groups + excluded =
 *    items), every data row is graded or listed with a reason, every excluded
 *    item is in the review list, percentages are integers within 0..100.
 */
import fc from "fast-check";
import { sign } from "../../../src/core/cells/exact-number";
import { parseIndicatorValue } from "../../../src/core/cells/parse-indicator-value";
import { gradeIndicator } from "../../../src/core/grading/grade-indicator";
import type { Direction } from "../../../src/core/grading/detect-direction";
import { DEFAULT_RULES, type Rules } from "../../../src/core/model/settings";
import type { Evaluation, GroupSummary } from "../../../src/core/model/summary";
import type { RawValue } from "../../../src/core/model/snapshot";
import {
  BANDS_110_80_50,
  BANDS_110_90_60,
  HEADER,
  numCell,
  reviewSheets,
  rulesWith,
  sheetOf,
  type CellSpec,
} from "./helpers";

const RUNS = { numRuns: 300 };

const FORMATS = [
  "General",
  "@",
  "0",
  "0.00",
  "#,##0",
  "0.0%",
  "0.00%",
  '0.00%;"▲"0.00%',
  '#,##0"件"',
  '#,##0"人";"▲"#,##0"人"',
  '0"分以内"',
  "0.00E+00",
  "yyyy/m/d",
  "ge.m.d",
  '[$-ja-JP]ggge"年"m"月"d"日"',
  "h:mm",
  "#,##0;[Red]-#,##0",
  '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
];

const WORDS = [
  "評価期間前",
  "対象外",
  "集計中",
  "未確定",
  "-",
  "－",
  "―",
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "たくさん",
  "A",
  "Ｂ",
  "c",
  "D",
  "Z",
  "A評価",
  "",
  " ",
  "　",
  "※注",
  "施策1",
  "総括",
  "R3",
  "目標",
  "実績",
];

const numberText = fc
  .tuple(
    fc.constantFrom("", "-", "－", "+", "＋", "▲", "△", "−", "約"),
    fc.oneof(
      fc.nat({ max: 100000 }).map(String),
      fc.nat({ max: 99999 }).map((n) => (n / 100).toFixed(2)),
      fc.nat({ max: 9999999 }).map((n) => n.toLocaleString("en-US")),
    ),
    fc.constantFrom("", "件", "人", "時間", "分", "回", "点", "拠点", "%", "％", "円", "ポイント"),
    fc.constantFrom("", "以内", "以下", "未満", "以上", "まで", "超"),
  )
  .map(([s, d, u, q]) => s + d + u + q);

const anyFormat = fc.oneof(
  fc.constantFrom(...FORMATS),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.nat({ max: 100000 }).map((n) => n / 100),
  fc.constantFrom(0, -0, 0.56, 0.7, 0.08, 0.1, -0.1668, 1e21, 5e-324, Number.MAX_VALUE),
);

/** Any raw value a cell can hold, with a displayed text and a number format. */
const anyCell: fc.Arbitrary<{ v: RawValue; t: string; f: string }> = fc.oneof(
  fc.constant({ v: null, t: "", f: "General" }),
  fc.constantFrom(...WORDS).map((w) => ({ v: w, t: w, f: "General" })),
  numberText.map((w) => ({ v: w, t: w, f: "General" })),
  fc.tuple(anyNumber, anyFormat).map(([n, f]) => ({ v: n, t: String(n), f })),
  fc.boolean().map((b) => ({ v: b, t: b ? "TRUE" : "FALSE", f: "General" })),
  fc.string({ maxLength: 12 }).map((s) => ({ v: s, t: s, f: "General" })),
  fc.string({ unit: "binary", maxLength: 12 }).map((s) => ({ v: s, t: s, f: "General" })),
);

describe("parseIndicatorValue never throws", () => {
  const KINDS = new Set(["number", "blank", "excluded", "error", "unreadable"]);

  it("for any string, number, boolean or null, any text and any format", () => {
    const value: fc.Arbitrary<RawValue> = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.string(),
      numberText,
      fc.constantFrom(...WORDS),
      anyNumber,
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        value,
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), numberText),
        anyFormat,
        (v, text, format) => {
          const r = parseIndicatorValue(v, text, format);
          expect(KINDS.has(r.kind)).toBe(true);
          if (r.kind === "number") {
            // The exact value must be readable and agree in sign with the number.
            const exact = r.exact;
            if (Number.isFinite(r.value) && r.value !== 0) expect(sign(exact)).toBe(Math.sign(r.value));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a number with a non-date format always reads back as that number", () => {
    const safeFormat = fc.constantFrom(
      "General",
      "0",
      "0.00",
      "#,##0",
      "0.0%",
      '0.00%;"▲"0.00%',
      '#,##0"件"',
      "0.00E+00",
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), safeFormat, (n, f) => {
        const r = parseIndicatorValue(n, String(n), f);
        expect(r.kind).toBe("number");
        if (r.kind === "number") expect(Object.is(r.value, n) || r.value === n).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("monotonic grades", () => {
  const HIGHER: Direction = { lowerIsBetter: false, why: "", whyJa: "" };
  const LOWER: Direction = { lowerIsBetter: true, why: "", whyJa: "" };
  const bandSets: Rules[] = [
    DEFAULT_RULES,
    rulesWith({ bands: BANDS_110_80_50 }),
    rulesWith({ bands: BANDS_110_90_60 }),
  ];

  function rank(target: number, actual: number, direction: Direction, rules: Rules): number {
    const o = gradeIndicator({
      target: numCell(target, String(target), "General"),
      actual: numCell(actual, String(actual), "General"),
      baseline: null,
      direction,
      rules,
    });
    if (!o.graded) throw new Error(`not graded: ${target} ${actual} ${o.reason}`);
    return rules.bands.findIndex((b) => b.label === o.grade);
  }

  const target = fc.oneof(
    fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
    fc.integer({ min: 1, max: 100000 }),
    fc.nat({ max: 10000 }).map((n) => (n + 1) / 100),
  );
  /** Actuals that land on and next to band boundaries, plus anything. */
  const actualFor = (t: number) =>
    fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.constantFrom(0, 0.5, 0.6, 0.8, 0.9, 1, 1.1).map((k) => t * k),
      fc
        .constantFrom(0.5, 0.6, 0.8, 0.9, 1, 1.1)
        .chain((k) => fc.integer({ min: -3, max: 3 }).map((e) => t * k * (1 + e * Number.EPSILON))),
    );

  it("higher is better: a higher actual never gives a worse grade (fixed positive target)", () => {
    fc.assert(
      fc.property(
        target.chain((t) => fc.tuple(fc.constant(t), actualFor(t), actualFor(t))),
        fc.constantFrom(...bandSets),
        ([t, a1, a2], rules) => {
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          expect(rank(t, hi, HIGHER, rules)).toBeLessThanOrEqual(rank(t, lo, HIGHER, rules));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("lower is better: a higher actual never gives a better grade (positive target and actuals)", () => {
    fc.assert(
      fc.property(
        target.chain((t) => fc.tuple(fc.constant(t), actualFor(t), actualFor(t))),
        fc.constantFrom(...bandSets),
        ([t, a1, a2], rules) => {
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          fc.pre(lo >= 0);
          expect(rank(t, hi, LOWER, rules)).toBeGreaterThanOrEqual(rank(t, lo, LOWER, rules));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("decimals written as text: the grade is the band of the exact R = a / t", () => {
    // a and t are hundredths; R = a / t exactly, compared with integers: 100·a ≥ k·t.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: -100000, max: 200000 }), (t100, a100) => {
        const t = (t100 / 100).toFixed(2);
        const a = (a100 / 100).toFixed(2);
        const o = gradeIndicator({
          target: parseIndicatorValue(t, t, "General"),
          actual: parseIndicatorValue(a, a, "General"),
          baseline: null,
          direction: HIGHER,
          rules: DEFAULT_RULES,
        });
        const want =
          a100 <= 0
            ? "D"
            : a100 * 100 >= 100 * t100
              ? "A"
              : a100 * 100 >= 80 * t100
                ? "B"
                : a100 * 100 >= 50 * t100
                  ? "C"
                  : "D";
        expect(o.graded && o.grade).toBe(want);
      }),
      { numRuns: 1000 },
    );
  });
});

/* ---------------- random sheets through reviewWorkbook ---------------- */

function checkBlock(b: Omit<GroupSummary, "name">, labels: string[], includeExcluded: boolean): void {
  const sum = labels.reduce((s, l) => s + (b.counts[l] ?? 0), 0);
  expect(b.evaluated).toBe(sum);
  for (const l of labels) {
    const p = b.percent[l]!;
    expect(Number.isInteger(p)).toBe(true);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(100);
  }
  const denominator = includeExcluded ? b.evaluated + b.excluded : b.evaluated;
  if (denominator === 0) expect(b.aOrBPercent).toBeNull();
  else {
    expect(Number.isInteger(b.aOrBPercent)).toBe(true);
    expect(b.aOrBPercent!).toBeGreaterThanOrEqual(0);
    expect(b.aOrBPercent!).toBeLessThanOrEqual(100);
    // A or B from raw counts.
    const top2 = (b.counts[labels[0]!] ?? 0) + (b.counts[labels[1]!] ?? 0);
    expect(b.aOrBPercent).toBe(Math.floor((200 * top2 + denominator) / (2 * denominator)));
  }
}

function checkEvaluation(ev: Evaluation, rules: Rules, units: number): void {
  const labels = rules.bands.map((b) => b.label);
  // Counts add up: graded + excluded = units (items, or indicators when counting indicators).
  const graded = labels.reduce((s, l) => s + ev.total.counts[l]!, 0);
  expect(graded + ev.total.excluded).toBe(units);
  // Groups add up to the total.
  for (const l of labels) expect(ev.groups.reduce((s, g) => s + g.counts[l]!, 0)).toBe(ev.total.counts[l]);
  expect(ev.groups.reduce((s, g) => s + g.excluded, 0)).toBe(ev.total.excluded);
  checkBlock(ev.total, labels, rules.includeExcludedInDenominator);
  for (const g of ev.groups) checkBlock(g, labels, rules.includeExcludedInDenominator);
  // Every item is graded or has a reason; every excluded item is in the review list.
  for (const it of ev.items) {
    if (it.grade !== null) {
      expect(labels).toContain(it.grade);
      expect(it.excludedReason).toBeNull();
    } else {
      expect(typeof it.excludedReason).toBe("string");
      expect(it.excludedReason!.length).toBeGreaterThan(0);
      expect(ev.review.some((r) => r.sheet === it.sheet && r.row === it.row)).toBe(true);
    }
  }
}

const rulesArb: fc.Arbitrary<Rules> = fc
  .record({
    bands: fc.constantFrom(DEFAULT_RULES.bands, BANDS_110_80_50, BANDS_110_90_60),
    mode: fc.constantFrom("ratio" as const, "baseline" as const),
    count: fc.constantFrom("items" as const, "indicators" as const),
    includeExcludedInDenominator: fc.boolean(),
  })
  .map((p) => rulesWith(p));

describe("random sheets: No / 事業名 / 評価指標 / 目標 / 実績 / 自己評価", () => {
  /** Data rows with a unique No and name (each is one item) and random value cells. */
  const dataRows = fc
    .array(fc.tuple(anyCell, anyCell, anyCell, anyCell), { minLength: 0, maxLength: 25 })
    .map((cells) => cells.map(([ind, t, a, g], i): CellSpec[] => [String(i + 1), `事業${i + 1}`, ind, t, a, g]));

  it("every data row is one item, graded or excluded with a reason; counts add up; percents are whole numbers in 0..100", () => {
    fc.assert(
      fc.property(dataRows, rulesArb, (rows, rules) => {
        const res = reviewSheets([sheetOf("進捗", [HEADER, ...rows])], rules);
        if (rows.length === 0) return;
        expect(res.summary.evaluations).toHaveLength(1);
        const ev = res.summary.evaluations[0]!;
        expect(ev.items.map((i) => i.row)).toEqual(rows.map((_, i) => i + 2));
        const units = ev.items.reduce(
          (s, it) => s + (rules.count === "items" ? 1 : Math.max(1, it.indicators.length)),
          0,
        );
        checkEvaluation(ev, rules, units);
      }),
      RUNS,
    );
  });

  it("with garbage in every column (No and name too), the job never throws and counts add up", () => {
    const garbageRow = fc.tuple(
      fc.oneof(
        fc.nat({ max: 30 }).map((n) => ({ v: String(n), t: String(n), f: "General" })),
        anyCell,
      ),
      fc.oneof(
        fc.constantFrom("事業A", "事業B", "事業C").map((s) => ({ v: s, t: s, f: "General" })),
        anyCell,
      ),
      anyCell,
      anyCell,
      anyCell,
      anyCell,
    );
    fc.assert(
      fc.property(fc.array(garbageRow, { maxLength: 25 }), rulesArb, (rows, rules) => {
        const res = reviewSheets([sheetOf("進捗", [HEADER, ...rows])], rules);
        for (const ev of res.summary.evaluations) {
          const units = ev.items.reduce(
            (s, it) => s + (rules.count === "items" ? 1 : Math.max(1, it.indicators.length)),
            0,
          );
          checkEvaluation(ev, rules, units);
        }
      }),
      RUNS,
    );
  });

  it("every data row with a value in 目標 / 実績 / 自己評価 is an item, an indicator of an item, or in the review list", () => {
    const identity = fc.oneof(
      fc.nat({ max: 30 }).map((n) => String(n)),
      fc.constant(null),
      fc.constantFrom("事業A", "事業B", "第1章", "1.", "①"),
    );
    // A row whose first cell is a note (※…, 注:, 出典…) and has values is pinned by its own test in
    // layout/read-columnar-table.test.ts, so it is left out here.
    const NOTE = /^(※|＊|\*|注|（注|\(注|出典|資料|備考)/;
    const valueCell = anyCell.filter(
      (c) => !(typeof c.v === "string" && NOTE.test(c.v.trim())) && !NOTE.test(c.t.trim()),
    );
    const row = fc.tuple(identity, identity, valueCell, valueCell, valueCell, valueCell);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (generated) => {
        // The first data row has a No, so that it cannot be read as a second header row (総括 under 実績).
        const rows: CellSpec[][] = generated.map((r, i) => (i === 0 ? ["1", ...r.slice(1)] : [...r]));
        const res = reviewSheets([sheetOf("進捗", [HEADER, ...rows])]);
        const isBlank = (c: { v: RawValue }) => c.v === null || (typeof c.v === "string" && c.v.trim() === "");
        const covered = new Set<number>();
        for (const ev of res.summary.evaluations) {
          for (const it of ev.items) {
            covered.add(it.row);
            for (const ind of it.indicators) {
              if (ind.targetRow) covered.add(ind.targetRow);
              if (ind.actualRow) covered.add(ind.actualRow);
            }
          }
          for (const r of ev.review) covered.add(r.row);
        }
        generated.forEach((r, i) => {
          const hasValue = [r[3], r[4], r[5]].some((c) => !isBlank(c));
          if (hasValue) expect({ row: i + 2, covered: covered.has(i + 2) }).toEqual({ row: i + 2, covered: true });
        });
      }),
      RUNS,
    );
  });
});
