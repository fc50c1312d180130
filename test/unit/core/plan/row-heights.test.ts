/**
 * Row heights that fit wrapped text (REPORT.md §2): a wide character prints
 * 1.85 width units in 游ゴシック (11 pt = 14.7 px over an 8 px unit), ⌈units ÷
 * (width − 0.75)⌉ lines per hard line, lines × 1.7 × size + 2 pt. Expected
 * heights are worked out by hand from that rule.
 */
import fc from "fast-check";
import type { SheetPlan } from "../../../../src/core/model/sheet-plan";
import { fitRowHeights, textUnits, wrappedLines } from "../../../../src/core/plan/row-heights";
import { emptyPlan } from "../../../helpers/sheet-plan-fixture";

function plan(p: Partial<SheetPlan>): SheetPlan {
  return emptyPlan({ role: "review", name: "要確認", ...p });
}

describe("textUnits", () => {
  it("counts Japanese (and full-width) characters as two, ASCII as one", () => {
    expect(textUnits("ABC 12")).toBe(6);
    expect(textUnits("評価一覧")).toBe(8);
    expect(textUnits("Ａ１（％）")).toBe(10);
    expect(textUnits("16件 (84%)")).toBe(10);
    expect(textUnits("①※")).toBe(4);
  });
});

describe("wrappedLines", () => {
  it("wraps at the column width less the cell's padding, by the printed glyph widths, and counts every hard line", () => {
    expect(wrappedLines("あ".repeat(10), 21)).toBe(1); // 18.5 units in 20.25
    expect(wrappedLines("あ".repeat(11), 21)).toBe(2); // 20.35 units
    expect(wrappedLines("AまたはB\n評価の割合", 10)).toBe(2); // 7.55 in 9.25, 9.25 in 9.25 → 1 + 1
    expect(wrappedLines("評価の割合", 9)).toBe(2); // 9.25 in 8.25
    // Three lines of text are three lines (counting 2 a wide character made it four: 76.75 pt).
    expect(wrappedLines("あ".repeat(30), 20)).toBe(3); // 55.5 in 19.25
    expect(wrappedLines("", 10)).toBe(1);
  });
});

describe("fitRowHeights", () => {
  it("gives a wrapped body cell one line height per line, the tallest cell of the row winning", () => {
    const heights = fitRowHeights(
      plan({
        rows: [["見出し"], ["あ".repeat(30), "x"], [], ["あ".repeat(30)]],
        columnWidths: [21, 8],
        formats: [{ range: { top: 1, left: 0, bottom: 1, right: 1 }, style: "body" }],
      }),
    );
    // Row 2: 55.5 units in 20.25 → 3 lines × 1.7 × 11 + 2 = 58.1 → 58 (quarter points).
    // Row 4: no wrap style → one line: 1.7 × 11 + 2 = 20.7 → 20.75. Empty row: the host's default.
    expect(heights).toEqual([20.75, 58, null, 20.75]);
  });

  it("measures a merged cell over the merged width, and uses the style's font size", () => {
    const heights = fitRowHeights(
      plan({
        rows: [["あ".repeat(30)], ["※" + "い".repeat(29)]],
        columnWidths: [11, 11, 11],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 1, left: 0, bottom: 1, right: 2 },
        ],
        formats: [
          { range: { top: 0, left: 0, bottom: 0, right: 2 }, style: "body" },
          { range: { top: 1, left: 0, bottom: 1, right: 2 }, style: "note" },
        ],
      }),
    );
    // 55.5 units over 33 − 0.75 = 32.25 → 2 lines of 11 pt: 39.4 → 39.5; note 10 pt, 2 lines: 36.
    expect(heights).toEqual([39.5, 36]);
  });

  it("never makes a row with text lower than one line of its text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (text, width) => {
        const [h] = fitRowHeights(
          plan({
            rows: [[text]],
            columnWidths: [width],
            formats: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: "body" }],
          }),
        );
        expect(h).toBeGreaterThanOrEqual(wrappedLines(text, width) * 1.7 * 11);
      }),
    );
  });
});
