/**
 * Displayed text of a cell value under an Excel number format (what Range.text returns).
 * Covers General, digit placeholders (0 # ?), thousands separators and scaling, percent,
 * scientific notation, literals ("..." \x _x *x), colour/locale brackets (ignored), up to four
 * sections, dates and times including Japanese eras (g/gg/ggg, e/ee) and weekday names (aaa).
 * Fractions (# ?/?) fall back to General.
 */

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86400000;

export function serialToParts(serial: number, date1904 = false) {
  let days = Math.floor(serial);
  const frac = serial - days;
  let ms = Math.round(frac * DAY_MS);
  if (ms >= DAY_MS) {
    days += 1;
    ms -= DAY_MS;
  }
  let y: number, mo: number, d: number, wd: number;
  if (!date1904 && days === 60) {
    // Excel's fictitious 1900-02-29.
    y = 1900; mo = 2; d = 29; wd = 3;
  } else {
    let t: number;
    if (date1904) t = EPOCH_1904 + days * DAY_MS;
    else t = (days < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900) + days * DAY_MS;
    const dt = new Date(t);
    y = dt.getUTCFullYear(); mo = dt.getUTCMonth() + 1; d = dt.getUTCDate(); wd = dt.getUTCDay();
  }
  const totalSec = ms / 1000;
  const h = Math.floor(totalSec / 3600);
  const mi = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  return { y, mo, d, wd, h, mi, s, days, frac };
}

export function partsToSerial(y: number, mo: number, d: number, date1904 = false): number {
  const t = Date.UTC(y, mo - 1, d);
  if (date1904) return Math.round((t - EPOCH_1904) / DAY_MS);
  const n = Math.round((t - EPOCH_1900) / DAY_MS);
  return n <= 60 ? n - 1 : n; // dates before 1900-03-01 sit one lower because of the fictitious 29 Feb.
}

export function dateToSerial(date: Date, date1904 = false): number {
  const t = date.getTime();
  return ((t - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS);
}

const ERAS = [
  { start: [2019, 5, 1], abbr: "R", short: "令", long: "令和" },
  { start: [1989, 1, 8], abbr: "H", short: "平", long: "平成" },
  { start: [1926, 12, 25], abbr: "S", short: "昭", long: "昭和" },
  { start: [1912, 7, 30], abbr: "T", short: "大", long: "大正" },
  { start: [1868, 1, 1], abbr: "M", short: "明", long: "明治" },
];

function eraOf(y: number, mo: number, d: number) {
  const key = y * 10000 + mo * 100 + d;
  for (const e of ERAS) {
    const [ey, em, ed] = e.start;
    if (key >= ey * 10000 + em * 100 + ed) return { era: e, year: y - ey + 1 };
  }
  return { era: null, year: y };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const JA_DAYS = ["日", "月", "火", "水", "木", "金", "土"];

type Tok =
  | { t: "lit"; s: string }
  | { t: "digit"; ch: "0" | "#" | "?" }
  | { t: "point" }
  | { t: "comma" }
  | { t: "percent" }
  | { t: "exp"; sign: "+" | "-" }
  | { t: "at" }
  | { t: "general" }
  | { t: "date"; s: string }
  | { t: "ampm"; s: string }
  | { t: "slash" };

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const j = fmt.indexOf('"', i + 1);
      const end = j < 0 ? fmt.length : j;
      cur += fmt.slice(i, end + 1);
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const j = fmt.indexOf("]", i);
      const end = j < 0 ? fmt.length : j;
      cur += fmt.slice(i, end + 1);
      i = end;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(sec: string): { toks: Tok[]; isDate: boolean; hasCondition: boolean } {
  const toks: Tok[] = [];
  let isDate = false;
  let hasCondition = false;
  const lower = sec.toLowerCase();
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i];
    const lc = lower[i];
    if (ch === '"') {
      const j = sec.indexOf('"', i + 1);
      const end = j < 0 ? sec.length : j;
      toks.push({ t: "lit", s: sec.slice(i + 1, end) });
      i = end;
    } else if (ch === "\\") {
      toks.push({ t: "lit", s: sec[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      toks.push({ t: "lit", s: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const j = sec.indexOf("]", i);
      const end = j < 0 ? sec.length : j;
      const inner = sec.slice(i + 1, end);
      if (/^[<>=]/.test(inner)) hasCondition = true;
      if (/^(h+|m+|s+)$/i.test(inner)) {
        toks.push({ t: "date", s: inner.toLowerCase() });
        isDate = true;
      }
      // [$¥-411] currency/locale: keep the currency symbol.
      const cur = /^\$([^-\]]*)/.exec(inner);
      if (cur && cur[1]) toks.push({ t: "lit", s: cur[1] });
      i = end;
    } else if (lower.startsWith("general", i)) {
      toks.push({ t: "general" });
      i += 6;
    } else if (lower.startsWith("am/pm", i)) {
      toks.push({ t: "ampm", s: "AM/PM" });
      i += 4;
      isDate = true;
    } else if (lower.startsWith("a/p", i)) {
      toks.push({ t: "ampm", s: "A/P" });
      i += 2;
      isDate = true;
    } else if ("ymdhsegab".includes(lc) && !(lc === "e" && /[0#?.]/.test(sec[i - 1] ?? "") && /[+-]/.test(sec[i + 1] ?? ""))) {
      if ((lc === "a" || lc === "b") && !lower.startsWith(lc === "a" ? "aaa" : "bb", i)) {
        toks.push({ t: "lit", s: ch });
        continue;
      }
      let j = i;
      while (j < sec.length && lower[j] === lc) j++;
      toks.push({ t: "date", s: lower.slice(i, j) });
      isDate = true;
      i = j - 1;
    } else if ((lc === "e") && /[+-]/.test(sec[i + 1] ?? "")) {
      toks.push({ t: "exp", sign: sec[i + 1] as "+" | "-" });
      i++;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      toks.push({ t: "digit", ch });
    } else if (ch === ".") {
      toks.push({ t: "point" });
    } else if (ch === ",") {
      toks.push({ t: "comma" });
    } else if (ch === "%") {
      toks.push({ t: "percent" });
    } else if (ch === "@") {
      toks.push({ t: "at" });
    } else if (ch === "/") {
      toks.push({ t: "slash" });
    } else {
      toks.push({ t: "lit", s: ch });
    }
  }
  return { toks, isDate, hasCondition };
}

/** Round half away from zero on the decimal representation (as Excel does), after 15 significant digits. */
export function roundDecimal(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const p = Number(x.toPrecision(15));
  if (Math.abs(p) >= 1e15 || digits > 15) return p;
  const sign = p < 0 ? -1 : 1;
  const r = Math.round(Number(`${Math.abs(p)}e${digits}`));
  return sign * Number(`${r}e-${digits}`);
}

function toPlainString(x: number): string {
  // No exponent notation for the integer part of large numbers.
  if (Math.abs(x) < 1e21) return x.toFixed(0);
  return BigInt(Math.round(x)).toString();
}

export function formatGeneral(x: number): string {
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (Number.isInteger(x) && ax < 1e11) return String(x);
  if (ax >= 1e11 || ax < 1e-9) {
    const [m, e] = x.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const exp = parseInt(e, 10);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  for (let p = 10; p >= 1; p--) {
    let s = String(Number(x.toPrecision(p)));
    if (s.includes("e")) s = Number(x.toPrecision(p)).toFixed(Math.min(20, p + 9)).replace(/\.?0+$/, "");
    if (s.replace("-", "").length <= 11) return s;
  }
  return String(x);
}

function groupThousands(intStr: string): string {
  return intStr.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumberSection(x: number, toks: Tok[], negativeSign: boolean): string {
  if (toks.some((t) => t.t === "general")) {
    const g = formatGeneral(Math.abs(x));
    return (negativeSign ? "-" : "") + toks.map((t) => (t.t === "general" ? g : t.t === "lit" ? t.s : "")).join("");
  }
  if (toks.some((t) => t.t === "slash")) return (negativeSign ? "-" : "") + formatGeneral(Math.abs(x));
  let v = Math.abs(x);
  const percents = toks.filter((t) => t.t === "percent").length;
  v *= Math.pow(100, percents);
  const firstDigit = toks.findIndex((t) => t.t === "digit");
  if (firstDigit < 0) {
    // No digits at all: only literals (e.g. "-" for zero in accounting formats).
    return toks.map((t) => (t.t === "lit" ? t.s : t.t === "percent" ? "%" : "")).join("");
  }
  const expIdx = toks.findIndex((t) => t.t === "exp");
  const pointIdx = toks.findIndex((t, i) => t.t === "point" && (expIdx < 0 || i < expIdx));
  const intEnd = pointIdx >= 0 ? pointIdx : expIdx >= 0 ? expIdx : toks.length;
  // Thousands: a comma between integer digit placeholders; trailing commas after the last digit scale by 1000.
  let lastDigitBeforeEnd = -1;
  for (let i = 0; i < intEnd; i++) if (toks[i].t === "digit") lastDigitBeforeEnd = i;
  let grouping = false;
  for (let i = firstDigit; i < lastDigitBeforeEnd; i++) if (toks[i].t === "comma") grouping = true;
  const numEnd = expIdx >= 0 ? expIdx : toks.length;
  let lastDigitAll = -1;
  for (let i = 0; i < numEnd; i++) if (toks[i].t === "digit") lastDigitAll = i;
  let scale = 0;
  for (let i = lastDigitAll + 1; i < numEnd && toks[i].t === "comma"; i++) scale++;
  v /= Math.pow(1000, scale);

  const intPh: number[] = [];
  const fracPh: number[] = [];
  for (let i = 0; i < numEnd; i++) {
    if (toks[i].t !== "digit") continue;
    if (pointIdx >= 0 && i > pointIdx) fracPh.push(i);
    else intPh.push(i);
  }
  let exponent = 0;
  const expPh: number[] = [];
  if (expIdx >= 0) {
    for (let i = expIdx + 1; i < toks.length; i++) if (toks[i].t === "digit") expPh.push(i);
    if (v !== 0) {
      const intDigits = Math.max(1, intPh.length);
      exponent = Math.floor(Math.log10(v)) - (intDigits - 1);
      if (intDigits > 1) exponent = Math.floor(Math.log10(v) / intDigits) * intDigits;
      v = v / Math.pow(10, exponent);
      if (roundDecimal(v, fracPh.length) >= Math.pow(10, intDigits)) {
        exponent += 1;
        v /= 10;
      }
    }
  }
  const rounded = roundDecimal(v, fracPh.length);
  const fixed = rounded.toFixed(Math.min(fracPh.length, 100));
  const parts = fixed.split(".");
  let intPart = parts[0];
  const fracPart = parts[1] ?? "";
  if (Math.abs(rounded) >= 1e21) intPart = toPlainString(rounded);
  if (intPart === "0") intPart = "";
  const minInt = intPh.filter((i) => (toks[i] as { ch: string }).ch === "0").length;
  const out: string[] = toks.map(() => "");
  // Integer digits: fill placeholders from the right; the first one takes the overflow.
  if (grouping) {
    let s = intPart.padStart(minInt, "0");
    s = groupThousands(s);
    if (!s && intPh.some((i) => (toks[i] as { ch: string }).ch === "?")) s = " ";
    if (intPh.length) out[intPh[0]] = s;
  } else {
    let digits = intPart;
    for (let k = intPh.length - 1; k >= 0; k--) {
      const ti = intPh[k];
      const ch = (toks[ti] as { ch: string }).ch;
      if (k === 0) out[ti] = digits || (ch === "0" ? "0" : ch === "?" ? " " : "");
      else if (digits) {
        out[ti] = digits[digits.length - 1];
        digits = digits.slice(0, -1);
      } else out[ti] = ch === "0" ? "0" : ch === "?" ? " " : "";
    }
  }
  // Fraction digits: trailing zeros disappear under '#', become spaces under '?'.
  const fd = fracPart.split("");
  let keep = fd.length;
  while (keep > 0 && fd[keep - 1] === "0" && (toks[fracPh[keep - 1]] as { ch: string }).ch !== "0") keep--;
  fracPh.forEach((ti, k) => {
    const ch = (toks[ti] as { ch: string }).ch;
    out[ti] = k < keep ? fd[k] : ch === "?" ? " " : "";
  });
  if (expIdx >= 0) {
    const et = toks[expIdx] as { sign: string };
    const es = String(Math.abs(exponent)).padStart(expPh.length, "0");
    out[expIdx] = "E" + (exponent < 0 ? "-" : et.sign === "+" ? "+" : "");
    expPh.forEach((ti, k) => (out[ti] = k === 0 ? es.slice(0, es.length - expPh.length + 1) : es[es.length - expPh.length + k]));
  }
  toks.forEach((t, i) => {
    if (t.t === "lit") out[i] = t.s;
    else if (t.t === "point") out[i] = i === pointIdx ? "." : ".";
    else if (t.t === "percent") out[i] = "%";
    else if (t.t === "comma" && !(i > firstDigit && i < lastDigitBeforeEnd) && !(i > lastDigitAll)) out[i] = ",";
  });
  return (negativeSign ? "-" : "") + out.join("");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatDateSection(serial: number, toks: Tok[], date1904: boolean): string {
  if (serial < 0) return "#".repeat(10);
  const hasAmPm = toks.some((t) => t.t === "ampm");
  // Fractional seconds come from a "ss.0" pattern.
  let secDecimals = 0;
  toks.forEach((t, i) => {
    if (t.t === "date" && t.s.startsWith("s") && toks[i + 1]?.t === "point") {
      let k = i + 2;
      while (toks[k]?.t === "digit") {
        secDecimals++;
        k++;
      }
    }
  });
  const rounded = secDecimals ? serial : Math.round(serial * 86400) / 86400;
  const p = serialToParts(rounded, date1904);
  const out: string[] = [];
  // "m" means minutes right after an hour token or right before a seconds token.
  const dateIdx = toks.map((t, i) => (t.t === "date" ? i : -1)).filter((i) => i >= 0);
  const isMinute = (i: number): boolean => {
    const pos = dateIdx.indexOf(i);
    const prev = pos > 0 ? (toks[dateIdx[pos - 1]] as { s: string }).s : "";
    const next = pos < dateIdx.length - 1 ? (toks[dateIdx[pos + 1]] as { s: string }).s : "";
    return prev.startsWith("h") || next.startsWith("s");
  };
  const era = eraOf(p.y, p.mo, p.d);
  toks.forEach((t, i) => {
    if (t.t === "lit") out.push(t.s);
    else if (t.t === "ampm") out.push(t.s === "AM/PM" ? (p.h < 12 ? "AM" : "PM") : p.h < 12 ? "A" : "P");
    else if (t.t === "point") out.push(".");
    else if (t.t === "digit") {
      // digits after "ss." : fractional seconds
      const frac = (p.s % 1).toFixed(secDecimals).slice(2);
      let k = i;
      let n = 0;
      while (toks[k - 1]?.t === "digit") {
        k--;
        n++;
      }
      out.push(frac[n] ?? "0");
    } else if (t.t === "percent") out.push("%");
    else if (t.t === "comma") out.push(",");
    else if (t.t === "slash") out.push("/");
    else if (t.t === "at") out.push("");
    else if (t.t === "general") out.push(formatGeneral(serial));
    else if (t.t === "date") {
      const s = t.s;
      const c = s[0];
      if (c === "y") out.push(s.length <= 2 ? pad2(p.y % 100) : String(p.y));
      else if (c === "m" && isMinute(i)) out.push(s.length >= 2 ? pad2(p.mi) : String(p.mi));
      else if (c === "m") {
        if (s.length === 1) out.push(String(p.mo));
        else if (s.length === 2) out.push(pad2(p.mo));
        else if (s.length === 3) out.push(MONTHS[p.mo - 1].slice(0, 3));
        else if (s.length === 5) out.push(MONTHS[p.mo - 1][0]);
        else out.push(MONTHS[p.mo - 1]);
      } else if (c === "d") {
        if (s.length === 1) out.push(String(p.d));
        else if (s.length === 2) out.push(pad2(p.d));
        else if (s.length === 3) out.push(DAYS[p.wd].slice(0, 3));
        else out.push(DAYS[p.wd]);
      } else if (c === "h") {
        const h = s.length > 2 ? p.days * 24 + p.h : hasAmPm ? ((p.h + 11) % 12) + 1 : p.h;
        out.push(s.length >= 2 ? pad2(h) : String(h));
      } else if (c === "s") out.push(s.length >= 2 ? pad2(Math.floor(p.s)) : String(Math.floor(p.s)));
      else if (c === "e") out.push(s.length >= 2 ? pad2(era.year) : String(era.year));
      else if (c === "g") out.push(era.era ? (s.length === 1 ? era.era.abbr : s.length === 2 ? era.era.short : era.era.long) : "");
      else if (c === "a") out.push(s.length >= 4 ? JA_DAYS[p.wd] + "曜日" : JA_DAYS[p.wd]);
      else if (c === "b") out.push(String(p.y + 543));
      else out.push(s);
    }
  });
  return out.join("");
}

const cache = new Map<string, { sections: ReturnType<typeof tokenize>[] }>();

function compile(fmt: string) {
  let c = cache.get(fmt);
  if (!c) {
    c = { sections: splitSections(fmt).map(tokenize) };
    if (cache.size > 500) cache.clear();
    cache.set(fmt, c);
  }
  return c;
}

/** Displayed text of a number under `fmt`. */
export function formatNumber(x: number, fmt: string | undefined, date1904 = false): string {
  if (!Number.isFinite(x)) return "#NUM!";
  if (!fmt || fmt === "General" || fmt === "@") return formatGeneral(x);
  const { sections } = compile(fmt);
  let sec = sections[0];
  let neg = x < 0;
  if (sections.length >= 2 && !sections[0].hasCondition) {
    if (x < 0) {
      sec = sections[1];
      neg = false;
    } else if (x === 0 && sections.length >= 3) sec = sections[2];
  }
  if (sec.toks.length === 0) return "";
  if (sec.isDate) return formatDateSection(x, sec.toks, date1904);
  return formatNumberSection(x, sec.toks, neg);
}

/** Displayed text of a string under `fmt` (only a text section with @ changes it). */
export function formatText(s: string, fmt: string | undefined): string {
  if (!fmt || fmt === "General" || fmt === "@") return s;
  const { sections } = compile(fmt);
  const textSec = sections.length >= 4 ? sections[3] : sections.find((x) => x.toks.some((t) => t.t === "at"));
  if (!textSec) return s;
  return textSec.toks.map((t) => (t.t === "at" ? s : t.t === "lit" ? t.s : "")).join("");
}

/** True when the format shows dates or times (used to decide how ExcelJS Date values map to serials). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === "General") return false;
  return compile(fmt).sections.some((s) => s.isDate);
}
