/**
 * The one Excel number-format renderer: what a cell shows for a value and a
 * format code. Used by the ExcelJS adapter's snapshot (ExcelJS's `cell.text`
 * ignores formats, but municipal sheets show ▲ negatives, percents and units
 * through formats, and the core reads the displayed text) and by the
 * simulated host's Range.text. Pure (no Node, DOM or Office).
 *
 * Supported: General; digit placeholders 0 # ? with thousands separators,
 * trailing-comma scaling and %; quoted / escaped literals ("件", \円, _x, *x);
 * up to four sections (positive;negative;zero;text) and [conditions];
 * colours and [$-411]-style locale tags (ignored; [$¥-411] keeps ¥);
 * scientific 0.00E+00; dates and times (y m d h s, AM/PM, 和暦 g/e, aaa).
 * Unsupported pieces (fractions, elapsed days) fall back to General.
 */

// Builtins bound once: under jest's vm sandbox every global lookup (Math, Number, String) is slow.
const { abs, floor, round, pow, log10, max } = Math;
const { isFinite: isFiniteNumber, isInteger } = Number;
const toStr = String;
const toNum = Number;

export interface FormatOptions {
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  date1904?: boolean;
}

type Token =
  | { t: "lit"; s: string }
  | { t: "digit"; c: "0" | "#" | "?" }
  | { t: "point" }
  | { t: "comma" }
  | { t: "percent" }
  | { t: "exp"; sign: "+" | "-" }
  | { t: "text" } // @
  | { t: "general" }
  | { t: "date"; s: string }; // y, m, d, h, s, e, g, aaa, AM/PM, [h] … (lower-cased code)

interface Condition {
  op: "<" | "<=" | ">" | ">=" | "=" | "<>";
  value: number;
}

interface Section {
  tokens: Token[];
  condition: Condition | null;
  kind: "number" | "date" | "general" | "text";
}

interface CompiledFormat {
  sections: Section[];
}

const cache = new Map<string, CompiledFormat>();

function compile(format: string): CompiledFormat {
  let c = cache.get(format);
  if (!c) {
    c = { sections: splitSections(format).map(parseSection) };
    if (cache.size > 2000) cache.clear();
    cache.set(format, c);
  }
  return c;
}

/** Split on ';' outside quotes, brackets and escapes. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (inQuote) {
      cur += ch;
      if (ch === '"') inQuote = false;
    } else if (inBracket) {
      cur += ch;
      if (ch === "]") inBracket = false;
    } else if (ch === '"') {
      inQuote = true;
      cur += ch;
    } else if (ch === "[") {
      inBracket = true;
      cur += ch;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += ch + (format[i + 1] ?? "");
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const DATE_LETTERS = /[ymdhsegab]/i;

function parseSection(src: string): Section {
  const tokens: Token[] = [];
  let condition: Condition | null = null;
  const lit = (s: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === "lit") last.s += s;
    else tokens.push({ t: "lit", s });
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const rest = src.slice(i);
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 ? src.length : end;
      lit(src.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === "\\") {
      lit(src[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      lit(" ");
      i += 2;
    } else if (ch === "*") {
      i += 2; // fill character: nothing in text
    } else if (ch === "[") {
      const end = src.indexOf("]", i);
      const stop = end < 0 ? src.length : end;
      const inner = src.slice(i + 1, stop);
      const cond = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/.exec(inner);
      if (cond) condition = { op: cond[1] as Condition["op"], value: toNum(cond[2]) };
      else if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ t: "date", s: "[" + inner.toLowerCase() + "]" });
      else if (inner.startsWith("$")) {
        const dash = inner.indexOf("-");
        const sym = inner.slice(1, dash < 0 ? undefined : dash);
        if (sym) lit(sym);
      }
      // colours ([Red], [Color10]) and other tags are not text
      i = stop + 1;
    } else if (/^general/i.test(rest)) {
      tokens.push({ t: "general" });
      i += 7;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ t: "digit", c: ch });
      i++;
    } else if (ch === ".") {
      tokens.push({ t: "point" });
      i++;
    } else if (ch === ",") {
      tokens.push({ t: "comma" });
      i++;
    } else if (ch === "%") {
      tokens.push({ t: "percent" });
      i++;
    } else if (ch === "@") {
      tokens.push({ t: "text" });
      i++;
    } else if ((ch === "E" || ch === "e") && (src[i + 1] === "+" || src[i + 1] === "-")) {
      tokens.push({ t: "exp", sign: src[i + 1] as "+" | "-" });
      i += 2;
    } else if (/^(am\/pm|a\/p)/i.test(rest)) {
      const m = /^(am\/pm|a\/p)/i.exec(rest)!;
      tokens.push({ t: "date", s: m[1]!.toLowerCase() });
      i += m[1]!.length;
    } else if (DATE_LETTERS.test(ch) && !(ch === "b" || ch === "B")) {
      // runs of the same letter: yyyy, mm, ddd, aaa, ggg, ee …
      let j = i + 1;
      while (j < src.length && src[j]!.toLowerCase() === ch.toLowerCase()) j++;
      const run = src.slice(i, j).toLowerCase();
      if (run[0] === "a" && run.length < 3) lit(src.slice(i, j));
      else tokens.push({ t: "date", s: run });
      i = j;
    } else {
      lit(ch);
      i++;
    }
  }
  // A seconds fraction (ss.00) is part of a date section, not a decimal point.
  let kind: Section["kind"];
  if (tokens.some((t) => t.t === "date")) kind = "date";
  else if (isFraction(tokens))
    kind = "general"; // fractions (# ?/?) are shown as General
  else if (tokens.some((t) => t.t === "digit" || t.t === "point")) kind = "number";
  else if (tokens.some((t) => t.t === "text")) kind = "text";
  else if (tokens.some((t) => t.t === "general")) kind = "general";
  else kind = src.trim() === "" ? "general" : "number"; // literal-only section, e.g. "-"
  return { tokens, condition, kind };
}

function isFraction(tokens: Token[]): boolean {
  const slash = tokens.findIndex((t) => t.t === "lit" && t.s.includes("/"));
  return (
    slash > 0 &&
    tokens.slice(0, slash).some((t) => t.t === "digit") &&
    tokens.slice(slash + 1).some((t) => t.t === "digit")
  );
}

function test(c: Condition, v: number): boolean {
  switch (c.op) {
    case "<":
      return v < c.value;
    case "<=":
      return v <= c.value;
    case ">":
      return v > c.value;
    case ">=":
      return v >= c.value;
    case "=":
      return v === c.value;
    case "<>":
      return v !== c.value;
  }
}

/** Pick the section for a number; `abs` says whether the section shows |v| (no minus sign of its own). */
function pickSection(f: CompiledFormat, v: number): { section: Section; abs: boolean } | null {
  const numeric = f.sections.filter((s, i) => i < 3 && !(s.kind === "text" && f.sections.length > 1));
  if (numeric.length === 0) return null;
  if (numeric.some((s) => s.condition)) {
    const [s1, s2, s3] = numeric;
    if (s1 && s1.condition && test(s1.condition, v)) return { section: s1, abs: false };
    if (s2 && s2.condition) {
      if (test(s2.condition, v)) return { section: s2, abs: v < 0 };
      return s3 ? { section: s3, abs: true } : { section: s1!, abs: false };
    }
    if (s2) return { section: s2, abs: v < 0 };
    return { section: s1!, abs: false };
  }
  if (numeric.length === 1) return { section: numeric[0]!, abs: false };
  if (v > 0 || (v === 0 && numeric.length === 2)) return { section: numeric[0]!, abs: false };
  if (v < 0) return { section: numeric[1]!, abs: true };
  return { section: numeric[2]!, abs: true };
}

// ---------------------------------------------------------------------------
// Decimal rounding on the 15 significant digits Excel keeps.

/** |x| rounded to `decimals` places, as integer and fraction digit strings. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

function roundDecimal(x: number, decimals: number): { int: string; frac: string } {
  const a = abs(x);
  if (a === 0) return { int: "0", frac: "0".repeat(decimals) };
  if (isInteger(a) && a < 1e15) return { int: toStr(a), frac: "0".repeat(decimals) };
  if (decimals <= 10) {
    // Fast path: shift, cut to 15 significant digits (as Excel stores), round half up.
    const p = POW10[decimals]!;
    const scaled = a * p;
    if (scaled < 1e15) {
      // Only a value near a tie needs the 15-digit cut (1.005 is stored as 1.00499999…).
      const fl = floor(scaled);
      const n = abs(scaled - fl - 0.5) > 1e-6 + scaled * 1e-14 ? round(scaled) : round(toNum(scaled.toPrecision(15)));
      const intPart = floor(n / p);
      const fracPart = n - intPart * p;
      return { int: toStr(intPart), frac: decimals ? toStr(fracPart).padStart(decimals, "0") : "" };
    }
  }
  const [mant, e] = a.toExponential(14).split("e");
  let digits = mant!.replace(".", "");
  let exp = toNum(e) + 1; // value = 0.digits × 10^exp
  const keep = exp + decimals;
  if (keep < 0) return { int: "0", frac: "0".repeat(decimals) };
  if (keep < digits.length) {
    const roundUp = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
    if (roundUp) {
      let k = digits.length - 1;
      const arr = digits.split("");
      while (k >= 0 && arr[k] === "9") arr[k--] = "0";
      if (k >= 0) arr[k] = String.fromCharCode(arr[k]!.charCodeAt(0) + 1);
      else {
        arr.unshift("1");
        exp++;
      }
      digits = arr.join("");
    }
  }
  const need = exp + decimals;
  if (digits.length < need) digits += "0".repeat(need - digits.length);
  let int: string;
  let frac: string;
  if (exp <= 0) {
    int = "0";
    frac = ("0".repeat(-exp) + digits).slice(0, decimals);
  } else {
    int = digits.slice(0, exp).replace(/^0+(?=\d)/, "");
    frac = digits.slice(exp, exp + decimals);
  }
  if (frac.length < decimals) frac += "0".repeat(decimals - frac.length);
  return { int: int || "0", frac };
}

/** 1.23457E+12: at most 6 significant digits, trailing zeros removed. */
function scientificGeneral(a: number, sign: string): string {
  const [m, e] = a.toExponential(5).split("e");
  const mant = m!.replace(/\.?0+$/, "");
  const n = toNum(e);
  return `${sign}${mant}E${n < 0 ? "-" : "+"}${toStr(abs(n)).padStart(2, "0")}`;
}

/** Excel's General format for a number in a standard-width cell (≈ 11 characters). */
export function formatGeneral(v: number): string {
  if (!isFiniteNumber(v)) return "#NUM!";
  if (v === 0) return "0";
  const a = abs(v);
  const sign = v < 0 ? "-" : "";
  if (a >= 1e11 || a < 1e-9) return scientificGeneral(a, sign);
  if (isInteger(a)) return sign + toStr(a);
  // At most 11 characters: the integer digits, the point and the decimals (and the sign).
  const intLen = a >= 1 ? roundDecimal(a, 0).int.length : 1;
  const decimals = max(0, 10 - intLen - sign.length);
  const r = roundDecimal(a, decimals);
  const frac = r.frac.replace(/0+$/, "");
  if (r.int === "0" && frac === "") return scientificGeneral(a, sign);
  return sign + (frac ? `${r.int}.${frac}` : r.int);
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

type DigitToken = Extract<Token, { t: "digit" }>;

/** The parts of a number section, worked out once per format. */
interface NumberLayout {
  /** Only literals (and maybe General): e.g. "-" for zero, or "▲"General. */
  literalOnly: boolean;
  hasGeneral: boolean;
  /** Multiply by 100 per %, divide by 1000 per trailing comma. */
  factor: number;
  intTokens: Token[];
  intPh: DigitToken[];
  /** Placeholders before the first 0/? are optional (#). */
  minIntDigits: number;
  intLiterals: boolean;
  grouping: boolean;
  hasPoint: boolean;
  fracPh: DigitToken[];
  fracLiterals: string;
  exp: { sign: "+" | "-"; digits: number } | null;
  engineering: number;
  before: string;
  after: string;
}

const layouts = new WeakMap<Section, NumberLayout>();

function layoutOf(section: Section): NumberLayout {
  let l = layouts.get(section);
  if (l) return l;
  const tokens = section.tokens;
  let first = -1;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.t === "digit" || t.t === "point" || t.t === "exp" || (t.t === "comma" && first >= 0)) {
      if (first < 0) first = i;
      last = i;
    }
  });
  let factor = 1;
  for (const t of tokens) if (t.t === "percent") factor *= 100;
  const hasGeneral = tokens.some((t) => t.t === "general");
  const litText = (ts: Token[]) => ts.map((t) => (t.t === "lit" ? t.s : t.t === "percent" ? "%" : "")).join("");
  if (first < 0) {
    l = {
      literalOnly: true,
      hasGeneral,
      factor,
      intTokens: [],
      intPh: [],
      minIntDigits: 0,
      intLiterals: false,
      grouping: false,
      hasPoint: false,
      fracPh: [],
      fracLiterals: "",
      exp: null,
      engineering: 1,
      before: "",
      after: "",
    };
    layouts.set(section, l);
    return l;
  }
  const core = tokens.slice(first, last + 1);
  const pointAt = core.findIndex((t) => t.t === "point");
  const expAt = core.findIndex((t) => t.t === "exp");
  const intEnd = pointAt >= 0 ? pointAt : expAt >= 0 ? expAt : core.length;
  let intTokens = core.slice(0, intEnd);
  let fracTokens = core.slice(pointAt >= 0 ? pointAt + 1 : intEnd, expAt >= 0 ? expAt : core.length);
  const expTokens = expAt >= 0 ? core.slice(expAt + 1) : [];
  // Trailing commas scale by 1000 each; a comma between digits groups thousands.
  while (intTokens.length && intTokens[intTokens.length - 1]!.t === "comma") {
    factor /= 1000;
    intTokens = intTokens.slice(0, -1);
  }
  while (fracTokens.length && fracTokens[fracTokens.length - 1]!.t === "comma") {
    factor /= 1000;
    fracTokens = fracTokens.slice(0, -1);
  }
  const intPh = intTokens.filter((t): t is DigitToken => t.t === "digit");
  const firstRequired = intPh.findIndex((t) => t.c !== "#");
  l = {
    literalOnly: false,
    hasGeneral,
    factor,
    intTokens,
    intPh,
    minIntDigits: firstRequired < 0 ? 0 : intPh.length - firstRequired,
    intLiterals: intTokens.some((t) => t.t === "lit" || t.t === "percent"),
    grouping: intTokens.some((t) => t.t === "comma"),
    hasPoint: pointAt >= 0,
    fracPh: fracTokens.filter((t): t is DigitToken => t.t === "digit"),
    fracLiterals: fracTokens.map((t) => (t.t === "lit" ? t.s : "")).join(""),
    exp:
      expAt >= 0
        ? {
            sign: (core[expAt] as Extract<Token, { t: "exp" }>).sign,
            digits: expTokens.filter((t) => t.t === "digit").length,
          }
        : null,
    // engineering-style formats (##0.0E+0) put the exponent on a multiple of the integer digits
    engineering: intPh.length > 1 && intPh.some((t) => t.c === "#") ? intPh.length : 1,
    before: litText(tokens.slice(0, first)),
    after: litText(tokens.slice(last + 1)),
  };
  layouts.set(section, l);
  return l;
}

function renderNumber(section: Section, v: number, showMinus: boolean): string {
  const l = layoutOf(section);
  let value = abs(v) * l.factor;

  if (l.literalOnly) {
    const body = l.hasGeneral ? formatGeneral(value) : "";
    const text = section.tokens
      .map((t) => (t.t === "lit" ? t.s : t.t === "percent" ? "%" : t.t === "general" ? body : ""))
      .join("");
    return (showMinus && v < 0 && l.hasGeneral ? "-" : "") + text;
  }

  const fracPh = l.fracPh;
  let exponent = 0;
  if (l.exp && value !== 0) {
    const step = l.engineering;
    exponent = floor(floor(log10(value)) / step) * step;
    value = value / pow(10, exponent);
    if (roundDecimal(value, fracPh.length).int.length > step) {
      exponent += step;
      value = value / pow(10, step);
    }
  }

  const r = roundDecimal(value, fracPh.length);
  // fraction: trailing # drop zeros, trailing ? turn them into spaces
  let frac = r.frac;
  if (fracPh.length && frac.endsWith("0")) {
    const fracChars = frac.split("");
    for (let k = fracPh.length - 1; k >= 0; k--) {
      if (fracChars[k] !== "0") break;
      const c = fracPh[k]!.c;
      if (c === "0") break;
      fracChars[k] = c === "?" ? " " : "";
    }
    frac = fracChars.join("");
  }

  // integer part: fill placeholders from the right; extra digits go to the leftmost one
  let digits = r.int === "0" ? "" : r.int;
  let intText: string;
  if (!l.intLiterals) {
    let s = digits;
    while (s.length < l.minIntDigits) {
      const ph = l.intPh[l.intPh.length - 1 - s.length]!;
      s = (ph.c === "?" ? " " : "0") + s;
    }
    if (l.grouping) {
      const pad = /^ */.exec(s)![0];
      intText = pad + groupThousands(s.slice(pad.length));
    } else intText = s;
  } else {
    const out: string[] = [];
    let phSeen = 0;
    for (let k = l.intTokens.length - 1; k >= 0; k--) {
      const t = l.intTokens[k]!;
      if (t.t === "lit") out.unshift(t.s);
      else if (t.t === "percent") out.unshift("%");
      else if (t.t === "digit") {
        phSeen++;
        const isLeftmost = phSeen === l.intPh.length;
        if (digits.length > 0) {
          if (isLeftmost) {
            out.unshift(digits);
            digits = "";
          } else {
            out.unshift(digits[digits.length - 1]!);
            digits = digits.slice(0, -1);
          }
        } else out.unshift(t.c === "0" ? "0" : t.c === "?" ? " " : "");
      }
    }
    intText = out.join("");
  }

  let numText = intText;
  if (l.hasPoint) numText += "." + frac;
  numText += l.fracLiterals;
  if (l.exp) {
    const sign = exponent < 0 ? "-" : l.exp.sign === "+" ? "+" : "";
    numText += "E" + sign + toStr(abs(exponent)).padStart(max(1, l.exp.digits), "0");
  }
  // Excel keeps the sign of a negative value that rounds to zero ("-0", "-0.00").
  const minus = showMinus && v < 0 ? "-" : "";
  return minus + l.before + numText + l.after;
}

// ---------------------------------------------------------------------------
// Dates

const DAY_MS = 86400000;

/** Excel serial → calendar parts (UTC), honouring the 1900 leap-year bug. */
function serialToParts(serial: number, date1904: boolean) {
  let days = floor(serial);
  let fracSec = round((serial - days) * 86400);
  if (fracSec >= 86400) {
    days++;
    fracSec -= 86400;
  }
  let y: number, mo: number, d: number, wd: number;
  if (!date1904 && days === 60) {
    y = 1900;
    mo = 2;
    d = 29;
    wd = 3;
  } else {
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
    const dt = new Date(base + days * DAY_MS);
    y = dt.getUTCFullYear();
    mo = dt.getUTCMonth() + 1;
    d = dt.getUTCDate();
    wd = dt.getUTCDay();
  }
  return {
    y,
    mo,
    d,
    wd,
    h: floor(fracSec / 3600),
    mi: floor((fracSec % 3600) / 60),
    s: fracSec % 60,
    totalSec: days * 86400 + fracSec,
  };
}

const ERAS_JA: { start: [number, number, number]; name: string; abbr: string; roman: string }[] = [
  { start: [2019, 5, 1], name: "令和", abbr: "令", roman: "R" },
  { start: [1989, 1, 8], name: "平成", abbr: "平", roman: "H" },
  { start: [1926, 12, 25], name: "昭和", abbr: "昭", roman: "S" },
  { start: [1912, 7, 30], name: "大正", abbr: "大", roman: "T" },
  { start: [1868, 1, 1], name: "明治", abbr: "明", roman: "M" },
];

function eraOf(y: number, mo: number, d: number) {
  const key = y * 10000 + mo * 100 + d;
  for (const e of ERAS_JA) {
    if (key >= e.start[0] * 10000 + e.start[1] * 100 + e.start[2]) return { ...e, year: y - e.start[0] + 1 };
  }
  return null;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];

function renderDate(section: Section, serial: number, date1904: boolean): string {
  if (serial < 0 || serial > 2958465) return "#".repeat(11);
  const p = serialToParts(serial, date1904);
  const tokens = section.tokens;
  const ampm = tokens.some((t) => t.t === "date" && (t.s === "am/pm" || t.s === "a/p"));
  const pad = (n: number, w: number) => toStr(n).padStart(w, "0");
  // m / mm is minutes right after an hour or right before seconds
  const dateIdx = tokens.map((t, i) => (t.t === "date" ? i : -1)).filter((i) => i >= 0);
  const isMinute = (i: number): boolean => {
    const pos = dateIdx.indexOf(i);
    const prev = pos > 0 ? (tokens[dateIdx[pos - 1]!] as { s: string }).s : "";
    const next = pos < dateIdx.length - 1 ? (tokens[dateIdx[pos + 1]!] as { s: string }).s : "";
    return /^\[?h/.test(prev) || /^\[?s/.test(next);
  };
  let out = "";
  tokens.forEach((t, i) => {
    if (t.t === "lit") out += t.s;
    else if (t.t === "percent") out += "%";
    else if (t.t === "point") out += ".";
    else if (t.t === "comma") out += ",";
    else if (t.t === "digit") out += t.c === "0" ? "0" : "";
    else if (t.t === "date") {
      const s = t.s;
      const era = eraOf(p.y, p.mo, p.d);
      if (s[0] === "y") out += s.length <= 2 ? pad(p.y % 100, 2) : toStr(p.y);
      else if (s[0] === "m" && s.length <= 2 && isMinute(i)) out += s.length === 2 ? pad(p.mi, 2) : toStr(p.mi);
      else if (s[0] === "m")
        out +=
          s.length === 1
            ? toStr(p.mo)
            : s.length === 2
              ? pad(p.mo, 2)
              : s.length === 3
                ? MONTHS[p.mo - 1]!.slice(0, 3)
                : s.length === 5
                  ? MONTHS[p.mo - 1]![0]!
                  : MONTHS[p.mo - 1]!;
      else if (s[0] === "d")
        out +=
          s.length === 1
            ? toStr(p.d)
            : s.length === 2
              ? pad(p.d, 2)
              : s.length === 3
                ? DAYS_EN[p.wd]!.slice(0, 3)
                : DAYS_EN[p.wd]!;
      else if (s === "am/pm") out += p.h < 12 ? "AM" : "PM";
      else if (s === "a/p") out += p.h < 12 ? "A" : "P";
      else if (s[0] === "a") out += s.length === 3 ? DAYS_JA[p.wd]! : DAYS_JA[p.wd]! + "曜日";
      else if (s[0] === "h") {
        const h = ampm ? ((p.h + 11) % 12) + 1 : p.h;
        out += s.length >= 2 ? pad(h, 2) : toStr(h);
      } else if (s[0] === "s") out += s.length >= 2 ? pad(p.s, 2) : toStr(p.s);
      else if (s === "[h]" || s === "[hh]") out += toStr(floor(p.totalSec / 3600));
      else if (s.startsWith("[m")) out += toStr(floor(p.totalSec / 60));
      else if (s.startsWith("[s")) out += toStr(p.totalSec);
      else if (s[0] === "g") out += era ? (s.length === 1 ? era.roman : s.length === 2 ? era.abbr : era.name) : "";
      else if (s[0] === "e") out += era ? (s.length >= 2 ? pad(era.year, 2) : toStr(era.year)) : toStr(p.y);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------

/** True when the format shows numbers as dates or times. */
export function isDateFormat(format: string): boolean {
  if (!format || /^general$/i.test(format) || format === "@") return false;
  const f = compile(format);
  return f.sections.length > 0 && f.sections[0]!.kind === "date";
}

/**
 * Excel's locale-dependent built-in short date (numFmtId 14), which ExcelJS
 * reports as "mm-dd-yy": shown the way Excel shows it in Japan.
 */
const LOCALE_FORMATS: Record<string, string> = { "mm-dd-yy": "yyyy/m/d" };

/** The text Excel displays for a number in a cell with this format. */
export function formatNumber(value: number, format: string | null | undefined, options: FormatOptions = {}): string {
  if (!isFiniteNumber(value)) return "#NUM!";
  const code = format ? (LOCALE_FORMATS[format] ?? format) : "General";
  if (code === "General" || code === "") return formatGeneral(value);
  const f = compile(code);
  const pick = pickSection(f, value);
  if (!pick) return formatGeneral(value);
  const { section, abs: positive } = pick;
  if (section.tokens.length === 0) return ""; // an empty section hides the value (0;-0;;@)
  if (section.kind === "date") return renderDate(section, positive ? abs(value) : value, options.date1904 === true);
  if (section.kind === "general" || section.kind === "text") {
    const hasGeneral = section.tokens.some((t) => t.t === "general");
    if (!hasGeneral) return (positive || value >= 0 ? "" : "-") + formatGeneral(abs(value));
    return renderNumber(section, value, !positive);
  }
  return renderNumber(section, value, !positive);
}

/** The text Excel displays for a string in a cell with this format (the text section, if any). */
export function formatText(value: string, format: string | null | undefined): string {
  if (!format || format === "General" || format === "@") return value;
  const f = compile(format);
  const textSection = f.sections.length >= 4 ? f.sections[3] : f.sections.find((s) => s.kind === "text");
  if (!textSection || !textSection.tokens.some((t) => t.t === "text")) return value;
  return textSection.tokens.map((t) => (t.t === "text" ? value : t.t === "lit" ? t.s : "")).join("");
}

/** Display text for any raw cell value. */
export function formatValue(
  value: string | number | boolean | null,
  format: string | null | undefined,
  options: FormatOptions = {},
): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value, format, options);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return formatText(value, format);
}
