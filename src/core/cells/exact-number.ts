/**
 * Exact rationals for the band comparison: "Comparisons use the exact rational
 * value (no rounding before comparing)". A decimal as written in the cell
 * (or the shortest round-trip form of a double) becomes numerator/denominator
 * in BigInt, so 0.56 / 0.7 ≥ 0.8 holds exactly.
 */

export interface Rational {
  num: bigint;
  den: bigint; // always > 0
}

const TEN = BigInt(10);

/** From a finite double, via its shortest decimal representation. */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError("not finite");
  return rationalFromDecimalString(String(x));
}

/** "12.5", "-0.1668", "1e-7", "3.2e+21" → exact rational. */
export function rationalFromDecimalString(s: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal: ${s}`);
  const sign = m[1] === "-" ? BigInt(-1) : BigInt(1);
  const intPart = m[2] || "0";
  const frac = m[3] ?? "";
  const exp = Number(m[4] ?? "0") - frac.length;
  let num = BigInt(intPart + frac) * sign;
  let den = BigInt(1);
  if (exp >= 0) num *= TEN ** BigInt(exp);
  else den = TEN ** BigInt(-exp);
  return normalise({ num, den });
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function normalise(r: Rational): Rational {
  if (r.den === BigInt(0)) throw new RangeError("zero denominator");
  let { num, den } = r;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || BigInt(1);
  return { num: num / g, den: den / g };
}

export function sub(a: Rational, b: Rational): Rational {
  return normalise({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
}

/** a / b; null when b is zero. */
export function div(a: Rational, b: Rational): Rational | null {
  if (b.num === BigInt(0)) return null;
  return normalise({ num: a.num * b.den, den: a.den * b.num });
}

export function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.num === BigInt(0);
}

export function toNumber(a: Rational): number {
  return Number(a.num) / Number(a.den);
}
