/**
 * The ribbon's "Recompute summary" (集計を更新) command, without the task pane:
 * recompute with the rules stored in the workbook and complete the event
 * promptly, because Excel ends an ExecuteFunction after 5 minutes and queues
 * further clicks of the button until completed() is called.
 *
 * Success shows itself in the workbook: the summary sheet is activated and
 * the event completes at once (no dialog waiting for the user). Errors, and
 * a workbook without a progress table, open a small dialog (Microsoft's
 * dialog API; Excel has no notification bar for add-ins); the event
 * completes when the user closes it, or after ERROR_NOTICE_MAX_MS (the
 * dialog is then closed), and always before Excel's limit.
 *
 * A click that arrives while a recompute runs (hosts that do not queue
 * clicks) waits for it and then recomputes again: the second click means
 * "recompute with what the sheets say now".
 */
import { recompute, sheetToShow } from "../core/recompute";
import type { ReviewResult } from "../core/run-review";
import { createExcelPort, NOTE_REPAIRED, type ExcelWorkbookPort } from "../excel/excel-port";
import type { ExcelHostApi, ExcelPortOptions } from "../excel/excel-host";
import { ExcelPortError } from "../excel/excel-errors";

/** Excel cancels an add-in command's function after this long (Office add-in commands documentation). */
export const EXECUTE_FUNCTION_LIMIT_MS = 5 * 60 * 1000;
/** Longest an error dialog keeps the event open. */
export const ERROR_NOTICE_MAX_MS = 2 * 60 * 1000;
/** Kept free before Excel's limit, for closing the dialog and completing. */
const LIMIT_MARGIN_MS = 15 * 1000;

export interface Notice {
  kind: "success" | "error" | "info";
  /** One line, Japanese / English. */
  title: string;
  /** Lines of text (Japanese first, then English). */
  lines: string[];
}

export interface Notifier {
  /**
   * Shows the notice; resolves when the user has dismissed it, or after `maxOpenMs` (closing it),
   * or at once if it cannot be shown.
   */
  show(notice: Notice, maxOpenMs: number): Promise<void>;
}

/** The part of Office.AddinCommands.Event the command uses. */
export type CommandEvent = Pick<Office.AddinCommands.Event, "completed">;

/** Time, injectable so tests (and the simulated host) can run minutes in no time. */
export interface CommandClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: CommandClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RecomputeCommandDeps {
  api: ExcelHostApi;
  notifier: Notifier;
  portOptions?: ExcelPortOptions;
  /** The job (injected by fault tests); defaults to the core's recompute with the stored rules. */
  run?: (port: ExcelWorkbookPort) => Promise<ReviewResult>;
  clock?: CommandClock;
}

/** The recompute in progress (or done): a new click runs after it. */
let queue: Promise<void> = Promise.resolve();

export function runRecomputeCommand(event: CommandEvent, deps: RecomputeCommandDeps): Promise<void> {
  const clock = deps.clock ?? systemClock;
  const clickedAt = clock.now();
  const job = queue.then(() => recomputeOnce(event, deps, clock, clickedAt));
  queue = job.catch(() => undefined);
  return job;
}

async function recomputeOnce(
  event: CommandEvent,
  deps: RecomputeCommandDeps,
  clock: CommandClock,
  clickedAt: number,
): Promise<void> {
  let notice: Notice | null = null;
  try {
    const port = createExcelPort(deps.api, deps.portOptions);
    const result = await (deps.run ?? ((p) => recompute(p)))(port);
    for (const line of [...result.warnings, ...port.notes]) console.info("progress-review:", line);
    const summarySheet = sheetToShow(result);
    if (summarySheet === undefined) {
      notice = successNotice(result, port.notes);
      notice.kind = "info";
    } else {
      // The port shows it in the write's last batch; a sync of its own only if that could not be done.
      if (port.shownSheet !== summarySheet) await activateSheet(deps.api, summarySheet);
      // The previous run left our sheets incomplete and this one redid them: worth telling (a dialog).
      if (result.warnings.includes(NOTE_REPAIRED)) {
        notice = successNotice(result, port.notes);
        notice.kind = "info";
      }
    }
  } catch (e) {
    notice = errorNotice(e);
  }
  try {
    if (notice) {
      const left = EXECUTE_FUNCTION_LIMIT_MS - LIMIT_MARGIN_MS - (clock.now() - clickedAt);
      await showSafely(deps.notifier, notice, Math.max(0, Math.min(ERROR_NOTICE_MAX_MS, left)));
    }
  } finally {
    event.completed();
  }
}

/** Shows the result where the user looks: the summary sheet. A failure here is not the job's failure. */
async function activateSheet(api: ExcelHostApi, name: string): Promise<void> {
  try {
    await api.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  } catch (e) {
    console.warn("progress-review: could not activate", name, e);
  }
}

async function showSafely(notifier: Notifier, notice: Notice, maxOpenMs: number): Promise<void> {
  try {
    await notifier.show(notice, maxOpenMs);
  } catch (e) {
    console.error("progress-review: could not show the notice", notice, e);
  }
}

export function successNotice(result: ReviewResult, notes: readonly string[]): Notice {
  const sheets = result.plans.map((p) => `「${p.name}」`).join("");
  const lines = [
    sheets ? `${sheets}を更新しました。` : "集計できる進捗表が見つかりませんでした。",
    sheets ? `Updated: ${result.plans.map((p) => p.name).join(", ")}.` : "No progress table was found to summarise.",
  ];
  for (const ev of result.summary.evaluations) {
    const counts = Object.entries(ev.total.counts)
      .map(([grade, n]) => `${grade} ${n}`)
      .join("・");
    lines.push(`${ev.label}: ${counts}（対象外 ${ev.total.excluded} / excluded ${ev.total.excluded}）`);
  }
  const review = result.summary.evaluations.reduce((n, ev) => n + ev.review.length, 0);
  if (review > 0) lines.push(`要確認 ${review} 件 / ${review} rows to review`);
  for (const w of result.warnings) lines.push(w);
  for (const n of notes) lines.push(n);
  return { kind: "success", title: "再計算しました / Summary recomputed", lines };
}

export function errorNotice(e: unknown): Notice {
  if (e instanceof ExcelPortError) {
    return { kind: "error", title: "再計算できませんでした / Recompute failed", lines: [e.messageJa, e.messageEn] };
  }
  const message = e instanceof Error ? e.message : String(e);
  return {
    kind: "error",
    title: "再計算できませんでした / Recompute failed",
    lines: [
      `予期しないエラーが発生しました。ブックは変更されていないか、実行前の状態に戻っています。（${message}）`,
      `An unexpected error occurred; the workbook was left as it was. (${message})`,
    ],
  };
}

/** The parts of the Office global the dialog notifier uses, picked from @types/office-js. */
export interface DialogOffice {
  context: { ui: Pick<Office.UI, "displayDialogAsync"> };
  EventType: Pick<typeof Office.EventType, "DialogMessageReceived" | "DialogEventReceived">;
  AsyncResultStatus: Pick<typeof Office.AsyncResultStatus, "Succeeded">;
}

const MAX_URL_TEXT = 1500;

/** The URL of the notice page: the function file page with the notice in its query. */
export function noticeUrl(pageUrl: string, notice: Notice): string {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = "";
  let body = notice.lines.join("\n");
  if (body.length > MAX_URL_TEXT) body = body.slice(0, MAX_URL_TEXT) + "…";
  url.searchParams.set("notice", notice.kind);
  url.searchParams.set("title", notice.title);
  url.searchParams.set("body", body);
  return url.toString();
}

/** Reads a notice back from the notice page's query string. */
export function noticeFromQuery(search: string): Notice | null {
  const q = new URLSearchParams(search);
  const kind = q.get("notice");
  if (kind !== "success" && kind !== "error" && kind !== "info") return null;
  return { kind, title: q.get("title") ?? "", lines: (q.get("body") ?? "").split("\n") };
}

/**
 * A notifier that shows the notice in a small Office dialog and resolves when it is closed,
 * or after `maxOpenMs` (then it closes the dialog itself, so the event can complete in time).
 */
export function createDialogNotifier(
  office: DialogOffice,
  pageUrl: string,
  clock: CommandClock = systemClock,
): Notifier {
  return {
    show(notice, maxOpenMs) {
      return new Promise<void>((resolve) => {
        let done = false;
        let dialog: Office.Dialog | null = null;
        let timer: unknown = null;
        const finish = () => {
          if (done) return;
          done = true;
          if (timer !== null) clock.clearTimeout(timer);
          resolve();
        };
        const closeAndFinish = () => {
          try {
            dialog?.close();
          } catch (e) {
            console.warn("progress-review: could not close the dialog", e);
          } finally {
            finish();
          }
        };
        timer = clock.setTimeout(closeAndFinish, maxOpenMs);
        try {
          office.context.ui.displayDialogAsync(
            noticeUrl(pageUrl, notice),
            { height: 35, width: 30, displayInIframe: true },
            (result) => {
              if (result.status !== office.AsyncResultStatus.Succeeded) {
                console.warn("progress-review:", notice.title, notice.lines.join(" "), result.error?.message ?? "");
                finish();
                return;
              }
              dialog = result.value;
              // Opened after the time ran out: close it at once.
              if (done) return void closeAndFinish();
              dialog.addEventHandler(office.EventType.DialogMessageReceived, closeAndFinish);
              dialog.addEventHandler(office.EventType.DialogEventReceived, finish);
            },
          );
        } catch (e) {
          console.warn("progress-review:", notice.title, notice.lines.join(" "), e);
          finish();
        }
      });
    },
  };
}
