/**
 * Exact rationals: "Comparisons use the exact rational value (no rounding
 * before comparing)" (GRADING.md §3).
 */
import {
  compare,
  div,
  rationalFromDecimalString,
  rationalFromNumber,
  sub,
  toNumber,
  isZero,
} from "../../../../src/core/cells/exact-number";

const r = rationalFromDecimalString;

describe("exact rationals", () => {
  it("0.56 / 0.7 is exactly 4/5 (in doubles it is 0.8000000000000002)", () => {
    expect(div(r("0.56"), r("0.7"))).toEqual({ num: BigInt(4), den: BigInt(5) });
  });

  it("0.08 / 0.1 is exactly 4/5 (in doubles it is 0.7999999999999999)", () => {
    expect(div(r("0.08"), r("0.1"))).toEqual({ num: BigInt(4), den: BigInt(5) });
    expect(compare(div(rationalFromNumber(0.08), rationalFromNumber(0.1))!, r("0.8"))).toBe(0);
  });

  it("56 / 70 = 4/5 and 35 / 70 = 1/2", () => {
    expect(div(r("56"), r("70"))).toEqual({ num: BigInt(4), den: BigInt(5) });
    expect(div(r("35"), r("70"))).toEqual({ num: BigInt(1), den: BigInt(2) });
  });

  it("reads signs, leading dots and exponents", () => {
    expect(r("-0.1668")).toEqual({ num: BigInt(-417), den: BigInt(2500) });
    expect(r(".5")).toEqual({ num: BigInt(1), den: BigInt(2) });
    expect(r("1e-7")).toEqual({ num: BigInt(1), den: BigInt(10000000) });
    expect(r("3.2e+2")).toEqual({ num: BigInt(320), den: BigInt(1) });
  });

  it("rationalFromNumber uses the shortest decimal of the double", () => {
    expect(rationalFromNumber(0.1)).toEqual({ num: BigInt(1), den: BigInt(10) });
    expect(rationalFromNumber(-0.1668)).toEqual({ num: BigInt(-417), den: BigInt(2500) });
    expect(rationalFromNumber(1e21)).toEqual({ num: BigInt(10) ** BigInt(21), den: BigInt(1) });
    expect(() => rationalFromNumber(NaN)).toThrow();
  });

  it("sub, compare, isZero, toNumber, and division by zero", () => {
    expect(sub(r("0.3"), r("0.1"))).toEqual({ num: BigInt(1), den: BigInt(5) });
    expect(compare(r("0.8"), r("0.80"))).toBe(0);
    expect(compare(r("0.7999"), r("0.8"))).toBe(-1);
    expect(compare(r("-1"), r("-2"))).toBe(1);
    expect(isZero(r("0.000"))).toBe(true);
    expect(toNumber(r("0.25"))).toBe(0.25);
    expect(div(r("1"), r("0"))).toBeNull();
  });
});
