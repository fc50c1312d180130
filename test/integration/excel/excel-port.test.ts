/**
 * The Office.js adapter end to end, through the strict simulated host
 * (src/preview/simulated-excel.ts): same summary as the xlsx path, user
 * sheets untouched, idempotent and in place, user data safe under faults,
 * few syncs.
 */
import ExcelJS from "exceljs";
import { reviewWorkbook } from "../../../src/core/run-review";
import { readOwnership } from "../../../src/core/recompute";
import { DEFAULT_RULES, rulesSchema } from "../../../src/core/model/settings";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import { createXlsxPort } from "../../../src/xlsx/xlsx-port";
import { NOTE_NO_MERGED_AREAS, NOTE_NO_PAGE_LAYOUT } from "../../../src/excel/excel-requirements";
import {
  digestOf,
  loadWorkbook,
  portOf,
  recomputeIn,
  simOf,
  simOfFixture,
  SUITA,
  TOKORO,
  type SheetDigest,
} from "./helpers";

const FIXTURE_NAMES = [TOKORO, SUITA];
const CHANGED_RULES = rulesSchema.parse({
  ...DEFAULT_RULES,
  bands: [
    { label: "A", min: 1.1 },
    { label: "B", min: 0.9 },
    { label: "C", min: 0.6 },
    { label: "D", min: null },
  ],
});

describe.each(FIXTURE_NAMES)("Excel adapter on %s", (fixture) => {
  test("the summary equals the xlsx path's, in at most 5 syncs, every batch under 5 MB", async () => {
    // The file path's reading of the same workbook (the xlsx port's snapshot) through the same core.
    const snapshot = await createXlsxPort(await loadWorkbook(fixture), { source: fixture }).readSnapshot();
    const viaXlsx = reviewWorkbook(snapshot, DEFAULT_RULES);
    const sim = await simOfFixture(fixture);
    sim.resetStats();
    const { result } = await recomputeIn(sim);
    expect(result.summary).toEqual(viaXlsx.summary);
    expect(result.plans.map((p) => p.name)).toEqual(viaXlsx.plans.map((p) => p.name));
    expect(sim.stats.syncs).toBeLessThanOrEqual(5);
    expect(sim.stats.maxBatchBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  test("user sheets are unchanged cell for cell; generated and settings sheets are added", async () => {
    const sim = await simOfFixture(fixture);
    const before = await digestOf(sim);
    const { result } = await recomputeIn(sim);
    const generated = new Set(result.plans.map((p) => p.name));
    const after = await digestOf(sim);
    const userAfter = after.filter((s) => !generated.has(s.name) && s.name !== SETTINGS_SHEET_NAME);
    expect(userAfter).toEqual(before);
    expect(after.map((s) => s.name)).toEqual([
      ...before.map((s) => s.name),
      ...result.plans.map((p) => p.name),
      SETTINGS_SHEET_NAME,
    ]);
    expect(after.find((s) => s.name === SETTINGS_SHEET_NAME)!.state).toBe("veryHidden");
  });

  test("a second recompute gives the same workbook, in the same worksheets (ids kept)", async () => {
    const sim = await simOfFixture(fixture);
    await recomputeIn(sim);
    const first = withoutWriteMarker(await digestOf(sim));
    const firstInspect = sim.inspect();
    const firstIds = await sheetIds(sim);
    sim.resetStats();
    await recomputeIn(sim);
    expect(sim.stats.syncs).toBeLessThanOrEqual(5);
    expect(withoutWriteMarker(await digestOf(sim))).toEqual(first);
    expect(normaliseIds(sim.inspect())).toEqual(normaliseIds(firstInspect));
    expect(await sheetIds(sim)).toEqual(firstIds);
  });

  test("a fault at any sync: user sheets as they were, and the next recompute gives a clean run's workbook", async () => {
    // A clean second run with changed rules, and how many syncs it takes.
    const probe = await simOfFixture(fixture);
    await recomputeIn(probe);
    probe.resetStats();
    await recomputeIn(probe, { rules: CHANGED_RULES });
    const n = probe.stats.syncs;
    expect(n).toBeGreaterThanOrEqual(4);
    const clean = withoutWriteMarker(await digestOf(probe));

    for (let k = 1; k <= n; k++) {
      const sim = await simOfFixture(fixture);
      const { result } = await recomputeIn(sim);
      const ours = new Set([...result.plans.map((p) => p.name), SETTINGS_SHEET_NAME]);
      const userBefore = await digestOf(sim, (name) => !ours.has(name));
      sim.setFailAtSync(k);
      const outcome = await recomputeIn(sim, { rules: CHANGED_RULES }).then(
        (r) => ({ ok: true as const, warnings: r.result.warnings }),
        (e: unknown) => ({ ok: false as const, error: e }),
      );
      // A failed read or data sync is an error; a failed cosmetic sync a warning.
      if (!outcome.ok) expect(["ExcelReadError", "ExcelWriteError"]).toContain((outcome.error as Error).name);
      else expect(outcome.warnings.join("\n")).toContain("データは書き込み済み");
      expect({ k, user: await digestOf(sim, (name) => !ours.has(name)) }).toEqual({ k, user: userBefore });
      await recomputeIn(sim, { rules: CHANGED_RULES });
      expect({ k, all: withoutWriteMarker(await digestOf(sim)) }).toEqual({ k, all: clean });
    }
  });
});

async function sheetIds(sim: { Excel: { run<T>(b: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> } }) {
  return sim.Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/id");
    await ctx.sync();
    return sheets.items.map((w) => `${w.name}:${w.id}`);
  });
}

/**
 * Chart and conditional-format ids differ between runs, and the simulated host records a
 * chart's position as an address on the sheet it was created on (the temporary one);
 * what the sheets show must not differ.
 */
function normaliseIds(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x), (k, v) =>
    k === "id" ? undefined : /^position\./.test(k) && typeof v === "string" ? v.replace(/^.*!/, "") : v,
  );
}

/**
 * The settings sheet's B1 marks which write stored the state, and its JSON holds the time and the ids of the
 * workbook and runs; they differ from run to run by design.
 */
function withoutWriteMarker(sheets: SheetDigest[]): SheetDigest[] {
  const ids = /"(workbookId|runId)":"[A-Za-z0-9]*"/g;
  return sheets.map((s) => {
    if (s.name !== SETTINGS_SHEET_NAME) return s;
    const cells: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.cells)) {
      if (k === "B1") continue;
      const d = v as { value: unknown };
      cells[k] = typeof d.value === "string" ? { ...d, value: d.value.replace(ids, "") } : d;
    }
    return { ...s, cells };
  });
}

describe("Excel adapter: text from the source stays text", () => {
  test("names beginning with = + - @ land as text in 評価一覧", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("進捗");
    ws.addRow(["No", "事業名", "担当課", "評価指標", "目標", "実績", "自己評価"]);
    const names = ["=SUM(A1)", "+81-3", "-5", "@x"];
    names.forEach((name, i) => ws.addRow([i + 1, name, "情報政策課", "件数", 100, 120, "A"]));
    const sim = await simOf(wb);
    const { result } = await recomputeIn(sim);
    const list = result.plans.find((p) => p.role === "list")!;
    const out = await sim.toExcelJs();
    const sheet = out.getWorksheet(list.name)!;
    const found = new Map<string, ExcelJS.Cell>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && names.includes(cell.value)) found.set(cell.value, cell);
      }),
    );
    for (const name of names) {
      const cell = found.get(name);
      expect({ name, type: cell?.type, numFmt: cell?.numFmt }).toEqual({
        name,
        type: ExcelJS.ValueType.String,
        numFmt: "@",
      });
    }
  });
});

describe("Excel adapter: requirement sets", () => {
  test("ExcelApi 1.7 (Office 2019): works without merged areas and page layout, with notes", async () => {
    const sim = await simOfFixture(TOKORO, { excelApiLevel: 7 });
    const { port, result } = await recomputeIn(sim);
    expect(result.plans.length).toBeGreaterThan(0);
    expect(port.notes).toContain(NOTE_NO_MERGED_AREAS);
    expect(port.notes).toContain(NOTE_NO_PAGE_LAYOUT);
    const names = (await sim.toExcelJs()).worksheets.map((w) => w.name);
    for (const p of result.plans) expect(names).toContain(p.name);
  });

  test("ExcelApi 1.6: a clear error before anything is read or written", async () => {
    const sim = await simOfFixture(TOKORO, { excelApiLevel: 6 });
    const before = await digestOf(sim);
    sim.resetStats();
    const err = await recomputeIn(sim).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "UnsupportedExcelError", kind: "unsupported" });
    expect((err as Error).message).toContain("ExcelApi 1.7 以降");
    expect((err as Error).message).toContain("ExcelApi 1.7 or later is required");
    expect(sim.stats.syncs).toBe(0);
    expect(await digestOf(sim)).toEqual(before);
  });
});

describe("Excel adapter: never takes a user's sheet", () => {
  test("a plan named like a user sheet is rejected and nothing changes", async () => {
    const sim = await simOfFixture(TOKORO);
    const before = await digestOf(sim);
    const user = before[0]!.name;
    const port = portOf(sim);
    const ownership = await readOwnership(port);
    await port.readSnapshot();
    const owner = { role: "summary" as const, workbookId: ownership.workbookId, runId: "run000001" };
    const plan = {
      role: "summary" as const,
      name: user,
      owner,
      rows: [["x"]],
      formats: [],
      merges: [],
      columnWidths: [],
      links: [],
      conditionalFormats: [],
      charts: [],
    };
    const next = {
      format: "progress-review/1" as const,
      rules: DEFAULT_RULES,
      workbookId: ownership.workbookId,
      generated: [{ role: "summary" as const, name: user, runId: owner.runId }],
      fingerprint: null,
      generatedAt: null,
    };
    await expect(port.applyPlans([plan], ownership, next)).rejects.toMatchObject({ kind: "write" });
    expect(await digestOf(sim)).toEqual(before);
  });
});
