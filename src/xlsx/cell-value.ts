/**
 * ExcelJS cell values → the RawValue a snapshot holds (what Office.js's
 * Range.values would report): strings, numbers, booleans, errors as their
 * text, formulas as their cached result, dates as serial numbers.
 */
import type ExcelJS from "exceljs";
import type { RawValue } from "../core/model/snapshot";

// Builtins bound once: under jest's vm sandbox every global lookup (Math, Number, String) is slow.
const { isFinite: isFiniteNumber, isNaN: isNaNNumber } = Number;
const toStr = String;
const toNum = Number;
const DateCtor = Date;

const DAY_MS = 86400000;

/** A JS Date as ExcelJS builds it (UTC midnight = serial day) → Excel serial number. */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / DAY_MS + (date1904 ? 24107 : 25569);
  // ExcelJS rounds to milliseconds when it reads; undo the float noise of the division.
  return toNum(serial.toPrecision(15));
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
      return isFiniteNumber(value) ? value : "#NUM!";
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return toStr(value);
  }
  if (value instanceof DateCtor) {
    return isNaNNumber(value.getTime()) ? null : dateToSerial(value, date1904);
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

// ExcelJS ValueType numbers (lib/doc/enums.js), inlined for speed.
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_FORMULA = 6;
const T_BOOLEAN = 9;
const T_ERROR = 10;

export interface CellRaw {
  value: RawValue;
  /** The value was a date (the cell's own value or a formula's cached result). */
  isDate: boolean;
}

/**
 * One cell → RawValue, by the cell's type. Reads a formula's cached result
 * through `cell.result`: ExcelJS's `cell.value` drops a result of 0, "" or false.
 */
export function cellToRaw(cell: ExcelJS.Cell, date1904: boolean): CellRaw {
  switch (cell.type as number) {
    case T_NUMBER: {
      const v = cell.value as number;
      return { value: isFiniteNumber(v) ? v : "#NUM!", isDate: false };
    }
    case T_STRING: {
      const v = cell.value as string;
      return { value: v === "" ? null : v, isDate: false };
    }
    case T_BOOLEAN:
      return { value: cell.value as boolean, isDate: false };
    case T_DATE:
      return { value: toRawValue(cell.value, date1904), isDate: true };
    case T_ERROR:
      return { value: toRawValue(cell.value, date1904), isDate: false };
    case T_FORMULA: {
      const result = cell.result as unknown;
      return { value: toRawValue(result, date1904), isDate: result instanceof DateCtor };
    }
    default:
      return { value: toRawValue(cell.value, date1904), isDate: false };
  }
}
