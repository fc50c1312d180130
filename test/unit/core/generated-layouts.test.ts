/** Our generated layouts recognised without a marker (issue 19, item 10), for the header rows of every version. */
import { recogniseGeneratedLayout } from "../../../src/core/generated-layouts";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";

function sheet(rows: string[][], origin = { row: 0, col: 0 }): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const text = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  return {
    name: "x",
    visibility: "Visible",
    origin,
    values: text.map((r) => r.map((t) => (t === "" ? null : t))),
    text,
    numberFormat: text.map((r) => r.map(() => "General")),
    merges: [],
  };
}

it.each([
  ["the current 評価一覧", ["評価", "No", "項目", "区分", "担当課", "評価指標", "目標", "実績", "達成率", "指標の評価", "項目の自己評価", "項目の採用評価", "理由", "元の行"], "list"],
  ["the first versions' 評価一覧", ["評価", "No", "項目", "区分", "担当課", "評価指標", "目標", "実績", "達成率", "提案評価", "自己評価", "採用評価", "理由", "元の行"], "list"],
  ["the English list", ["Evaluation", "No", "Item", "Group", "Department", "Indicator", "Target", "Actual", "Achievement", "Reason"], "list"],
  ["要確認", ["評価", "シート", "行", "内容", "元の行"], "review"],
  ["評価集計's title", ["表3-1 評価結果（ビジョン毎）"], "summary"],
  ["the first cut's title", ["表3-2 評価結果（R3）"], "summary"],
] as const)("%s", (_name, header, kind) => {
  expect(recogniseGeneratedLayout(sheet([[...header], ["A", "1"]]))).toBe(kind);
});

it("a progress sheet with a grade column, and one that only starts like ours, are data", () => {
  expect(recogniseGeneratedLayout(sheet([["No", "事業名", "担当課", "目標", "実績", "評価"]]))).toBeNull();
  expect(recogniseGeneratedLayout(sheet([["評価", "No", "項目", "区分", "担当課"]]))).toBeNull();
  expect(recogniseGeneratedLayout(sheet([["表3-1 評価結果（ビジョン毎）の元データ"]]))).toBeNull();
});
