/**
 * How Excel takes a value written through Range.values / Range.formulas: the same
 * parsing as typing into the cell. A string that starts with "=" (or "+" / "-" / "@"
 * followed by something that is not a number) becomes a formula; strings that read as
 * numbers, percentages, booleans or ISO dates become those — unless the cell's number
 * format is text ("@"), in which case the string is stored as typed.
 */
import { simError } from "./errors";
import { partsToSerial } from "../../core/format/serial-date";
import { CellErrorValue, type CellValue } from "./model";

export interface Coerced {
  v: CellValue;
  f?: string;
  /** Number format Excel applies when the cell was General (e.g. "0%" after typing "50%"). */
  autoFormat?: string;
}

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"]);

const NUM = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function parseNumeric(s: string): { n: number; fmt?: string } | null {
  let t = s.trim();
  if (!t) return null;
  let negParen = false;
  if (/^\(.*\)$/.test(t)) {
    negParen = true;
    t = t.slice(1, -1).trim();
  }
  let currency: string | null = null;
  const cur = /^([+-]?)([$¥￥])\s*/.exec(t);
  if (cur) {
    currency = cur[2] === "￥" ? "¥" : cur[2];
    t = cur[1] + t.slice(cur[0].length);
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (!/\d/.test(t) || !NUM.test(t)) return null;
  if (percent && currency) return null;
  let n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  if (negParen) n = -n;
  const grouped = t.includes(",");
  const decimals = /\.(\d+)/.exec(t)?.[1].length ?? 0;
  if (percent) return { n: n / 100, fmt: decimals > 0 ? "0.00%" : "0%" };
  if (currency) return { n, fmt: `"${currency}"#,##0${decimals > 0 ? ".00" : ""}` };
  if (grouped) return { n, fmt: decimals > 0 ? "#,##0.00" : "#,##0" };
  if (/e/i.test(t)) return { n, fmt: "0.00E+00" };
  return { n };
}

function parseDateTime(s: string, date1904: boolean): { n: number; fmt: string } | null {
  const t = s.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1) return null;
    let n = partsToSerial(y, mo, d, date1904);
    if (n < 0) return null;
    if (m[4] !== undefined) {
      n += (+m[4] * 3600 + +m[5] * 60 + (m[6] ? +m[6] : 0)) / 86400;
      return { n, fmt: "yyyy/m/d h:mm" };
    }
    return { n, fmt: "yyyy/m/d" };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const h = +m[1], mi = +m[2], sec = m[3] ? +m[3] : 0;
    if (h > 23 || mi > 59 || sec > 59) return null;
    return { n: (h * 3600 + mi * 60 + sec) / 86400, fmt: m[3] ? "h:mm:ss" : "h:mm" };
  }
  return null;
}

/** A light syntax check: Excel rejects formulas that do not parse (InvalidArgument). */
export function checkFormula(body: string): void {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inStr) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else inStr = false;
      }
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth < 0) break;
    }
  }
  const trimmed = body.trim();
  if (!trimmed || inStr || depth !== 0 || /[+\-*/^&=<>,(]$/.test(trimmed)) {
    throw simError("InvalidArgument", `The formula "=${body}" is not valid.`);
  }
}

/**
 * Coerces one written value. `undefined` means "leave the cell unchanged" (null in the 2-D array).
 * `textCell` is true when the cell's number format is "@".
 */
export function coerceInput(raw: unknown, textCell: boolean, date1904: boolean): Coerced | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw simError("InvalidArgument", "Numbers must be finite.");
    return { v: raw };
  }
  if (typeof raw === "boolean") return { v: raw };
  if (typeof raw !== "string") throw simError("InvalidArgument", `Cell values must be strings, numbers or booleans (got ${typeof raw}).`);
  const s = raw;
  if (s === "") return { v: null };
  if (textCell) return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (s.startsWith("=") && s.length > 1) {
    checkFormula(s.slice(1));
    return { v: null, f: s.slice(1) };
  }
  const num = parseNumeric(s);
  if (num) return { v: num.n, autoFormat: num.fmt };
  if (/^[+\-@]./s.test(s)) {
    // Excel reads a leading + - @ as the start of a formula, like typing it into the cell.
    const body = s[0] === "@" ? s : s;
    checkFormula(body);
    return { v: null, f: body };
  }
  const upper = s.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { v: upper === "TRUE" };
  if (ERRORS.has(upper)) return { v: new CellErrorValue(upper) };
  const dt = parseDateTime(s, date1904);
  if (dt) return { v: dt.n, autoFormat: dt.fmt };
  return { v: s };
}
