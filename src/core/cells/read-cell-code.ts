/**
 * One target / actual / baseline cell → what grading needs of it, as numbers: its kind (number, blank, excluded
 * word, error, unreadable), its value and whether it carries a cap (以内 / 以下 / 未満 / まで). The common cell is
 * read by the character-code scanner into a reused result with no allocation; any other cell goes through
 * parseIndicatorValue, so both give the same reading (a property test compares them).
 */
import type { RawValue } from "../model/snapshot";
import {
  formatUnit,
  isDateFormat,
  unitFromFormat,
  parseIndicatorValue,
  type IndicatorValue,
} from "./parse-indicator-value";
import * as scanner from "./scan-number-text";
import { sameUnit } from "./same-unit";

// Local bindings: run through tsx, every use of an imported binding is a getter call, and these are used per cell.
const { scanNumberText } = scanner;

export const CELL_BLANK = 0;
export const CELL_NUMBER = 1;
export const CELL_EXCLUDED = 2;
export const CELL_ERROR = 3;
export const CELL_UNREADABLE = 4;

export interface CellReading {
  kind: number;
  /** The value when kind is CELL_NUMBER (percent as a fraction). */
  value: number;
  /** A cap that makes lower better (GRADING.md §2 rule 2): 以内, 以下, 未満, まで. */
  lowerQualifier: boolean;
  /**
   * The unit of a number as a span of `unitSource` (the cell's text, or the unit itself), so that reading a cell
   * allocates nothing: `readingUnit` slices it when it is needed; "" for none, "%" for a percent. A target and an
   * actual in other units are not divided (`sameReadingUnit`).
   */
  unitSource: string;
  unitStart: number;
  unitEnd: number;
  /** The years of a period target (3年間で100% → 3), else 0. */
  periodYears: number;
}

export function newCellReading(): CellReading {
  return {
    kind: CELL_BLANK,
    value: 0,
    lowerQualifier: false,
    unitSource: "",
    unitStart: 0,
    unitEnd: 0,
    periodYears: 0,
  };
}

const MAGNITUDE = "\u0000";

/** Unit of a number format, answered once per distinct format. */
const formatUnits = new Map<string, string>();
function unitOfFormat(format: string): string {
  if (format === "General" || format === "") return "";
  let u = formatUnits.get(format);
  if (u === undefined) {
    if (formatUnits.size > 4096) formatUnits.clear();
    // A format that shows a magnitude (#,##0"万冊") scales the value: such cells go the long way (MAGNITUDE).
    formatUnits.set(format, (u = /^[千万億兆]/.test(unitFromFormat(format) ?? "") ? MAGNITUDE : formatUnit(format)));
  }
  return u;
}

function setUnit(out: CellReading, source: string, start: number, end: number): void {
  out.unitSource = source;
  out.unitStart = start;
  out.unitEnd = end;
}

/** The unit of a reading as a string ("" for none). */
export function readingUnit(r: CellReading): string {
  return r.unitStart === 0 && r.unitEnd === r.unitSource.length
    ? r.unitSource
    : r.unitSource.slice(r.unitStart, r.unitEnd);
}

/** Can two readings be divided: either has no unit, or both have the same (compared by character code first). */
export function sameReadingUnit(a: CellReading, b: CellReading): boolean {
  const n = a.unitEnd - a.unitStart;
  if (n === 0 || b.unitEnd === b.unitStart) return true;
  if (n === b.unitEnd - b.unitStart) {
    let same = true;
    for (let k = 0; same && k < n; k++)
      same = a.unitSource.charCodeAt(a.unitStart + k) === b.unitSource.charCodeAt(b.unitStart + k);
    if (same) return true;
  }
  return sameUnit(readingUnit(a), readingUnit(b));
}

/** Scanner qualifier codes (QUALIFIER_CODES order: 以内 以下 未満 以上 まで 超) that cap a target. */
const LOWER_CODE = [true, true, true, false, true, false];
const LOWER_QUALIFIERS = new Set(["以内", "以下", "未満", "まで"]);

/** Is a number format a date? Asked per cell, answered once per distinct format. */
const dateFormats = new Map<string, boolean>();
function isDate(format: string): boolean {
  if (format === "General" || format === "") return false;
  let d = dateFormats.get(format);
  if (d === undefined) {
    if (dateFormats.size > 4096) dateFormats.clear();
    dateFormats.set(format, (d = isDateFormat(format)));
  }
  return d;
}

function fromValue(v: IndicatorValue, out: CellReading): void {
  out.value = 0;
  out.lowerQualifier = false;
  setUnit(out, "", 0, 0);
  switch (v.kind) {
    case "number":
      out.kind = CELL_NUMBER;
      out.value = v.value;
      if (v.unit) setUnit(out, v.unit, 0, v.unit.length);
      out.periodYears = v.periodYears ?? 0;
      out.lowerQualifier = v.qualifier !== null && LOWER_QUALIFIERS.has(v.qualifier);
      return;
    case "blank":
      out.kind = CELL_BLANK;
      return;
    case "excluded":
      out.kind = CELL_EXCLUDED;
      return;
    case "error":
      out.kind = CELL_ERROR;
      return;
    case "unreadable":
      out.kind = CELL_UNREADABLE;
      return;
  }
}

function isBlankText(s: string): boolean {
  // cleanText(s) === "" exactly when trimming leaves nothing (line breaks and U+3000 are white space to trim).
  return s.length === 0 || s.trim() === "";
}

/** Reads a cell into `out` (reused by the caller; nothing is allocated for the common cell). */
export function readCellCode(value: RawValue, text: string, format: string, out: CellReading): void {
  out.periodYears = 0;
  if (typeof value === "string") {
    const s = scanNumberText(value);
    if (s !== null) {
      out.kind = CELL_NUMBER;
      out.value = s.value;
      out.lowerQualifier = s.qualifier >= 0 && LOWER_CODE[s.qualifier]!;
      if (s.unitIsPercent) setUnit(out, "%", 0, 1);
      else setUnit(out, value, s.unitStart, s.unitEnd);
      return;
    }
    if (isBlankText(value)) {
      out.kind = CELL_BLANK;
      out.value = 0;
      out.lowerQualifier = false;
      return;
    }
  } else if (
    typeof value === "number" &&
    Number.isFinite(value) &&
    !isDate(format) &&
    unitOfFormat(format) !== MAGNITUDE
  ) {
    // The displayed text can carry a cap through the format (15"分以内"): the scanner reads it when it is of the
    // common form; anything else (words before the number, "or less") goes the long way.
    if (text === "") {
      out.kind = CELL_NUMBER;
      out.value = value;
      out.lowerQualifier = false;
      const u = unitOfFormat(format);
      setUnit(out, u, 0, u.length);
      return;
    }
    const s = scanNumberText(text);
    if (s !== null) {
      out.kind = CELL_NUMBER;
      out.value = value;
      out.lowerQualifier = s.qualifier >= 0 && LOWER_CODE[s.qualifier]!;
      const u = unitOfFormat(format);
      setUnit(out, u, 0, u.length);
      return;
    }
  } else if (value === null || value === undefined) {
    out.kind = CELL_BLANK;
    out.value = 0;
    out.lowerQualifier = false;
    return;
  }
  fromValue(parseIndicatorValue(value, text, format), out);
}
