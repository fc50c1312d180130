/**
 * Sheet references we write (issue 19, item 5): one quoting function, checked against Excel's grammar for a
 * quoted sheet name (ECMA-376 part 1, 18.17: a sheet name in apostrophes, an apostrophe inside doubled) for
 * names with apostrophes, brackets, spaces, digits first and full-width characters; and ExcelJS's print area /
 * print titles (written with the apostrophes undoubled) put through it.
 */
import fc from "fast-check";
import { quoteSheetName } from "../../../../src/core/a1-address";
import { requoteExcelJsNames, requoteSheetRefs } from "../../../../src/xlsx/ooxml/exceljs-defined-names";

/** Reads `'quoted name'!REF` the way a spreadsheet does: [name, ref], or null when it is not one reference. */
function readQuotedRef(text: string): [string, string] | null {
  if (text[0] !== "'") return null;
  let name = "";
  let i = 1;
  for (;;) {
    if (i >= text.length) return null;
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        name += "'";
        i += 2;
        continue;
      }
      break;
    }
    name += text[i++];
  }
  if (text[i + 1] !== "!") return null;
  return [name, text.slice(i + 2)];
}

/** Sheet names Excel accepts (1–31 characters, none of []:*?/\, not beginning or ending with an apostrophe). */
const sheetName = fc
  .array(
    fc.oneof(
      fc.constantFrom("'", " ", "(", ")", "【", "】", "（", "）", "!", ",", "-", "1", "2", "Ａ", "１", "　", "評", "価", "é", "😀"),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    { minLength: 1, maxLength: 31 },
  )
  .map((cs) =>
    [...cs.join("")].map((ch) => ("[]:*?/\\".includes(ch) || ch.charCodeAt(0) < 32 ? "x" : ch)).join(""),
  )
  .filter((n) => n.length >= 1 && n.length <= 31 && !n.startsWith("'") && !n.endsWith("'"));

const ref = fc.constantFrom("$A$1:$D$3", "$1:$2", "$A:$B", "A1", "$B$5");

it("quoteSheetName: read back, every name is itself and the reference after it intact", () => {
  fc.assert(
    fc.property(sheetName, ref, (name, r) => {
      expect(readQuotedRef(`${quoteSheetName(name)}!${r}`)).toEqual([name, r]);
    }),
  );
});

it("ExcelJS's unquoted-apostrophe prefixes become quoteSheetName's (one reference or a list)", () => {
  fc.assert(
    fc.property(sheetName, fc.array(ref, { minLength: 1, maxLength: 3 }), (name, refs) => {
      const naive = refs.map((r) => `'${name}'!${r}`).join(",");
      const fixed = requoteSheetRefs(naive, name);
      expect(fixed).toBe(refs.map((r) => `${quoteSheetName(name)}!${r}`).join(","));
      // idempotent: a reference already quoted properly is left alone
      expect(requoteSheetRefs(fixed, name)).toBe(fixed);
    }),
  );
});

it("a workbook.xml as ExcelJS writes it for a sheet named O'Neil (2): print area and titles quoted", () => {
  const xml =
    `<workbook><sheets><sheet name="進捗" sheetId="1" r:id="rId1"/><sheet name="O'Neil (2)" sheetId="2" r:id="rId2"/></sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'O'Neil (2)'!$A$1:$D$3</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">'O'Neil (2)'!$1:$2</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'進捗'!$A$1:$B$2</definedName></definedNames></workbook>`;
  const out = requoteExcelJsNames(xml);
  expect(out).toContain(`localSheetId="1">'O''Neil (2)'!$A$1:$D$3</definedName>`);
  expect(out).toContain(`localSheetId="1">'O''Neil (2)'!$1:$2</definedName>`);
  expect(out).toContain(`localSheetId="0">'進捗'!$A$1:$B$2</definedName>`);
});
