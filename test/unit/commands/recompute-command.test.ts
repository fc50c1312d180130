/**
 * The ribbon command with office-addin-mock, following Microsoft's
 * documented pattern: mock data objects wrapped in OfficeMockObject for
 * Office (context.ui.displayDialogAsync, requirements) and for the event.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  createDialogNotifier,
  noticeFromQuery,
  noticeUrl,
  runRecomputeCommand,
  successNotice,
  ERROR_NOTICE_MAX_MS,
  type CommandEvent,
  type DialogOffice,
  type Notice,
  type Notifier,
} from "../../../src/commands/recompute-command";
import type { ReviewResult } from "../../../src/core/run-review";
import type { ExcelHostApi } from "../../../src/excel/excel-host";
import { ExcelWriteError } from "../../../src/excel/excel-errors";
import { NOTE_REPAIRED } from "../../../src/excel/excel-port";
import { ManualClock } from "../../../src/preview/simulated-addin-commands";
import { emptyPlan } from "../../helpers/sheet-plan-fixture";

const PAGE = "https://localhost:3000/commands.html";

/** The event passed to an ExecuteFunction handler; completed() counts its calls. */
function mockEvent(): CommandEvent & { completedCalls: number } {
  const eventMockData = {
    source: { id: "RecomputeButton" },
    completedCalls: 0,
    completed: function (this: { completedCalls: number }) {
      this.completedCalls++;
    },
  };
  const event = new OfficeMockObject(eventMockData) as unknown as CommandEvent & { completedCalls: number };
  // Scalars of an OfficeMockObject must be loaded like Office.js properties; start at 0.
  event.completedCalls = 0;
  return event;
}

interface DialogMock {
  handlers: Map<string, (arg: unknown) => void>;
  closed: boolean;
}

/** Office with context.ui.displayDialogAsync and the requirement check. */
function mockOffice(options: { opens: boolean; apiLevel?: number }) {
  const state = { urls: [] as string[], dialogs: [] as DialogMock[] };
  const officeMockData = {
    context: {
      requirements: {
        isSetSupported: function (name: string, version?: string) {
          const minor = Number((version ?? "1.1").split(".")[1]);
          return name === "ExcelApi" && minor <= (options.apiLevel ?? 17);
        },
      },
      ui: {
        displayDialogAsync: function (
          url: string,
          _opts: unknown,
          callback: (r: { status: string; value: unknown; error?: { message: string } }) => void,
        ) {
          state.urls.push(url);
          if (!options.opens) {
            callback({ status: "failed", value: undefined, error: { message: "12007: a dialog is already open" } });
            return;
          }
          const dialog: DialogMock = { handlers: new Map(), closed: false };
          state.dialogs.push(dialog);
          callback({
            status: "succeeded",
            value: {
              close: () => {
                dialog.closed = true;
              },
              addEventHandler: (type: string, handler: (arg: unknown) => void) => dialog.handlers.set(type, handler),
            },
          });
        },
      },
    },
  };
  const office = Object.assign(new OfficeMockObject(officeMockData), {
    // Office.js's values (the typings declare numeric enums; Office.js has these strings). Plain, as in Office.js:
    // OfficeMockObject would make them client objects.
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  }) as unknown as DialogOffice & ExcelHostApi["Office"];
  return { office, state };
}

function fakeResult(): ReviewResult {
  return {
    summary: {
      evaluations: [
        {
          label: "R3",
          fiscalYear: 2021,
          source: "self",
          groups: [],
          total: {
            counts: { A: 50, B: 7, C: 0, D: 0 },
            evaluated: 57,
            excluded: 1,
            percent: { A: 88, B: 12, C: 0, D: 0 },
            aOrBPercent: 100,
          },
          items: [],
          review: [{ sheet: "表4-1", row: 9, reason: "self A, suggested C" }],
        },
      ],
    },
    plans: [emptyPlan({ role: "summary", name: "評価集計" }), emptyPlan({ role: "list", name: "評価一覧" })],
    reportPlans: [],
    wording: { noun: "項目", keyHeader: null, groupHeading: null },
    fingerprint: "0123456789abcdef",
    warnings: [],
    layouts: [],
    skippedSheets: [],
  };
}

const excelNeverCalled: ExcelHostApi["Excel"] = {
  run: () => Promise.reject(new Error("Excel.run must not be called in this test")),
};

/** Excel.run over a workbook that only records which sheet was activated. */
function recordingExcel(): ExcelHostApi["Excel"] & { activated: string[] } {
  const activated: string[] = [];
  return {
    activated,
    // Excel.run(batch), the one form the command uses.
    run: (async (...args: unknown[]) => {
      const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
      const context = {
        workbook: { worksheets: { getItem: (name: string) => ({ activate: () => activated.push(name) }) } },
        sync: async () => undefined,
      };
      return batch(context as unknown as Excel.RequestContext);
    }) as typeof Excel.run,
  };
}

/** A notifier that records and resolves at once. */
function recordingNotifier(): Notifier & { shown: Notice[] } {
  const shown: Notice[] = [];
  return { shown, show: async (n) => void shown.push(n) };
}

describe("recompute command", () => {
  test("success: activates the summary sheet, shows no dialog and completes the event", async () => {
    const event = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true });
    const excel = recordingExcel();
    await runRecomputeCommand(event, {
      api: { Excel: excel, Office: office },
      notifier,
      run: async () => fakeResult(),
    });
    expect(event.completedCalls).toBe(1);
    expect(notifier.shown).toHaveLength(0);
    expect(excel.activated).toEqual(["評価集計"]);
  });

  test("success notice text (used when nothing was found) names the sheets and counts", () => {
    const n = successNotice(fakeResult(), []);
    expect(n.lines[0]).toBe("「評価集計」「評価一覧」を更新しました。");
    expect(n.lines.join("\n")).toContain("R3: A 50・B 7・C 0・D 0（対象外 1");
    expect(n.lines.join("\n")).toContain("要確認 1 件");
  });

  test("no progress table: an info dialog says so, and the event completes", async () => {
    const event = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true });
    const empty = { ...fakeResult(), plans: [], summary: { evaluations: [] } } as unknown as ReviewResult;
    await runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier,
      run: async () => empty,
    });
    expect(event.completedCalls).toBe(1);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]!.kind).toBe("info");
    expect(notifier.shown[0]!.lines[0]).toBe("集計できる進捗表が見つかりませんでした。");
  });

  test("failure: shows the adapter's Japanese and English message and still completes", async () => {
    const event = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true });
    await runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier,
      run: async () => {
        throw new ExcelWriteError(Object.assign(new Error("boom"), { code: "GeneralException" }), [], ["評価集計"]);
      },
    });
    expect(event.completedCalls).toBe(1);
    const n = notifier.shown[0]!;
    expect(n.kind).toBe("error");
    // User sheets untouched; our sheet refreshed part-way is named as incomplete, with what to do.
    expect(n.lines[0]).toMatch(/^集計シートの書き込みに失敗しました。利用者のシートは変更していません。/);
    expect(n.lines[0]).toContain("「評価集計」は更新が途中のため不完全です");
    expect(n.lines[0]).toContain("もう一度「集計を更新」");
    expect(n.lines[1]).toMatch(/^Writing the summary sheets failed; the user's sheets were not changed\./);
    expect(n.lines[1]).toContain("評価集計 were being refreshed and are incomplete");
  });

  test("after a run that left sheets incomplete: the recompute redoes them and a dialog says so", async () => {
    const event = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true });
    const excel = recordingExcel();
    await runRecomputeCommand(event, {
      api: { Excel: excel, Office: office },
      notifier,
      run: async () => ({ ...fakeResult(), warnings: [NOTE_REPAIRED] }),
    });
    expect(event.completedCalls).toBe(1);
    expect(excel.activated).toEqual(["評価集計"]);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]!.kind).toBe("info");
    const text = notifier.shown[0]!.lines.join("\n");
    expect(text).toContain("前回の更新が途中で終わっていた集計シートを作り直しました");
    expect(text).toContain("were redone");
  });

  test("unexpected error (not from the adapter) is shown too, and the event completes", async () => {
    const event = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true });
    await runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier,
      run: async () => {
        throw new TypeError("x is undefined");
      },
    });
    expect(event.completedCalls).toBe(1);
    expect(notifier.shown[0]!.lines.join(" ")).toContain("x is undefined");
  });

  test("Excel below ExcelApi 1.7: the real recompute path fails with the clear message, before any Excel.run", async () => {
    const event = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true, apiLevel: 6 });
    await runRecomputeCommand(event, { api: { Excel: excelNeverCalled, Office: office }, notifier });
    expect(event.completedCalls).toBe(1);
    const n = notifier.shown[0]!;
    expect(n.kind).toBe("error");
    expect(n.lines[0]).toContain("ExcelApi 1.7 以降");
    expect(n.lines[1]).toContain("ExcelApi 1.7 or later is required");
  });

  test("a notifier that throws does not keep the event open", async () => {
    const event = mockEvent();
    const { office } = mockOffice({ opens: true });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier: { show: () => Promise.reject(new Error("no UI")) },
      run: async () => fakeResult(),
    });
    spy.mockRestore();
    expect(event.completedCalls).toBe(1);
  });

  test("a second press while the first runs waits for it and then recomputes again", async () => {
    const first = mockEvent();
    const second = mockEvent();
    const notifier = recordingNotifier();
    const { office } = mockOffice({ opens: true });
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const deps = (name: string, wait?: Promise<void>) => ({
      api: { Excel: recordingExcel(), Office: office },
      notifier,
      run: async () => {
        order.push(`${name} starts`);
        if (wait) await wait;
        order.push(`${name} ends`);
        return fakeResult();
      },
    });
    const running = runRecomputeCommand(first, deps("first", gate));
    const queued = runRecomputeCommand(second, deps("second"));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(order).toEqual(["first starts"]);
    release();
    await Promise.all([running, queued]);
    expect(order).toEqual(["first starts", "first ends", "second starts", "second ends"]);
    expect(first.completedCalls).toBe(1);
    expect(second.completedCalls).toBe(1);
    expect(notifier.shown).toHaveLength(0);
  });
});

describe("dialog notifier", () => {
  test("an error opens the notice page; the event completes when the user closes the dialog", async () => {
    const event = mockEvent();
    const { office, state } = mockOffice({ opens: true });
    const done = runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier: createDialogNotifier(office, PAGE),
      run: async () => {
        throw new ExcelWriteError(Object.assign(new Error("boom"), { code: "GeneralException" }));
      },
    });
    // Let the command reach the dialog.
    for (let i = 0; i < 10 && state.dialogs.length === 0; i++) await Promise.resolve();
    expect(state.urls).toHaveLength(1);
    const notice = noticeFromQuery(new URL(state.urls[0]!).search)!;
    expect(notice.kind).toBe("error");
    expect(notice.lines[0]).toMatch(/^集計シートの書き込みに失敗しました。/);
    expect(event.completedCalls).toBe(0);
    // The page's close button sends a message; the parent closes the dialog.
    state.dialogs[0]!.handlers.get("dialogMessageReceived")!({ message: "close" });
    await done;
    expect(state.dialogs[0]!.closed).toBe(true);
    expect(event.completedCalls).toBe(1);
  });

  test("closing with the dialog's own X also completes", async () => {
    const event = mockEvent();
    const { office, state } = mockOffice({ opens: true });
    const done = runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier: createDialogNotifier(office, PAGE),
      run: async () => {
        throw new Error("boom");
      },
    });
    for (let i = 0; i < 10 && state.dialogs.length === 0; i++) await Promise.resolve();
    state.dialogs[0]!.handlers.get("dialogEventReceived")!({ error: 12006 });
    await done;
    expect(event.completedCalls).toBe(1);
  });

  test("when the dialog cannot open, the message goes to the console and the event completes", async () => {
    const event = mockEvent();
    const { office } = mockOffice({ opens: false });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier: createDialogNotifier(office, PAGE),
      run: async () => {
        throw new Error("boom");
      },
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(event.completedCalls).toBe(1);
  });

  test("an unattended error dialog is closed after ERROR_NOTICE_MAX_MS and the event completes, well inside 5 minutes", async () => {
    const event = mockEvent();
    const { office, state } = mockOffice({ opens: true });
    const clock = new ManualClock();
    const done = runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier: createDialogNotifier(office, PAGE, clock),
      clock,
      run: async () => {
        throw new Error("boom");
      },
    });
    await clock.advance(ERROR_NOTICE_MAX_MS - 1000);
    expect(state.dialogs).toHaveLength(1);
    expect(state.dialogs[0]!.closed).toBe(false);
    expect(event.completedCalls).toBe(0);
    await clock.advance(1000);
    await done;
    expect(state.dialogs[0]!.closed).toBe(true);
    expect(event.completedCalls).toBe(1);
    expect(ERROR_NOTICE_MAX_MS).toBeLessThan(5 * 60 * 1000);
  });

  test("a recompute that took 4 minutes leaves the error dialog only the time left before Excel's 5-minute limit", async () => {
    const event = mockEvent();
    const { office, state } = mockOffice({ opens: true });
    const clock = new ManualClock();
    const done = runRecomputeCommand(event, {
      api: { Excel: excelNeverCalled, Office: office },
      notifier: createDialogNotifier(office, PAGE, clock),
      clock,
      run: async () => {
        await clock.advance(4 * 60 * 1000);
        throw new Error("slow failure");
      },
    });
    for (let i = 0; i < 100 && state.dialogs.length === 0; i++) await new Promise((r) => setImmediate(r));
    expect(clock.now()).toBe(4 * 60 * 1000);
    // 5 minutes less the 15-second margin, less the 4 minutes used: 45 seconds.
    await clock.advance(44 * 1000);
    expect(state.dialogs[0]!.closed).toBe(false);
    await clock.advance(1000);
    await done;
    expect(state.dialogs[0]!.closed).toBe(true);
    expect(event.completedCalls).toBe(1);
  });

  test("notice URL round trip keeps Japanese text, and long text is cut", () => {
    const url = noticeUrl(PAGE + "?_host_Info=Excel#x", {
      kind: "error",
      title: "再計算できませんでした / Recompute failed",
      lines: ["一行目 & <b>", "second"],
    });
    expect(url.startsWith(PAGE + "?")).toBe(true);
    expect(url).not.toContain("_host_Info");
    expect(noticeFromQuery(new URL(url).search)).toEqual({
      kind: "error",
      title: "再計算できませんでした / Recompute failed",
      lines: ["一行目 & <b>", "second"],
    });
    const long = noticeUrl(PAGE, { kind: "info", title: "t", lines: ["あ".repeat(5000)] });
    expect(noticeFromQuery(new URL(long).search)!.lines[0]!.length).toBeLessThanOrEqual(1501);
    expect(noticeFromQuery("?notice=other")).toBeNull();
  });
});
