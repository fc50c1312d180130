/**
 * Property (fast-check) over random sheets drawn from a grammar of the real
 * municipal layouts: a title block (0–15 rows of titles, dates, 記入要領, a
 * grade legend), one- or two-row headers worded as staff word them (merged or
 * typed once), one row per item (one target / actual, or per-year 目標 | 実績
 * under each year) or 目標 / 実績 row pairs with year columns, group heading
 * rows, items with one or two indicators, values of every kind (numbers,
 * full-width digits, ▲, units, 評価期間前, blanks, errors, words), ※ notes and
 * a total row under the table. Through the public path (reviewWorkbook):
 *  - it never throws and the sheet is read (it is a progress table);
 *  - every data row ends up graded or listed with a reason, in every evaluation:
 *    each item is an item of the summary (in order, with all its indicators),
 *    an item that is not graded carries its reason and is on the review list;
 *  - the evaluated year is one of the table's years (not a date in the title block);
 *  - counts add up.
 */
import fc from "fast-check";
import type { CellRect } from "../../../../src/core/model/snapshot";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import { reviewSheets, sheetOf, type CellSpec } from "../helpers";

const RUNS = { numRuns: 150 };
const FIRST_YEAR = 2021;

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

const WORDS = {
  key: pick("No", "No.", "番号", "項番", "Ｎｏ．", "通し番号"),
  item: pick("事業名", "取組名", "事務事業名", "主な取組", "項目"),
  indicator: pick("評価指標", "成果指標", "活動指標", "指標名", "KPI", "成果\n指標"),
  target: pick("目標", "目標値", "目標値（件）", "計画値", "目　標"),
  actual: pick("実績", "実績値", "実績値（件）", "実　績"),
  grade: pick("自己評価", "評価", "達成状況", "評価（自己）", "自己評価（A～D）", "自己\n評価"),
  department: pick("担当課", "所管課", "担当部署", "所属"),
  kind: pick("区分", "目標・実績", null),
  parent: pick("年度", "年度別", "目標・実績", "計画年度", "年度別目標", "目標値", null),
};

const yearLabel = pick(
  (i: number) => `令和${FIRST_YEAR - 2018 + i}年度`,
  (i: number) => `R${FIRST_YEAR - 2018 + i}`,
  (i: number) => `${FIRST_YEAR + i}年度`,
  (i: number) => `令和${String.fromCharCode(0xff10 + FIRST_YEAR - 2018 + i)}年度`,
  (i: number): string | number => FIRST_YEAR + i,
  (i: number) => `令和${FIRST_YEAR - 2018 + i}年度\n（${FIRST_YEAR + i}）`,
);

const valueCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n) => `${n.toLocaleString("en-US")}件`) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 5000 })
      .map(
        (n) => [...n.toLocaleString("en-US")].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("") + "人",
      ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }).map((n) => `▲${(n / 10).toFixed(1)}%`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 90 }).map((n) => `${n}分以内`) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 5000 }).map((n): CellSpec => ({ v: n, t: `${n}件`, f: '0"件"' })),
  },
  { weight: 2, arbitrary: pick<CellSpec>("評価期間前", "-", "－", null, "", "#DIV/0!", "集計中", "たくさん") },
);

const gradeCell: fc.Arbitrary<CellSpec> = pick<CellSpec>("A", "B", "C", "D", "Ａ", "-", null, "Z", "評価期間前");

interface Item {
  indicators: { name: string; targets: CellSpec[]; actuals: CellSpec[]; note: CellSpec }[];
  grade: CellSpec;
  blankAfter: boolean;
}

type Shape = "single" | "yearsOnTop" | "pairs";

interface Sheet {
  shape: Shape;
  years: number;
  titleRows: CellSpec[][];
  english: boolean;
  words: { key: string; item: string; indicator: string; target: string; actual: string; grade: string };
  department: string | null;
  unit: boolean;
  note: boolean;
  hasGrade: boolean;
  kind: string | null;
  parent: string | null;
  yearLabel: (i: number) => string | number;
  merged: boolean;
  /** yearsOnTop: a third header row 「目標・実績」 over the years. */
  superParent: boolean;
  /** yearsOnTop: 目標 | 実績 | 評価 under each year (one evaluation per year). */
  gradePerYear: boolean;
  /** The sheet-wide grade column beside per-year grades. */
  overallWord: string;
  /** A title naming the evaluated year (the last year of the table). */
  titleYear: boolean;
  groupStyle: "none" | "headings" | "column";
  groups: Item[][];
  notesBelow: boolean;
  totalRow: boolean;
}

const TITLE_LINES: CellSpec[][] = [
  ["第2次○○市情報化推進計画"],
  ["進捗状況評価シート"],
  [],
  ["作成日：令和6年5月31日", null, null, "作成課：情報政策課"],
  ["【記入要領】"],
  ["1. 目標値・実績値は数値で入力してください。"],
  [null, "評価", "基準"],
  [null, "A", "目標を達成（100%以上）"],
  [null, "B", "おおむね達成（80%以上）"],
  [null, "C", "50%以上"],
  [null, "D", "50%未満"],
  ["※ 評価期間前の指標は「評価期間前」と記入"],
  [],
  ["（単位：件）"],
  [],
];

const ENGLISH = {
  key: "No.",
  item: "Item",
  indicator: "Indicator",
  target: "Target",
  actual: "Actual",
  grade: "Self-evaluation",
};

const sheetArb: fc.Arbitrary<Sheet> = fc
  .record({
    shape: pick<Shape>("single", "yearsOnTop", "pairs"),
    years: fc.integer({ min: 2, max: 4 }),
  })
  .chain(({ shape, years }) => {
    const n = shape === "single" ? 1 : years;
    const indicator = fc.record({
      name: pick("利用件数", "参加者数", "整備率", "手続件数", "待ち時間"),
      targets: fc.array(valueCell, { minLength: n, maxLength: n }),
      actuals: fc.array(valueCell, { minLength: n, maxLength: n }),
      note: pick<CellSpec>(null, "上方修正", "見込み値", "※参考値", "新型コロナの影響により縮小"),
    });
    return fc.record({
      shape: fc.constant(shape),
      years: fc.constant(n),
      titleRows: fc.integer({ min: 0, max: 15 }).map((k) => TITLE_LINES.slice(0, k)),
      english: fc.boolean(),
      words: fc.record({
        key: WORDS.key,
        item: WORDS.item,
        indicator: WORDS.indicator,
        target: WORDS.target,
        actual: WORDS.actual,
        grade: WORDS.grade,
      }),
      department: fc.option(WORDS.department, { nil: null }),
      unit: fc.boolean(),
      note: fc.boolean(),
      hasGrade: shape === "pairs" ? fc.constant(false) : fc.boolean(),
      kind: WORDS.kind,
      parent: WORDS.parent,
      yearLabel,
      merged: fc.boolean(),
      superParent: shape === "yearsOnTop" ? fc.boolean() : fc.constant(false),
      gradePerYear: shape === "yearsOnTop" ? fc.boolean() : fc.constant(false),
      overallWord: fc.constantFrom("総括評価", "自己評価"),
      titleYear: fc.boolean(),
      groupStyle: pick<Sheet["groupStyle"]>("none", "headings", "column"),
      groups: fc.array(
        fc.array(
          fc.record({
            indicators: fc.array(indicator, { minLength: 1, maxLength: 2 }),
            grade: gradeCell,
            blankAfter: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      notesBelow: fc.boolean(),
      totalRow: fc.boolean(),
    });
  });

interface Built {
  rows: CellSpec[][];
  merges: CellRect[];
  /** 0-based first row of each item, in order, with its number of indicators and its group. */
  items: { row: number; indicators: number; group: string | null }[];
  totalRow: number | null;
}

const GROUP_NAME = (g: number) => `基本方針${g + 1}. 市民サービスの向上 その${g + 1}`;

function build(s: Sheet): Built {
  const english = s.english;
  const rows: CellSpec[][] = [
    ...(s.titleYear
      ? [[english ? `FY${FIRST_YEAR + s.years - 1} progress` : `${s.yearLabel(s.years - 1)} 進捗状況`]]
      : []),
    ...s.titleRows,
  ];
  const merges: CellRect[] = [];
  const w = s.english ? ENGLISH : s.words;
  const lead: CellSpec[] = s.groupStyle === "column" ? [english ? "Policy" : "基本方針"] : [];
  const ident: CellSpec[] = [...lead, w.key, w.item, w.indicator];
  const L = lead.length;
  const top = rows.length;
  const twoRow = s.shape === "yearsOnTop" || (s.shape === "pairs" && s.parent !== null);
  const span = s.gradePerYear ? 3 : 2;
  const gradeWord = english ? "Grade" : "評価";
  const years = Array.from({ length: s.years }, (_, i) => (english ? `FY${FIRST_YEAR + i}` : s.yearLabel(i)));
  const kindWord = english ? "Type" : (s.kind ?? "区分");
  const [tWord, aWord] = english ? ["Target", "Actual"] : ["目標", "実績"];
  let header1: CellSpec[];
  let header2: CellSpec[] | null = null;
  const unitHeader: CellSpec[] = s.unit ? [english ? "Unit" : "単位"] : [];
  if (s.shape === "single") header1 = [...ident, ...unitHeader, w.target, w.actual];
  else if (s.shape === "yearsOnTop") {
    header1 = [...ident, ...unitHeader, ...years.flatMap((y) => [y, ...Array<CellSpec>(span - 1).fill(null)])];
    header2 = [
      ...ident.map(() => null),
      ...unitHeader.map(() => null),
      ...years.flatMap(() => [w.target, w.actual, ...(s.gradePerYear ? [gradeWord] : [])]),
    ];
  } else if (s.parent === null || english) header1 = [...ident, ...unitHeader, kindWord, ...years];
  else {
    header1 = [...ident, ...unitHeader, s.kind, s.parent, ...Array<CellSpec>(s.years - 1).fill(null)];
    header2 = [...ident.map(() => null), ...unitHeader.map(() => null), null, ...years];
  }
  const valueStart = ident.length + unitHeader.length + (s.shape === "pairs" ? 1 : 0);
  const extra: CellSpec[] = [];
  // Beside per-year grades the sheet-wide grade is an overall one (総括評価) or the plain grade word (自己評価),
  // which becomes an evaluation of its own.
  if (s.hasGrade) extra.push(s.gradePerYear ? (english ? "Overall" : s.overallWord) : w.grade);
  if (s.department) extra.push(english ? "Department" : s.department);
  if (s.note) extra.push(english ? "Remarks" : "備考");
  header1.push(...extra);
  const twoRowHeader = twoRow && header2 !== null;
  if (twoRowHeader) header2!.push(...extra.map(() => null));
  const width = header1.length;
  if (s.superParent) {
    // 目標・実績 over the year block; the other headers move up to this row.
    const head0: CellSpec[] = header1.map((h, c) => (c < valueStart || c >= valueStart + span * s.years ? h : null));
    head0[valueStart] = "目標・実績";
    rows.push(head0);
    header1 = header1.map((h, c) => (c < valueStart || c >= valueStart + span * s.years ? null : h));
    if (s.merged) {
      merges.push({ top, left: valueStart, bottom: top, right: valueStart + span * s.years - 1 });
      for (let c = 0; c < width; c++)
        if (head0[c] !== null && c !== valueStart) merges.push({ top, left: c, bottom: top + 2, right: c });
    }
  }
  const h1 = rows.length;
  rows.push(header1);
  if (twoRowHeader) {
    rows.push(header2!);
    if (s.merged) {
      if (!s.superParent)
        for (let c = 0; c < width; c++)
          if (header1[c] !== null && header2![c] === null) merges.push({ top: h1, left: c, bottom: h1 + 1, right: c });
      if (s.shape === "yearsOnTop")
        for (let y = 0; y < s.years; y++)
          merges.push({ top: h1, left: valueStart + span * y, bottom: h1, right: valueStart + span * (y + 1) - 1 });
      else merges.push({ top: h1, left: valueStart, bottom: h1, right: valueStart + s.years - 1 });
    }
  }
  const items: Built["items"] = [];
  let no = 0;
  s.groups.forEach((group, g) => {
    if (s.groupStyle === "headings") {
      const r = rows.length;
      rows.push([GROUP_NAME(g)]);
      if (s.merged) merges.push({ top: r, left: 0, bottom: r, right: width - 1 });
    }
    const groupTop = rows.length;
    for (const item of group) {
      no++;
      const itemTop = rows.length;
      items.push({
        row: itemTop,
        indicators: item.indicators.length,
        group: s.groupStyle === "none" ? null : GROUP_NAME(g),
      });
      item.indicators.forEach((ind, i) => {
        const first = i === 0;
        const groupCell: CellSpec[] = L ? [rows.length === groupTop ? GROUP_NAME(g) : null] : [];
        const id: CellSpec[] = first
          ? [...groupCell, String(no), `取組その${no}`, ind.name]
          : [...groupCell, null, null, ind.name];
        const unit: CellSpec[] = s.unit ? ["件"] : [];
        const tail: CellSpec[] = [];
        if (s.hasGrade) tail.push(first ? item.grade : null);
        if (s.department) tail.push(first ? "情報政策課" : null);
        if (s.note) tail.push(ind.note);
        if (s.shape === "single") rows.push([...id, ...unit, ind.targets[0]!, ind.actuals[0]!, ...tail]);
        else if (s.shape === "yearsOnTop")
          rows.push([
            ...id,
            ...unit,
            ...ind.targets.flatMap((t, y) => [
              t,
              ind.actuals[y]!,
              ...(s.gradePerYear ? [first ? item.grade : null] : []),
            ]),
            ...tail,
          ]);
        else {
          const r = rows.length;
          rows.push([...id, ...unit, tWord, ...ind.targets, ...tail]);
          rows.push([...id.map(() => null), ...unit.map(() => null), aWord, ...ind.actuals, ...tail.map(() => null)]);
          if (s.merged)
            for (let c = L; c < ident.length; c++) merges.push({ top: r, left: c, bottom: r + 1, right: c });
        }
      });
      if (item.blankAfter) rows.push([]);
    }
    if (L && s.merged && rows.length - 1 > groupTop)
      merges.push({ top: groupTop, left: 0, bottom: rows.length - 1, right: 0 });
  });
  let totalRow: number | null = null;
  if (s.totalRow) {
    totalRow = rows.length;
    const sums = Array<CellSpec>(width - valueStart - extra.length).fill(1000);
    const kindAt = s.shape === "pairs" ? valueStart - 1 : valueStart;
    rows.push(["合計", ...Array<CellSpec>(kindAt - 1).fill(null), ...(s.shape === "pairs" ? [tWord] : []), ...sums]);
    if (s.shape === "pairs") rows.push([...Array<CellSpec>(kindAt).fill(null), aWord, ...sums]);
  }
  if (s.notesBelow) rows.push([], ["※ 実績値は3月末時点"], ["※ 担当課の自己評価を記載"]);
  return { rows, merges, items, totalRow };
}

describe("any sheet of the real layouts", () => {
  it("is read, and every data row is graded or listed with a reason in every evaluation", () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const b = build(s);
        const res = reviewSheets([{ ...sheetOf("進捗状況", b.rows), merges: b.merges }], DEFAULT_RULES);
        // Skipped only when no evaluation can take it (below), and then listed with the reason.
        expect(res.skippedSheets).toEqual(
          res.summary.evaluations.length === 0
            ? [{ sheet: "進捗状況", reason: expect.stringMatching(/^no year with actuals to evaluate yet/) }]
            : [],
        );
        expect(res.layouts[0]!.kind).toBe(s.shape === "pairs" ? "pairs" : "rowPerItem");
        if (res.summary.evaluations.length === 0) {
          // No year has an actual yet (all 評価期間前 / blank): no evaluation, and the warning says so,
          // naming the sheet and how many rows could not be graded.
          const n = b.items.length + (b.totalRow === null ? 0 : 1);
          expect(res.warnings.some((x) => x.startsWith("「進捗状況」") && x.includes(`${n} 行`))).toBe(true);
        }
        const labels = DEFAULT_RULES.bands.map((x) => x.label);
        for (const ev of res.summary.evaluations) {
          const itemRows = ev.items.map((i) => i.row);
          const reviewRows = new Set(ev.review.map((x) => x.row));
          // Every generated item is an item of the summary, in order, with all its indicators.
          const own = ev.items;
          expect(own.map((i) => i.row)).toEqual(b.items.map((i) => i.row + 1));
          // (An overall evaluation, 総括, grades items by their grade alone, without indicator data.)
          if (ev.items.some((i) => i.indicators.length > 0))
            expect(own.map((i) => i.indicators.length)).toEqual(b.items.map((i) => i.indicators));
          expect(own.map((i) => i.group)).toEqual(b.items.map((i) => i.group));
          // The total row (with its sums) is never an item, and never dropped silently: it is listed with why.
          if (b.totalRow !== null) {
            expect(itemRows).not.toContain(b.totalRow + 1);
            expect(ev.review.find((x) => x.row === b.totalRow! + 1)?.reason).toMatch(/^total row/);
          }
          for (const it of ev.items) {
            if (it.grade === null) {
              expect(it.excludedReason).toEqual(expect.any(String));
              expect(reviewRows.has(it.row)).toBe(true);
            } else expect(labels).toContain(it.grade);
          }
          // The year evaluated is one the table's headers hold — never the 作成日 of the title block.
          const years = Array.from({ length: s.shape === "single" ? 0 : s.years }, (_, i) => FIRST_YEAR + i);
          if (s.titleYear) years.push(FIRST_YEAR + s.years - 1);
          if (ev.fiscalYear !== null) expect(years).toContain(ev.fiscalYear);
          const graded = labels.reduce((n, l) => n + (ev.total.counts[l] ?? 0), 0);
          expect(graded + ev.total.excluded).toBe(ev.items.length);
        }
      }),
      RUNS,
    );
  });
});
