import fs from "node:fs";
import path from "node:path";
import { REPORT_LABELS_JA, reportTableHtml, reportTableText } from "../../../../src/core/pane/report-table";
import type { Evaluation } from "../../../../src/core/model/summary";

const expected = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "fixtures", "tokorozawa-r3-list.expected.json"), "utf8"));
const r3: Evaluation = { ...expected.evaluations[0], items: [], review: [] };

test("表3-1 as text: one line per group and the total, with counts, percents, evaluated, excluded and A+B", () => {
  const lines = reportTableText(r3, REPORT_LABELS_JA).trimEnd().split("\n");
  expect(lines[0]).toBe("評価結果（R3）");
  expect(lines[1]).toBe("区分\tA\tB\tC\tD\t評価数\t対象外\tA+B");
  expect(lines[lines.length - 1]).toBe("合計\t50（88%）\t7（12%）\t0（0%）\t0（0%）\t57\t1\t100%");
  expect(lines).toHaveLength(2 + r3.groups.length + 1);
});

test("表3-1 as HTML: a table whose text is escaped", () => {
  const ev = { ...r3, groups: [{ ...r3.groups[0]!, name: "<b>A&B</b>" }] };
  const html = reportTableHtml(ev, REPORT_LABELS_JA);
  expect(html.startsWith("<table")).toBe(true);
  expect(html).toContain("&lt;b&gt;A&amp;B&lt;/b&gt;");
  expect(html).not.toContain("<b>");
});
