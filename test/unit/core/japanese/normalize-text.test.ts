/**
 * Full-width → half-width for parsing, keeping the marks that carry meaning.
 */
import { toHalfWidth, headerKey, cleanText } from "../../../../src/core/japanese/normalize-text";

describe("toHalfWidth", () => {
  it("turns full-width digits, Latin letters and signs into ASCII", () => {
    expect(toHalfWidth("３６，０００件")).toBe("36,000件");
    expect(toHalfWidth("－５")).toBe("-5");
    expect(toHalfWidth("＋３")).toBe("+3");
    expect(toHalfWidth("３２．８０％")).toBe("32.80%");
    expect(toHalfWidth("ＡＢｃ")).toBe("ABc");
    expect(toHalfWidth("　")).toBe(" ");
  });

  it("keeps ▲ △ ① and katakana (ー is a vowel mark in データ, not a minus)", () => {
    expect(toHalfWidth("▲16.68%")).toBe("▲16.68%");
    expect(toHalfWidth("△3")).toBe("△3");
    expect(toHalfWidth("①")).toBe("①");
    expect(toHalfWidth("データ")).toBe("データ");
  });

  it("leaves ASCII as it is", () => {
    expect(toHalfWidth("abc 123 -+%")).toBe("abc 123 -+%");
  });
});

describe("headerKey and cleanText", () => {
  it("headerKey: half-width, lower case, no spaces or line breaks", () => {
    expect(headerKey("自己\n評価")).toBe("自己評価");
    expect(headerKey("評価（Ｒ３）")).toBe("評価(r3)");
    expect(headerKey(" No. ")).toBe("no.");
  });

  it("cleanText: trims and turns line breaks and runs of spaces into one space", () => {
    expect(cleanText("  市民\r\n満足度　 調査 ")).toBe("市民 満足度 調査");
  });
});
