/** Text longer than a cell holds (issue 19, item 12): cut at 32,767 UTF-16 units, never inside a surrogate pair. */
import { cellValueOf } from "../../../src/xlsx/xlsx-plan-writer";
import { linkValue } from "../../../src/xlsx/plan-cell-steps";

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("an emoji across the 32,767th unit", () => {
  // 32,766 units, then 😀 (two units: the 32,767th and 32,768th), then more
  const text = "あ".repeat(32766) + "😀" + "い".repeat(100);

  it("a cell value keeps 32,766 units and no half of the emoji", () => {
    const v = cellValueOf(text) as string;
    expect(v.length).toBe(32766);
    expect(loneSurrogate.test(v)).toBe(false);
  });

  it("a link's text too", () => {
    const v = linkValue({ row: 0, col: 0, text, sheet: "進捗", address: "A1" } as Parameters<typeof linkValue>[0]) as {
      text: string;
    };
    expect(v.text.length).toBe(32766);
    expect(loneSurrogate.test(v.text)).toBe(false);
  });

  it("text of exactly 32,767 units, or an emoji that fits, is kept whole", () => {
    const fits = "あ".repeat(32765) + "😀";
    expect(cellValueOf(fits)).toBe(fits);
    expect((cellValueOf(fits + "x") as string).length).toBe(32767);
  });
});
