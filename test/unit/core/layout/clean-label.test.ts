/**
 * The labels of data rows (key, name, group, department, indicator) read as cleanText reads them: the same
 * string for any text, white space of every kind included, and the very same string object when it is clean.
 */
import fc from "fast-check";
import { cleanLabel } from "../../../../src/core/layout/clean-label";
import { cleanText } from "../../../../src/core/japanese/normalize-text";

const PIECES = [" ", "　", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\ufeff", "\u0001", "事業", "A", "1", "（注）", "課"];

describe("cleanLabel", () => {
  it("gives cleanText's result for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (parts) => {
        const s = parts.join("");
        expect(cleanLabel(s)).toBe(cleanText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps labels as staff type them and cleans the rest", () => {
    expect(cleanLabel("市民課")).toBe("市民課");
    expect(cleanLabel("窓口 満足度")).toBe("窓口 満足度");
    expect(cleanLabel(" 市民課　")).toBe("市民課");
    expect(cleanLabel("窓口\n満足度")).toBe("窓口 満足度");
    expect(cleanLabel("")).toBe("");
  });
});
