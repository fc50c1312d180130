/**
 * The simulated Excel as Excel for Mac presents itself to an add-in's WKWebView. There is no `window.external`:
 * Office.js (office.js + excel-mac-16.00.js) finds the host in the page URL's `_host_Info` and posts JSON messages
 * to `window.webkit.messageHandlers.Agave` — `{ methodId, params, callbackId, callbackFunction }`, methodId from
 * OSF.Webkit.MethodId (Execute 1, RegisterEvent 2, UnregisterEvent 3, WriteSettings 4, GetContext 5) — and the
 * host answers by calling the page function the message names (OSF.ScriptMessaging.agaveHostCallback, or
 * agaveHostEventCallback for events) with the message's callback id and a payload array.
 *
 * What Excel answers (RichApi responses and events, ribbon invocations) is the same as on Windows: this host
 * speaks it through Win32OfficeHost and changes only the transport, so the Mac code path of Microsoft's Office.js
 * (its message queue, WebkitSafeArray, the reversed Execute payload) is what runs.
 */
import type { Win32OfficeHost } from "./win32-office-host";

/** The `_host_Info` Excel for Mac puts in the add-in page's URL (Office.js logging off, as the Windows host here). */
export function macHostInfo(locale: string): string {
  return `Excel$Mac$16.00$${locale}$$$disableLogging$0`;
}

/** OSF.Webkit.MethodId. */
const METHOD = { execute: 1, registerEvent: 2, unregisterEvent: 3, writeSettings: 4, getContext: 5 } as const;

/** A message as excel-mac-16.00.js posts it (JSON). */
interface WebkitMessage {
  methodId: number;
  params: unknown;
  callbackId?: string;
  callbackFunction?: string;
  eventCallbackFunction?: string;
}

type Win32External = {
  GetContext(): Record<string, () => unknown>;
  Execute(dispId: number, args: unknown[], callback: (r: { toArray(): unknown[] } | number) => void): void;
  RegisterEvent(dispId: number, targetId: string, handler: (dispId: number, payload: unknown) => void, callback: (r: unknown) => void): void;
  UnregisterEvent(dispId: number, targetId: string, callback: (r: unknown) => void): void;
};

/** Calls a function of the page by its dotted name (as the host evaluates `callbackFunction(id, payload)`). */
export type PageCall = (functionName: string, args: unknown[]) => void;

export class MacOfficeHost {
  /** Messages the host did not model (methodId), and page functions it could not find. */
  readonly unsupported: (number | string)[] = [];
  private readonly external: Win32External;

  constructor(
    readonly core: Win32OfficeHost,
    private readonly locale = "ja-JP",
    private readonly hostFullVersion = "16.43.20110804",
  ) {
    this.external = core.external() as unknown as Win32External;
  }

  /** The object to install as the page's `window.webkit`; answers go to the page through `callPage`. */
  webkit(callPage: PageCall): { messageHandlers: Record<string, { postMessage(json: string): void }> } {
    return { messageHandlers: { Agave: { postMessage: (json: string) => this.receive(JSON.parse(json) as WebkitMessage, callPage) } } };
  }

  private receive(m: WebkitMessage, callPage: PageCall): void {
    const answer = (payload: unknown) => {
      if (m.callbackId && m.callbackFunction) later(() => callPage(m.callbackFunction!, [m.callbackId, payload]));
    };
    switch (m.methodId) {
      case METHOD.getContext:
        answer(this.appContext());
        return;
      case METHOD.execute: {
        const { id, apiArgs } = m.params as { id: number; apiArgs: unknown[] };
        // Office.js reverses the payload's elements into the callback's arguments: one element, the response.
        this.external.Execute(id, apiArgs, (r) => answer([typeof r === "number" ? r : r.toArray()]));
        return;
      }
      case METHOD.registerEvent: {
        const { id, targetId } = m.params as { id: number; targetId: string };
        const eventCallback = m.eventCallbackFunction;
        this.external.RegisterEvent(
          id,
          targetId,
          (dispId, payload) => {
            const data = isSafeArrayLike(payload) ? payload.toArray() : payload;
            // An event reaches the handler registered under this message's callback id: [its data, its dispId].
            if (eventCallback && m.callbackId) callPage(eventCallback, [m.callbackId, [data, dispId]]);
          },
          (r) => answer([typeof r === "number" ? r : 0]),
        );
        return;
      }
      case METHOD.unregisterEvent: {
        const { id, targetId } = m.params as { id: number; targetId: string };
        this.external.UnregisterEvent(id, targetId, (r) => answer([typeof r === "number" ? r : 0]));
        return;
      }
      case METHOD.writeSettings:
        answer([0]);
        return;
      default:
        this.unsupported.push(m.methodId);
        answer([5001]);
    }
  }

  /** OSF.Webkit.AppContextProperties, in order, from what the Windows host reports. */
  private appContext(): unknown[] {
    const c = this.external.GetContext();
    return [
      [[], []], // Settings: keys, values
      c.GetSolutionRef!(),
      c.GetAppType!(),
      c.GetAppVersionMajor!(),
      c.GetAppVersionMinor!(),
      0, // RevisionVersion
      "", // APIVersionSequence
      c.GetAppCapabilities!(),
      this.locale, // APPUILocale
      this.locale, // AppDataLocale
      0, // BindingCount
      c.GetDocUrl!(),
      c.GetActivationMode!(),
      c.GetControlIntegrationLevel!(),
      c.GetSolutionToken!(),
      "", // APISetVersion
      "", // CorrelationId
      "", // InstanceId
      false, // TouchEnabled
      true, // CommerceAllowed
      c.GetSupportedMatrix!(),
      "", // HostCustomMessage
      this.hostFullVersion,
      0, // InitialDisplayMode
    ];
  }
}

function isSafeArrayLike(v: unknown): v is { toArray(): unknown[] } {
  return typeof v === "object" && v !== null && typeof (v as { toArray?: unknown }).toArray === "function";
}

/** Host answers arrive asynchronously, as from the real host process. */
function later(f: () => void): void {
  setTimeout(f, 0);
}
