/**
 * The character-code scanner against the word-aware pattern parser it stands in front of: wherever the
 * scanner answers, the cell must read exactly as the pattern parser reads it (value, exact rational, unit,
 * qualifier, basis), over random cell text built from the pieces staff write; and the forms of the existing
 * tests must be answered by the scanner itself where they are of the common form.
 */
import fc from "fast-check";
import {
  parseIndicatorValue,
  parseNumberText,
  parseNumberTextByPattern,
  scannedValue,
  type IndicatorValue,
} from "../../../../src/core/cells/parse-indicator-value";
import { fractionText } from "../../../../src/core/cells/exact-number";
import { scanNumberText } from "../../../../src/core/cells/scan-number-text";

/** Everything a reader of the value can see, the exact rational included. */
function view(v: IndicatorValue | null): unknown {
  if (v === null || v.kind !== "number") return v;
  return {
    value: Object.is(v.value, -0) ? "-0" : v.value,
    exact: fractionText(v.exact),
    unit: v.unit,
    qualifier: v.qualifier,
    qualifierText: v.qualifierText,
    basis: v.basis,
    basisText: v.basisText,
    json: JSON.stringify(v),
  };
}

const PIECES = [
  ..."0123456789０１２３４５６７８９",
  ",",
  "，",
  ".",
  "．",
  "+",
  "-",
  "＋",
  "－",
  "−",
  "▲",
  "△",
  "%",
  "％",
  " ",
  "　",
  "\n",
  "件",
  "分",
  "人",
  "円",
  "時間",
  "回",
  "か所",
  "ポイント",
  "人/年",
  "km",
  "min",
  "or less",
  "以内",
  "以下",
  "未満",
  "以上",
  "まで",
  "超",
  "約",
  "毎年",
  "最終年度に",
  "年間",
  "各年度",
  "累計",
  "（",
  "）",
  "(",
  ")",
  "≤",
  "<",
  ">",
  "#",
  "e",
  "E",
  "\uFEFF",
  "ー",
  "評価期間前",
  "対象外",
  "-",
  "―",
];

const cellText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((a) => a.join(""));
/** Numbers in the common form, so that the scanner answers often. */
const commonText = fc
  .tuple(
    fc.constantFrom("", "", "+", "-", "▲", "△", "－", "−", "＋"),
    fc.oneof(
      fc.nat({ max: 10_000_000 }).map((n) => n.toLocaleString("en-US")),
      fc.nat().map(String),
    ),
    fc.constantFrom("", "", ".5", ".25", ".0", ".125", "．５"),
    fc.constantFrom("", "件", "%", "％", "分以内", "人以下", "未満", "まで", "回以上", "超", "時間", "か所以内"),
    fc.boolean(),
  )
  .map(([sign, int, frac, unit, fullWidth]) => {
    const s = sign + int + frac + unit;
    return fullWidth ? s.replace(/[0-9,.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) : s;
  });

describe("scanner = pattern parser wherever the scanner answers", () => {
  it("random cell text", () => {
    fc.assert(
      fc.property(fc.oneof(cellText, commonText, fc.string(), fc.string({ unit: "binary", maxLength: 12 })), (text) => {
        expect(view(parseNumberText(text))).toEqual(view(parseNumberTextByPattern(text)));
        const scanned = scannedValue(text);
        if (scanned !== null) expect(view(scanned)).toEqual(view(parseNumberTextByPattern(text)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("the common form is answered by the scanner itself", () => {
    fc.assert(
      fc.property(commonText, (text) => {
        expect(scanNumberText(text)).not.toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ["36000", 36000, null, null],
    ["36,000件", 36000, "件", null],
    ["３６，０００件", 36000, "件", null],
    ["１２．５時間", 12.5, "時間", null],
    ["▲16.68%", -0.1668, "%", null],
    ["−16.68％", -0.1668, "%", null],
    ["１５分以内", 15, "分", "以内"],
    ["30件まで", 30, "件", "まで"],
    ["90分", 90, "分", null],
  ])("%s is read by the scanner: %d, unit %s, qualifier %s", (text, value, unit, qualifier) => {
    const v = scannedValue(text);
    expect(v).not.toBeNull();
    if (v?.kind !== "number") throw new Error("not a number");
    expect(v.value).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.qualifier).toBe(qualifier);
    expect(view(v)).toEqual(view(parseNumberTextByPattern(text)));
  });

  it("a cell read by the scanner reads the same through parseIndicatorValue", () => {
    const v = parseIndicatorValue("▲1,200件", "▲1,200件", "General");
    expect(view(v)).toEqual(view(parseNumberTextByPattern("▲1,200件")));
  });

  it.each(["1,2,3", "1,00", "1.", "▲ 5", "毎年67,000", "15 min or less", "95%（毎年）", "評価期間前", "-", "5%増加"])(
    "%s is left to the pattern parser",
    (text) => {
      expect(scanNumberText(text)).toBeNull();
    },
  );
});
