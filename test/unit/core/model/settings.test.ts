/**
 * Rules are checked for meaning (issue 8, item 5): bands that would give grades
 * contradicting their own reasons, misspelt keys and unusable sheet names are
 * refused with a message naming the field.
 */
import { DEFAULT_RULES, parseRules } from "../../../../src/core/model/settings";

const band = (label: string, min: number | null) => ({ label, min });
const refused = (input: unknown) => {
  const r = parseRules(input);
  if (r.ok) throw new Error("accepted: " + JSON.stringify(input));
  return r.message;
};

describe("bands", () => {
  it("accepts the defaults and custom descending bands", () => {
    expect(parseRules({}).ok).toBe(true);
    expect(parseRules({ bands: [band("S", 1.1), band("A", 1), band("B", 0.5), band("C", null)] }).ok).toBe(true);
  });

  it("refuses ascending or equal minimums", () => {
    expect(refused({ bands: [band("A", 0.5), band("B", 0.8), band("C", 1), band("D", null)] })).toMatch(
      /bands\.1\.min: .*strictly descending/,
    );
    expect(refused({ bands: [band("A", 0.8), band("B", 0.8), band("D", null)] })).toMatch(/bands\.1\.min/);
  });

  it("refuses negative and absurd minimums", () => {
    expect(refused({ bands: [band("A", 1), band("B", -0.5), band("D", null)] })).toMatch(/bands\.1\.min/);
    expect(refused({ bands: [band("A", 80), band("B", 0.5), band("D", null)] })).toMatch(/bands\.0\.min/);
  });

  it("refuses duplicate labels", () => {
    expect(refused({ bands: [band("A", 1), band("A", 0.5), band("D", null)] })).toMatch(
      /bands\.1\.label: .*used twice/,
    );
  });

  it("needs exactly one open-ended band, and it is the last", () => {
    expect(refused({ bands: [band("A", null), band("B", 0.8), band("D", null)] })).toMatch(
      /bands\.0\.min: .*only the last band/,
    );
    expect(refused({ bands: [band("A", 1), band("B", 0.8), band("C", 0.5)] })).toMatch(/bands\.2\.min: .*open-ended/);
  });
});

describe("unknown keys", () => {
  it("are refused with the field's name and a hint for a near miss", () => {
    expect(refused({ Bands: DEFAULT_RULES.bands })).toContain('unknown field "Bands" (did you mean "bands"?)');
    expect(refused({ yaer: 2020 })).toContain('unknown field "yaer" (did you mean "year"?)');
    expect(refused({ sheetNames: { sumary: "集計" } })).toContain(
      'unknown field "sheetNames.sumary" (did you mean "summary"?)',
    );
    expect(refused({ bands: [{ label: "A", mni: 1 }, band("D", null)] })).toContain('"bands.0.mni"');
    expect(refused({ columnOverrides: { 表: { headerRows: 2 } } })).toContain(
      'unknown field "columnOverrides.表.headerRows" (did you mean "headerRow"?)',
    );
  });

  it("a key far from every field gets no hint", () => {
    const m = refused({ colour: "red" });
    expect(m).toContain('unknown field "colour"');
    expect(m).not.toContain("did you mean");
  });
});

describe("sheet names", () => {
  it.each([
    ["a/b", "\\*"],
    ["集計[1]", "\\["],
    ["'集計'", "apostrophe"],
    ["history", "History"],
    ["あ".repeat(32), "31"],
    ["", "empty"],
  ])("refuses %j at parse time", (name, why) => {
    expect(refused({ sheetNames: { summary: name } })).toMatch(new RegExp(`sheetNames\\.summary: .*${why}`));
  });

  it("refuses the same name for two roles and the settings sheet's name", () => {
    expect(refused({ sheetNames: { summary: "集計", list: "集計" } })).toMatch(/sheetNames\.list/);
    expect(refused({ sheetNames: { review: "ProgressReview_Settings" } })).toMatch(/settings sheet/);
  });

  it("keeps the defaults for roles not given", () => {
    const r = parseRules({ sheetNames: { summary: "集計表" } });
    expect(r.ok && r.rules.sheetNames).toEqual({ summary: "集計表", list: "評価一覧", review: "要確認" });
  });
});
