/**
 * The simulated Excel's answer to Microsoft's Office.js client: it takes the RichApi request body that
 * Office.js sends at each `context.sync()` (ObjectPaths + Actions), replays it on the simulated workbook
 * through the simulated host's own proxies and one `sync()` — so that its strictness, requirement-set
 * levels, errors and fault injection stay those of one host — and returns the response body Office.js
 * expects (a result per action, `_ReferenceId` for tracked ranges, `_Items` with `_Id` for collections,
 * or an error with Excel's code, location and the index of the failing action).
 *
 * It measures the real request and response JSON (UTF-8 bytes) and refuses a request or response over
 * the limit (5 MB: Excel on the web) with RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded, as Excel does; the sizes are kept for tests and benchmarks.
 *
 * Not modelled: NewObject paths (other than Office's internal add-in service), RecursiveQuery /
 * QueryAsJson / EnsureUnchanged / Update actions, Top / Skip in queries, client objects nested inside
 * plain-object arguments. Each fails with NotImplemented, so a test sees it.
 */
import { utf8Length } from "../core/utf8-length";
import { isSimError, simError, type SimError } from "../preview/sim/errors";
import {
  metaOf,
  parseLoadOption,
  SimClientResult,
  SimObject,
  splitCollectionTree,
  type LoadTree,
  type SimRequestContext,
} from "../preview/sim/runtime";
import type { SimulatedExcel } from "../preview/simulated-excel";
import {
  ActionType,
  PathType,
  type ActionInfo,
  type ActionResult,
  type ObjectPathInfo,
  type RequestMessageBody,
  type ResponseMessageBody,
} from "./richapi-message";

/** One request/response pair, as measured on the wire. */
export interface RichApiExchange {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Error code when the request failed (refused or an action failed). */
  error?: string;
  /** Its message and location. */
  errorMessage?: string;
}

export type RichApiOutcome =
  | { kind: "response"; body: string }
  /** Refused before or after running, as Excel's transport does: Office.js turns these into its own errors. */
  | { kind: "refused"; code: "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded"; message: string };

export interface RichApiHostOptions {
  /** Largest request body in bytes (UTF-8); default 5 MB as Excel on the web. */
  maxRequestBytes?: number;
  /** Largest response body in bytes; default 5 MB. */
  maxResponseBytes?: number;
}

/** An event the add-in registered (Worksheet._RegisterDataChangedEvent …), by Office.js's name and target. */
export interface EventRegistration {
  /** "DataChanged", "SelectionChanged", "Activated", "Added", "Deleted", … */
  event: string;
  /** "Worksheet" or "WorksheetCollection". */
  on: string;
  /** The worksheet's id for a Worksheet, "Workbook" for the collection. */
  targetId: string;
}

interface Kept {
  make(ctx: SimRequestContext): SimObject;
  target: unknown;
}

/** What Office.js sends for the add-in runtime's own service (Office.actions and the ribbon). */
const INTERNAL_SERVICES = new Set(["Microsoft.InternalService.AddinInternalService"]);
const INTERNAL_SERVICE_METHODS = new Set(["NotifyActionHandlerReady"]);

/**
 * Objects the client can name but the simulated host has no proxy for: Office's internal add-in service, and the
 * object a method returns where the simulated method returns nothing (PageBreakCollection.add's PageBreak). They
 * can be instantiated; any other use is NotImplemented.
 */
type Opaque = "service" | "unmodelled-result";

const MAX_ITEM_TOKENS = 200_000;
const DEFAULT_LIMIT = 5 * 1024 * 1024;

/** Office.js's CommonUtility._toCamelLowerCase: "Values" → "values", "ID" → "id". */
export function toCamel(name: string): string {
  let i = 0;
  while (i < name.length && name.charCodeAt(i) >= 65 && name.charCodeAt(i) <= 90) i++;
  return i < name.length ? name.slice(0, i).toLowerCase() + name.slice(i) : name.toLowerCase();
}

/** The wire name of a property: "numberFormat" → "NumberFormat" (Office.js's _scalarPropertyOriginalNames). */
export function toPascal(name: string): string {
  return name.startsWith("_") ? name : name.charAt(0).toUpperCase() + name.slice(1);
}

const REGISTER = /^_(Register|Unregister)(\w+?)Event$/;

export class RichApiHost {
  readonly exchanges: RichApiExchange[] = [];
  /** "Worksheet.getRange", "Range.values=" …: what the add-in used through this host, for the report. */
  readonly used = new Set<string>();
  private readonly refs = new Map<string, Kept>();
  private readonly itemTokens = new Map<string, Kept>();
  private readonly registrations = new Map<string, EventRegistration>();
  private nextToken = 1;
  private readonly maxRequestBytes: number;
  private readonly maxResponseBytes: number;

  constructor(
    readonly sim: SimulatedExcel,
    options: RichApiHostOptions = {},
  ) {
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_LIMIT;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_LIMIT;
  }

  /** Largest request body so far (bytes). */
  get maxRequestBytesSeen(): number {
    return this.exchanges.reduce((m, e) => Math.max(m, e.requestBytes), 0);
  }

  /** Events registered now (registered and not unregistered). */
  get events(): EventRegistration[] {
    return [...this.registrations.values()];
  }

  /** Tracked-object references held for the client (`_KeepReference` minus `_RemoveReference`). */
  get referenceCount(): number {
    return this.refs.size;
  }

  resetExchanges(): void {
    this.exchanges.length = 0;
  }

  /** Answers one request body (the JSON text Office.js sends). */
  async process(requestText: string): Promise<RichApiOutcome> {
    const requestBytes = utf8Length(requestText);
    const body = JSON.parse(requestText) as RequestMessageBody;
    const exchange: RichApiExchange = { requestBytes, responseBytes: 0, actions: body.Actions.length };
    this.exchanges.push(exchange);
    if (requestBytes > this.maxRequestBytes) {
      exchange.error = "RequestPayloadSizeLimitExceeded";
      return {
        kind: "refused",
        code: "RequestPayloadSizeLimitExceeded",
        message: `The request is ${requestBytes} bytes; the limit is ${this.maxRequestBytes} bytes. Nothing was applied.`,
      };
    }
    const response = await this.run(body);
    const text = JSON.stringify(response);
    exchange.responseBytes = utf8Length(text);
    if (response.Error) {
      exchange.error = response.Error.Code;
      exchange.errorMessage = `${response.Error.Location}: ${response.Error.Message}`;
    }
    if (exchange.responseBytes > this.maxResponseBytes) {
      // Excel has already run the batch; only the answer is lost.
      exchange.error = "ResponsePayloadSizeLimitExceeded";
      return {
        kind: "refused",
        code: "ResponsePayloadSizeLimitExceeded",
        message: `The response is ${exchange.responseBytes} bytes; the limit is ${this.maxResponseBytes} bytes.`,
      };
    }
    return { kind: "response", body: text };
  }

  private async run(body: RequestMessageBody): Promise<ResponseMessageBody> {
    let response: ResponseMessageBody = { Results: [] };
    await this.sim.Excel.run(async (context) => {
      response = await this.replay(context as unknown as SimRequestContext, body);
    });
    return response;
  }

  private async replay(ctx: SimRequestContext, body: RequestMessageBody): Promise<ResponseMessageBody> {
    const paths = new Map<number, SimObject | Opaque>();
    const actions = body.Actions;
    /** Per action: how to read its result after the sync. */
    const readers: ((() => unknown) | null)[] = [];
    /** Per queued simulated operation: the index of the action it came from. */
    const opAction: number[] = [];
    const traceIds: number[] = [];
    const kept: [SimObject, string][] = [];
    const registrations: [SimObject, string, string, boolean][] = [];
    let failure: { index: number; error: SimError } | null = null;

    const resolve = (id: number): SimObject | Opaque => {
      const known = paths.get(id);
      if (known) return known;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw simError("InvalidObjectPath", `Object path ${id} is not in the request.`);
      const obj = this.resolvePath(ctx, info, resolve);
      paths.set(id, obj);
      return obj;
    };
    const object = (id: number): SimObject => {
      const o = resolve(id);
      if (typeof o === "string") throw simError("NotImplemented", `This object (${o}) has no such member in the simulated host.`);
      return o;
    };

    for (let i = 0; i < actions.length && !failure; i++) {
      const a = actions[i];
      const before = ctx._queue.length;
      try {
        readers[i] = this.translate(ctx, a, resolve, object, traceIds, kept, registrations);
      } catch (e) {
        failure = { index: i, error: asSimError(e, a.Name) };
        readers[i] = null;
      }
      for (let k = before; k < ctx._queue.length; k++) opAction[k] = i;
    }
    // Which queued operation was running when the sync failed: that is the failing action.
    let current = -1;
    ctx._queue.forEach((op, k) => {
      const run = op.run;
      op.run = (args, b) => {
        current = k;
        return run(args, b);
      };
    });
    try {
      await ctx.sync();
    } catch (e) {
      const index = current >= 0 ? (opAction[current] ?? actions.length - 1) : 0;
      failure = { index, error: asSimError(e, "sync") };
    }
    const reached = failure ? failure.index : actions.length;
    const results: ActionResult[] = [];
    if (!failure || failure.index > 0) {
      for (const [obj, id] of kept) {
        const t = targetOf(obj);
        if (t !== null && t !== undefined) this.refs.set(id, keep(obj, t));
      }
      for (const [obj, event, on, register] of registrations) this.register(obj, event, on, register);
    }
    for (let i = 0; i < reached; i++) {
      const read = readers[i];
      if (!read) continue;
      results.push({ ActionId: actions[i].Id, Value: read() });
    }
    const response: ResponseMessageBody = { Results: results };
    const traced = failure ? traceIds.filter((id) => actions.findIndex((a) => a.Id === id) < reached) : traceIds;
    if (traced.length) response.TraceIds = traced;
    if (failure) {
      const { error, index } = failure;
      response.Error = {
        Code: error.code,
        Message: error.message,
        Location: error.debugInfo.errorLocation ?? "",
        ActionIndex: index,
        HttpStatusCode: httpStatus(error.code),
      };
    }
    return response;
  }

  private resolvePath(
    ctx: SimRequestContext,
    info: ObjectPathInfo,
    resolve: (id: number) => SimObject | Opaque,
  ): SimObject | Opaque {
    const args = () => this.args(info.ArgumentInfo?.Arguments, info.ArgumentInfo?.ReferencedObjectPathIds, resolve);
    switch (info.ObjectPathType) {
      case PathType.GlobalObject:
        return ctx.workbook;
      case PathType.NewObject:
        if (INTERNAL_SERVICES.has(info.Name)) return "service";
        throw simError("NotImplemented", `new ${info.Name}() is not modelled by the simulated host.`);
      case PathType.Property: {
        const parent = this.parentOf(info, resolve);
        const name = toCamel(info.Name);
        this.note(parent, name);
        const child = (parent as unknown as Record<string, unknown>)[name];
        if (!(child instanceof SimObject)) throw notModelled(parent, name);
        return child;
      }
      case PathType.Method: {
        const parent = this.parentOf(info, resolve);
        const name = toCamel(info.Name);
        this.note(parent, `${name}()`);
        const fn = (parent as unknown as Record<string, unknown>)[name];
        if (typeof fn !== "function") throw notModelled(parent, name);
        const child = (fn as (...a: unknown[]) => unknown).apply(parent, args());
        if (child === undefined) return "unmodelled-result";
        if (!(child instanceof SimObject)) throw notModelled(parent, name);
        return child;
      }
      case PathType.Indexer: {
        const parent = this.parentOf(info, resolve);
        const [key] = args();
        const kept = typeof key === "string" ? this.itemTokens.get(key) : undefined;
        if (kept) return kept.make(ctx);
        this.note(parent, "getItem()");
        const getItem = (parent as unknown as { getItem?: (k: unknown) => unknown }).getItem;
        if (typeof getItem !== "function") throw notModelled(parent, "getItem");
        return getItem.call(parent, key) as SimObject;
      }
      case PathType.ReferenceId: {
        const kept = this.refs.get(info.Name);
        if (!kept) throw simError("InvalidObjectPath", `The reference ${info.Name} was released or never kept.`);
        return kept.make(ctx);
      }
      default:
        throw simError("InvalidObjectPath", `Object path type ${info.ObjectPathType} cannot be used.`);
    }
  }

  private parentOf(info: ObjectPathInfo, resolve: (id: number) => SimObject | Opaque): SimObject {
    const parent = resolve(info.ParentObjectPathId ?? 0);
    if (typeof parent === "string") throw simError("NotImplemented", `${info.Name} on ${parent} is not modelled.`);
    return parent;
  }

  private args(
    values: unknown[] | undefined,
    refs: (number | unknown[])[] | undefined,
    resolve: (id: number) => SimObject | Opaque,
  ): unknown[] {
    const list = values ?? [];
    return list.map((v, i) => {
      const ref = refs?.[i];
      if (typeof ref === "number" && ref !== 0) return resolve(ref);
      if (Array.isArray(ref)) throw simError("NotImplemented", "Arrays of client objects as arguments are not modelled.");
      // JSON has no undefined: an omitted optional argument arrives as null, which Excel takes as omitted.
      return v === null ? undefined : v;
    });
  }

  /** Queues what one action asks for; returns how to read its result after the sync (null: no result). */
  private translate(
    ctx: SimRequestContext,
    a: ActionInfo,
    resolve: (id: number) => SimObject | Opaque,
    object: (id: number) => SimObject,
    traceIds: number[],
    kept: [SimObject, string][],
    registrations: [SimObject, string, string, boolean][],
  ): (() => unknown) | null {
    switch (a.ActionType) {
      case ActionType.Instantiate: {
        const o = resolve(a.ObjectPathId);
        if (typeof o === "string") return () => ({});
        return () => {
          if (o._nullKnown && o._isNull) return null;
          const ref = kept.find(([k]) => k === o)?.[1];
          return ref ? { _ReferenceId: ref } : {};
        };
      }
      case ActionType.Query: {
        const o = object(a.ObjectPathId);
        const q = a.QueryInfo ?? {};
        if (q.Top !== undefined || q.Skip !== undefined) throw simError("NotImplemented", "$top / $skip in a load are not modelled.");
        const option = { select: q.Select ?? undefined, expand: q.Expand ?? undefined };
        const tree = parseLoadOption(option.select || option.expand ? option : undefined);
        const onItems = metaOf(o).collection ? "items/" : "";
        for (const s of tree.scalars) this.note(o, onItems + s);
        for (const n of tree.navs.keys()) this.note(o, onItems + n);
        o.load(option.select || option.expand ? option : undefined);
        return () => serialize(o, tree, this.token);
      }
      case ActionType.SetProperty: {
        const o = object(a.ObjectPathId);
        const name = toCamel(a.Name);
        this.note(o, `${name}=`);
        const desc = findSetter(o, name);
        if (!desc) throw notModelled(o, name);
        const [value] = this.args(a.ArgumentInfo?.Arguments, a.ArgumentInfo?.ReferencedObjectPathIds, resolve);
        desc.call(o, value);
        return null;
      }
      case ActionType.Method: {
        const target = resolve(a.ObjectPathId);
        if (typeof target === "string") {
          if (!INTERNAL_SERVICE_METHODS.has(a.Name)) throw simError("NotImplemented", `${a.Name} of Office's internal service is not modelled.`);
          return () => null;
        }
        const o = target;
        if (a.Name === "_KeepReference") {
          kept.push([o, `sim-ref-${this.nextToken++}`]);
          return () => null;
        }
        const args = this.args(a.ArgumentInfo?.Arguments, a.ArgumentInfo?.ReferencedObjectPathIds, resolve);
        if (a.Name === "_RemoveReference") {
          this.refs.delete(String(args[0]));
          return () => null;
        }
        if (a.Name === "_ValidateArraySize") {
          validateArraySize(o, Number(args[0]), Number(args[1]));
          return () => null;
        }
        const ev = REGISTER.exec(a.Name);
        if (ev) {
          this.note(o, `on${ev[2]}`);
          // Queue a resolution of the target so that a missing sheet fails here, in order.
          o.load(metaOf(o).collection ? "items/id" : metaOf(o).scalars.has("id") ? "id" : undefined);
          registrations.push([o, ev[2], metaOf(o).typeName, ev[1] === "Register"]);
          return () => null;
        }
        const name = toCamel(a.Name);
        this.note(o, `${name}()`);
        const fn = (o as unknown as Record<string, unknown>)[name];
        if (typeof fn !== "function") throw notModelled(o, name);
        const r = (fn as (...x: unknown[]) => unknown).apply(o, args);
        if (r instanceof SimClientResult) return () => (r as SimClientResult<unknown>).value;
        return () => null;
      }
      case ActionType.Trace:
        ctx.trace(String(a.Id));
        traceIds.push(a.Id);
        // Office.js runs its trace markers (event handler add / remove) when their result arrives.
        return () => null;
      default:
        throw simError("NotImplemented", `Action type ${a.ActionType} is not modelled by the simulated host.`);
    }
  }

  private register(obj: SimObject, event: string, on: string, register: boolean): void {
    const t = targetOf(obj) as { id?: string } | null;
    // Office.js matches a collection's events on the target id "Workbook" (OfficeExtension.Constants.eventWorkbookId).
    const targetId = on === "Worksheet" ? String(t?.id ?? "") : "Workbook";
    const key = `${on}|${event}|${targetId}`;
    if (register) this.registrations.set(key, { event, on, targetId });
    else this.registrations.delete(key);
  }

  private note(o: SimObject, member: string): void {
    this.used.add(`${metaOf(o).typeName}.${member}`);
  }

  /** A stable `_Id` for a collection item, so that Office.js's indexer path finds the same object later. */
  private readonly token = (item: SimObject): string | undefined => {
    const t = targetOf(item);
    if (t === null || t === undefined) return undefined;
    const id = `sim-item-${this.nextToken++}`;
    this.itemTokens.set(id, keep(item, t));
    if (this.itemTokens.size > MAX_ITEM_TOKENS) this.itemTokens.delete(this.itemTokens.keys().next().value as string);
    return id;
  };
}

function targetOf(o: SimObject): unknown {
  return o._cached ? o._cached.t : o._lastTarget;
}

/** A proxy of the same class, fixed on the same model object, in another request's context. */
function keep(o: SimObject, target: unknown): Kept {
  const Ctor = o.constructor as new (ctx: SimRequestContext, resolver: () => unknown, cacheable: boolean) => SimObject;
  return {
    target,
    make: (ctx) => {
      const p = new Ctor(ctx, () => target, true);
      p._cached = { t: target };
      return p;
    },
  };
}

function findSetter(o: SimObject, name: string): ((v: unknown) => void) | undefined {
  for (let p = Object.getPrototypeOf(o); p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d.set;
  }
  return undefined;
}

/** Office.js's chunked writes first check the whole array against the range (Range._ValidateArraySize). */
function validateArraySize(o: SimObject, rows: number, columns: number): void {
  o._method("_ValidateArraySize", [rows, columns], (b) => {
    const t = o._targetNN(b) as { rect?: { r0: number; r1: number; c0: number; c1: number } };
    const r = t.rect;
    if (!r) throw simError("InvalidArgument", "_ValidateArraySize needs a range.");
    if (r.r1 - r.r0 + 1 !== rows || r.c1 - r.c0 + 1 !== columns) {
      throw simError("InvalidArgument", `The array is ${rows}×${columns}; the range is ${r.r1 - r.r0 + 1}×${r.c1 - r.c0 + 1}.`);
    }
  });
}

/** The Value of a Query action: the loaded properties under their wire names, collections as `_Items`. */
function serialize(o: SimObject, tree: LoadTree, token: (item: SimObject) => string | undefined): unknown {
  if (o._nullKnown && o._isNull) return null;
  const meta = metaOf(o);
  if (meta.collection) {
    const { own, itemTree } = splitCollectionTree(tree, meta);
    const out: Record<string, unknown> = {};
    for (const s of own.scalars) out[toPascal(s)] = o._values.get(s);
    out._Items = o._items.map((item) => {
      const id = token(item);
      const v = serialize(item, itemTree, token) as Record<string, unknown> | null;
      return id === undefined ? v : { _Id: id, ...(v ?? {}) };
    });
    return out;
  }
  const out: Record<string, unknown> = {};
  const names = new Set(tree.scalars);
  if (tree.all) for (const k of o._values.keys()) if (meta.scalars.has(k)) names.add(k);
  for (const name of names) {
    if (meta.navs.has(name)) {
      out[toPascal(name)] = serialize(o._nav(name), { all: true, scalars: new Set(), navs: new Map() }, token);
    } else if (o._values.has(name)) out[toPascal(name)] = o._values.get(name);
  }
  for (const [name, sub] of tree.navs) out[toPascal(name)] = serialize(o._nav(name), sub, token);
  return out;
}

function notModelled(o: SimObject, member: string): SimError {
  return simError("NotImplemented", `${metaOf(o).typeName}.${member} is not modelled by the simulated host.`, `${metaOf(o).typeName}.${member}`);
}

function asSimError(e: unknown, where: string): SimError {
  if (isSimError(e)) return e;
  const err = simError("GeneralException", String((e as Error)?.message ?? e), where);
  (err as unknown as { cause: unknown }).cause = e;
  return err;
}

function httpStatus(code: string): number {
  switch (code) {
    case "ItemNotFound":
    case "ApiNotFound":
      return 404;
    case "GeneralException":
      return 500;
    case "NotImplemented":
      return 501;
    case "AccessDenied":
      return 403;
    case "Conflict":
    case "ItemAlreadyExists":
      return 409;
    default:
      return 400;
  }
}
