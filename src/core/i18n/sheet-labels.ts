import type { NextGradeWords } from "./next-grade-text";

/** Words of the generated sheets, Japanese first (the report's language) and English. */
export interface SheetLabels {
  /** 「表3-1 評価結果（ビジョン毎）」: the report's title (number 「3-1」), with the grouping word taken from the sheet. */
  summaryTitle: (num: string, groupWord: string) => string;
  /** Which evaluation a title is about, after it, when the report has several (「（R3）」). */
  evaluationSuffix: (label: string) => string;
  /** The item noun when neither the settings nor the sheets' headings give one. */
  itemNoun: string;
  /** Grouping word when the group names share none. */
  groupHeader: string;
  /** Header over the grade columns: 「個別システム件数（割合）」 with the item noun. */
  countsHeader: (noun: string) => string;
  /** Number format of a count cell that shows 「16件 (84%)」 while the cell holds the number 16. */
  countFormat: (percent: number) => string;
  gradeHeader: (g: string) => string;
  excludedHeader: string;
  aOrBHeader: (a: string, b: string) => string;
  total: string;
  countCell: (count: number, percent: number) => string;
  countOnly: (n: number) => string;
  percent: (p: number | null) => string;
  footDenominator: (evaluated: number) => string;
  footRounded: string;
  footExcluded: (names: string[]) => string;
  footSource: (source: string) => string;
  chartData: string;
  /** 評価の推移 under 表3-N (rules.report.movementTable): title, the four count headers, cell format, note. */
  movementTitle: (previous: string, now: string) => string;
  movementHeaders: [string, string, string, string];
  movementCountFormat: string;
  movementNote: string;
  /** Note beside 評価一覧's header naming the columns left out of print. */
  listNotPrinted: (columns: string[]) => string;
  /** An indicator's grade cell when it is not graded (the reason says why). */
  notGraded: string;
  /** 「図3-1 評価結果（全システム）」. */
  pieTitle: (num: string, noun: string) => string;
  /** 「図3-2 ビジョン別評価結果」. */
  barTitle: (num: string, groupWord: string) => string;
  listTitle: string;
  /** 「表4-1 令和3年度進捗状況評価結果一覧」 (the year when the evaluations name one). */
  publishedListTitle: (num: string, year: string | null) => string;
  /** The published list's headers: number (when the sheets have none of their own), name, department, results. */
  publishedKey: string;
  publishedName: (noun: string) => string;
  publishedDepartment: string;
  publishedResults: string;
  /** An item an evaluation left out, in the published list, and the note that says so. */
  publishedExcluded: string;
  publishedExcludedNote: string;
  listHeaders: string[];
  /** 評価一覧's 次の評価まで column: its header and words (the same as この行's, empty at the top grade). */
  listToNextHeader: string;
  toNext: NextGradeWords;
  /** 評価一覧's column of one fiscal year's grades (「R3 評価」), where the workbook holds several years. */
  listHistoryHeader: (year: string) => string;
  reviewTitle: string;
  reviewHeaders: string[];
  /** The one row of an empty 要確認 (a printed header alone says nothing). */
  reviewNone: string;
  skippedSheet: string;
  noData: string;
  sourceNames: Record<string, string>;
}

/**
 * Names a footnote lists before 「ほか N 件」: every excluded item is on the review sheet, and a cell holds
 * 32,767 characters at most (50,000 rows once made a footnote of 22,561 characters and a row of 5,493 pt).
 */
export const FOOTNOTE_MAX_NAMES = 20;
/** Characters of one name in a footnote (a long name is cut with "…"). */
const FOOTNOTE_NAME_CHARS = 60;

function firstNames(names: string[]): string[] {
  return names
    .slice(0, FOOTNOTE_MAX_NAMES)
    .map((n) => (n.length > FOOTNOTE_NAME_CHARS ? `${Array.from(n).slice(0, FOOTNOTE_NAME_CHARS - 1).join("")}…` : n));
}

export const JA: SheetLabels = {
  summaryTitle: (num, g) => `表${num} 評価結果（${g}毎）`,
  evaluationSuffix: (label) => `（${label}）`,
  itemNoun: "項目",
  groupHeader: "区分",
  countsHeader: (noun) => `個別${noun}件数（割合）`,
  countFormat: (p) => `0"件 (${p}%)"`,
  gradeHeader: (g) => `${g}評価`,
  excludedHeader: "評価対象外",
  aOrBHeader: (a, b) => `${a}または${b}\n評価の割合`,
  total: "合計",
  countCell: (c, p) => `${c}件 (${p}%)`,
  countOnly: (n) => `${n}件`,
  percent: (p) => (p === null ? "－" : `${p}%`),
  footDenominator: (n) =>
    `※割合は評価対象${n}件に対するもので、小数点以下を四捨五入しているため合計が100%にならない場合があります。`,
  footRounded: "※「AまたはB評価の割合」は件数から計算しています（四捨五入した割合の合計ではありません）。",
  footExcluded: (names) =>
    `※評価対象外（${names.length}件）：${firstNames(names).join("、")}${
      names.length > FOOTNOTE_MAX_NAMES ? `ほか ${names.length - FOOTNOTE_MAX_NAMES} 件（要確認シート参照）` : ""
    }`,
  footSource: (s) => `※評価：${s}`,
  chartData: "グラフ用データ",
  movementTitle: (previous, now) => `前年度からの評価の推移（${previous} → ${now}）`,
  movementHeaders: ["上昇", "維持", "低下", "前年度\n評価なし"],
  movementCountFormat: '0"件"',
  movementNote: "※項目の評価を前年度と比べた件数です。前年度評価なし：前年度に評価されていない項目",
  listNotPrinted: (cols) => `※印刷しない列：${cols.join("、")}`,
  notGraded: "評価なし",
  pieTitle: (num, noun) => `図${num} 評価結果（全${noun}）`,
  barTitle: (num, g) => `図${num} ${g}別評価結果`,
  listTitle: "評価一覧",
  publishedListTitle: (num, year) => `表${num} ${year ?? ""}進捗状況評価結果一覧`,
  publishedKey: "No",
  publishedName: (noun) => `${noun}名`,
  publishedDepartment: "主担当課",
  publishedResults: "評価結果",
  publishedExcluded: "-",
  publishedExcludedNote: "※「-」は評価対象外",
  listHeaders: [
    "評価",
    "No",
    "項目",
    "区分",
    "担当課",
    "評価指標",
    "目標",
    "実績",
    "達成率",
    // Broken between words, never inside one (「項目の自 / 己評価」).
    "指標の\n評価",
    "項目の\n自己評価",
    "項目の\n採用評価",
    "理由",
    "元の行",
  ],
  listToNextHeader: "次の評価まで",
  toNext: {
    toNextText: (grade, gap, needed, atMost) => `${grade} まであと ${gap}（実績 ${needed} ${atMost ? "以下" : "以上"}で ${grade}）`,
    points: " ポイント",
    noTarget: "目標未設定",
    topGrade: "",
    notGraded: "",
  },
  listHistoryHeader: (year) => `${year} 評価`,
  reviewTitle: "要確認",
  reviewHeaders: ["評価", "シート", "行", "内容", "元の行"],
  reviewNone: "要確認の項目はありません",
  skippedSheet: "シートを読み飛ばしました",
  noData: "評価できる項目がありません",
  sourceNames: {
    self: "各課の自己評価",
    suggested: "目標と実績から算定した評価案",
    mixed: "自己評価（空欄は評価案）",
  },
};

export const EN: SheetLabels = {
  summaryTitle: (num, g) => `Table ${num} Evaluation results by ${GROUP_WORDS_EN[g] ?? g}`,
  evaluationSuffix: (label) => ` (${label})`,
  itemNoun: "item",
  groupHeader: "Group",
  countsHeader: (noun) => `${noun}s (share)`.replace(/^./, (c) => c.toUpperCase()),
  countFormat: (p) => `0" (${p}%)"`,
  gradeHeader: (g) => `Grade ${g}`,
  excludedHeader: "Not evaluated",
  aOrBHeader: (a, b) => `${a} or ${b}\nshare`,
  total: "Total",
  countCell: (c, p) => `${c} (${p}%)`,
  countOnly: (n) => `${n}`,
  percent: (p) => (p === null ? "-" : `${p}%`),
  footDenominator: (n) =>
    `* Percentages are of the ${n} evaluated items, rounded to whole percents; they may not add up to 100%.`,
  footRounded: "* The A-or-B share is computed from the counts, not by adding rounded percents.",
  footExcluded: (names) =>
    `* Not evaluated (${names.length}): ${firstNames(names).join(", ")}${
      names.length > FOOTNOTE_MAX_NAMES ? ` and ${names.length - FOOTNOTE_MAX_NAMES} more (see the review sheet)` : ""
    }`,
  footSource: (s) => `* Grades: ${s}`,
  chartData: "Chart data",
  movementTitle: (previous, now) => `Movement since the year before (${previous} → ${now})`,
  movementHeaders: ["Up", "Same", "Down", "No grade\nthe year\nbefore"],
  movementCountFormat: "0",
  movementNote: "* Items whose grade went up, stayed or went down since the year before; “no grade”: not graded that year.",
  listNotPrinted: (cols) => `* Not printed: ${cols.join(", ")}`,
  notGraded: "not graded",
  pieTitle: (num, noun) => `Figure ${num} Results (all ${noun}s)`,
  barTitle: (num, g) => `Figure ${num} Results by ${GROUP_WORDS_EN[g] ?? g}`,
  listTitle: "Item list",
  publishedListTitle: (num, year) => `Table ${num} Progress evaluation results${year ? ` (${year})` : ""}`,
  publishedKey: "No.",
  publishedName: (noun) => noun.replace(/^./, (c) => c.toUpperCase()),
  publishedDepartment: "Department",
  publishedResults: "Results",
  publishedExcluded: "-",
  publishedExcludedNote: "* “-”: not evaluated",
  listHeaders: [
    "Evaluation",
    "No",
    "Item",
    "Group",
    "Department",
    "Indicator",
    "Target",
    "Actual",
    "Achievement",
    "Indicator\ngrade",
    "Item self\ngrade",
    "Item\nadopted\ngrade",
    "Reason",
    "Source row",
  ],
  listToNextHeader: "To the next\ngrade",
  toNext: {
    toNextText: (grade, gap, needed, atMost) =>
      `${gap} to ${grade} (an actual of ${needed} or ${atMost ? "less" : "more"} gives ${grade})`,
    points: " points",
    noTarget: "no target set",
    topGrade: "",
    notGraded: "",
  },
  listHistoryHeader: (year) => `${year} grade`,
  reviewTitle: "To review",
  reviewHeaders: ["Evaluation", "Sheet", "Row", "Reason", "Source row"],
  reviewNone: "Nothing to review",
  skippedSheet: "Sheet skipped",
  noData: "No gradable items",
  sourceNames: {
    self: "departments' self grades",
    suggested: "suggested from targets and actuals",
    mixed: "self grades (suggested where blank)",
  },
};

export function sheetLabels(language: "ja" | "en"): SheetLabels {
  return language === "en" ? EN : JA;
}

/** The grouping words the reader recognises, for English titles (an unknown word is shown as written). */
const GROUP_WORDS_EN: Record<string, string> = {
  ビジョン: "vision",
  基本方針: "basic policy",
  基本目標: "basic goal",
  施策: "measure",
  分野: "field",
  区分: "group",
  政策: "policy",
};
