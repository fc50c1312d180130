/** Sheet names are cut to Excel's 31 UTF-16 units without splitting a character in two (issue 8, item 6). */
import { chooseSheetName, cleanSheetName } from "../../../../src/core/plan/sheet-names";

const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

it("a long name ending in an emoji is cut before the emoji, not inside it", () => {
  const name = "あ".repeat(30) + "😀"; // 32 UTF-16 units
  const cut = cleanSheetName(name);
  expect(cut).toBe("あ".repeat(30));
  expect(wellFormed(cut)).toBe(true);
});

it("the (2) suffix for a taken name never splits a surrogate pair", () => {
  const name = "集計".repeat(13) + "𠮷" + "表"; // 𠮷 is outside the BMP; 29 UTF-16 units
  const chosen = chooseSheetName(name, [cleanSheetName(name)], [], new Set());
  expect(chosen.endsWith(" (2)")).toBe(true);
  expect(chosen.length).toBeLessThanOrEqual(31);
  expect(wellFormed(chosen)).toBe(true);
});
