/**
 * The ExcelJS port: which sheets applyPlans may replace, the settings sheet,
 * and all-or-nothing writes.
 */
import ExcelJS from "exceljs";
import path from "path";
import type { SheetPlan } from "../../../src/core/model/sheet-plan";
import { DEFAULT_RULES, type StoredState } from "../../../src/core/model/settings";
import { SETTINGS_SHEET_NAME, encodeState } from "../../../src/core/settings-store";
import { recompute } from "../../../src/core/recompute";
import { createXlsxPort } from "../../../src/xlsx/xlsx-port";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");

function plan(name: string, role: SheetPlan["role"], text = name): SheetPlan {
  return {
    role,
    name,
    rows: [[text]],
    formats: [],
    merges: [],
    columnWidths: [],
    links: [],
    conditionalFormats: [],
    charts: [],
  };
}

function state(generated: { role: SheetPlan["role"]; name: string }[], fingerprint = "f1"): StoredState {
  return {
    format: "progress-review/1",
    rules: DEFAULT_RULES,
    generated,
    fingerprint,
    generatedAt: "2026-01-01T00:00:00.000Z",
  };
}

/** A workbook as a user has it after an earlier run: data, a user's own 評価集計, and two generated sheets. */
function workbookAfterEarlierRun(): { wb: ExcelJS.Workbook; previous: StoredState } {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("進捗");
  data.getCell("A1").value = "元データ";
  data.getCell("B2").value = 42;
  const mine = wb.addWorksheet("評価集計");
  mine.getCell("A1").value = "利用者のシート";
  wb.addWorksheet("評価集計 (2)").getCell("A1").value = "old summary";
  wb.addWorksheet("評価一覧").getCell("A1").value = "old list";
  const previous = state([
    { role: "summary", name: "評価集計 (2)" },
    { role: "list", name: "評価一覧" },
  ]);
  const st = wb.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
  encodeState(previous).forEach((chunk, i) => (st.getCell(i + 1, 1).value = chunk));
  return { wb, previous };
}

async function saveAndReload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

describe("XlsxWorkbookPort.applyPlans", () => {
  it("replaces only the previously generated sheets; the user's 評価集計 is untouched", async () => {
    const { wb, previous } = workbookAfterEarlierRun();
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    expect(await port.readState()).toEqual(previous);
    const next = state([
      { role: "summary", name: "評価集計 (2)" },
      { role: "list", name: "評価一覧" },
      { role: "review", name: "要確認" },
    ]);
    await port.applyPlans(
      [plan("評価集計 (2)", "summary", "new summary"), plan("評価一覧", "list", "new list"), plan("要確認", "review")],
      previous,
      next,
    );

    const back = await saveAndReload(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual([
      "進捗",
      "評価集計",
      "評価集計 (2)",
      "評価一覧",
      "要確認",
      SETTINGS_SHEET_NAME,
    ]);
    expect(back.getWorksheet("評価集計")!.getCell("A1").value).toBe("利用者のシート");
    expect(back.getWorksheet("進捗")!.getCell("B2").value).toBe(42);
    expect(back.getWorksheet("評価集計 (2)")!.getCell("A1").value).toBe("new summary");
    expect(back.getWorksheet("評価一覧")!.getCell("A1").value).toBe("new list");
  });

  it("a generated sheet may not take a user's sheet name; nothing changes then", async () => {
    const { wb, previous } = workbookAfterEarlierRun();
    const before = wb.worksheets.map((w) => w.name);
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await expect(
      port.applyPlans([plan("評価集計", "summary")], previous, state([{ role: "summary", name: "評価集計" }])),
    ).rejects.toThrow(/user's sheet/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(before);
    expect(wb.getWorksheet("評価集計")!.getCell("A1").value).toBe("利用者のシート");
    expect(wb.getWorksheet("評価一覧")!.getCell("A1").value).toBe("old list");
  });

  it("an invalid plan (overlapping merges) is refused before anything is written", async () => {
    const { wb, previous } = workbookAfterEarlierRun();
    const before = wb.worksheets.map((w) => w.name);
    const bad = {
      ...plan("評価一覧", "list"),
      merges: [
        { top: 0, left: 0, bottom: 2, right: 2 },
        { top: 1, left: 1, bottom: 3, right: 3 },
      ],
    };
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await expect(port.applyPlans([plan("要確認", "review"), bad], previous, state([]))).rejects.toThrow(/overlap/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(before);
  });

  it("without a previous state no sheet is deleted", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("データ").getCell("A1").value = 1;
    wb.addWorksheet("評価一覧 (2)").getCell("A1").value = "a user's sheet with a generated-looking name";
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    expect(await port.readState()).toBeNull();
    await port.applyPlans([plan("評価一覧", "list")], null, state([{ role: "list", name: "評価一覧" }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["データ", "評価一覧 (2)", "評価一覧", SETTINGS_SHEET_NAME]);
  });
});

describe("settings sheet", () => {
  it("round trip through a saved file: very hidden, column A as text, same state back", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("データ").getCell("A1").value = 1;
    const next: StoredState = {
      ...state([{ role: "list", name: "評価一覧" }]),
      // big enough to need several cells of column A
      rules: {
        ...DEFAULT_RULES,
        year: 2020,
        directionOverrides: Object.fromEntries(
          Array.from({ length: 3000 }, (_, i) => [`指標${i}（待ち時間）`, "lower" as const]),
        ),
      },
    };
    await createXlsxPort(wb, { source: "t.xlsx" }).applyPlans([plan("評価一覧", "list")], null, next);
    const back = await saveAndReload(wb);
    const st = back.getWorksheet(SETTINGS_SHEET_NAME)!;
    expect(st.state).toBe("veryHidden");
    expect(st.getCell("A1").value).toBe("progress-review-settings/1");
    expect(st.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(st.getCell("A3").numFmt).toBe("@");
    const port = createXlsxPort(back, { source: "t.xlsx" });
    expect(await port.readState()).toEqual(next);
    expect(port.warnings).toEqual([]);
    // the snapshot never shows the settings sheet
    expect((await port.readSnapshot()).sheets.map((s) => s.name)).toEqual(["データ", "評価一覧"]);
  });

  it.each([
    ["no marker", ["something else", "{}"]],
    ["broken JSON", ["progress-review-settings/1", '{"format":"progress-review/1","rules":{']],
    ["JSON of the wrong shape", ["progress-review-settings/1", '{"format":"other"}']],
    ["a number where text belongs", [12345]],
  ])("a malformed settings sheet (%s) reads as no state plus a warning", async (_what, columnA) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("データ").getCell("A1").value = 1;
    const st = wb.addWorksheet(SETTINGS_SHEET_NAME, { state: "veryHidden" });
    (columnA as unknown[]).forEach((v, i) => (st.getCell(i + 1, 1).value = v as ExcelJS.CellValue));
    const port = createXlsxPort(wb, { source: "t.xlsx" });
    await expect(port.readState()).resolves.toBeNull();
    expect(port.warnings).toHaveLength(1);
    expect(port.warnings[0]).toMatch(/settings/);
    // and the next write replaces it with good settings
    const next = state([{ role: "list", name: "評価一覧" }]);
    await port.applyPlans([plan("評価一覧", "list")], null, next);
    expect(wb.worksheets.filter((w) => w.name === SETTINGS_SHEET_NAME)).toHaveLength(1);
    expect(await createXlsxPort(wb, { source: "t.xlsx" }).readState()).toEqual(next);
  });
});

describe("recompute through the ExcelJS port (real core)", () => {
  it("a second run replaces the generated sheets instead of adding more", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, "tokorozawa-r3-list.xlsx"));
    const userSheets = wb.worksheets.map((w) => w.name);
    await recompute(createXlsxPort(wb, { source: "t" }));
    const afterFirst = wb.worksheets.map((w) => w.name);
    expect(afterFirst).toEqual(expect.arrayContaining(["評価集計", "評価一覧", "要確認"]));

    const again = await saveAndReload(wb);
    await recompute(createXlsxPort(again, { source: "t" }));
    expect(again.worksheets.map((w) => w.name)).toEqual(afterFirst);
    expect(again.worksheets.slice(0, userSheets.length).map((w) => w.name)).toEqual(userSheets);
  });
});
