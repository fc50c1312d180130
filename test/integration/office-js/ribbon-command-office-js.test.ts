/**
 * The built ribbon command (dist/commands.js) clicked in Excel for Windows as Microsoft's Office.js sees it:
 * office.js + excel-win32-16.01.js from @microsoft/office-js run in the realm, Excel's side is the simulated
 * host behind window.external (src/excel-sim). Every sync is real Office.js request JSON.
 *
 * Expected numbers: the fixtures' *.expected.json (from the published reports), the CLI's own output for the
 * same workbook, and for the boundary table first principles (100/100 = 100 % → A, 0.4/0.5 = 80 % → B,
 * 100/200 = 50 % → C: GRADING.md's bands A ≥ 100 %, B ≥ 80 %, C ≥ 50 %).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../src/preview/simulated-excel";
import { buildBundles, BUILD_TIMEOUT_MS, type BuiltBundles } from "../../helpers/built-bundles";
import { createOfficeJsRealm, type OfficeJsRealm } from "../../helpers/office-js-realm";
import { FIXTURES, SUITA, TOKORO } from "../excel/helpers";
import { noticeFromQuery, type Notice } from "../../../src/commands/recompute-command";

const REPO = path.join(__dirname, "..", "..", "..");
let built: BuiltBundles;
let tmp: string;

beforeAll(() => {
  built = buildBundles();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-ribbon-"));
}, BUILD_TIMEOUT_MS);

// Office.js in jsdom on a busy machine: seconds per click.
jest.setTimeout(180_000);

afterAll(() => {
  built?.remove();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The function file as Excel loads it: commands.html's page, office.js, then dist/commands.js. */
async function functionFile(sim: SimulatedExcel): Promise<OfficeJsRealm> {
  const realm = await createOfficeJsRealm({ sim, url: "https://localhost:3000/commands.html" });
  realm.runScript(path.join(built.dir, "commands.js"));
  await realm.whenAssociated("recomputeSummary");
  return realm;
}

/** Clicks 集計を更新; the user reads and closes each dialog it opens. */
async function click(realm: OfficeJsRealm): Promise<{ completed: boolean; notices: Notice[] }> {
  const notices: Notice[] = [];
  const watch = setInterval(() => {
    for (const d of realm.host.dialogs) {
      if (d.closed) continue;
      const url = new URL((JSON.parse(String(d.request)) as { url: string }).url);
      notices.push(noticeFromQuery(url.search)!);
      d.closeByUser();
    }
  }, 20);
  try {
    const outcome = await realm.host.invokeCommand("recomputeSummary");
    return { completed: outcome.completed, notices };
  } finally {
    clearInterval(watch);
  }
}

/** The values of a generated sheet, as ExcelJS reads them (rich text and formulas flattened). */
function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      // A formula's cached result; a link's text and target (the screen tip is the writer's own choice).
      if (v && typeof v === "object" && "result" in (v as object)) rows[r - 1]![c - 1] = (v as { result: unknown }).result;
      else if (v && typeof v === "object" && "hyperlink" in (v as object)) {
        const { text, hyperlink } = v as { text: unknown; hyperlink: unknown };
        rows[r - 1]![c - 1] = { text, hyperlink };
      } else rows[r - 1]![c - 1] = v;
    });
  });
  return rows;
}

/** What `progress-review summarize` writes for the same workbook. */
async function cliSummary(input: string): Promise<ExcelJS.Workbook> {
  const out = path.join(tmp, `${path.basename(input, ".xlsx")}-cli.xlsx`);
  execFileSync(process.execPath, [path.join(REPO, "bin", "progress-review.js"), "summarize", input, "--out", out], { cwd: REPO, stdio: "pipe" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

function textCells(ws: ExcelJS.Worksheet): string[] {
  return sheetValues(ws)
    .flat()
    .filter((v): v is string => typeof v === "string");
}

describe.each([
  [TOKORO, "tokorozawa-r3-list.expected.json"],
  [SUITA, "suita-5year-plan.expected.json"],
])("集計を更新 on %s through Microsoft's Office.js (Excel for Windows, ExcelApi 1.7)", (fixture, expectedFile) => {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, expectedFile), "utf8")) as {
    evaluations: { label: string; total: { counts: Record<string, number>; evaluated: number; percent: Record<string, number> } }[];
  };
  let sim: SimulatedExcel;
  let realm: OfficeJsRealm;
  let result: { completed: boolean; notices: Notice[] };

  beforeAll(async () => {
    sim = await SimulatedExcel.fromFile(path.join(FIXTURES, fixture), { excelApiLevel: 7 });
    realm = await functionFile(sim);
    result = await click(realm);
  });
  afterAll(() => realm?.close());

  test("Office.js loaded Microsoft's files only, and reports Excel at ExcelApi 1.7", () => {
    expect(realm.served).toEqual(["office.js", "excel-win32-16.01.js", "ja-jp/office_strings.js"]);
    expect(realm.refused).toEqual([]);
    const office = (realm.window as unknown as { Office: typeof Office }).Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
    expect(office.context.displayLanguage).toBe("ja-JP");
  });

  test("the event completes without any dialog, and the summary sheet is the active one", async () => {
    expect(result).toEqual({ completed: true, notices: [] });
    expect(realm.host.hostErrors).toEqual([]);
    const active = await sim.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.load("name");
      await ctx.sync();
      return s.name;
    });
    expect(active).toBe("評価集計");
  });

  test("the summary shows the report's totals for every evaluation", () => {
    const summary = sim.toExcelJs().getWorksheet("評価集計")!;
    const texts = textCells(summary);
    for (const ev of expected.evaluations) {
      expect(texts.some((t) => t.includes(`評価対象${ev.total.evaluated}件`))).toBe(true);
    }
  });

  test("the generated sheets equal what the CLI writes for the same workbook", async () => {
    const cli = await cliSummary(path.join(FIXTURES, fixture));
    const ours = sim.toExcelJs();
    for (const name of ["評価集計", "評価一覧", "要確認"]) {
      expect([name, sheetValues(ours.getWorksheet(name)!)]).toEqual([name, sheetValues(cli.getWorksheet(name)!)]);
    }
  });

  test("every request stayed under Excel on the web's 5 MB, measured on Office.js's own JSON", () => {
    expect(realm.richApi.exchanges.length).toBeGreaterThan(3);
    expect(realm.richApi.exchanges.filter((e) => e.error)).toEqual([]);
    expect(realm.richApi.maxRequestBytesSeen).toBeLessThan(5_000_000);
  });
});

/** target / actual on the band boundaries: 100 % (A), 80 % (B), 50 % (C). */
async function boundaryWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("進捗");
  ws.addRow(["No", "事業名", "担当課", "評価指標", "目標", "実績"]);
  ws.addRow([1, "窓口のオンライン化", "デジタル推進課", "手続数", 100, 100]);
  ws.addRow([2, "電子契約の導入", "契約課", "導入率", 0.5, 0.4]);
  ws.addRow([3, "キャッシュレス決済", "会計課", "対応窓口数", 200, 100]);
  await wb.xlsx.writeFile(file);
}

describe("集計を更新 on a table whose achievements are exactly on the band boundaries", () => {
  test("grades A / B / C, as the CLI does (fails while the ES5 bundle applies Math.pow to BigInts)", async () => {
    const file = path.join(tmp, "boundary.xlsx");
    await boundaryWorkbook(file);
    const sim = await SimulatedExcel.fromFile(file, { excelApiLevel: 7 });
    const realm = await functionFile(sim);
    try {
      const result = await click(realm);
      expect(result.notices.map((n) => n.lines.join(" "))).toEqual([]);
      expect(result.completed).toBe(true);
      const ours = sim.toExcelJs();
      const list = sheetValues(ours.getWorksheet("評価一覧")!).map((r) => r.filter((v) => typeof v === "string").join(" "));
      expect(list.find((r) => r.includes("窓口のオンライン化"))).toMatch(/\bA\b/);
      expect(list.find((r) => r.includes("電子契約の導入"))).toMatch(/\bB\b/);
      expect(list.find((r) => r.includes("キャッシュレス決済"))).toMatch(/\bC\b/);
      const cli = await cliSummary(file);
      expect(sheetValues(ours.getWorksheet("評価集計")!)).toEqual(sheetValues(cli.getWorksheet("評価集計")!));
    } finally {
      realm.close();
    }
  });
});

describe("a refused batch", () => {
  test("the event completes with a clear message and the user's workbook is as it was", async () => {
    const sim = await SimulatedExcel.fromFile(path.join(FIXTURES, TOKORO), { excelApiLevel: 7 });
    const before = sim.toExcelJs().worksheets.map((w) => [w.name, sheetValues(w)]);
    // Excel refuses the first batch (as in cell-edit mode): nothing of it runs.
    sim.setFailAtSync(1);
    const realm = await functionFile(sim);
    try {
      const result = await click(realm);
      expect(result.completed).toBe(true);
      expect(result.notices).toHaveLength(1);
      expect(result.notices[0]!.kind).toBe("error");
      expect(result.notices[0]!.lines[0]).toMatch(/ませんでした/);
      expect(realm.richApi.exchanges.filter((e) => e.error).map((e) => e.error)).toEqual(["GeneralException"]);
      expect(sim.toExcelJs().worksheets.map((w) => [w.name, sheetValues(w)])).toEqual(before);
    } finally {
      realm.close();
    }
  });
});
