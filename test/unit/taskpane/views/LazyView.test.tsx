/**
 * @jest-environment jsdom
 *
 * A view loaded on demand (設定, 要確認, この行): a loading state while its file comes, and where the file
 * cannot be fetched (offline, server gone) a message in the pane's language with a retry — not a blank pane.
 */
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { lazyView } from "../../../../src/taskpane/views/LazyView";
import { MessagesProvider, messagesFor, type PaneLanguage } from "../../../../src/taskpane/i18n/i18n";

function Shown({ word }: { word: string }) {
  return <p>{word}</p>;
}

/** A loader whose n-th call the test settles (as webpack's chunk loading would). */
function controlledLoader() {
  const calls: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<{ default: typeof Shown }>((resolve, reject) =>
      calls.push({ resolve: () => resolve({ default: Shown }), reject }),
    );
  return { load, calls };
}

function inPane(lang: PaneLanguage, ui: React.ReactNode) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MessagesProvider value={{ lang, t: messagesFor(lang) }}>
        <p>進捗評価</p>
        {ui}
      </MessagesProvider>
    </FluentProvider>,
  );
}

// React logs the error a boundary catches; the test expects it.
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

test("while the view's file loads the pane says so; then the view shows", async () => {
  const { load, calls } = controlledLoader();
  const View = lazyView(load);
  inPane("ja", <View word="設定の中身" />);
  expect(await screen.findByText("表示を準備中…")).toBeTruthy();
  await act(async () => calls[0]!.resolve());
  expect(await screen.findByText("設定の中身")).toBeTruthy();
  expect(screen.queryByText("表示を準備中…")).toBeNull();
});

test("a file that cannot be fetched: a Japanese message and a retry that loads it, the rest of the pane stays", async () => {
  const { load, calls } = controlledLoader();
  const View = lazyView(load);
  inPane("ja", <View word="要確認の一覧" />);
  await act(async () => calls[0]!.reject(Object.assign(new Error("Loading chunk 156 failed."), { name: "ChunkLoadError" })));
  expect(await screen.findByText(/この表示を読み込めませんでした/)).toBeTruthy();
  expect(screen.getByText("進捗評価")).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "もう一度読み込む" }));
  expect(calls).toHaveLength(2);
  await act(async () => calls[1]!.resolve());
  expect(await screen.findByText("要確認の一覧")).toBeTruthy();
  expect(screen.queryByText(/この表示を読み込めませんでした/)).toBeNull();
});

test("in English the failure is said in English", async () => {
  const { load, calls } = controlledLoader();
  const View = lazyView(load);
  inPane("en", <View word="row" />);
  expect(await screen.findByText("Preparing the view…")).toBeTruthy();
  await act(async () => calls[0]!.reject(new Error("Loading chunk 176 failed.")));
  expect(await screen.findByText(/This view could not be loaded/)).toBeTruthy();
  expect(screen.getByRole("button", { name: "Load again" })).toBeTruthy();
});
