/**
 * A self-grade cell → one of the configured grade labels, an excluded word,
 * blank, or unknown. Ａ (full width), a, 「A」, "A評価" are all A.
 */
import { toHalfWidth, cleanText } from "../japanese/normalize-text";
import { excludedWord, isErrorValue } from "./parse-indicator-value";
import type { RawValue } from "../model/snapshot";

export type GradeCell =
  | { kind: "grade"; grade: string }
  | { kind: "blank" }
  | { kind: "excluded"; word: string }
  | { kind: "error"; code: string }
  | { kind: "unknown"; text: string };

export function parseGradeCell(value: RawValue, labels: readonly string[]): GradeCell {
  if (value === null || value === undefined) return { kind: "blank" };
  const raw = cleanText(String(value));
  if (raw === "") return { kind: "blank" };
  if (isErrorValue(raw)) return { kind: "error", code: raw };
  const word = excludedWord(raw);
  if (word !== null) return { kind: "excluded", word };
  const t = toHalfWidth(raw)
    .replace(/[「」『』()（）[\]【】]/g, "")
    .replace(/評価$/, "")
    .trim();
  for (const label of labels) {
    if (t === label || t.toUpperCase() === toHalfWidth(label).toUpperCase()) return { kind: "grade", grade: label };
  }
  return { kind: "unknown", text: raw };
}
