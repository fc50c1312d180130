/**
 * The simulated Excel as Excel for Windows presents itself to an add-in's webview: the `window.external`
 * object through which Microsoft's Office.js (office.js + excel-win32-16.01.js) talks to its host —
 * `GetContext()` (app type, locale, the requirement-set matrix Office.context.requirements answers from),
 * `Execute(dispId, args, callback)` (RichApi requests, command completion) and `RegisterEvent` /
 * `UnregisterEvent` (RichApi events, ribbon command invocations, dialogs).
 *
 * Behind it, RichApiHost answers each RichApi request on the simulated workbook. Office.js itself runs
 * unchanged on the other side: argument validation, load/sync rules, chunking and the request JSON are
 * Microsoft's.
 */
import type { RichApiHost } from "./richapi-host";

/** Dispatch ids from Office.js (OSF.DDA.MethodDispId / OSF.DDA.EventDispId). */
const DISPID = {
  executeRichApiRequest: 93,
  appCommandInvocationCompleted: 94,
  dialogMessageReceivedEvent: 10,
  richApiMessageEvent: 33,
  appCommandInvokedEvent: 39,
} as const;

/** Office.js's event type numbers (GenericEventHandlers eventType) by the Register…Event name. */
export const EVENT_TYPE = {
  DataChanged: 10,
  Activated: 11,
  Added: 13,
  SelectionChanged: 14,
  Deleted: 15,
} as const;

/** The message category of RichApi events (Office.js's Constants.eventMessageCategory). */
const EVENT_MESSAGE_CATEGORY = 65536;

/** OSF error codes Office.js maps (RichApiMessageUtility.buildResponseOnError, ErrorCodeManager). */
const OOE = {
  success: 0,
  internalError: 5001,
  requestPayloadSizeLimitExceeded: 5103,
  responsePayloadSizeLimitExceeded: 5104,
  dialogClosed: 12006,
} as const;

type HostCallback = (response: { toArray(): unknown[] } | number) => void;
type EventHandler = (dispId: number, payload: unknown) => void;

export interface Win32OfficeHostOptions {
  /** UI and data locale, e.g. "ja-JP". */
  locale?: string;
  /** ExcelApi minor version the host reports (7 → ExcelApi 1.7); default the simulated workbook's level. */
  excelApiLevel?: number;
  /** Host build shown by Office.context.diagnostics.version. */
  hostFullVersion?: string;
}

export interface CommandOutcome {
  /** event.completed() was called (false: Office.js ended the invocation itself, e.g. no such function). */
  completed: boolean;
  /** Office.js's status for the invocation (0: success; 5001 internal error; others: ErrorCodeManager). */
  status: number;
  /** The event object Office.js sent back with completed(). */
  data: unknown;
}

export interface OpenDialog {
  /** What the host was asked to open (the dialog's URL and options, as Office.js passed them). */
  request: unknown;
  /** Closes the dialog as the user would (the × button): Office.js raises DialogEventReceived 12006. */
  closeByUser(): void;
  closed: boolean;
}

/** The requirement sets Excel reports at an ExcelApi level (the other sets Office 2019 and later have). */
function requirementMatrix(level: number): string {
  return JSON.stringify({
    ExcelApi: `1.${level}`,
    AddinCommands: "1.1",
    DialogApi: "1.1",
    ImageCoercion: "1.1",
    Settings: "1.1",
    RichApiRuntimeFlag: "1.1",
  });
}

export class Win32OfficeHost {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly pendingCommands = new Map<string, (o: CommandOutcome) => void>();
  private nextCommand = 1;
  /** Excel sends ribbon invocations only once the function file has registered for them (and heard back). */
  private commandsRegistered!: () => void;
  private readonly commandsReady = new Promise<void>((resolve) => (this.commandsRegistered = resolve));
  /** Dialogs opened through Office.context.ui.displayDialogAsync, in order. */
  readonly dialogs: OpenDialog[] = [];
  /** Execute / RegisterEvent calls this host does not model (dispId). */
  readonly unsupported: number[] = [];
  private readonly locale: string;
  private readonly level: number;
  /** Errors thrown by RichApiHost itself (a bug there, not an Excel error). */
  readonly hostErrors: unknown[] = [];

  constructor(
    readonly richApi: RichApiHost,
    private readonly options: Win32OfficeHostOptions = {},
  ) {
    this.locale = options.locale ?? "ja-JP";
    this.level = options.excelApiLevel ?? richApi.sim.excelApiLevel;
  }

  /** The `_host_Info` Excel for Windows puts in the add-in's URL. */
  get hostInfo(): string {
    return `Excel$Win32$16.01$${this.locale}$$$disableLogging$0`;
  }

  /** The object to install as the webview's `window.external`. */
  external(): Record<string, unknown> {
    const context = {
      GetAppType: () => 1, // OSF.AppName.Excel
      GetSolutionRef: () => "progress-review",
      GetAppVersionMajor: () => 16,
      GetAppVersionMinor: () => 0,
      GetAppUILocale: () => this.locale,
      GetAppDataLocale: () => this.locale,
      GetDocUrl: () => "",
      GetAppCapabilities: () => 0,
      GetActivationMode: () => 0,
      GetControlIntegrationLevel: () => 0,
      GetSolutionToken: () => "",
      GetSupportedMatrix: () => requirementMatrix(this.level),
      GetHostFullVersion: () => this.options.hostFullVersion ?? "16.0.10730.20102",
      // Office.context.officeTheme: the "Colorful" theme's grays (colours as integers, as Excel sends them).
      GetOfficeThemeInfo: () =>
        JSON.stringify({
          primaryFontColor: 0x262626,
          primaryBackgroundColor: 0xffffff,
          secondaryFontColor: 0x737373,
          secondaryBackgroundColor: 0xf3f3f3,
        }),
      // Office.context.document.settings (the in-memory bag): empty, writes accepted.
      GetSettings: () => ({ Read: () => undefined, Write: () => undefined }),
    };
    return {
      GetContext: () => context,
      GetHostInfo: () => this.hostInfo,
      Execute: (dispId: number, args: unknown[], callback: HostCallback) => this.execute(dispId, args, callback),
      RegisterEvent: (dispId: number, targetId: string, handler: EventHandler, callback: HostCallback) => {
        this.handlers.set(`${dispId}|${targetId}`, handler);
        if (dispId === DISPID.dialogMessageReceivedEvent) this.openDialog(targetId, handler);
        else if (dispId !== DISPID.richApiMessageEvent && dispId !== DISPID.appCommandInvokedEvent) this.unsupported.push(dispId);
        later(() => {
          this.call(() => callback(OOE.success));
          if (dispId === DISPID.appCommandInvokedEvent) later(() => this.commandsRegistered());
        });
      },
      UnregisterEvent: (dispId: number, targetId: string, callback: HostCallback) => {
        this.handlers.delete(`${dispId}|${targetId}`);
        if (dispId === DISPID.dialogMessageReceivedEvent) for (const d of this.dialogs) d.closed = true;
        later(() => this.call(() => callback(OOE.success)));
      },
    };
  }

  /**
   * Clicks a ribbon button whose action is `functionName` (the manifest's ExecuteFunction): Excel sends
   * AppCommandInvoked to Office.js, which calls the associated function; resolves when the function calls
   * event.completed().
   */
  async invokeCommand(functionName: string, buttonId = "RecomputeButton"): Promise<CommandOutcome> {
    await this.commandsReady;
    const handler = [...this.handlers].find(([k]) => k.startsWith(`${DISPID.appCommandInvokedEvent}|`))?.[1];
    if (!handler) throw new Error("No function file has registered for ribbon commands (Office.js not initialised?).");
    // Excel's invocation ids are strings (Office.js checks the type when the command completes).
    const id = `command-${this.nextCommand++}`;
    return new Promise((resolve) => {
      this.pendingCommands.set(id, resolve);
      handler(DISPID.appCommandInvokedEvent, [id, functionName, JSON.stringify({ source: { id: buttonId } })]);
    });
  }

  /**
   * Raises a RichApi event (worksheet onChanged, onSelectionChanged…) into Office.js, as Excel does:
   * messageType is Office.js's event type number, targetId the worksheet id (or "" for collections),
   * message the event's JSON.
   */
  raiseEvent(eventType: number, targetId: string, message: Record<string, unknown>): boolean {
    const handler = [...this.handlers].find(([k]) => k.startsWith(`${DISPID.richApiMessageEvent}|`))?.[1];
    if (!handler) return false;
    handler(DISPID.richApiMessageEvent, safeArray([[EVENT_MESSAGE_CATEGORY, eventType, targetId, JSON.stringify(message)]]));
    return true;
  }

  /**
   * Raises a worksheet event where the add-in registered it (on that sheet, or on the worksheets collection),
   * with Office.js's event type numbers. Returns how many registrations received it.
   */
  raiseWorksheetEvent(event: keyof typeof EVENT_TYPE, worksheetId: string, message: Record<string, unknown>): number {
    let n = 0;
    for (const r of this.richApi.events) {
      if (r.event !== event) continue;
      if (r.on === "Worksheet" ? r.targetId !== worksheetId : r.on !== "WorksheetCollection") continue;
      if (this.raiseEvent(EVENT_TYPE[event], r.targetId, { worksheetId, ...message })) n++;
    }
    return n;
  }

  private execute(dispId: number, args: unknown[], callback: HostCallback): void {
    if (dispId === DISPID.executeRichApiRequest) {
      const message = args[0] as unknown[];
      const body = String(message[4]);
      this.richApi.process(body).then(
        (outcome) => {
          if (outcome.kind === "response") this.answer(callback, safeArray([OOE.success, [200, [], outcome.body]]));
          else {
            const code = outcome.code === "RequestPayloadSizeLimitExceeded" ? OOE.requestPayloadSizeLimitExceeded : OOE.responsePayloadSizeLimitExceeded;
            this.answer(callback, safeArray([code, [outcome.message]]));
          }
        },
        (e: unknown) => {
          this.hostErrors.push(e);
          callback(safeArray([OOE.internalError, [String(e)]]));
        },
      );
      return;
    }
    if (dispId === DISPID.appCommandInvocationCompleted) {
      const [id, status, data] = args as [string, number, string];
      const done = this.pendingCommands.get(id);
      this.pendingCommands.delete(id);
      later(() => {
        callback(safeArray([OOE.success]));
        done?.({ completed: status === OOE.success, status, data: typeof data === "string" && data ? JSON.parse(data) : null });
      });
      return;
    }
    this.unsupported.push(dispId);
    later(() => callback(safeArray([OOE.internalError])));
  }

  private call(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.hostErrors.push(e);
    }
  }

  /** Calls Office.js back; an exception there is Office.js rejecting our answer, kept for the tests. */
  private answer(callback: HostCallback, response: { toArray(): unknown[] }): void {
    try {
      callback(response);
    } catch (e) {
      this.hostErrors.push(e);
    }
  }

  private openDialog(targetId: string, handler: EventHandler): void {
    const dialog: OpenDialog = {
      request: targetId,
      closed: false,
      closeByUser: () => {
        if (dialog.closed) return;
        dialog.closed = true;
        handler(DISPID.dialogMessageReceivedEvent, [OOE.dialogClosed, "", ""]);
      },
    };
    this.dialogs.push(dialog);
  }
}

/** A host answer as Office.js reads it from the ActiveX bridge (VBArray-like: toArray()). */
function safeArray(values: unknown[]): { toArray(): unknown[] } {
  return { toArray: () => values };
}

/** Host answers arrive asynchronously, as from the real host process. */
function later(f: () => void): void {
  setTimeout(f, 0);
}
