/**
 * ExcelJS cell values → the RawValue a snapshot holds (what Office.js's
 * Range.values would report): strings, numbers, booleans, errors as their
 * text, formulas as their cached result, dates as serial numbers.
 */
import type { RawValue } from "../core/model/snapshot";

const DAY_MS = 86400000;

/** A JS Date as ExcelJS builds it (UTC midnight = serial day) → Excel serial number. */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / DAY_MS + (date1904 ? 24107 : 25569);
  // ExcelJS rounds to milliseconds when it reads; undo the float noise of the division.
  return Number(serial.toPrecision(15));
}

function richTextToString(v: { richText?: { text?: unknown }[] }): string {
  return (v.richText ?? []).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
}

/**
 * Normalise any ExcelJS cell value. Dates become serial numbers (the snapshot
 * keeps the cell's date format, so the core can tell they are dates).
 */
export function toRawValue(value: unknown, date1904: boolean): RawValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return value === "" ? null : value;
    case "number":
      return Number.isFinite(value) ? value : "#NUM!";
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : dateToSerial(value, date1904);
  }
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return v.error;
  if ("formula" in v || "sharedFormula" in v) {
    // the cached result; a formula that was never calculated has none
    return "result" in v ? toRawValue(v.result, date1904) : null;
  }
  if (Array.isArray(v.richText)) {
    const s = richTextToString(v as { richText: { text?: unknown }[] });
    return s === "" ? null : s;
  }
  if ("hyperlink" in v || "text" in v) {
    const t = v.text;
    if (typeof t === "string") return t === "" ? null : t;
    if (t && typeof t === "object") return toRawValue(t, date1904);
    return null;
  }
  if ("sharedString" in v) return null;
  return null;
}
