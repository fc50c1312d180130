import type { SheetPlan } from "../../../src/core/model/sheet-plan";
import {
  charsToPoints,
  numberFormatMatrix,
  planExtent,
  planWriteOps,
  valueMatrix,
} from "../../../src/excel/excel-plan-writer";
import { emptyPlan } from "../../helpers/sheet-plan-fixture";

function plan(partial: Partial<SheetPlan>): SheetPlan {
  return emptyPlan({ role: "list", name: "評価一覧", ...partial });
}

describe("excel-plan-writer", () => {
  test("values get the exact rectangular shape: ragged rows padded, null as empty", () => {
    const p = plan({ rows: [["No", "事業名", "R"], [1, null], []] });
    expect(planExtent(p)).toEqual({ rows: 3, cols: 3 });
    expect(valueMatrix(p, 3, 3)).toEqual([
      ["No", "事業名", "R"],
      [1, "", ""],
      ["", "", ""],
    ]);
  });

  test("every string is written through the text format, whatever the plan says", () => {
    const p = plan({
      rows: [["=SUM(A1)", "+81-3", "-5", "@x", 0.5, "10%"]],
      formats: [{ range: { top: 0, left: 4, bottom: 0, right: 5 }, numberFormat: "0%" }],
    });
    expect(numberFormatMatrix(p, 1, 6)).toEqual([["@", "@", "@", "@", "0%", "@"]]);
  });

  test("formats beyond the values widen the extent; links are guarded too", () => {
    const p = plan({
      rows: [["a"]],
      formats: [{ range: { top: 0, left: 0, bottom: 4, right: 1 }, numberFormat: "0.0" }],
      links: [{ row: 2, col: 3, sheet: "表", address: "A5", text: "=表!5" }],
    });
    expect(planExtent(p)).toEqual({ rows: 5, cols: 4 });
    const m = numberFormatMatrix(p, 5, 4);
    expect(m[0]![0]).toBe("@");
    expect(m[1]![1]).toBe("0.0");
    expect(m[2]![3]).toBe("@");
    expect(m[4]![3]).toBe("General");
  });

  test("big sheets are split into row blocks whose measured request fits the budget", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [i, `事業${i}`, "x".repeat(200)]);
    const { data } = planWriteOps(plan({ rows }), 0, {
      features: { mergedAreas: true, pageLayout: true },
      blockBudget: 100_000,
      notes: [],
    });
    expect(data.length).toBeGreaterThan(4);
    for (const o of data) expect(o.bytes).toBeLessThanOrEqual(100_000);
    // Every payload byte is in the measure: the blocks together carry at least the JSON of the values.
    const payload = Buffer.byteLength(JSON.stringify(rows));
    expect(data.reduce((n, o) => n + o.bytes, 0)).toBeGreaterThan(payload);
  });

  test("links, charts, freeze panes, page layout and row autofit are cosmetics; values and styles are data", () => {
    const { data, cosmetics } = planWriteOps(
      plan({
        rows: [["a", "b"]],
        formats: [{ range: { top: 0, left: 0, bottom: 0, right: 1 }, style: "header" }],
        freeze: { rows: 1, cols: 0 },
        links: [{ row: 0, col: 0, sheet: "表", address: "A5", text: "a" }],
        pageLayout: { orientation: "landscape", fitToWidth: true },
      }),
      0,
      { features: { mergedAreas: true, pageLayout: true }, blockBudget: 100_000, notes: [] },
    );
    expect(data.every((o) => o.kind === undefined)).toBe(true);
    expect(cosmetics.map((o) => o.kind).sort()).toEqual(["autofit", "freeze", "links", "pageLayout"]);
  });

  test("page layout is skipped with a note below ExcelApi 1.9", () => {
    const notes: string[] = [];
    const ops = planWriteOps(plan({ rows: [["a"]], pageLayout: { orientation: "landscape", fitToWidth: true } }), 0, {
      features: { mergedAreas: false, pageLayout: false },
      blockBudget: 100_000,
      notes,
    });
    expect(ops.data).toHaveLength(2);
    // no page layout op; the row autofit (ExcelApi 1.2) is still there
    expect(ops.cosmetics.map((o) => o.kind)).toEqual(["autofit"]);
    // One plain sentence in each language (the pane links to the help for the version details).
    expect(notes[0]).toContain("印刷設定を書き込めない");
    expect(notes[0]).toContain("cannot set the page layout");
  });

  test("column widths in characters become points", () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
    expect(charsToPoints(10)).toBe(56.25);
  });
});
