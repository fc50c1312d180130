/** Footnotes that list items stay short: the first 20 names, then how many more and where they are. */
import { EN, JA } from "../../../../src/core/i18n/sheet-labels";

const names = (n: number) => Array.from({ length: n }, (_, i) => `事業${i + 1}`);

test("a short list is written whole", () => {
  expect(JA.footExcluded(names(3))).toBe("※評価対象外（3件）：事業1、事業2、事業3");
});

test("8,333 excluded items: 20 names, then 「ほか 8313 件（要確認シート参照）」", () => {
  const ja = JA.footExcluded(names(8333));
  expect(ja).toBe(`※評価対象外（8333件）：${names(20).join("、")}ほか 8313 件（要確認シート参照）`);
  expect(EN.footExcluded(names(8333))).toBe(`* Not evaluated (8333): ${names(20).join(", ")} and 8313 more (see the review sheet)`);
});

test("a very long name is cut with …, whole characters only", () => {
  const ja = JA.footExcluded(["𠮷".repeat(100)]);
  expect(ja).toBe(`※評価対象外（1件）：${"𠮷".repeat(59)}…`);
});
