/**
 * Exact rationals for the band comparison: "Comparisons use the exact rational
 * value (no rounding before comparing)". A decimal as written in the cell
 * (or the shortest round-trip form of a double) becomes numerator/denominator
 * of whole numbers, so 0.56 / 0.7 ≥ 0.8 holds exactly.
 *
 * No BigInt: Office 2019 runs the ribbon command in IE11 or EdgeHTML 18, which
 * have none (and it cannot be polyfilled). Whole numbers are arrays of base-10^7
 * limbs instead: a limb product (< 10^14) and its carries stay exact in a double.
 */

/** A whole number ≥ 0: little-endian limbs in base 10^7, no leading zero limb ([] is 0). */
type Natural = readonly number[];

export interface Rational {
  /** Sign of the value; a zero is never negative. */
  readonly negative: boolean;
  readonly num: Natural;
  /** Always > 0. */
  readonly den: Natural;
}

const BASE = 1e7;
const LIMB_DIGITS = 7;

function trimmed(limbs: number[]): number[] {
  while (limbs.length > 0 && limbs[limbs.length - 1] === 0) limbs.pop();
  return limbs;
}

function naturalFromDigits(digits: string): Natural {
  const limbs: number[] = [];
  for (let end = digits.length; end > 0; end -= LIMB_DIGITS) {
    limbs.push(Number(digits.slice(Math.max(0, end - LIMB_DIGITS), end)));
  }
  return trimmed(limbs);
}

function naturalToDigits(a: Natural): string {
  if (a.length === 0) return "0";
  let s = String(a[a.length - 1]);
  for (let i = a.length - 2; i >= 0; i--) {
    const limb = String(a[i]);
    s += "0000000".slice(limb.length) + limb;
  }
  return s;
}

function compareNatural(a: Natural, b: Natural): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function addNatural(a: Natural, b: Natural): Natural {
  const out: number[] = [];
  let carry = 0;
  for (let i = 0; i < Math.max(a.length, b.length) || carry; i++) {
    const t = (a[i] ?? 0) + (b[i] ?? 0) + carry;
    carry = t >= BASE ? 1 : 0;
    out.push(t - carry * BASE);
  }
  return trimmed(out);
}

/** a − b for a ≥ b. */
function subNatural(a: Natural, b: Natural): Natural {
  const out: number[] = [];
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    let t = a[i]! - (b[i] ?? 0) - borrow;
    borrow = t < 0 ? 1 : 0;
    t += borrow * BASE;
    out.push(t);
  }
  return trimmed(out);
}

function mulNatural(a: Natural, b: Natural): Natural {
  if (a.length === 0 || b.length === 0) return [];
  const out: number[] = [];
  for (let k = 0; k < a.length + b.length; k++) out.push(0);
  for (let i = 0; i < a.length; i++) {
    let carry = 0;
    const ai = a[i]!;
    for (let j = 0; j < b.length; j++) {
      // < 10^14 + 10^7 + 10^7: exact in a double.
      const t = out[i + j]! + ai * b[j]! + carry;
      carry = Math.floor(t / BASE);
      out[i + j] = t - carry * BASE;
    }
    out[i + b.length] = carry;
  }
  return trimmed(out);
}

/** a·m + add for small m and add. */
function mulSmallAdd(a: Natural, m: number, add: number): Natural {
  const out: number[] = [];
  let carry = add;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]! * m + carry;
    carry = Math.floor(t / BASE);
    out.push(t - carry * BASE);
  }
  while (carry > 0) {
    out.push(carry % BASE);
    carry = Math.floor(carry / BASE);
  }
  return trimmed(out);
}

/** Quotient and remainder, one decimal digit at a time (only for the few-limb numbers of toNumber). */
function divMod(a: Natural, b: Natural): { quotient: Natural; remainder: Natural } {
  const digits = naturalToDigits(a);
  let quotient = "";
  let rem: Natural = [];
  for (let i = 0; i < digits.length; i++) {
    rem = mulSmallAdd(rem, 10, digits.charCodeAt(i) - 48);
    let q = 0;
    while (compareNatural(rem, b) >= 0) {
      rem = subNatural(rem, b);
      q++;
    }
    quotient += q;
  }
  return { quotient: naturalFromDigits(quotient), remainder: rem };
}

function gcd(a: Natural, b: Natural): Natural {
  while (b.length > 0) [a, b] = [b, divMod(a, b).remainder];
  return a;
}

/** toNumber reduces fractions up to 140 digits (any two doubles' ratio); larger ones are converted as they are, in bounded time. */
const REDUCE_MAX_LIMBS = 20;

const ONE: Natural = [1];

function rational(negative: boolean, num: Natural, den: Natural): Rational {
  return { negative: negative && num.length > 0, num, den };
}

/** From a finite double, via its shortest decimal representation. */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError("not finite");
  return rationalFromDecimalString(String(x));
}

/** "12.5", "-0.1668", "1e-7", "3.2e+21" → exact rational. */
export function rationalFromDecimalString(s: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal: ${s}`);
  const frac = m[3] ?? "";
  const exp = Number(m[4] ?? "0") - frac.length;
  const digits = (m[2] ?? "") + frac;
  const num = naturalFromDigits(exp > 0 ? digits + zeros(exp) : digits);
  const den = exp < 0 ? naturalFromDigits("1" + zeros(-exp)) : ONE;
  return rational(m[1] === "-", num, den);
}

function zeros(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += "0";
  return s;
}

/** −1, 0 or 1. */
export function sign(a: Rational): number {
  return a.num.length === 0 ? 0 : a.negative ? -1 : 1;
}

export function sub(a: Rational, b: Rational): Rational {
  const left = mulNatural(a.num, b.den);
  const right = mulNatural(b.num, a.den);
  const den = mulNatural(a.den, b.den);
  // a − b = a + (−b): same signs add magnitudes, different signs subtract the smaller.
  if (a.negative !== b.negative) return rational(a.negative, addNatural(left, right), den);
  const c = compareNatural(left, right);
  if (c >= 0) return rational(a.negative, subNatural(left, right), den);
  return rational(!a.negative, subNatural(right, left), den);
}

/** a / b; null when b is zero. */
export function div(a: Rational, b: Rational): Rational | null {
  if (b.num.length === 0) return null;
  return rational(a.negative !== b.negative, mulNatural(a.num, b.den), mulNatural(a.den, b.num));
}

export function compare(a: Rational, b: Rational): number {
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  const c = compareNatural(mulNatural(a.num, b.den), mulNatural(b.num, a.den));
  return sa < 0 ? 0 - c : c;
}

export function isZero(a: Rational): boolean {
  return a.num.length === 0;
}

/** Lowest terms of a fraction up to 140 digits (toNumber's bound). */
function reduced(a: Rational): { num: Natural; den: Natural } {
  if (a.num.length === 0 || a.num.length > REDUCE_MAX_LIMBS || a.den.length > REDUCE_MAX_LIMBS) return a;
  const g = gcd(a.num, a.den);
  if (compareNatural(g, ONE) === 0) return a;
  return { num: divMod(a.num, g).quotient, den: divMod(a.den, g).quotient };
}

/** "-417/2500": the fraction in lowest terms, for messages and tests. */
export function fractionText(a: Rational): string {
  const { num, den } = reduced(a);
  return `${a.negative ? "-" : ""}${naturalToDigits(num)}/${naturalToDigits(den)}`;
}

/**
 * Nearest double of the reduced fraction: numerator and denominator each rounded once, then divided (what
 * Number(n) / Number(d) gives for BigInts), so a fraction that fits 2^53 once reduced converts exactly.
 */
export function toNumber(a: Rational): number {
  const { num, den } = reduced(a);
  // A decimal string converts with one correct rounding (a float sum of limbs would round at every step).
  const value = Number(naturalToDigits(num)) / Number(naturalToDigits(den));
  return a.negative ? -value : value;
}
