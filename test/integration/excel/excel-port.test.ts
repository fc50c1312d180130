/**
 * The Office.js adapter end to end, through the strict simulated host
 * (src/preview/simulated-excel.ts): same summary as the xlsx path, user
 * sheets untouched, idempotent, all-or-nothing under faults, few syncs.
 */
import ExcelJS from "exceljs";
import { recompute } from "../../../src/core/recompute";
import { DEFAULT_RULES, rulesSchema } from "../../../src/core/model/settings";
import { SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import { createXlsxPort } from "../../../src/xlsx/xlsx-port";
import { NOTE_NO_MERGED_AREAS, NOTE_NO_PAGE_LAYOUT } from "../../../src/excel/excel-requirements";
import {
  digestOf,
  loadWorkbook,
  NOW,
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
  test("the summary equals the xlsx path's, in at most 4 syncs, every batch under 5 MB", async () => {
    const viaXlsx = await recompute(createXlsxPort(await loadWorkbook(fixture), { source: fixture }), { now: NOW });
    const sim = await simOfFixture(fixture);
    sim.resetStats();
    const { result } = await recomputeIn(sim);
    expect(result.summary).toEqual(viaXlsx.summary);
    expect(result.plans.map((p) => p.name)).toEqual(viaXlsx.plans.map((p) => p.name));
    expect(sim.stats.syncs).toBeLessThanOrEqual(4);
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

  test("a second recompute gives the same workbook", async () => {
    const sim = await simOfFixture(fixture);
    await recomputeIn(sim);
    const first = withoutWriteMarker(await digestOf(sim));
    const firstInspect = sim.inspect();
    sim.resetStats();
    await recomputeIn(sim);
    expect(sim.stats.syncs).toBeLessThanOrEqual(4);
    expect(withoutWriteMarker(await digestOf(sim))).toEqual(first);
    expect(normaliseIds(sim.inspect())).toEqual(normaliseIds(firstInspect));
  });

  test("a fault at any sync of a recompute leaves the workbook as it was", async () => {
    // How many syncs the second run takes when nothing fails.
    const probe = await simOfFixture(fixture);
    await recomputeIn(probe);
    probe.resetStats();
    await recomputeIn(probe, { rules: CHANGED_RULES });
    const n = probe.stats.syncs;
    expect(n).toBeGreaterThanOrEqual(3);

    for (let k = 1; k <= n; k++) {
      const sim = await simOfFixture(fixture);
      await recomputeIn(sim);
      const before = await digestOf(sim);
      const beforeInspect = normaliseIds(sim.inspect());
      sim.resetStats();
      sim.setFailAtSync(k);
      await expect(recomputeIn(sim, { rules: CHANGED_RULES })).rejects.toThrow();
      expect({ k, sheets: await digestOf(sim) }).toEqual({ k, sheets: before });
      expect(normaliseIds(sim.inspect())).toEqual(beforeInspect);
    }
  });
});

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

/** The settings sheet's B1 marks which write stored the state; it differs from run to run by design. */
function withoutWriteMarker(sheets: SheetDigest[]): SheetDigest[] {
  return sheets.map((s) => {
    if (s.name !== SETTINGS_SHEET_NAME) return s;
    const cells = { ...s.cells };
    delete cells["B1"];
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
    const state = await port.readState();
    await port.readSnapshot();
    const plan = {
      role: "summary" as const,
      name: user,
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
      generated: [{ role: "summary" as const, name: user }],
      fingerprint: null,
      generatedAt: null,
    };
    await expect(port.applyPlans([plan], state, next)).rejects.toMatchObject({ kind: "write" });
    expect(await digestOf(sim)).toEqual(before);
  });
});
