/**
 * Small builders for the core unit tests: indicator values from cell text,
 * rules with custom bands, and sheet snapshots built by hand.
 */
import { parseIndicatorValue, type IndicatorValue } from "../../../src/core/cells/parse-indicator-value";
import { compare, fractionText, rationalFromDecimalString, type Rational } from "../../../src/core/cells/exact-number";
import { DEFAULT_RULES, rulesSchema, type Rules } from "../../../src/core/model/settings";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { reviewWorkbook, type ReviewResult } from "../../../src/core/run-review";

/** A text cell as staff type it (value = displayed text, General format). */
export function cell(text: string): IndicatorValue {
  return parseIndicatorValue(text, text, "General");
}

/** A number cell shown through a number format. */
export function numCell(value: number, text: string, format: string): IndicatorValue {
  return parseIndicatorValue(value, text, format);
}

export function expectNumber(v: IndicatorValue): Extract<IndicatorValue, { kind: "number" }> {
  expect(v.kind).toBe("number");
  if (v.kind !== "number") throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
}

/** Exact equality of a rational with a decimal written by hand. */
export function expectExact(r: Rational, decimal: string): void {
  const want = rationalFromDecimalString(decimal);
  expect(compare(r, want) === 0 ? decimal : fractionText(r)).toBe(decimal);
}

export function rulesWith(partial: Partial<Rules>): Rules {
  return rulesSchema.parse({ ...DEFAULT_RULES, ...partial });
}

export const BANDS_110_80_50: Rules["bands"] = [
  { label: "A", min: 1.1 },
  { label: "B", min: 0.8 },
  { label: "C", min: 0.5 },
  { label: "D", min: null },
];

export const BANDS_110_90_60: Rules["bands"] = [
  { label: "A", min: 1.1 },
  { label: "B", min: 0.9 },
  { label: "C", min: 0.6 },
  { label: "D", min: null },
];

/** A cell of a hand-built sheet: a raw value, or value + displayed text + number format. */
export type CellSpec = RawValue | { v: RawValue; t?: string; f?: string };

export function sheetOf(name: string, rows: CellSpec[][]): SheetSnapshot {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormat: string[][] = [];
  for (const row of rows) {
    const vs: RawValue[] = [];
    const ts: string[] = [];
    const fs: string[] = [];
    for (let c = 0; c < width; c++) {
      const spec = c < row.length ? row[c]! : null;
      if (spec !== null && typeof spec === "object") {
        vs.push(spec.v);
        ts.push(spec.t ?? (spec.v === null ? "" : String(spec.v)));
        fs.push(spec.f ?? "General");
      } else {
        vs.push(spec === undefined ? null : spec);
        ts.push(spec === null || spec === undefined ? "" : String(spec));
        fs.push("General");
      }
    }
    values.push(vs);
    text.push(ts);
    numberFormat.push(fs);
  }
  return { name, visibility: "Visible", origin: { row: 0, col: 0 }, values, text, numberFormat, merges: [] };
}

export function workbookOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { source: "unit-test", sheets };
}

export function reviewSheets(sheets: SheetSnapshot[], rules: Rules = DEFAULT_RULES): ReviewResult {
  return reviewWorkbook(workbookOf(...sheets), rules, { existingSheetNames: sheets.map((s) => s.name) });
}

export const HEADER = ["No", "事業名", "評価指標", "目標", "実績", "自己評価"];
