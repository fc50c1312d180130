/**
 * The kind of a review entry (要確認) and its text in Japanese, for the task pane.
 * The core's review entries carry a stable English reason; the pane filters by kind
 * (disagreement / excluded / unreadable) and shows the reason in the user's language.
 */
import type { ReviewEntry } from "../model/summary";
import { DATA_CHECK_PREFIXES } from "../grading/data-checks";

export type ReviewKind =
  | "disagreement"
  | "excluded"
  | "unreadable"
  | "badGrade"
  | "dropped"
  | "gradeWithoutActual"
  | "actualWithoutGrade"
  | "shareOver100"
  | "unitDiffers"
  | "targetChanged";

/** The kinds in the order the pane's filter offers them. */
export const REVIEW_KINDS: readonly ReviewKind[] = [
  "disagreement",
  "excluded",
  "unreadable",
  "badGrade",
  "dropped",
  "gradeWithoutActual",
  "actualWithoutGrade",
  "shareOver100",
  "unitDiffers",
  "targetChanged",
];

/** Data checks: the English reason (after an indicator's "name: ") starts with these words (data-checks.ts). */
const CHECKS: [ReviewKind, string][] = [
  ["gradeWithoutActual", DATA_CHECK_PREFIXES.gradeWithoutActual],
  ["actualWithoutGrade", DATA_CHECK_PREFIXES.actualWithoutGrade],
  ["shareOver100", DATA_CHECK_PREFIXES.shareOver100],
  ["unitDiffers", DATA_CHECK_PREFIXES.unitDiffers],
  ["targetChanged", DATA_CHECK_PREFIXES.targetChanged],
];

// Values that could not be read or used. A missing target or actual for the year is 対象外 (excluded), as the
// result card counts it: one word for one thing across card, filter, badge and sheet.
const UNREADABLE = /unreadable value|period target|columns were not found|sheet states|error value|unknown grade|no baseline|target is zero|target equals baseline/;
/** A cell that holds only a dash says "not evaluated" by its mark: name the mark, not just echo it. */
const DASHES = /^[-－―—‐−ー–]$/;

export function reviewKind(entry: Pick<ReviewEntry, "reason">): ReviewKind {
  const r = entry.reason;
  if (/^self .*suggested /.test(r)) return "disagreement";
  if (r.startsWith("dropped from last year ")) return "dropped";
  if (/^unknown grade /.test(r)) return "badGrade";
  for (const [kind, prefix] of CHECKS) if (r.startsWith(prefix) || r.includes(`: ${prefix}`)) return kind;
  if (r.startsWith("excluded: ")) return UNREADABLE.test(r) ? "unreadable" : "excluded";
  if (UNREADABLE.test(r)) return "unreadable";
  return "excluded";
}

/** The English reasons of the core, in Japanese (the words of the 要確認 sheet). */
export function reasonJa(reason: string): string {
  let m = /^dropped from last year \((.+)\)$/.exec(reason);
  if (m) return `前年度から下がった（${m[1]}）`;
  m = /^self grade without an actual \((.+)\)$/.exec(reason);
  if (m) return `自己評価 ${m[1]} がありますが、実績がありません`;
  if (reason === "actual without a self grade") return "実績はありますが、自己評価が空欄です";
  m = /^(.+): share above 100% \((.+)\)$/.exec(reason);
  if (m) return `${m[1]}：割合の実績が100%を超えています（${m[2]}）`;
  m = /^(.+): units differ \(target (.+), actual (.+)\)$/.exec(reason);
  if (m) return `${m[1]}：目標と実績の単位が違います（目標 ${m[2]}、実績 ${m[3]}）`;
  m = /^(.+): target changed from last year \((.+)\)$/.exec(reason);
  if (m) return `${m[1]}：目標が前年度から変わっています（${m[2]}）`;
  m = /^self "(.*)", suggested (.+)$/.exec(reason);
  if (m) return `自己評価「${m[1]}」、評価案 ${m[2]}`;
  m = /^self (.+), suggested (.+)$/.exec(reason);
  if (m) return `自己評価 ${m[1]}、評価案 ${m[2]}`;
  m = /^excluded: (.+)$/.exec(reason);
  if (m && UNREADABLE.test(m[1]!)) return `読取不可：${reasonJa(m[1]!)}`;
  if (m) return `評価対象外（${DASHES.test(m[1]!) ? `「${m[1]}」と記入` : reasonJa(m[1]!)}）`;
  m = /^unknown grade "(.*)"$/.exec(reason);
  if (m) return `評価「${m[1]}」は評価区分にありません`;
  m = /^(.+): (no (?:target|actual) for the year|unreadable value|error value .+|target is zero|no baseline|target equals baseline)$/.exec(reason);
  if (m) return `${m[1]}：${reasonJa(m[2]!)}`;
  m = /^error value (.+)$/.exec(reason);
  if (m) return `エラー値 ${m[1]}`;
  const words: Record<string, string> = {
    "no target for the year": "当該年度の目標がありません",
    "no actual for the year": "当該年度の実績がありません",
    "unreadable value": "数値として読めない値",
    "target is zero": "目標が0のため達成率を計算できません",
    "no baseline": "基準値がありません",
    "target equals baseline": "目標と基準値が同じため達成率を計算できません",
    "unknown grade": "評価区分にない評価",
    blank: "評価が空欄",
    "no suggestion: the target and actual columns were not found":
      "目標・実績の列が見つからないため、提案の評価がありません",
  };
  return words[reason] ?? reason;
}

/** The same in English for the pane: the badge names the kind, so the text does not repeat it. */
export function reasonEn(reason: string): string {
  const m = /^excluded: (.+)$/.exec(reason);
  if (!m) return reason;
  return DASHES.test(m[1]!) ? `the cell says "${m[1]}"` : m[1]!;
}
