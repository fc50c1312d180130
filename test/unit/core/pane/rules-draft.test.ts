import { DEFAULT_RULES, parseRules } from "../../../../src/core/model/settings";
import { applyDraft, draftOf, presetOf } from "../../../../src/core/pane/rules-draft";

test("the two presets give the bands of GRADING.md and of the 110 % variant, exactly", () => {
  const d = draftOf(DEFAULT_RULES);
  expect(d.preset).toBe("100-80-50");
  const r = applyDraft(DEFAULT_RULES, { ...d, preset: "110-80-50" });
  expect(r.ok && r.rules.bands).toEqual([
    { label: "A", min: 1.1 },
    { label: "B", min: 0.8 },
    { label: "C", min: 0.5 },
    { label: "D", min: null },
  ]);
  if (r.ok) expect(presetOf(r.rules)).toBe("110-80-50");
});

test("custom bands: full-width digits are read, an unordered or non-numeric band is refused at its field", () => {
  const d = { ...draftOf(DEFAULT_RULES), preset: "custom" as const };
  const ok = applyDraft(DEFAULT_RULES, { ...d, mins: ["１２０", "90", "60"] });
  expect(ok.ok && ok.rules.bands.map((b) => b.min)).toEqual([1.2, 0.9, 0.6, null]);
  const bad = applyDraft(DEFAULT_RULES, { ...d, mins: ["80", "90", "x"] });
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["minB", "minC"]);
});

test("sheet names: blank or duplicate names are refused; a name Excel cannot take is refused at the field (as --rules refuses it)", () => {
  const d = draftOf(DEFAULT_RULES);
  const blank = applyDraft(DEFAULT_RULES, { ...d, sheetNames: { ...d.sheetNames, list: " " } });
  expect(!blank.ok && blank.errors["sheetNames.list"]?.ja).toBe("シート名を入力してください");
  const dup = applyDraft(DEFAULT_RULES, { ...d, sheetNames: { summary: "集計", list: "集計", review: "要確認" } });
  expect(dup.ok).toBe(false);
  const odd = applyDraft(DEFAULT_RULES, { ...d, sheetNames: { ...d.sheetNames, summary: "評価/集計" } });
  expect(!odd.ok && odd.errors["sheetNames.summary"]?.ja).toContain("使えない文字");
  expect(parseRules({ sheetNames: { summary: "評価/集計" } }).ok).toBe(false);
  const fine = applyDraft(DEFAULT_RULES, { ...d, sheetNames: { ...d.sheetNames, summary: "評価集計R3" } });
  if (fine.ok) expect(parseRules(fine.rules).ok).toBe(true);
  expect(fine.ok).toBe(true);
});
