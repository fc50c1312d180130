/**
 * Self-grade cells (GRADING.md §4–5): a grade label in any of the ways staff
 * type it, an excluded word, blank, or unknown (→ "unknown grade").
 */
import { parseGradeCell } from "../../../../src/core/cells/parse-grade";

const AD = ["A", "B", "C", "D"];

describe("parseGradeCell with A–D", () => {
  it.each([
    ["A", "A"],
    ["B", "B"],
    ["C", "C"],
    ["D", "D"],
    ["Ａ", "A"],
    ["Ｄ", "D"],
    ["a", "A"],
    ["b", "B"],
    ["ｃ", "C"],
    ["A評価", "A"],
    ["Ｂ評価", "B"],
    ["「C」", "C"],
    ["（D）", "D"],
    [" A ", "A"],
    ["　B　", "B"],
  ])("%s → grade %s", (text, grade) => {
    expect(parseGradeCell(text, AD)).toEqual({ kind: "grade", grade });
  });

  it("Z is not one of the labels: unknown", () => {
    expect(parseGradeCell("Z", AD)).toEqual({ kind: "unknown", text: "Z" });
    expect(parseGradeCell("E", AD)).toEqual({ kind: "unknown", text: "E" });
    expect(parseGradeCell("AB", AD)).toEqual({ kind: "unknown", text: "AB" });
  });

  it("- and 対象外 are excluded words", () => {
    expect(parseGradeCell("-", AD)).toEqual({ kind: "excluded", word: "-" });
    expect(parseGradeCell("－", AD)).toEqual({ kind: "excluded", word: "－" });
    expect(parseGradeCell("対象外", AD)).toEqual({ kind: "excluded", word: "対象外" });
    expect(parseGradeCell("評価期間前", AD)).toEqual({ kind: "excluded", word: "評価期間前" });
  });

  it("null, empty and spaces are blank", () => {
    expect(parseGradeCell(null, AD)).toEqual({ kind: "blank" });
    expect(parseGradeCell("", AD)).toEqual({ kind: "blank" });
    expect(parseGradeCell("  ", AD)).toEqual({ kind: "blank" });
  });

  it("an error value is an error, never a grade", () => {
    expect(parseGradeCell("#N/A", AD)).toEqual({ kind: "error", code: "#N/A" });
    expect(parseGradeCell("#DIV/0!", AD)).toEqual({ kind: "error", code: "#DIV/0!" });
  });

  it("a number is not an A–D grade", () => {
    expect(parseGradeCell(3, AD).kind).toBe("unknown");
  });
});

describe("parseGradeCell with other label sets (§1: S–D, ◎○△×)", () => {
  it("S–C: s → S, Ｓ評価 → S, D is unknown", () => {
    const labels = ["S", "A", "B", "C"];
    expect(parseGradeCell("s", labels)).toEqual({ kind: "grade", grade: "S" });
    expect(parseGradeCell("Ｓ評価", labels)).toEqual({ kind: "grade", grade: "S" });
    expect(parseGradeCell("D", labels).kind).toBe("unknown");
  });

  it("◎○△×: ○ → ○, △ → △", () => {
    const labels = ["◎", "○", "△", "×"];
    expect(parseGradeCell("○", labels)).toEqual({ kind: "grade", grade: "○" });
    expect(parseGradeCell("△", labels)).toEqual({ kind: "grade", grade: "△" });
    expect(parseGradeCell("×", labels)).toEqual({ kind: "grade", grade: "×" });
  });
});
