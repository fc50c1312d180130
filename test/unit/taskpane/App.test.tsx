/**
 * @jest-environment jsdom
 *
 * The pane's views with a fake PaneHost (the real one is tested on the simulated host, and the
 * whole pane end to end in the preview). Numbers come from the fixtures' expected summaries.
 */
import fs from "node:fs";
import path from "node:path";
import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../../src/taskpane/App";
import { MessagesProvider, messagesFor, type PaneLanguage } from "../../../src/taskpane/i18n/i18n";
import type { OpenState, PaneHost, ProgressStep, WatchHandlers } from "../../../src/taskpane/host/pane-host";
import { NOTE_NO_MERGED_AREAS } from "../../../src/excel/excel-requirements";
import { DEFAULT_RULES, type Rules } from "../../../src/core/model/settings";
import type { ReviewResult } from "../../../src/core/run-review";
import type { SummaryJson } from "../../../src/core/model/summary";
import { ExcelWriteError } from "../../../src/excel/excel-errors";

// Views load on demand and the suite shares 2 cores with other builds: wait longer than the defaults (axe on a
// whole view took over 60 s on a loaded machine).
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(180_000);

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const tokorozawa: SummaryJson = JSON.parse(fs.readFileSync(path.join(FIXTURES, "tokorozawa-r3-list.expected.json"), "utf8"));

function resultOf(summary: SummaryJson, extra: Partial<ReviewResult> = {}): ReviewResult {
  // The expected files hold the 表3-1 numbers; items and review lists are added by the tests that need them.
  const evaluations = summary.evaluations.map((e) => ({ ...e, items: e.items ?? [], review: e.review ?? [] }));
  return { summary: { ...summary, evaluations }, plans: [], reportPlans: [], wording: { noun: "システム", keyHeader: "P.", groupHeading: null }, fingerprint: "f", warnings: [], layouts: [], skippedSheets: [], ...extra };
}

interface Fake extends PaneHost {
  handlers: WatchHandlers | null;
  recomputeCalls: Rules[];
  selectCalls: [string, number, number][];
  finish(): void;
  fail(e: unknown): void;
  progress: ((step: ProgressStep, f: number) => void) | null;
}

function fakeHost(open: Partial<OpenState> = {}): Fake {
  let resolve: (() => void) | null = null;
  let reject: ((e: unknown) => void) | null = null;
  const fake: Fake = {
    handlers: null,
    recomputeCalls: [],
    selectCalls: [],
    progress: null,
    async open() {
      return { rules: DEFAULT_RULES, result: resultOf(tokorozawa), generated: ["評価集計"], stale: false, incomplete: false, notes: [], ...open };
    },
    recompute(rules, onProgress) {
      fake.recomputeCalls.push(rules);
      fake.progress = onProgress;
      return new Promise((res, rej) => {
        resolve = () => res({ result: resultOf(tokorozawa), generated: ["評価集計", "評価一覧", "要確認"], notes: [] });
        reject = rej;
      });
    },
    async select(sheet, row, col) {
      fake.selectCalls.push([sheet, row, col]);
    },
    async watch(h) {
      fake.handlers = h;
      return async () => void (fake.handlers = null);
    },
    async openReportWorkbook() {
      return { how: "opened" as const };
    },
    finish: () => resolve?.(),
    fail: (e) => reject?.(e),
  };
  return fake;
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

test("the result shows the published 表3-1 numbers of the total and of each group, with a chart that names its grades", async () => {
  renderPane(fakeHost());
  const total = await screen.findByRole("group", { name: "合計" }).catch(() => screen.findByLabelText("合計"));
  const ev = tokorozawa.evaluations[0]!;
  expect(within(total).getByText(String(ev.total.evaluated))).toBeTruthy();
  expect(within(total).getByText(`${ev.total.aOrBPercent}%`)).toBeTruthy();
  const chart = within(total).getByRole("img");
  expect(chart.getAttribute("aria-label")).toContain(`A ${ev.total.counts.A}件`);
  for (const g of ev.groups) expect(screen.getByLabelText(g.name)).toBeTruthy();
});

test("recompute: progress by step, disabled while running (a second click does nothing), focus on the result afterwards", async () => {
  const user = userEvent.setup();
  const host = fakeHost();
  renderPane(host);
  const button = await screen.findByRole("button", { name: "集計を更新" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await user.click(button);
  act(() => host.progress?.("analyse", 0.4));
  const bar = screen.getByRole("progressbar");
  expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
  expect(screen.getByText("評価を計算中")).toBeTruthy();
  expect((screen.getByRole("button", { name: "集計中…" }) as HTMLButtonElement).disabled).toBe(true);
  await user.click(screen.getByRole("button", { name: "集計中…" }));
  expect(host.recomputeCalls).toHaveLength(1);
  await act(async () => host.finish());
  await waitFor(() => expect(document.activeElement?.textContent).toBe("結果"));
  expect(screen.getByText(/集計しました/)).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("an Excel error appears as a message bar that says what to do", async () => {
  const user = userEvent.setup();
  const host = fakeHost();
  renderPane(host);
  await user.click(await screen.findByRole("button", { name: "集計を更新" }));
  await act(async () => host.fail(Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" })));
  expect(await screen.findByText("集計できませんでした")).toBeTruthy();
  expect(screen.getByText(/ブックが大きすぎます/)).toBeTruthy();
});

test("a write that failed part-way: the error names the incomplete sheets; on reopening a banner says so until a recompute redoes them", async () => {
  const user = userEvent.setup();
  const host = fakeHost();
  const { unmount } = renderPane(host);
  await user.click(await screen.findByRole("button", { name: "集計を更新" }));
  await act(async () => host.fail(new ExcelWriteError(Object.assign(new Error("boom"), { code: "GeneralException" }), [], ["評価集計"])));
  expect(await screen.findByText(/利用者のシートは変更していません/)).toBeTruthy();
  expect(screen.getByText(/「評価集計」は更新が途中のため不完全です/)).toBeTruthy();
  unmount();

  const reopened = fakeHost({ incomplete: true });
  renderPane(reopened);
  const banner = "前回の「集計を更新」が途中で終わったため、集計シートが不完全です。集計を更新すると作り直されます。利用者のシートは変更されていません。";
  expect(await screen.findByText(banner)).toBeTruthy();
  const buttons = screen.getAllByRole("button", { name: "集計を更新" });
  await waitFor(() => expect((buttons[0] as HTMLButtonElement).disabled).toBe(false));
  await user.click(buttons[buttons.length - 1]!);
  await act(async () => reopened.finish());
  await waitFor(() => expect(screen.queryByText(banner)).toBeNull());
});

test("English: the incomplete banner", async () => {
  renderPane(fakeHost({ incomplete: true }), "en");
  expect(await screen.findByText(/The last recompute stopped part-way, so the generated sheets are incomplete/)).toBeTruthy();
});

test("an edit of a source sheet shows the stale banner with a recompute button", async () => {
  const host = fakeHost();
  renderPane(host);
  await waitFor(() => expect(host.handlers).not.toBeNull());
  expect(screen.queryByText("元データが変更されています。集計を更新してください")).toBeNull();
  act(() => host.handlers!.changed("表4-1"));
  expect(await screen.findByText("元データが変更されています。集計を更新してください")).toBeTruthy();
});

test("review list: filters by kind; Enter on a row selects its source cell", async () => {
  const user = userEvent.setup();
  const summary: SummaryJson = {
    evaluations: [
      {
        ...tokorozawa.evaluations[0]!,
        review: [
          { sheet: "表4-1", row: 9, reason: "self A, suggested C" },
          { sheet: "表4-1", row: 19, reason: "excluded: -" },
          { sheet: "表4-1", row: 30, reason: "指標: unreadable value" },
        ],
      },
    ],
  };
  const host = fakeHost({ result: resultOf(summary) });
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: /要確認/ }));
  expect(await screen.findByText("自己評価 A、評価案 C")).toBeTruthy();
  await user.selectOptions(screen.getByRole("combobox", { name: "表示する行" }), "不一致 (1)");
  expect(screen.queryByText(/評価対象外/)).toBeNull();
  const row = screen.getByText("自己評価 A、評価案 C").closest("[role=row]") as HTMLElement;
  row.focus();
  await user.keyboard("{Enter}");
  expect(host.selectCalls).toEqual([["表4-1", 9, 0]]);
});

test("review list: 前年度から下がった is a filter of its own, in Japanese", async () => {
  const user = userEvent.setup();
  const summary: SummaryJson = {
    evaluations: [
      {
        ...tokorozawa.evaluations[0]!,
        review: [
          { sheet: "進捗", row: 9, reason: "self A, suggested C" },
          { sheet: "進捗", row: 12, reason: "dropped from last year (R4 B → R5 C)" },
        ],
      },
    ],
  };
  renderPane(fakeHost({ result: resultOf(summary) }));
  await user.click(await screen.findByRole("tab", { name: /要確認/ }));
  await user.selectOptions(await screen.findByRole("combobox", { name: "表示する行" }), "前年度から下がった (1)");
  expect(screen.getByText("前年度から下がった（R4 B → R5 C）")).toBeTruthy();
  expect(screen.queryByText("自己評価 A、評価案 C")).toBeNull();
});

test("This row: the item's grade in each year the workbook holds", async () => {
  const user = userEvent.setup();
  const item = {
    sheet: "進捗",
    row: 30,
    key: "3",
    name: "オープンデータの公開",
    group: "基本方針3",
    department: "情報政策課",
    selfGrade: null,
    suggestedGrade: "C",
    grade: "C",
    excludedReason: null,
    indicators: [],
    history: [
      { fiscalYear: 2021, label: "R3", grade: "A" },
      { fiscalYear: 2022, label: "R4", grade: "B" },
      { fiscalYear: 2023, label: "R5", grade: "C" },
    ],
  };
  const host = fakeHost({ result: resultOf({ evaluations: [{ ...tokorozawa.evaluations[0]!, items: [item], review: [] }] }) });
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "この行" }));
  act(() => host.handlers!.selection(item.sheet, item.row, 2));
  await screen.findAllByText(item.name, { exact: false });
  expect(document.querySelector("[data-field=history]")?.textContent).toBe("R3 A → R4 B → R5 C");
});

test("This row: a selected cell shows its item's grades and indicators without asking the host", async () => {
  const user = userEvent.setup();
  const item = {
    sheet: "進捗",
    row: 12,
    key: "7",
    name: "窓口の待ち時間短縮",
    group: "基本方針1",
    department: "市民課",
    selfGrade: "B",
    suggestedGrade: "A",
    grade: "B",
    excludedReason: null,
    indicators: [{ name: "最大待ち時間", target: 15, actual: 12, unit: "分", lowerIsBetter: true, achievement: 1.25, grade: "A", reason: "R = target 15分 / actual 12分 = 125.0% (≥ 100.0%) → A", nextGrade: null, targetRow: 12, actualRow: 13 }],
  };
  const host = fakeHost({ result: resultOf({ evaluations: [{ ...tokorozawa.evaluations[0]!, items: [item], review: [] }] }) });
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "この行" }));
  act(() => host.handlers!.selection(item.sheet, item.row + 1, 3)); // the actual row of the indicator
  await screen.findAllByText(item.name, { exact: false });
  expect(document.querySelector("[data-field=self]")?.textContent).toBe("B");
  expect(document.querySelector("[data-field=suggested]")?.textContent).toBe("A");
  expect(screen.getByText("15分")).toBeTruthy();
  expect(screen.getByText("125.0%")).toBeTruthy();
});

test("This row: what it takes to reach the next grade, in the words of issue 18", async () => {
  const user = userEvent.setup();
  const item = {
    sheet: "進捗",
    row: 20,
    key: "9",
    name: "電子申請の利用率向上",
    group: "基本方針2",
    department: "情報政策課",
    selfGrade: null,
    suggestedGrade: "D",
    grade: "D",
    excludedReason: null,
    indicators: [
      {
        name: "電子申請の利用率",
        target: 0.2,
        actual: 0.06,
        unit: "%",
        lowerIsBetter: false,
        achievement: 0.3,
        grade: "D",
        reason: "R = actual 6% / target 20% = 30.0% (< 50.0%) → D",
        reasonJa: "達成率 30.0%＝実績6%÷目標20%（50.0%未満）→ D",
        nextGrade: { grade: "C", actual: 0.1, decimals: 1, bound: "atLeast" as const },
        targetRow: 20,
        actualRow: 21,
      },
      {
        name: "窓口の待ち時間",
        target: 15,
        actual: 40,
        unit: "分",
        lowerIsBetter: true,
        achievement: 0.375,
        grade: "D",
        reason: "R = target 15分 / actual 40分 = 37.5% (< 50.0%) → D",
        nextGrade: { grade: "C", actual: 30, decimals: 0, bound: "atMost" as const },
        targetRow: 22,
        actualRow: 23,
      },
      {
        name: "研修の回数",
        target: null,
        actual: 3,
        unit: "回",
        lowerIsBetter: false,
        achievement: null,
        grade: null,
        reason: "no target for the year",
        nextGrade: null,
        targetRow: 24,
        actualRow: 25,
      },
    ],
  };
  const host = fakeHost({ result: resultOf({ evaluations: [{ ...tokorozawa.evaluations[0]!, items: [item], review: [] }] }) });
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "この行" }));
  act(() => host.handlers!.selection(item.sheet, item.row, 2));
  await screen.findAllByText(item.name, { exact: false });
  const toNext = [...document.querySelectorAll("[data-field=to-next]")].map((e) => e.textContent);
  expect(toNext).toEqual(["C まであと 4.0 ポイント（実績 10.0% 以上で C）", "C まであと 10分（実績 30分 以下で C）", "目標未設定"]);
  // The Japanese reason names 実績÷目標 and the threshold, as the English one does.
  expect(screen.getByText("達成率 30.0%＝実績6%÷目標20%（50.0%未満）→ D")).toBeTruthy();
});

test("This row follows what the user types: after an edit the row is read again (nothing written) and its grade updates", async () => {
  const user = userEvent.setup();
  const indicator = (actual: number, grade: string, achievement: number) => ({
    name: "窓口の待ち時間",
    target: 15,
    actual,
    unit: "分",
    lowerIsBetter: true,
    achievement,
    grade,
    reason: `R = target 15分 / actual ${actual}分 → ${grade}`,
    nextGrade: null,
    targetRow: 5,
    actualRow: 6,
  });
  const item = (actual: number, grade: string, achievement: number) => ({
    sheet: "進捗",
    row: 5,
    key: "1",
    name: "窓口改善",
    group: "基本方針1",
    department: "市民課",
    selfGrade: null,
    suggestedGrade: grade,
    grade,
    excludedReason: null,
    indicators: [indicator(actual, grade, achievement)],
  });
  const resultWith = (it: ReturnType<typeof item>) =>
    resultOf({ evaluations: [{ ...tokorozawa.evaluations[0]!, items: [it], review: [] }] });
  const host = fakeHost({ result: resultWith(item(40, "D", 0.375)) });
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "この行" }));
  act(() => host.handlers!.selection("進捗", 6, 3));
  await screen.findByText("40分");
  // The user types 12 (分) into the actual: 15 / 12 = 125 % → A.
  host.open = async () => ({ rules: DEFAULT_RULES, result: resultWith(item(12, "A", 1.25)), generated: ["評価集計"], stale: true, incomplete: false, notes: [] });
  act(() => host.handlers!.changed("進捗"));
  expect(await screen.findByText("12分", undefined, { timeout: 3000 })).toBeTruthy();
  expect(document.querySelector("[data-field=suggested]")?.textContent).toBe("A");
  expect(host.recomputeCalls).toHaveLength(0);
});

test("rules: a custom band that is not a number is explained at its field and nothing is saved", async () => {
  const user = userEvent.setup();
  const host = fakeHost();
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "設定" }));
  await user.click(await screen.findByRole("radio", { name: "指定する" }));
  const a = screen.getByRole("textbox", { name: "A の下限（%）" });
  await user.clear(a);
  await user.type(a, "百");
  await user.click(screen.getByRole("button", { name: "保存して集計を更新" }));
  expect(await screen.findByText("0 以上の数（%）を入力してください")).toBeTruthy();
  expect(host.recomputeCalls).toHaveLength(0);
  await user.clear(a);
  await user.type(a, "110");
  await user.click(screen.getByRole("button", { name: "保存して集計を更新" }));
  expect(host.recomputeCalls[0]!.bands[0]).toEqual({ label: "A", min: 1.1 });
});

test("rules › 報告書: the item noun, the first figure's number and a total row are saved in rules.report", async () => {
  const user = userEvent.setup();
  const host = fakeHost();
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "設定" }));
  const noun = await screen.findByRole("textbox", { name: "項目の呼び方（空欄：シートの見出しから）" });
  await user.type(noun, "事業");
  const figures = screen.getByRole("textbox", { name: "図の番号（最初の図）" });
  await user.clear(figures);
  await user.type(figures, "2-5");
  await user.click(screen.getByRole("checkbox", { name: "集計表に合計の行を付ける" }));
  await user.click(screen.getByRole("button", { name: "保存して集計を更新" }));
  await waitFor(() => expect(host.recomputeCalls).toHaveLength(1));
  expect(host.recomputeCalls[0]!.report).toMatchObject({
    itemNoun: "事業",
    figures: { chapter: 2, start: 5 },
    summaryTables: { chapter: 3, start: 1 },
    totalRow: true,
  });
});

test("an older Excel's note is one plain sentence in the pane's language, details behind a link to the help", async () => {
  renderPane(fakeHost({ notes: [NOTE_NO_MERGED_AREAS] }));
  const bar = (await screen.findByText(/結合セルを確認できない/)).closest("[class*=MessageBar]") ?? document.body;
  expect(bar.textContent).not.toMatch(/ExcelApi|This Excel/);
  const link = screen.getByRole("link", { name: "詳しく" });
  expect(link.getAttribute("href")).toBe("help.html#ja-older-excel");
});

test("English when Office's display language is English", async () => {
  renderPane(fakeHost(), "en");
  expect(await screen.findByRole("button", { name: "Recompute summary" })).toBeTruthy();
  expect(await screen.findByRole("tab", { name: "This row" })).toBeTruthy();
});

test.each(["結果", "要確認", "この行", "設定"])("axe: no violations in the %s view", async (tab) => {
  const user = userEvent.setup();
  const { container } = renderPane(fakeHost());
  await user.click(await screen.findByRole("tab", { name: new RegExp(`^${tab}`) }));
  if (tab === "設定") await screen.findByRole("button", { name: "保存して集計を更新" });
  if (tab === "要確認") await screen.findByRole("combobox", { name: "表示する行" });
  const results = await axe(container, { rules: { region: { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
});

test("rules: a per-indicator band whose B is above its A is refused at that field; fixed, it is saved (issue 16)", async () => {
  const user = userEvent.setup();
  const host = fakeHost();
  renderPane(host);
  await user.click(await screen.findByRole("tab", { name: "設定" }));
  await user.click(await screen.findByRole("button", { name: "指標別の基準を追加" }));
  const group = within(screen.getByRole("group", { name: "指標別の評価基準" }));
  const b = group.getByRole("textbox", { name: "B の下限（%）" });
  await user.clear(b);
  await user.type(b, "120");
  await user.click(screen.getByRole("button", { name: "保存して集計を更新" }));
  expect(await group.findByText("B の下限は A より小さくしてください")).toBeTruthy();
  expect(host.recomputeCalls).toHaveLength(0);
  await user.clear(b);
  await user.type(b, "90");
  await user.click(screen.getByRole("button", { name: "保存して集計を更新" }));
  expect(host.recomputeCalls[0]!.bandOverrides).toEqual([
    {
      targetPercent: 100,
      bands: [
        { label: "A", min: 1 },
        { label: "B", min: 0.9 },
        { label: "C", min: 0.6 },
        { label: "D", min: null },
      ],
    },
  ]);
});
