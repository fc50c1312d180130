/**
 * 「報告書用ブックを作成」 through the pane's door: Excel.createWorkbook with the report's base64
 * where ExcelApi 1.8 has it, a download where it does not (and in the browser preview, whose
 * simulated Excel has no createWorkbook), a clear refusal where neither is possible.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { SimulatedExcel } from "../../../../src/preview/simulated-excel";
import { makePreviewGlobals } from "../../../../src/preview/preview-office";
import {
  createPaneHost,
  ReportWorkbookUnavailableError,
  type PaneHostApi,
} from "../../../../src/taskpane/host/pane-host";
import { buildReportWorkbook } from "../../../../src/xlsx/report-workbook";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";

const SAMPLE = path.join(__dirname, "..", "..", "..", "..", "assets", "sample-progress.xlsx");

let report: Uint8Array;
let generated: string[];

beforeAll(async () => {
  // The report of the sample as the pane builds it: the report plans of a recompute.
  const sim = await SimulatedExcel.fromFile(SAMPLE);
  const out = await createPaneHost({ Excel: sim.Excel, Office: sim.Office }).recompute(DEFAULT_RULES, () => undefined);
  generated = out.generated;
  report = await buildReportWorkbook(out.result.reportPlans);
}, 120_000);

async function sheetNamesOf(bytes: Uint8Array | Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

interface Saved {
  name: string;
  bytes: Uint8Array;
  type: string;
}

function withCreateWorkbook(sim: SimulatedExcel, calls: string[]): PaneHostApi {
  return {
    Office: sim.Office,
    Excel: {
      run: sim.Excel.run.bind(sim.Excel) as PaneHostApi["Excel"]["run"],
      async createWorkbook(base64?: string) {
        calls.push(base64 ?? "");
      },
    },
  };
}

test("ExcelApi 1.8: Excel.createWorkbook gets the report as base64 of an .xlsx with only the generated sheets; nothing is downloaded", async () => {
  const sim = await SimulatedExcel.fromFile(SAMPLE, { excelApiLevel: 8 });
  const calls: string[] = [];
  const saved: Saved[] = [];
  const host = createPaneHost(withCreateWorkbook(sim, calls), {
    saveFile: (name, bytes, type) => saved.push({ name, bytes, type }) > 0,
  });
  expect(await host.openReportWorkbook(report)).toEqual({ how: "opened" });
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatch(/^[A-Za-z0-9+/]+=*$/);
  const decoded = Buffer.from(calls[0]!, "base64");
  expect(decoded.equals(Buffer.from(report))).toBe(true);
  // What the report publishes (表3-N, 表4-N); the workbook keeps its three sheets, 要確認 among them.
  expect(await sheetNamesOf(decoded)).toEqual(["評価集計", "評価一覧"]);
  expect(generated).toEqual(["評価集計", "評価一覧", "要確認"]);
  expect(saved).toEqual([]);
});

test("ExcelApi 1.7 (Office 2019): no createWorkbook call even where the function exists; the report is downloaded as <workbook>_報告書.xlsx", async () => {
  const sim = await SimulatedExcel.fromFile(SAMPLE, { excelApiLevel: 7 });
  const calls: string[] = [];
  const saved: Saved[] = [];
  const host = createPaneHost(withCreateWorkbook(sim, calls), {
    saveFile: (name, bytes, type) => saved.push({ name, bytes, type }) > 0,
  });
  expect(await host.openReportWorkbook(report)).toEqual({ how: "downloaded", fileName: "sample-progress_報告書.xlsx" });
  expect(calls).toEqual([]);
  expect(saved.map((s) => [s.name, s.type])).toEqual([
    ["sample-progress_報告書.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ]);
  expect(await sheetNamesOf(saved[0]!.bytes)).toEqual(["評価集計", "評価一覧"]);
});

test("the browser preview's globals (no createWorkbook at any ExcelApi level): a download", async () => {
  const sim = await SimulatedExcel.fromFile(SAMPLE);
  const globals = makePreviewGlobals();
  globals.ready(sim);
  expect(globals.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
  const saved: Saved[] = [];
  const host = createPaneHost(
    { Excel: globals.Excel, Office: globals.Office },
    { saveFile: (name, bytes, type) => saved.push({ name, bytes, type }) > 0 },
  );
  expect(await host.openReportWorkbook(report)).toEqual({ how: "downloaded", fileName: "sample-progress_報告書.xlsx" });
  expect(saved).toHaveLength(1);
});

test("neither createWorkbook nor a download (an old webview): ReportWorkbookUnavailableError", async () => {
  const sim = await SimulatedExcel.fromFile(SAMPLE, { excelApiLevel: 7 });
  const host = createPaneHost({ Excel: sim.Excel, Office: sim.Office }, { saveFile: () => false });
  await expect(host.openReportWorkbook(report)).rejects.toBeInstanceOf(ReportWorkbookUnavailableError);
});

describe("a report workbook too large for one request of Excel on the web (5 MB)", () => {
  // 3,800,000 bytes are 5,066,668 characters of base64: over the 5,000,000-byte request limit.
  const big = new Uint8Array(3_800_000).map((_, i) => (i * 7919) % 251);

  function onPlatform(sim: SimulatedExcel, platform: string | undefined, calls: string[], refuse = false): PaneHostApi {
    const api = withCreateWorkbook(sim, calls);
    const create = api.Excel.createWorkbook!;
    return {
      Office: { context: { ...sim.Office.context, platform } },
      Excel: {
        run: api.Excel.run,
        async createWorkbook(base64?: string) {
          if (refuse) throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
          await create(base64);
        },
      },
    } as PaneHostApi;
  }

  test.each([["OfficeOnline"], [undefined]])("platform %s: downloaded instead, with the reason; createWorkbook is not called", async (platform) => {
    const sim = await SimulatedExcel.fromFile(SAMPLE, { excelApiLevel: 8 });
    const calls: string[] = [];
    const saved: Saved[] = [];
    const host = createPaneHost(onPlatform(sim, platform, calls), { saveFile: (name, bytes, type) => saved.push({ name, bytes, type }) > 0 });
    expect(await host.openReportWorkbook(big)).toEqual({ how: "downloaded", fileName: "sample-progress_報告書.xlsx", tooLarge: true });
    expect(calls).toEqual([]);
    expect(Buffer.from(saved[0]!.bytes).equals(Buffer.from(big))).toBe(true);
  });

  test("Excel on Windows takes it: opened in a new window", async () => {
    const sim = await SimulatedExcel.fromFile(SAMPLE, { excelApiLevel: 8 });
    const calls: string[] = [];
    const host = createPaneHost(onPlatform(sim, "PC", calls), { saveFile: () => true });
    expect(await host.openReportWorkbook(big)).toEqual({ how: "opened" });
    expect(calls).toHaveLength(1);
  });

  test("a smaller workbook Excel still refuses for its size: downloaded, with the reason", async () => {
    const sim = await SimulatedExcel.fromFile(SAMPLE, { excelApiLevel: 8 });
    const saved: Saved[] = [];
    const host = createPaneHost(onPlatform(sim, "OfficeOnline", [], true), { saveFile: (name, bytes, type) => saved.push({ name, bytes, type }) > 0 });
    expect(await host.openReportWorkbook(report)).toEqual({ how: "downloaded", fileName: "sample-progress_報告書.xlsx", tooLarge: true });
    expect(saved).toHaveLength(1);
  });
});
