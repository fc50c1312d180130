/**
 * The built task pane (dist/taskpane.html + taskpane.js and its chunks, served as Excel loads them) on
 * Microsoft's Office.js in a jsdom webview, the simulated Excel behind it (ExcelApi 1.14, Office 2021):
 * open → 集計を更新 → この行 (a cell selected in Excel) → 設定 saved, asserting what the user sees.
 * Expected numbers: ../../fixtures/tokorozawa-r3-list.expected.json (from the published report).
 */
import fs from "fs";
import path from "path";
import { fireEvent, waitFor, within } from "@testing-library/dom";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { buildBundles, BUILD_TIMEOUT_MS, type BuiltBundles } from "../../helpers/built-bundles";
import { createOfficeJsRealm, type OfficeJsRealm } from "../../helpers/office-js-realm";
import { FIXTURES, TOKORO } from "../excel/helpers";

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8")) as {
  evaluations: { total: { evaluated: number; excluded: number; percent: Record<string, number> }; excludedItems: string[] }[];
};

jest.setTimeout(180_000);

let built: BuiltBundles;
let sim: SimulatedExcel;
let realm: OfficeJsRealm;
let doc: Document;

beforeAll(async () => {
  built = buildBundles();
  sim = await SimulatedExcel.fromFile(path.join(FIXTURES, TOKORO), { excelApiLevel: 14 });
  realm = await createOfficeJsRealm({
    sim,
    html: fs.readFileSync(path.join(built.dir, "taskpane.html"), "utf8"),
    url: "https://localhost:3000/taskpane.html",
    siteDir: built.dir,
  });
  doc = realm.window.document as unknown as Document;
  await realm.loadSiteScript("taskpane.js");
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  realm?.close();
  built?.remove();
});

const pane = () => within(doc.body);
const until = <T>(f: () => T, timeout = 60_000) => waitFor(f, { timeout, container: doc.body });

function sheetNames(): string[] {
  return sim.toExcelJs().worksheets.map((w) => w.name);
}

test("open: the pane reads the workbook and shows the report's totals before anything is written", async () => {
  await until(() => pane().getByText(/集計シートはまだ作成していません/));
  const text = doc.body.textContent ?? "";
  const r3 = expected.evaluations[0]!.total;
  expect(text).toContain(`評価数${r3.evaluated}`);
  expect(text).toContain(`対象外${r3.excluded}`);
  expect(text).toContain(`${r3.percent.A}%`);
  expect(sheetNames()).toEqual(["表4-1"]);
  // The pane listens for selections and edits on the worksheets collection (ExcelApi 1.9+), through Office.js.
  expect(realm.richApi.events.map((e) => `${e.on}.${e.event}`).sort()).toEqual([
    "WorksheetCollection.Added",
    "WorksheetCollection.DataChanged",
    "WorksheetCollection.Deleted",
    "WorksheetCollection.SelectionChanged",
  ]);
});

test("集計を更新 writes the three generated sheets and says so", async () => {
  fireEvent.click(pane().getByRole("button", { name: "集計を更新" }));
  await until(() => pane().getByText(/集計しました（評価集計・評価一覧・要確認）/));
  expect(sheetNames()).toEqual(expect.arrayContaining(["表4-1", "評価集計", "評価一覧", "要確認"]));
  expect(realm.richApi.exchanges.filter((e) => e.error)).toEqual([]);
});

test("この行: selecting the excluded item's cell in Excel shows that item, not graded, with its own reason", async () => {
  fireEvent.click(pane().getByRole("tab", { name: "この行" }));
  await until(() => pane().getByText(/進捗表のセルを選択すると/));
  const name = expected.evaluations[0]!.excludedItems[0]!;
  let row = 0;
  sim
    .toExcelJs()
    .getWorksheet("表4-1")!
    .eachRow((r, n) => r.eachCell((c) => void (c.value === name && (row = n))));
  expect(row).toBeGreaterThan(0);
  const id = await sim.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("表4-1");
    ws.load("id");
    await ctx.sync();
    return ws.id;
  });
  expect(realm.host.raiseWorksheetEvent("SelectionChanged", id, { address: `C${row}` })).toBe(1);
  await until(() => pane().getAllByText(new RegExp(name)));
  const adopted = [...doc.querySelectorAll("[data-field=adopted]")].map((e) => e.textContent);
  expect(adopted[0]).toBe("評価なし（-）");
});

test("設定: choosing A ≥ 110% and saving stores the rule in the workbook", async () => {
  fireEvent.click(pane().getByRole("tab", { name: "設定" }));
  await until(() => pane().getByText("保存して集計を更新"));
  fireEvent.click(pane().getByLabelText(/A ≥ 110%/));
  // A person's two clicks are two tasks: the pane renders the choice in between (Preact renders after the event's
  // microtasks, not inside the event as React DOM does).
  await new Promise((resolve) => setTimeout(resolve, 0));
  fireEvent.click(pane().getByRole("button", { name: "保存して集計を更新" }));
  await until(() => {
    const st = sim.toExcelJs().getWorksheet("ProgressReview_Settings");
    const values: string[] = [];
    st?.eachRow((r) => r.eachCell((c) => void (typeof c.value === "string" && values.push(c.value))));
    expect(values.join("")).toContain('{"label":"A","min":1.1}');
  });
  // …and the recompute it started finishes with the new rule (the pane is idle and says so).
  await until(() => {
    expect(doc.querySelector("main")!.getAttribute("aria-busy")).toBe("false");
    pane().getByText(/集計しました（評価集計・評価一覧・要確認）/);
  });
  expect(realm.refused).toEqual([]);
});
