/**
 * @jest-environment jsdom
 *
 * 「報告書用ブックを作成」 in the pane, with a fake PaneHost (the real one is tested on the simulated
 * host, the download end to end in the preview). The workbook is the published report's: golden
 * numbers are Tokorozawa's 表3-1 (vision 1, R3: A 16, B 3; REPORT.md §1).
 */
import { act, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../../../src/taskpane/App";
import { MessagesProvider, messagesFor, type PaneLanguage } from "../../../../src/taskpane/i18n/i18n";
import {
  ReportWorkbookUnavailableError,
  type PaneHost,
  type ReportWorkbookOutcome,
} from "../../../../src/taskpane/host/pane-host";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";
import type { ReviewResult } from "../../../../src/core/run-review";
import { reviewFixture } from "../../../helpers/review-fixture";

configure({ asyncUtilTimeout: 30000 });
jest.setTimeout(180_000);

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

let tokorozawa: ReviewResult;

beforeAll(async () => {
  tokorozawa = await reviewFixture("tokorozawa-r3-list.xlsx");
});

interface ReportHost extends PaneHost {
  received: Uint8Array[];
  release(): void;
}

/** A host that holds the report call until release() (to see the building state), then answers `outcome`. */
function fakeHost(outcome: () => Promise<ReportWorkbookOutcome>): ReportHost {
  let gate: () => void = () => undefined;
  const held = new Promise<void>((r) => (gate = r));
  const host: ReportHost = {
    received: [],
    release: () => gate(),
    async open() {
      return { rules: DEFAULT_RULES, result: tokorozawa, generated: [], stale: false, incomplete: false, notes: [] };
    },
    recompute: () => new Promise(() => undefined),
    async select() {},
    async watch() {
      return async () => undefined;
    },
    async openReportWorkbook(bytes) {
      host.received.push(bytes);
      await held;
      return outcome();
    },
  };
  return host;
}

function renderPane(host: PaneHost, lang: PaneLanguage = "ja") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MessagesProvider value={{ lang, t: messagesFor(lang) }}>
        <App host={host} />
      </MessagesProvider>
    </FluentProvider>,
  );
}

test("the button beside 「報告書用にコピー」 builds a workbook of the generated sheets only (表3-1 with its counts as numbers, no source sheet, no links) and hands it to the host", async () => {
  const user = userEvent.setup();
  const host = fakeHost(async () => ({ how: "downloaded", fileName: "tokorozawa-r3-list_報告書.xlsx" }));
  renderPane(host);
  const button = await screen.findByRole("button", { name: "報告書用ブックを作成" });
  const copy = screen.getByRole("button", { name: "報告書用にコピー" });
  expect(copy.parentElement).toBe(button.parentElement); // side by side in one row
  await user.click(button);
  // Building (and waiting for the host): the button says so and a second click does nothing.
  const busy = await screen.findByRole("button", { name: "作成中…" });
  expect((busy as HTMLButtonElement).disabled).toBe(true);
  await waitFor(() => expect(host.received).toHaveLength(1));
  await act(async () => host.release());
  await screen.findByText("報告書用ブック（集計シートのみ）「tokorozawa-r3-list_報告書.xlsx」をダウンロードしました。");
  expect(host.received).toHaveLength(1);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(host.received[0]!) as unknown as ArrayBuffer);
  // What the report publishes: 表3-N and 表4-1; the reviewers' 要確認 stays in the workbook.
  expect(wb.worksheets.map((w) => w.name)).toEqual(["評価集計", "評価一覧"]);
  expect(wb.getWorksheet("表4-1")).toBeUndefined(); // the fixture's source sheet stays out
  const summary = wb.getWorksheet("評価集計")!;
  expect(summary.getCell("A1").value).toBe("表3-1 評価結果（ビジョン毎）（R3）");
  const vision1 = summary.getRow(4);
  expect(String(vision1.getCell(1).value)).toMatch(/^1\. /);
  expect([
    vision1.getCell(2).value,
    vision1.getCell(3).value,
    vision1.getCell(4).value,
    vision1.getCell(5).value,
  ]).toEqual([16, 3, 0, 0]);
  expect(vision1.getCell(2).numFmt).toBe('0"件 (84%)"');
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { hyperlink?: string; formula?: string } | null;
        expect(typeof v === "object" && v !== null && ("hyperlink" in v || "formula" in v)).toBe(false);
      }),
    );
  // The published list: 表4-1's title, a vision heading, then the first system with its two grades.
  const list = wb.getWorksheet("評価一覧")!;
  expect(list.getCell("A1").value).toBe("表4-1 令和3年度進捗状況評価結果一覧");
  expect(String(list.getCell("A4").value)).toMatch(/^ビジョン1\. /);
  expect([1, 2, 3, 4, 5].map((c) => list.getRow(5).getCell(c).value)).toEqual([
    "10",
    "電子申請・届出サービスシステム",
    "デジタル戦略課",
    "A",
    "A",
  ]);
});

test("「報告書用にコピー」 puts 表3-1, 表3-2 and the 58-row 表4-1 on the clipboard as HTML tables with captions, and as text", async () => {
  const user = userEvent.setup();
  const written: Record<string, Blob>[] = [];
  const g = globalThis as unknown as { ClipboardItem?: unknown };
  const savedItem = g.ClipboardItem;
  g.ClipboardItem = class {
    constructor(public items: Record<string, Blob>) {}
  };
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: { write: async (items: { items: Record<string, Blob> }[]) => void written.push(items[0]!.items) },
  });
  try {
    const host = fakeHost(async () => ({ how: "opened" }));
    host.release();
    renderPane(host);
    await user.click(await screen.findByRole("button", { name: "報告書用にコピー" }));
    await screen.findByText(/表をコピーしました/);
    const read = (b: Blob) =>
      new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.readAsText(b);
      });
    const html = await read(written[0]!["text/html"]!);
    const text = await read(written[0]!["text/plain"]!);
    const doc = new DOMParser().parseFromString(html, "text/html");
    const tables = [...doc.querySelectorAll("table")];
    expect(tables.map((t) => t.previousElementSibling?.textContent)).toEqual([
      "表3-1 評価結果（ビジョン毎）（R3）",
      "表3-2 評価結果（ビジョン毎）（総括）",
      "表4-1 令和3年度進捗状況評価結果一覧",
    ]);
    const cells = (tr: Element) => [...tr.querySelectorAll("th,td")].map((c) => c.textContent);
    const r3 = [...tables[0]!.querySelectorAll("tbody tr")].map(cells);
    expect(r3[0]!.slice(1)).toEqual(["16件 (84%)", "3件 (16%)", "0件 (0%)", "0件 (0%)", "100%"]);
    const list = [...tables[2]!.querySelectorAll("tbody tr")].map(cells);
    expect(list.filter((r) => r.length === 5)).toHaveLength(58);
    expect(list.filter((r) => r.length === 1).map((r) => r[0]!.slice(0, 5))).toEqual(["ビジョン1", "ビジョン2", "ビジョン3"]);
    expect(text).toContain("23\t電子黒板整備\t教育センター\t-\tA");
  } finally {
    g.ClipboardItem = savedItem;
  }
});

test("opened in a new Excel window: said so (English pane)", async () => {
  const user = userEvent.setup();
  const host = fakeHost(async () => ({ how: "opened" }));
  host.release();
  renderPane(host, "en");
  await user.click(await screen.findByRole("button", { name: "Create report workbook" }));
  await screen.findByText("The report workbook (generated sheets only) opened in a new window.");
});

test("a host that can neither create a workbook nor download: a clear error message in Japanese, and the button works again", async () => {
  const user = userEvent.setup();
  const host = fakeHost(async () => {
    throw new ReportWorkbookUnavailableError();
  });
  host.release();
  renderPane(host);
  await user.click(await screen.findByRole("button", { name: "報告書用ブックを作成" }));
  await screen.findByText("報告書用ブックを作成できませんでした");
  expect(screen.getByText(/新しいブックを開くこともファイルをダウンロードすることもできません/)).toBeTruthy();
  expect(screen.getByText(/--report/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "報告書用ブックを作成" }) as HTMLButtonElement).disabled).toBe(false);
});

test("too large for Excel on the web to open: downloaded, and the pane says why and what to do", async () => {
  const user = userEvent.setup();
  const host = fakeHost(async () => ({ how: "downloaded", fileName: "大きな表_報告書.xlsx", tooLarge: true }));
  host.release();
  renderPane(host);
  await user.click(await screen.findByRole("button", { name: "報告書用ブックを作成" }));
  await screen.findByText(/報告書用ブックが大きすぎて（5 MB 超）.*「大きな表_報告書.xlsx」としてダウンロードしました。ダウンロードしたファイルを開いてください。/);
});
