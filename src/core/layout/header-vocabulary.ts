/**
 * Header words that name a column's role, Japanese and English. Matching is
 * on headerKey() text (half-width, lower case, no spaces). Order matters: the
 * first role whose pattern matches wins, so longer / more specific words come
 * before the words they contain (評価指標 before 評価, 目標値 before 目標).
 */
import type { ColumnRole } from "../model/settings";

export interface VocabularyEntry {
  role: ColumnRole;
  pattern: RegExp;
  /** How sure the match is (exact words 1, looser words lower). */
  confidence: number;
}

export const HEADER_VOCABULARY: VocabularyEntry[] = [
  {
    role: "indicator",
    pattern:
      /^(評価指標|成果指標|活動指標|目標指標|数値目標指標|指標|指標名|kpi|kpi名|評価指標名|indicator|indicators|measure|metric)(名)?$/,
    confidence: 1,
  },
  { role: "indicator", pattern: /指標|kpi|indicator/, confidence: 0.7 },
  { role: "kind", pattern: /^(区分|種別|目標・実績|目標\/実績|目標実績|type|kind)$/, confidence: 0.8 },
  {
    role: "baseline",
    pattern: /^(基準値|現状値|策定時|策定時の値|基準|当初値|baseline|base)(\(.*\))?$/,
    confidence: 1,
  },
  { role: "baseline", pattern: /基準値|現状値|策定時|baseline/, confidence: 0.7 },
  {
    role: "selfGrade",
    pattern:
      /^(自己評価|評価|評価結果|評定|達成度|達成状況|総合評価|進捗評価|所管課評価|担当課評価|評価区分|内部評価|一次評価|二次評価|課評価|担当課による評価|所管課による評価|grade|rating|self-?grade|self-?assessment|self-?evaluation|self-?rating|evaluation|assessment|score)$/,
    confidence: 1,
  },
  { role: "target", pattern: /^(目標|目標値|計画値|計画|目標水準|target|targets|goal|plan)(値)?$/, confidence: 1 },
  {
    role: "actual",
    pattern: /^(実績|実績値|達成値|実績見込|実績\(見込\)|実績見込み|結果|actual|actuals|result|results|achieved)(値)?$/,
    confidence: 1,
  },
  {
    role: "key",
    pattern:
      /^(no\.?|№|番号|項番|通番|通し番号|連番|整理番号|事業番号|施策番号|取組番号|id|#|p\.?|ページ|page|ref\.?|code|コード)$/,
    confidence: 1,
  },
  {
    role: "department",
    pattern:
      /^(担当課|主担当課|所管課|担当部署|所管部署|担当部局|所管部局|担当課名|所管|担当|部署|課名|部局|担当部課|所管課名|主管課|所属|担当所属|所管所属|department|dept\.?|division|section|owner)$/,
    confidence: 1,
  },
  { role: "department", pattern: /担当課|所管課|担当部署|主管課|department/, confidence: 0.7 },
  {
    role: "group",
    pattern:
      /^(ビジョン|基本方針|施策|分野|基本目標|政策|施策の方向|施策の方向性|柱|施策の柱|重点項目|基本施策|施策分野|方針|目標分野|vision|policy|pillar|category|area|theme|strategy)(名|\d*)?$/,
    confidence: 1,
  },
  {
    role: "item",
    pattern:
      /^(事業名|事業|システム名|システム|取組|取組名|取組項目|取組内容|アクションプラン|施策名|項目|項目名|計画名|名称|事務事業名|事業名称|実施事業|主な取組|具体的な取組|取組事項|プロジェクト|item|items|name|project|program|programme|initiative|action|system)$/,
    confidence: 1,
  },
  { role: "item", pattern: /事業名|システム名|取組名|項目名|アクションプラン/, confidence: 0.7 },
  { role: "unit", pattern: /^(単位|unit|units)$/, confidence: 1 },
  { role: "direction", pattern: /^(方向|評価方向|増減|目標の方向|direction)$/, confidence: 1 },
  {
    role: "note",
    pattern:
      /^(備考|注記|コメント|説明|remarks|note|notes|comment|comments|進捗状況|取組状況|実施内容|課題|今後の方向性)$/,
    confidence: 0.6,
  },
];

/**
 * Headings outside the word list, read by what they mean (issue 16): a heading that contains 目標 names a target
 * (数値目標, 成果目標, 目標数値), one that contains 実績 an actual (活動実績, 事業実績), 評価項目 the indicator, and a
 * heading that ends in an undertaking word (重点取組業務, 具体的方策, 主要事業) the item. Tried only after the exact
 * words and the year-aware reading, with a lower confidence, so a user sees them as guesses in 列の割り当て.
 */
export const LOOSE_VOCABULARY: VocabularyEntry[] = [
  { role: "indicator", pattern: /^(評価項目|評価の項目|成果項目|評価内容|指標項目)(名)?$/, confidence: 0.8 },
  // 目標 and 実績 together name the 区分 of a pair, 目標年度 a year, 目標の考え方 a note, 目標達成度 a grade.
  {
    role: "target",
    pattern: /^(?!.*(実績|年度$|考え方|根拠|理由|説明|設定|達成|比|率|評価|指標|区分)).*(目標|計画値)/,
    confidence: 0.75,
  },
  {
    role: "actual",
    pattern: /^(?!.*(目標|年度$|考え方|説明|達成|比|率|評価|指標|区分|見通し|予定)).*実績/,
    confidence: 0.75,
  },
  {
    role: "item",
    pattern: /(取組|取り組み|取組み|業務|方策|事業|施策|事務|対策|プラン|活動)(名|名称|内容|項目)?$/,
    confidence: 0.7,
  },
];

/** The loose reading of a heading (LOOSE_VOCABULARY), or null. */
export function matchLooseRole(key: string): VocabularyEntry | null {
  if (!key || key.length > 30) return null;
  for (const e of LOOSE_VOCABULARY) if (e.pattern.test(key)) return e;
  return null;
}

/** Words whose column is a group when another column is the item (取組 in Suita's sheet). */
export const GROUP_WHEN_ITEM_ELSEWHERE = /^(取組|施策|事業)$/;

/** Words in a top header row that make the year columns below them a role. */
export const PARENT_ROLE_PATTERNS: { role: "target" | "actual" | "selfGrade"; pattern: RegExp }[] = [
  { role: "selfGrade", pattern: /評価|評定|達成度|grade|rating|evaluation/ },
  { role: "target", pattern: /目標|計画|target|goal|plan/ },
  { role: "actual", pattern: /実績|結果|actual|result/ },
];

/** Values in a 区分 column: which row of a pair holds targets, which actuals. */
export const KIND_TARGET = /^(目標|目標値|計画|計画値|target|goal|plan)$/;
export const KIND_ACTUAL = /^(実績|実績値|結果|実績見込|実績\(見込\)|actual|result)$/;
/**
 * A 区分 row derived from the pair above it (達成率, 差): the review computes R itself, so such a row is neither
 * graded nor listed (listing each one would bury the rows that need a look).
 */
export const KIND_DERIVED =
  /^(達成率|達成度|進捗率|達成状況|差|差異|差引|増減|対目標比|目標比|割合|比率|rate|achievement|achievementrate|progressrate|difference|variance)(\(.*\))?$/;

function firstMatch(key: string): VocabularyEntry | null {
  for (const e of HEADER_VOCABULARY) if (e.pattern.test(key)) return e;
  return null;
}

/** A trailing bracket: 「評価（自己）」「自己評価（A～D）」「目標値（件）」 (keys are half-width, so （ is "("). */
const TRAILING_BRACKET = /^(.+?)\(([^()]*)\)$/;
/** Bracket words that say whose grade or which scale it is (自己, 所管課, A～D, ◎○△). */
const GRADE_QUALIFIER =
  /^(自己|所管課|担当課|主管課|課|内部|一次|二次|self|[a-ds][~〜\-・]?[a-ds]?|[a-ds・]+|[◎○△×・]+|\d段階)$/;
/** A bracket that tags a year or the overall evaluation: 評価(R3), 評価(総括). */
const YEARISH = /\d(?!段階)|総括|最終|全体|overall|fy/;

/**
 * The role a header key names. A bracket after a header word is read past when it only qualifies
 * the word — who grades (評価（自己）, 評価（所管課）), the grade scale (自己評価（A～D）) or a unit
 * (目標値（件）). A bracket with a year or 総括 is left to the year-aware reading (評価(R3) and
 * 評価(総括) are two evaluations), and 達成度（％） is a rate, not a grade.
 */
export function matchHeaderRole(key: string): VocabularyEntry | null {
  if (!key) return null;
  const whole = firstMatch(key);
  const m = TRAILING_BRACKET.exec(key);
  if (!m || whole?.confidence === 1) return whole;
  const base = firstMatch(m[1]!);
  const inner = m[2]!;
  if (!base || base.confidence < 1 || YEARISH.test(inner)) return whole;
  // 「評価（所管課）」 names a grade, though 所管課 alone would be a department.
  if (base.role === "selfGrade") return GRADE_QUALIFIER.test(inner) ? base : whole;
  return base;
}
