/**
 * Properties of reading what real sheets say (issue 10), for any input (fast-check):
 *  - a basis word before a number (毎年, 最終年度に, 年間, 各年度, each year …) never changes the
 *    number, its unit or its cap, and never changes the grade — only the reason;
 *  - every English cap ("or less", "at most", "within", "≤", "max", "lower is better") grades
 *    exactly as 以下 does, and every English floor as 以上 does;
 *  - a fiscal year written in any of the sheets' forms (令和N年度, 平成N年度, RN, HN, YYYY年度, FYYYYY)
 *    in a header, a title or a sheet name is the year of the evaluation;
 *  - k sheets of k distinct years give k evaluations, each with its own sheet's grades.
 */
import fc from "fast-check";
import { gradeIndicator } from "../../../src/core/grading/grade-indicator";
import { detectDirection } from "../../../src/core/grading/detect-direction";
import { singleFiscalYearIn } from "../../../src/core/japanese/fiscal-year";
import type { IndicatorValue } from "../../../src/core/cells/parse-indicator-value";
import { DEFAULT_RULES } from "../../../src/core/model/settings";
import { cell, reviewSheets, sheetOf } from "./helpers";

const RUNS = { numRuns: 300 };

const BASIS_WORDS: [string, "everyYear" | "finalYear" | "cumulative"][] = [
  ["毎年", "everyYear"],
  ["毎年度", "everyYear"],
  ["各年度", "everyYear"],
  ["年間", "everyYear"],
  ["最終年度に", "finalYear"],
  ["最終年度までに", "finalYear"],
  ["累計", "cumulative"],
  ["each year ", "everyYear"],
  ["every year ", "everyYear"],
  ["by the final year ", "finalYear"],
];

const digits = fc.oneof(
  fc.integer({ min: 1, max: 100000 }).map(String),
  fc.integer({ min: 1, max: 9_999_999 }).map((n) => n.toLocaleString("en-US")),
  fc.integer({ min: 1, max: 99999 }).map((n) => (n / 100).toFixed(2)),
);
const unit = fc.constantFrom("", "件", "人", "分", "%", "回", "時間");
const gap = fc.constantFrom("", " ", "　");

function num(v: IndicatorValue): Extract<IndicatorValue, { kind: "number" }> {
  if (v.kind !== "number") throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
}

function grade(target: IndicatorValue, actual: IndicatorValue): string | null {
  const direction = detectDirection({ override: null, directionCell: null, targets: [target], baseline: null, target });
  const o = gradeIndicator({ target, actual, baseline: null, direction, rules: DEFAULT_RULES });
  return o.graded ? o.grade : null;
}

describe("a basis word before the number", () => {
  it("keeps the number, its unit and its cap, and records the basis", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASIS_WORDS),
        gap,
        digits,
        unit,
        fc.constantFrom("", "以内", "以上"),
        ([w, basis], g, d, u, q) => {
          const plain = num(cell(d + u + q));
          const worded = num(cell(w + g + d + u + q));
          expect([worded.value, worded.unit, worded.qualifier]).toEqual([plain.value, plain.unit, plain.qualifier]);
          expect(worded.basis).toBe(basis);
        },
      ),
      RUNS,
    );
  });

  it("never changes the grade, only the reason", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASIS_WORDS), digits, digits, unit, ([w], t, a, u) => {
        expect(grade(cell(w + t + u), cell(a + u))).toBe(grade(cell(t + u), cell(a + u)));
      }),
      RUNS,
    );
  });
});

describe("English caps and floors grade as 以下 / 以上 do", () => {
  const CAPS: ((n: string) => string)[] = [
    (n) => `${n} or less`,
    (n) => `at most ${n}`,
    (n) => `within ${n}`,
    (n) => `≤ ${n}`,
    (n) => `<=${n}`,
    (n) => `max ${n}`,
    (n) => `${n} (lower is better)`,
    (n) => `no more than ${n}`,
  ];
  const FLOORS: ((n: string) => string)[] = [
    (n) => `at least ${n}`,
    (n) => `${n} or more`,
    (n) => `≥ ${n}`,
    (n) => `min. ${n}`,
  ];
  const enUnit = fc.constantFrom("", " minutes", " days", "%", " cases");

  it("a cap is lower is better and gives the grade 以下 gives", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAPS), digits, digits, enUnit, (cap, t, a, u) => {
        const capped = cell(cap(t + u));
        expect(num(capped).value).toBe(num(cell(t + u.trim())).value);
        const d = detectDirection({
          override: null,
          directionCell: null,
          targets: [capped],
          baseline: null,
          target: capped,
        });
        expect(d.lowerIsBetter).toBe(true);
        expect(grade(capped, cell(a + u))).toBe(grade(cell(t + u.trim() + "以下"), cell(a + u)));
      }),
      RUNS,
    );
  });

  it("a floor is higher is better and gives the grade 以上 gives", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLOORS), digits, digits, enUnit, (floor, t, a, u) => {
        const floored = cell(floor(t + u));
        expect(grade(floored, cell(a + u))).toBe(grade(cell(t + u.trim() + "以上"), cell(a + u)));
      }),
      RUNS,
    );
  });
});

/** A fiscal year written in one of the forms sheets use. */
const writtenYear = fc.integer({ min: 1990, max: 2060 }).chain((y) => {
  const forms: string[] = [`${y}年度`, `FY${y}`];
  if (y >= 2019)
    forms.push(
      y === 2019 ? "令和元年度" : `令和${y - 2018}年度`,
      `R${y - 2018}`,
      `令和${String(y - 2018).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}年度`,
    );
  else forms.push(`平成${y - 1988}年度`, `H${y - 1988}`);
  return fc.constantFrom(...forms).map((text) => ({ year: y, text }));
});

describe("the year a sheet states", () => {
  it("any written form is read back as its fiscal year", () => {
    fc.assert(
      fc.property(writtenYear, ({ year, text }) => {
        expect(singleFiscalYearIn(text)?.fiscalYear).toBe(year);
      }),
      RUNS,
    );
  });

  it("in a header, a title or a sheet name, it is the year and the label of the evaluation", () => {
    fc.assert(
      fc.property(writtenYear, fc.constantFrom("header", "title", "sheetName"), ({ year, text }, where) => {
        const header =
          where === "header"
            ? ["No", "事業名", "指標", `${text} 目標値`, `${text} 実績値`, "達成度"]
            : ["No", "事業名", "指標", "目標値", "実績値", "達成度"];
        const rows = [
          ...(where === "title" ? [[`${text} 評価シート`], []] : []),
          header,
          ["1", "貸出", "冊数", "100", "90", "B"],
        ];
        const r = reviewSheets([sheetOf(where === "sheetName" ? text : "評価", rows)]);
        expect(r.summary.evaluations.map((e) => [e.fiscalYear, e.label])).toEqual([[year, text]]);
      }),
      { numRuns: 150 },
    );
  });

  it("k sheets of k distinct years give k evaluations, each with its own sheet's grades", () => {
    const grades = fc.constantFrom(["100", "A"], ["85", "B"], ["60", "C"], ["10", "D"]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1990, max: 2060 }), { minLength: 1, maxLength: 5 }),
        fc.array(grades, { minLength: 5, maxLength: 5 }),
        (years, gs) => {
          const sheets = years.map((y, i) =>
            sheetOf(`${y}年度`, [
              ["No", "事業名", "指標", "目標値", "実績値"],
              ["1", "貸出", "冊数", "100", gs[i]![0]!],
            ]),
          );
          const r = reviewSheets(sheets);
          expect(r.summary.evaluations.map((e) => e.fiscalYear)).toEqual(years);
          expect(r.summary.evaluations.map((e) => e.items[0]!.grade)).toEqual(years.map((_, i) => gs[i]![1]));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("random year sheets with worded values: nothing is dropped", () => {
  const worded = fc
    .tuple(
      fc.constantFrom("", "毎年", "最終年度に", "年間", "各年度", "累計", "each year ", "at most ", "≤ ", "within "),
      digits,
      fc.constantFrom("", "件", "人", "%", " minutes", "以内", " or less", " (lower is better)"),
    )
    .map(([w, d, u]) => w + d + u);
  const value = fc.oneof(worded, fc.constantFrom("評価期間前", "-", "たくさん", "", "#DIV/0!"));
  const grade = fc.constantFrom("A", "B", "C", "D", "", "-", "Z");
  const english = fc.boolean();

  it("every data row of every year sheet is one item of that sheet's year, graded or listed with its reason", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1990, max: 2060 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.tuple(value, value, grade), { minLength: 1, maxLength: 8 }), {
          minLength: 4,
          maxLength: 4,
        }),
        english,
        (years, rowsPerSheet, en) => {
          const sheets = years.map((y, s) =>
            sheetOf(`${y}年度`, [
              en ? ["Indicator", "Target", "Actual", "Grade"] : ["No", "事業名", "指標", "目標値", "実績値", "達成度"],
              ...rowsPerSheet[s]!.map(([t, a, g], i) =>
                en ? [`Indicator ${i + 1}`, t, a, g] : [String(i + 1), `事業${i + 1}`, "指標", t, a, g],
              ),
            ]),
          );
          const r = reviewSheets(sheets);
          expect(r.summary.evaluations.map((e) => e.fiscalYear)).toEqual(years);
          years.forEach((y, s) => {
            const ev = r.summary.evaluations[s]!;
            expect(ev.items.map((i) => [i.sheet, i.row])).toEqual(rowsPerSheet[s]!.map((_, i) => [`${y}年度`, i + 2]));
            for (const it of ev.items) {
              if (it.grade === null) {
                expect(it.excludedReason).toBeTruthy();
                expect(ev.review.some((x) => x.row === it.row)).toBe(true);
              }
            }
          });
          // A sheet with no graded row is named in a warning; a sheet with one is not.
          years.forEach((y, s) => {
            const anyGraded = r.summary.evaluations[s]!.items.some((i) => i.grade !== null);
            expect(r.warnings.some((w) => w.startsWith(`「${y}年度」`))).toBe(!anyGraded);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
