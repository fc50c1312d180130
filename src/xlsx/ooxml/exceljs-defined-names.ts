/**
 * ExcelJS writes a sheet's print area and print titles as `'<name>'!$A$1:$D$3` without doubling the apostrophes
 * of the name, so a sheet named O'Neil gets the invalid `'O'Neil'!…` (LibreOffice cannot resolve it, Excel
 * repairs the file). Every sheet reference we write goes through quoteSheetName (core/a1-address.ts); this puts
 * ExcelJS's defined names through it too.
 */
import { quoteSheetName } from "../../core/a1-address";
import { parseDefinedNames, parseSheets, definedNameXml } from "../package/workbook-xml";

/** A reference after the sheet prefix: cells, whole rows or columns, with or without $. */
const REF = /^\$?[A-Z]{0,3}\$?\d*(?::\$?[A-Z]{0,3}\$?\d*)?/;

/**
 * `formula` with each of ExcelJS's unquoted-apostrophe prefixes of `sheet` (`'It's'!$1:$1,'It's'!$A:$B`)
 * written through quoteSheetName; anything else is returned as it was.
 */
export function requoteSheetRefs(formula: string, sheet: string): string {
  if (!sheet.includes("'")) return formula;
  const naive = `'${sheet}'!`;
  const parts: string[] = [];
  let pos = 0;
  while (pos < formula.length) {
    if (!formula.startsWith(naive, pos)) return formula;
    pos += naive.length;
    const ref = REF.exec(formula.slice(pos))?.[0] ?? "";
    if (!ref) return formula;
    parts.push(`${quoteSheetName(sheet)}!${ref}`);
    pos += ref.length;
    if (pos < formula.length) {
      if (formula[pos] !== ",") return formula;
      pos++;
    }
  }
  return parts.join(",");
}

/** An ExcelJS workbook.xml with its sheet-scoped names' references quoted properly. */
export function requoteExcelJsNames(workbookXml: string): string {
  const sheets = parseSheets(workbookXml);
  let out = workbookXml;
  for (const n of parseDefinedNames(workbookXml)) {
    const sheet = n.localSheetId === null ? undefined : sheets[n.localSheetId];
    if (!sheet) continue;
    const fixed = requoteSheetRefs(n.formula, sheet.name);
    if (fixed !== n.formula) out = out.replace(n.xml, definedNameXml(n.name, fixed, n.localSheetId, n.hidden));
  }
  return out;
}
