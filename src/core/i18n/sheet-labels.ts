/** Words of the generated sheets, Japanese first (the report's language) and English. */
export interface SheetLabels {
  /** 「表3-1 評価結果（ビジョン毎）」: the report's title, with the grouping word taken from the sheet. */
  summaryTitle: (n: number, groupWord: string) => string;
  /** The evaluation (year or 総括) under the title. */
  summaryScope: (label: string) => string;
  /** Grouping word when the group names share none. */
  groupHeader: string;
  /** Header over the grade columns. */
  countsHeader: string;
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
  /** Note beside 評価一覧's header naming the columns left out of print. */
  listNotPrinted: (columns: string[]) => string;
  /** An indicator's grade cell when it is not graded (the reason says why). */
  notGraded: string;
  pieTitle: (label: string) => string;
  barTitle: (label: string) => string;
  listTitle: string;
  listHeaders: string[];
  reviewTitle: string;
  reviewHeaders: string[];
  skippedSheet: string;
  noData: string;
  sourceNames: Record<string, string>;
}

export const JA: SheetLabels = {
  summaryTitle: (n, g) => `表3-${n} 評価結果（${g}毎）`,
  summaryScope: (label) => `対象：${label}`,
  groupHeader: "区分",
  countsHeader: "件数（割合）",
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
  footExcluded: (names) => `※評価対象外（${names.length}件）：${names.join("、")}`,
  footSource: (s) => `※評価：${s}`,
  chartData: "グラフ用データ",
  listNotPrinted: (cols) => `※印刷しない列：${cols.join("、")}`,
  notGraded: "評価なし",
  pieTitle: (l) => `評価結果の割合（${l}）`,
  barTitle: (l) => `区分別の評価結果（${l}）`,
  listTitle: "評価一覧",
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
    "指標の評価",
    "項目の自己評価",
    "項目の採用評価",
    "理由",
    "元の行",
  ],
  reviewTitle: "要確認",
  reviewHeaders: ["評価", "シート", "行", "内容", "元の行"],
  skippedSheet: "シートを読み飛ばしました",
  noData: "評価できる項目がありません",
  sourceNames: {
    self: "各課の自己評価",
    suggested: "目標と実績から算定した評価案",
    mixed: "自己評価（空欄は評価案）",
  },
};

export const EN: SheetLabels = {
  summaryTitle: (n, g) => `Table 3-${n} Evaluation results by ${GROUP_WORDS_EN[g] ?? g}`,
  summaryScope: (label) => `Evaluation: ${label}`,
  groupHeader: "Group",
  countsHeader: "Items (share)",
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
  footExcluded: (names) => `* Not evaluated (${names.length}): ${names.join(", ")}`,
  footSource: (s) => `* Grades: ${s}`,
  chartData: "Chart data",
  listNotPrinted: (cols) => `* Not printed: ${cols.join(", ")}`,
  notGraded: "not graded",
  pieTitle: (l) => `Share of grades (${l})`,
  barTitle: (l) => `Grades by group (${l})`,
  listTitle: "Item list",
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
    "Indicator grade",
    "Item self grade",
    "Item adopted grade",
    "Reason",
    "Source row",
  ],
  reviewTitle: "To review",
  reviewHeaders: ["Evaluation", "Sheet", "Row", "Reason", "Source row"],
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
