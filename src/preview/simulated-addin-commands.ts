/**
 * The Office side of add-in commands on the simulated host (a TEST AND TRIAL HOST,
 * not the product): what Excel does around an ExecuteFunction button.
 *
 * - `Office.actions.associate(name, fn)` registers the function the manifest names.
 * - A click calls it with an event; Excel queues further clicks of add-in commands
 *   until `event.completed()` is called, and ends the function after 5 minutes
 *   (the click's outcome is then `timedOut`; a later completed() changes nothing).
 * - `Office.context.ui.displayDialogAsync`: one dialog at a time (a second one fails
 *   with 12007, as in Office); the test plays the user (`userClosesDialog`).
 * - `Office.onReady(callback)` calls back with host Excel.
 *
 * Time comes from a clock the test drives (`advance`), so 5 minutes take no time.
 */
import type { CommandClock } from "../commands/recompute-command";

export const EXECUTE_FUNCTION_LIMIT_MS = 5 * 60 * 1000;

/** A clock whose time moves only when the test says so. */
export class ManualClock implements CommandClock {
  private time = 0;
  private nextId = 1;
  private timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves time forward, running due timers in order (and letting promises settle between them). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = Math.max(this.time, end);
    await settle();
  }
}

/** Lets queued promise callbacks (and I/O already done) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface ClickOutcome {
  /** completed() was called within Excel's limit. */
  completed: boolean;
  /** Excel ended the function (5 minutes without completed()). */
  timedOut: boolean;
  /** From the click (not from when a queued click started) to completed() or the time-out. */
  elapsedMs: number;
  /** From the start of the function to completed() or the time-out. */
  runMs: number;
}

export interface SimulatedDialog {
  url: string;
  options: unknown;
  closed: boolean;
  handlers: Map<string, (arg: unknown) => void>;
}

type CommandFunction = (event: { completed(options?: unknown): void; source: { id: string } }) => void;

export class SimulatedAddinCommands {
  readonly clock: ManualClock;
  private readonly functions = new Map<string, CommandFunction>();
  /** The last click in Excel's queue: the next click starts when it is settled. */
  private queue: Promise<unknown> = Promise.resolve();
  readonly dialogs: SimulatedDialog[] = [];
  /** completed() calls that came after Excel had ended the function. */
  lateCompletions = 0;

  constructor(clock: ManualClock = new ManualClock()) {
    this.clock = clock;
  }

  readonly actions = {
    associate: (name: string, fn: CommandFunction): void => {
      if (typeof fn !== "function") throw new TypeError(`Office.actions.associate: ${name} is not a function`);
      this.functions.set(name, fn);
    },
  };

  readonly ui = {
    displayDialogAsync: (
      url: string,
      options: unknown,
      callback?: (result: { status: string; value: unknown; error?: { code: number; message: string } }) => void,
    ): void => {
      if (this.dialogs.some((d) => !d.closed)) {
        callback?.({
          status: "failed",
          value: undefined,
          error: { code: 12007, message: "A dialog box is already opened from this host window." },
        });
        return;
      }
      const dialog: SimulatedDialog = { url, options, closed: false, handlers: new Map() };
      this.dialogs.push(dialog);
      callback?.({
        status: "succeeded",
        value: {
          close: () => {
            dialog.closed = true;
          },
          addEventHandler: (type: string, handler: (arg: unknown) => void) => dialog.handlers.set(type, handler),
        },
      });
    },
  };

  /** The open dialog, if any. */
  get openDialog(): SimulatedDialog | undefined {
    return this.dialogs.find((d) => !d.closed);
  }

  /** The user closes the open dialog with its X (Office reports 12006 to the add-in). */
  userClosesDialog(): void {
    const dialog = this.openDialog;
    if (!dialog) throw new Error("no dialog is open");
    dialog.closed = true;
    dialog.handlers.get("dialogEventReceived")?.({ error: 12006 });
  }

  /**
   * The `Office` global for the function file: the simulated Excel's requirements, with
   * actions, dialogs and onReady added.
   */
  office(base: { context: { requirements: unknown } }): Record<string, unknown> {
    return {
      ...base,
      context: { ...base.context, ui: this.ui },
      actions: this.actions,
      onReady: (callback?: (info: { host: string; platform: string }) => void) => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        callback?.(info);
        return Promise.resolve(info);
      },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      HostType: { Excel: "Excel" },
    };
  }

  /**
   * Clicks the button whose action calls `name`. Resolves when the function completes
   * or Excel ends it; drive the clock with `clock.advance` meanwhile.
   */
  click(name: string, controlId = "ProgressReview.RecomputeSummary"): Promise<ClickOutcome> {
    const fn = this.functions.get(name);
    if (!fn) return Promise.reject(new Error(`no function "${name}" was associated (Office.actions.associate)`));
    const clickedAt = this.clock.now();
    const run = this.queue.then(
      () =>
        new Promise<ClickOutcome>((resolve) => {
          const startedAt = this.clock.now();
          let settled = false;
          const timer = this.clock.setTimeout(() => {
            if (settled) return;
            settled = true;
            resolve({
              completed: false,
              timedOut: true,
              elapsedMs: this.clock.now() - clickedAt,
              runMs: this.clock.now() - startedAt,
            });
          }, EXECUTE_FUNCTION_LIMIT_MS);
          const event = {
            source: { id: controlId },
            completed: () => {
              if (settled) {
                this.lateCompletions++;
                return;
              }
              settled = true;
              this.clock.clearTimeout(timer);
              resolve({
                completed: true,
                timedOut: false,
                elapsedMs: this.clock.now() - clickedAt,
                runMs: this.clock.now() - startedAt,
              });
            },
          };
          try {
            fn(event);
          } catch (e) {
            // Excel shows its own error for a function that throws; the click ends there.
            settled = true;
            this.clock.clearTimeout(timer);
            console.error("simulated Excel: the command function threw", e);
            resolve({ completed: false, timedOut: false, elapsedMs: this.clock.now() - clickedAt, runMs: 0 });
          }
        }),
    );
    this.queue = run;
    return run;
  }
}
