/**
 * The ribbon's "Recompute summary" (集計を再計算) command, without the task pane:
 * recompute with the rules stored in the workbook, tell the user how it
 * went, and always complete the event so that Excel is not left waiting.
 *
 * Feedback: Excel has no notification bar for add-ins (that is Outlook's
 * notificationMessages). Microsoft's dialog API is the documented way for
 * an add-in command to show a result or an error, so the command opens a
 * small dialog (the function file page itself, in "notice" mode: see
 * commands.ts) and completes the event when the user closes it. If the
 * dialog cannot open (e.g. one is already open), the message goes to the
 * console and the event completes at once.
 */
import { recompute } from "../core/recompute";
import type { ReviewResult } from "../core/run-review";
import { createExcelPort, type ExcelWorkbookPort } from "../excel/excel-port";
import type { ExcelHostApi, ExcelPortOptions } from "../excel/excel-host";
import { ExcelPortError } from "../excel/excel-errors";

export interface Notice {
  kind: "success" | "error" | "info";
  /** One line, Japanese / English. */
  title: string;
  /** Lines of text (Japanese first, then English). */
  lines: string[];
}

export interface Notifier {
  /** Shows the notice; resolves when the user has dismissed it (or at once if it cannot be shown). */
  show(notice: Notice): Promise<void>;
}

/** The part of Office.AddinCommands.Event the command uses. */
export interface CommandEvent {
  completed(options?: unknown): void;
}

export interface RecomputeCommandDeps {
  api: ExcelHostApi;
  notifier: Notifier;
  portOptions?: ExcelPortOptions;
  /** The job (injected by tests); defaults to the core's recompute with the stored rules. */
  run?: (port: ExcelWorkbookPort) => Promise<ReviewResult>;
}

let running = false;

export async function runRecomputeCommand(event: CommandEvent, deps: RecomputeCommandDeps): Promise<void> {
  try {
    if (running) {
      await showSafely(deps.notifier, {
        kind: "info",
        title: "実行中です / Already running",
        lines: [
          "前回の再計算がまだ終わっていません。終わってからもう一度押してください。",
          "The previous recompute has not finished yet; please try again when it has.",
        ],
      });
      return;
    }
    running = true;
    let notice: Notice;
    try {
      const port = createExcelPort(deps.api, deps.portOptions);
      const result = await (deps.run ?? ((p) => recompute(p)))(port);
      notice = successNotice(result, port.notes);
    } catch (e) {
      notice = errorNotice(e);
    } finally {
      running = false;
    }
    await showSafely(deps.notifier, notice);
  } finally {
    event.completed();
  }
}

async function showSafely(notifier: Notifier, notice: Notice): Promise<void> {
  try {
    await notifier.show(notice);
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

/** The parts of the Office global the dialog notifier uses. */
export interface DialogOffice {
  context: {
    ui: {
      displayDialogAsync(
        startAddress: string,
        options?: { height?: number; width?: number; displayInIframe?: boolean },
        callback?: (result: { status: unknown; value: DialogLike; error?: { message?: string } }) => void,
      ): void;
    };
  };
  EventType?: { DialogMessageReceived?: unknown; DialogEventReceived?: unknown };
  AsyncResultStatus?: { Succeeded?: unknown };
}

export interface DialogLike {
  close(): void;
  addEventHandler(eventType: never, handler: (arg: unknown) => void): void;
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

/** A notifier that shows the notice in a small Office dialog and resolves when it is closed. */
export function createDialogNotifier(office: DialogOffice, pageUrl: string): Notifier {
  return {
    show(notice) {
      return new Promise<void>((resolve) => {
        let done = false;
        const finish = () => {
          if (!done) {
            done = true;
            resolve();
          }
        };
        try {
          office.context.ui.displayDialogAsync(
            noticeUrl(pageUrl, notice),
            { height: 35, width: 30, displayInIframe: true },
            (result) => {
              const succeeded = office.AsyncResultStatus?.Succeeded ?? "succeeded";
              if (result.status !== succeeded) {
                console.warn("progress-review:", notice.title, notice.lines.join(" "), result.error?.message ?? "");
                finish();
                return;
              }
              const dialog = result.value;
              const messageEvent = (office.EventType?.DialogMessageReceived ?? "dialogMessageReceived") as never;
              const closedEvent = (office.EventType?.DialogEventReceived ?? "dialogEventReceived") as never;
              dialog.addEventHandler(messageEvent, () => {
                try {
                  dialog.close();
                } finally {
                  finish();
                }
              });
              dialog.addEventHandler(closedEvent, finish);
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
