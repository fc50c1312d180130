/**
 * The request/response machinery of the simulated host: proxy objects, load options,
 * the queue of operations, `context.sync()` and `Excel.run`.
 *
 * Semantics modelled after Office.js:
 * - Reading a property throws PropertyNotLoaded until it was loaded AND a sync ran after the
 *   load (or the property was written locally, which makes the written value readable).
 * - Property writes and method calls are queued; the workbook changes only at sync, in order.
 * - Methods that return objects (getItem, getRange, add…) are resolved at sync: a missing item
 *   fails the sync there (ItemNotFound); *OrNullObject variants give isNullObject = true.
 * - A sync that fails part-way keeps what ran before the failing operation and skips the rest,
 *   as Excel does; fault injection (failAtSync) and an oversized request fail before anything
 *   runs; an oversized response is rolled back (all-or-nothing: a simplification of the real
 *   host, which would already have applied the writes).
 * - Each sync that has something queued counts once. An empty sync has nothing to send and
 *   is not counted (Office.js skips the round trip too).
 */
import { simError, isSimError, propertyNotLoaded, SimError } from "./errors";
import type { WorkbookModel } from "./model";
import type { SimApplication, SimWorkbook } from "./proxies-sheet";
import { utf8Length } from "../../core/utf8-length";
export { utf8Length };

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The part of an Office.js interface a proxy stands for: its properties with their @types/office-js types and
 * its methods with their parameter lists (a proxy returns proxies, so return types are not compared). A class
 * that `implements SimOf<Excel.Worksheet, "name" | "delete" | …>` fails to compile when the typings drift.
 */
export type SimOf<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown
    ? { method(...args: SimArgs<A>): unknown }["method"]
    : T[P] extends OfficeExtension.ClientObject
      ? SimObject // a navigation (Range.format): the proxy of the object, itself checked by its own class
      : T[P];
};
/** Where Office.js takes one of its objects (a Range, a Worksheet), a proxy takes a proxy. */
type SimArgs<A extends unknown[]> = { [I in keyof A]: SimArg<A[I]> };
type SimArg<X> = X extends OfficeExtension.ClientObject ? SimObject : X;

export interface SyncStats {
  syncs: number;
  batchBytes: number[];
  maxBatchBytes: number;
  totalBytes: number;
  /** The largest request (what the add-in sent, without the response). */
  maxRequestBytes: number;
}

export interface HostState {
  wb: WorkbookModel;
  level: number;
  maxBatchBytes: number;
  stats: SyncStats;
  failAt: number | null;
  syncsSinceFailSet: number;
  /** Fault injection at one operation: the n-th operation (from now) whose label matches fails; earlier ones stay applied. */
  failOp?: { match: (label: string) => boolean; remaining: number } | null;
  /**
   * A user editing a cell: once `syncsLeft` more syncs have run, every sync is refused with
   * InvalidOperationInCellEditMode before anything in it runs (Excel answers no request then).
   */
  cellEdit?: { syncsLeft: number } | null;
  /** Created lazily by the workbook proxy factory (set by simulated-excel.ts). */
  makeWorkbook(ctx: SimRequestContext): SimWorkbook;
  makeApplication(ctx: SimRequestContext): SimApplication;
}

export function requireLevel(host: HostState, minor: number | undefined, what: string): void {
  if (minor && host.level < minor) {
    throw simError(
      "ApiNotFound",
      `${what} needs ExcelApi 1.${minor}; this host supports ExcelApi 1.${host.level}.`,
      what,
    );
  }
}

/** What a batch collects while it runs. */
export class BatchContext {
  readonly responses: unknown[] = [];
  readonly applies: (() => void)[] = [];
  readonly touched = new Set<SimObject>();
  readonly traces: string[] = [];
  constructor(readonly host: HostState) {}
}

/** How an operation travels in an Office.js request (RequestMessageBody: Actions + ObjectPaths). */
type OpKind = "path" | "set" | "method" | "query" | "trace";

interface Op {
  label: string;
  kind: OpKind;
  /** The object a "path" operation creates (its ObjectPath id). */
  creates?: SimObject;
  obj: SimObject;
  /** Values that travel to the host (sized as JSON; property writes are re-read from the JSON). */
  args: unknown[];
  viaWire: boolean;
  isRead: boolean;
  run(args: unknown[], b: BatchContext): void;
}

// ---------------------------------------------------------------------------------------------
// Load options

export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, LoadTree>;
}

function emptyTree(all = false): LoadTree {
  return { all, scalars: new Set(), navs: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return;
  let t = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    let n = t.navs.get(parts[i]);
    if (!n) t.navs.set(parts[i], (n = emptyTree()));
    t = n;
  }
  const leaf = parts[parts.length - 1];
  if (leaf === "$all" || leaf === "*") t.all = true;
  else t.scalars.add(leaf);
}

function toList(x: unknown): string[] {
  if (x === undefined || x === null) return [];
  if (Array.isArray(x)) return x.flatMap((s) => toList(s));
  if (typeof x === "string")
    return x
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  throw simError("InvalidArgument", "Load options must be strings, arrays of strings or { select, expand }.");
}

export function parseLoadOption(option: unknown): LoadTree {
  if (option === undefined || option === null || option === "") return emptyTree(true);
  const tree = emptyTree();
  if (typeof option === "string" || Array.isArray(option)) {
    for (const p of toList(option)) addPath(tree, p);
    return tree;
  }
  if (typeof option === "object") {
    const o = option as { select?: unknown; expand?: unknown; top?: unknown; skip?: unknown };
    const sel = toList(o.select);
    for (const p of sel) addPath(tree, p);
    if (!sel.length) tree.all = true;
    for (const p of toList(o.expand)) {
      addPath(tree, `${p}/$all`);
    }
    return tree;
  }
  throw simError("InvalidArgument", "Invalid load option.");
}

function treeToJson(t: LoadTree): unknown {
  const out: Record<string, unknown> = {};
  if (t.all) out.$all = true;
  if (t.scalars.size) out.select = [...t.scalars];
  if (t.navs.size) out.expand = Object.fromEntries([...t.navs].map(([k, v]) => [k, treeToJson(v)]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Class metadata

export interface ScalarSpec {
  name: string;
  get: (target: any, obj: any, b: BatchContext) => unknown;
  set?: (target: any, value: any, obj: any, b: BatchContext) => void;
  /** ExcelApi minor version that introduced the property. */
  level?: number;
  /** Excluded from load() without arguments (e.g. expensive or newer properties). */
  notInAll?: boolean;
  /** Property writes whose value is big (values arrays): take them from the JSON wire form. */
  wire?: boolean;
}

export interface NavSpec {
  name: string;
  create: (parent: any) => SimObject;
  level?: number;
}

export interface ClassMeta {
  typeName: string;
  scalars: Map<string, ScalarSpec>;
  navs: Map<string, NavSpec>;
  /** Collections: what items are (resolved at load time). */
  collection?: {
    items: (target: any, obj: any, b: BatchContext) => unknown[];
    makeItem: (obj: any, itemTarget: unknown) => SimObject;
  };
}

const META = new WeakMap<object, ClassMeta>();

export function defineProxy(
  cls: abstract new (...args: any[]) => SimObject,
  typeName: string,
  spec: { scalars?: ScalarSpec[]; navs?: NavSpec[]; collection?: ClassMeta["collection"] },
): void {
  const meta: ClassMeta = {
    typeName,
    scalars: new Map((spec.scalars ?? []).map((s) => [s.name, s])),
    navs: new Map((spec.navs ?? []).map((n) => [n.name, n])),
    collection: spec.collection,
  };
  META.set(cls.prototype, meta);
  for (const s of meta.scalars.values()) {
    const desc: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: SimObject) {
        return this._read(s.name);
      },
    };
    if (s.set) {
      desc.set = function (this: SimObject, v: unknown) {
        this._write(s.name, v);
      };
    }
    Object.defineProperty(cls.prototype, s.name, desc);
  }
  for (const n of meta.navs.values()) {
    Object.defineProperty(cls.prototype, n.name, {
      configurable: true,
      enumerable: true,
      get(this: SimObject) {
        return this._nav(n.name);
      },
    });
  }
  if (spec.collection) {
    Object.defineProperty(cls.prototype, "items", {
      configurable: true,
      enumerable: true,
      get(this: SimObject) {
        if (!this._itemsLoaded) throw propertyNotLoaded("items", typeName);
        return this._items;
      },
    });
  }
}

/** The proxy's class metadata (scalars, navigation properties, collection): the RichApi host (src/excel-sim) reads results with it. */
export function metaOf(obj: SimObject): ClassMeta {
  const m = META.get(Object.getPrototypeOf(obj));
  if (!m) throw new Error(`No proxy metadata for ${obj.constructor.name}`);
  return m;
}

/**
 * A collection's load: collection-level scalars (count) stay on the collection; everything else, `items/…`
 * included, is about the items (all of them when nothing names an item property).
 */
export function splitCollectionTree(tree: LoadTree, meta: ClassMeta): { own: LoadTree; itemTree: LoadTree } {
  const own = emptyTree();
  const itemTree = emptyTree(tree.all);
  for (const s of tree.scalars) {
    if (meta.scalars.has(s)) own.scalars.add(s);
    else if (s === "items") itemTree.all = true;
    else itemTree.scalars.add(s);
  }
  for (const [k, v] of tree.navs) {
    if (k === "items") {
      if (v.all) itemTree.all = true;
      for (const s of v.scalars) itemTree.scalars.add(s);
      for (const [k2, v2] of v.navs) itemTree.navs.set(k2, v2);
    } else itemTree.navs.set(k, v);
  }
  if (!itemTree.scalars.size && !itemTree.navs.size && !own.scalars.size) itemTree.all = true;
  return { own, itemTree };
}

// ---------------------------------------------------------------------------------------------
// Proxy base class

export type Resolver = (b: BatchContext) => unknown;

let nextObjectId = 1;

export abstract class SimObject {
  /** The request context the object belongs to. */
  readonly context: SimRequestContext;
  /** @internal */ readonly _id = nextObjectId++;
  /** @internal */ _values = new Map<string, unknown>();
  /** @internal */ _items: SimObject[] = [];
  /** @internal */ _itemsLoaded = false;
  /** @internal */ _navCache = new Map<string, SimObject>();
  /** @internal */ _resolver: Resolver;
  /** @internal */ _cacheable: boolean;
  /** @internal */ _cached: { t: unknown } | null = null;
  /** @internal */ _nullKnown = false;
  /** @internal */ _isNull = false;
  /** @internal */ _lastTarget: unknown = undefined;

  constructor(context: SimRequestContext, resolver: Resolver, cacheable = false) {
    this.context = context;
    this._resolver = resolver;
    this._cacheable = cacheable;
  }

  /** True when the object does not exist (only for *OrNullObject results); readable after a sync. */
  get isNullObject(): boolean {
    if (!this._nullKnown) throw propertyNotLoaded("isNullObject", metaOf(this).typeName);
    return this._isNull;
  }

  /** @internal The model object behind the proxy, or null for a null object. Called during sync only. */
  _target(b: BatchContext): any {
    let t: unknown;
    if (this._cached) t = this._cached.t;
    else {
      t = this._resolver(b);
      if (this._cacheable) this._cached = { t };
    }
    if (t && typeof t === "object" && (t as { deleted?: boolean }).deleted) {
      throw simError("ItemNotFound", `The ${metaOf(this).typeName} no longer exists.`);
    }
    this._lastTarget = t;
    b.touched.add(this);
    return t;
  }

  /** @internal Like _target but a null object is an error. */
  _targetNN(b: BatchContext): any {
    const t = this._target(b);
    if (t === null || t === undefined) throw simError("ItemNotFound", `The ${metaOf(this).typeName} is a null object.`);
    return t;
  }

  /** @internal */
  _host(): HostState {
    return this.context._host;
  }

  /** @internal */
  _read(name: string): unknown {
    if (this._values.has(name)) return this._values.get(name);
    throw propertyNotLoaded(name, metaOf(this).typeName);
  }

  /** @internal Queue a property write; the value is readable locally straight away. */
  _write(name: string, value: unknown): void {
    const meta = metaOf(this);
    const spec = meta.scalars.get(name)!;
    this.context._assertUsable(this);
    if (value === undefined) throw simError("InvalidArgument", `${meta.typeName}.${name} cannot be set to undefined.`);
    this._values.set(name, value);
    this.context._enqueue({
      label: `${meta.typeName}.${name}`,
      kind: "set",
      obj: this,
      args: [value],
      viaWire: !!spec.wire || (typeof value === "object" && value !== null),
      isRead: false,
      run: (args, b) => {
        requireLevel(b.host, spec.level, `${meta.typeName}.${name}`);
        const v = args[0];
        if (v === null) throw simError("InvalidArgument", `${meta.typeName}.${name} cannot be set to null.`);
        spec.set!(this._targetNN(b), v, this, b);
      },
    });
  }

  /** @internal Child object reached through a navigation property (format, font, pageLayout…). */
  _nav(name: string): SimObject {
    let child = this._navCache.get(name);
    if (!child) {
      const spec = metaOf(this).navs.get(name)!;
      child = spec.create(this);
      if (spec.level) {
        const inner = child._resolver;
        const typeName = metaOf(this).typeName;
        child._resolver = (b) => {
          requireLevel(b.host, spec.level, `${typeName}.${name}`);
          return inner(b);
        };
      }
      this._navCache.set(name, child);
    }
    return child;
  }

  /** @internal Queue a method call. */
  _method(label: string, args: unknown[], run: (b: BatchContext) => void, level?: number): void {
    this.context._assertUsable(this);
    for (const a of args) if (a instanceof SimObject) this.context._assertSameContext(a);
    const typeName = metaOf(this).typeName;
    this.context._enqueue({
      label: `${typeName}.${label}`,
      kind: "method",
      obj: this,
      args,
      viaWire: false,
      isRead: false,
      run: (_args, b) => {
        requireLevel(b.host, level, `${typeName}.${label}`);
        run(b);
      },
    });
  }

  /**
   * @internal A method that returns a new object: the object is resolved (or created) at sync,
   * in queue order; failures surface there.
   */
  _child<C extends SimObject>(
    label: string,
    args: unknown[],
    make: (resolver: Resolver) => C,
    resolve: (b: BatchContext) => unknown,
    opts: { level?: number; creates?: boolean } = {},
  ): C {
    this.context._assertUsable(this);
    for (const a of args) if (a instanceof SimObject) this.context._assertSameContext(a);
    const typeName = metaOf(this).typeName;
    let created: { t: unknown } | null = null;
    const child = make((b) => {
      if (opts.creates) {
        if (created) return created.t;
        throw simError("ItemNotFound", `${typeName}.${label} did not create the object.`);
      }
      requireLevel(b.host, opts.level, `${typeName}.${label}`);
      return resolve(b);
    });
    child._cacheable = true;
    this.context._enqueue({
      label: `${typeName}.${label}`,
      kind: "path",
      creates: child,
      obj: this,
      args,
      viaWire: false,
      isRead: false,
      run: (_args, b) => {
        requireLevel(b.host, opts.level, `${typeName}.${label}`);
        if (opts.creates) {
          const t = resolve(b);
          created = { t };
          child._cached = { t };
        }
        child._target(b);
      },
    });
    return child;
  }

  /** @internal A method that returns a primitive (ClientResult). */
  _result<T>(label: string, args: unknown[], compute: (b: BatchContext) => T, level?: number): SimClientResult<T> {
    const r = new SimClientResult<T>();
    const typeName = metaOf(this).typeName;
    this.context._assertUsable(this);
    this.context._enqueue({
      label: `${typeName}.${label}`,
      kind: "method",
      obj: this,
      args,
      viaWire: false,
      isRead: true,
      run: (_args, b) => {
        requireLevel(b.host, level, `${typeName}.${label}`);
        const v = compute(b);
        b.responses.push(v);
        b.applies.push(() => r._set(v));
      },
    });
    return r;
  }

  /**
   * Queues loading of properties; they become readable after the next `context.sync()`.
   * Accepts "a,b", ["a","b"], "items/name" on collections, "format/font/bold", and { select, expand }.
   */
  load(
    option?:
      string | string[] | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number },
  ): this {
    this.context._assertUsable(this);
    const tree = parseLoadOption(option);
    const meta = metaOf(this);
    this.context._enqueue({
      label: `${meta.typeName}.load`,
      kind: "query",
      obj: this,
      args: [treeToJson(tree)],
      viaWire: false,
      isRead: true,
      run: (_args, b) => {
        const { json, apply } = this._collect(tree, b, meta.typeName);
        b.responses.push(json);
        b.applies.push(apply);
      },
    });
    return this;
  }

  /** @internal Compute loaded data at sync time; apply() stores it in the proxies after the batch succeeded. */
  _collect(tree: LoadTree, b: BatchContext, where: string): { json: unknown; apply: () => void } {
    const meta = metaOf(this);
    if (meta.collection) return this._collectCollection(tree, b, where);
    const target = this._target(b);
    const values: [string, unknown][] = [];
    const children: [SimObject, { json: unknown; apply: () => void }][] = [];
    const names = new Set<string>(tree.scalars);
    if (tree.all)
      for (const s of meta.scalars.values()) if (!s.notInAll && !(s.level && b.host.level < s.level)) names.add(s.name);
    const json: Record<string, unknown> = {};
    for (const name of names) {
      const spec = meta.scalars.get(name);
      if (!spec) {
        if (meta.navs.has(name)) {
          const child = this._nav(name);
          children.push([child, child._collect(emptyTree(true), b, `${where}/${name}`)]);
          continue;
        }
        throw simError(
          "InvalidArgument",
          `Property '${name}' does not exist on type ${meta.typeName}.`,
          `${meta.typeName}.load`,
        );
      }
      requireLevel(b.host, spec.level, `${meta.typeName}.${name}`);
      const v = target === null ? null : spec.get(target, this, b);
      values.push([name, v]);
      json[name] = v;
    }
    for (const [name, sub] of tree.navs) {
      if (!meta.navs.has(name))
        throw simError(
          "InvalidArgument",
          `Navigation property '${name}' does not exist on type ${meta.typeName}.`,
          `${meta.typeName}.load`,
        );
      const child = this._nav(name);
      const res = target === null ? { json: null, apply: () => undefined } : child._collect(sub, b, `${where}/${name}`);
      children.push([child, res]);
      json[name] = res.json;
    }
    return {
      json,
      apply: () => {
        for (const [k, v] of values) this._values.set(k, v);
        for (const [, r] of children) r.apply();
      },
    };
  }

  private _collectCollection(tree: LoadTree, b: BatchContext, where: string): { json: unknown; apply: () => void } {
    const meta = metaOf(this);
    const coll = meta.collection!;
    const target = this._target(b);
    const { own, itemTree } = splitCollectionTree(tree, meta);
    const itemTargets = target === null ? [] : coll.items(target, this, b);
    const items = itemTargets.map((t) => coll.makeItem(this, t));
    const results = items.map((it, i) => it._collect(itemTree, b, `${where}/items[${i}]`));
    const ownValues: [string, unknown][] = [];
    const json: Record<string, unknown> = { items: results.map((r) => r.json) };
    for (const s of own.scalars) {
      const v = target === null ? null : meta.scalars.get(s)!.get(target, this, b);
      ownValues.push([s, v]);
      json[s] = v;
    }
    return {
      json,
      apply: () => {
        for (const r of results) r.apply();
        for (const it of items) {
          it._nullKnown = true;
          it._isNull = false;
        }
        this._items = items;
        this._itemsLoaded = true;
        for (const [k, v] of ownValues) this._values.set(k, v);
      },
    };
  }

  /** Plain data of the loaded properties (like Office's toJSON). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(this._values);
    for (const [k, child] of this._navCache) {
      const j = child.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    if (this._itemsLoaded) out.items = this._items.map((i) => i.toJSON());
    return out;
  }

  /** Office.js lets objects be tracked across syncs; here every object keeps working inside its Excel.run. */
  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }
  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}

/** OfficeExtension.ClientResult: `value` is readable after the sync. */
export class SimClientResult<T> {
  private _v: T | undefined;
  private _loaded = false;
  get value(): T {
    if (!this._loaded) throw simError("ValueNotLoaded");
    return this._v as T;
  }
  /** @internal */
  _set(v: T): void {
    this._v = v;
    this._loaded = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context

export class SimTrackedObjects {
  /** @internal */ readonly _set = new Set<SimObject>();
  add(objects: SimObject | SimObject[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) this._set.add(o);
  }
  remove(objects: SimObject | SimObject[]): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) this._set.delete(o);
  }
}

export class SimRequestContext {
  /** @internal */ readonly _host: HostState;
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _closed = false;
  readonly trackedObjects = new SimTrackedObjects();
  requestHeaders: { [name: string]: string } = {};
  private _workbook: SimWorkbook | null = null;
  private _application: SimApplication | null = null;

  constructor(host: HostState) {
    this._host = host;
  }

  get workbook(): SimWorkbook {
    return (this._workbook ??= this._host.makeWorkbook(this));
  }

  get application(): SimApplication {
    return (this._application ??= this._host.makeApplication(this));
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._queue.map((o) => o.label) };
  }

  load(object: SimObject, option?: Parameters<SimObject["load"]>[0]): void {
    object.load(option);
  }

  /** Loads `object` with the options given for its type name (no recursion into navigation properties beyond that). */
  loadRecursive(
    object: SimObject,
    options: { [typeName: string]: string | string[] | { select?: string | string[]; expand?: string | string[] } },
    _maxDepth?: number,
  ): void {
    const typeName = metaOf(object).typeName;
    object.load(options?.[typeName] as Parameters<SimObject["load"]>[0]);
  }

  /** Excel.Runtime (ExcelApi 1.5): only enableEvents, recorded. */
  get runtime(): any {
    const runtime: { enableEvents: boolean; load(): unknown } = {
      enableEvents: true,
      load: () => runtime,
    };
    return (this._runtime ??= runtime);
  }
  private _runtime?: { enableEvents: boolean; load(): unknown };

  trace(message: string): void {
    this._enqueueRaw({
      label: "trace",
      kind: "trace",
      obj: null as unknown as SimObject,
      args: [message],
      viaWire: false,
      isRead: false,
      run: (_a, b) => void b.traces.push(message),
    });
  }

  /** @internal */
  _assertUsable(obj: SimObject): void {
    if (this._closed && !this.trackedObjects._set.has(obj)) {
      throw simError("InvalidObjectPath", "The object was used after its Excel.run batch finished.");
    }
  }

  /** @internal */
  _assertSameContext(obj: SimObject): void {
    if (obj.context !== this) throw simError("InvalidRequestContext");
  }

  /** @internal */
  _enqueue(op: Op): void {
    this._enqueueRaw(op);
  }

  private _enqueueRaw(op: Op): void {
    this._queue.push(op);
  }

  /**
   * Sends the queued operations: runs them in order against the workbook, then fills the
   * loaded properties. Rejects with a RichApi.Error-shaped error (code, message, debugInfo).
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queue;
    this._queue = [];
    await Promise.resolve();
    if (!ops.length) return passThroughValue as T;
    const host = this._host;
    const stats = host.stats;
    stats.syncs += 1;
    host.syncsSinceFailSet += 1;
    // Request: the operations as Office.js encodes them, with the values they carry.
    const { bytes: requestBytes, wires } = encodeRequest(ops);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    const record = (bytes: number) => {
      stats.batchBytes.push(bytes);
      stats.totalBytes += bytes;
      stats.maxBatchBytes = Math.max(stats.maxBatchBytes, bytes);
    };
    if (host.failAt !== null && host.syncsSinceFailSet === host.failAt) {
      host.failAt = null;
      record(requestBytes);
      throw simError(
        "GeneralException",
        "Simulated failure of this sync (failAtSync): nothing in the batch was applied.",
        "RequestContext.sync",
      );
    }
    if (host.cellEdit) {
      if (host.cellEdit.syncsLeft > 0) host.cellEdit.syncsLeft--;
      else {
        record(requestBytes);
        throw simError("InvalidOperationInCellEditMode", undefined, "RequestContext.sync");
      }
    }
    if (requestBytes > host.maxBatchBytes) {
      record(requestBytes);
      throw simError(
        "RequestPayloadSizeLimitExceeded",
        `This batch is ${requestBytes} bytes; the limit is ${host.maxBatchBytes} bytes (Excel on the web allows 5 MB per request). Nothing was applied.`,
        "RequestContext.sync",
      );
    }
    const wb = host.wb;
    const b = new BatchContext(host);
    const hasReads = ops.some((o) => o.isRead);
    if (hasReads) wb.beginJournal();
    let failure: SimError | null = null;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      try {
        const f = host.failOp;
        if (f && f.match(op.label) && --f.remaining === 0) {
          host.failOp = null;
          throw simError("GeneralException", `Simulated failure of ${op.label} (failAtOperation): what ran before it in the batch stays.`);
        }
        const args = wires[i] !== null ? (JSON.parse(wires[i]!) as unknown[]) : op.args;
        op.run(args, b);
      } catch (e) {
        failure = isSimError(e)
          ? e.at(op.label)
          : simError("GeneralException", String((e as Error)?.message ?? e), op.label);
        if (!isSimError(e)) (failure as unknown as { cause: unknown }).cause = e;
        break;
      }
    }
    if (failure) {
      wb.commitJournal();
      record(requestBytes);
      failure.traceMessages = b.traces.slice();
      throw failure;
    }
    const responseBytes = b.responses.length ? utf8Length(JSON.stringify(b.responses)) : 0;
    record(requestBytes + responseBytes);
    if (responseBytes > host.maxBatchBytes) {
      wb.rollbackJournal();
      throw simError(
        "ResponsePayloadSizeLimitExceeded",
        `The response to this batch is ${responseBytes} bytes; the limit is ${host.maxBatchBytes} bytes (Excel on the web allows 5 MB per response). Nothing was applied; load smaller blocks.`,
        "RequestContext.sync",
      );
    }
    wb.commitJournal();
    for (const a of b.applies) a();
    for (const o of b.touched) {
      o._nullKnown = true;
      o._isNull = o._lastTarget === null || o._lastTarget === undefined;
    }
    return passThroughValue as T;
  }
}

const pascal = (label: string) => {
  const name = label.slice(label.lastIndexOf(".") + 1);
  return name.charAt(0).toUpperCase() + name.slice(1);
};
const ACTION_TYPE: Record<OpKind, number> = { path: 1, query: 2, method: 3, set: 4, trace: 5 };

/** Rows per chunk when Office.js splits an assignment of `name` (Values, NumberFormat, Formulas…) with this value; null: one action. */
function bulkChunks(name: string, value: unknown): number | null {
  if (!/^(Values|NumberFormat|Formulas|FormulasLocal|FormulasR1C1)$/.test(name)) return null;
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return null;
  const cols = (value[0] as unknown[]).length;
  return value.length * cols > 1500 ? Math.max(1, Math.round(1500 / cols)) : null;
}

/**
 * The UTF-8 size of the request Office.js would send for these operations: a RequestMessageBody
 * { "Actions": [ActionInfo…], "ObjectPaths": { id: ObjectPathInfo… } }. A method that returns an
 * object is an ObjectPath (type 3, with its arguments) plus an "instantiate" action; a property
 * write is a SetProperty action (4) carrying the value; a void method an action (3) with its
 * arguments; a load a query action (2) with Select / Expand. Object ids are those of the proxies.
 * Also returns, per operation, the JSON of the arguments that travel by value (re-read at the host,
 * so a value changed after queuing is not seen, as in Office.js).
 */
export function encodeRequest(ops: readonly Op[]): { bytes: number; wires: (string | null)[] } {
  const replacer = (_k: string, v: unknown) => (v instanceof SimObject ? v._id : v);
  const wires: (string | null)[] = [];
  let bytes = utf8Length('{"Actions":[],"ObjectPaths":{}}');
  let id = 0;
  let first = true;
  const add = (json: string) => {
    bytes += utf8Length(json) + (first ? 0 : 1);
    first = false;
  };
  let firstPath = true;
  // Ids of the chunks' object paths, above those of the proxies.
  let pathId = 1e7;
  for (const op of ops) {
    const argsJson = JSON.stringify(op.args, replacer) ?? "[]";
    wires.push(op.viaWire ? argsJson : null);
    const parent = op.obj ? op.obj._id : 0;
    const name = pascal(op.label);
    const args = `"ArgumentInfo":{"Arguments":${argsJson}}`;
    if (op.kind === "path" && op.creates) {
      const path = `"${op.creates._id}":{"Id":${op.creates._id},"ObjectPathType":3,"Name":"${name}","ParentObjectPathId":${parent},${args}}`;
      bytes += utf8Length(path) + (firstPath ? 0 : 1);
      firstPath = false;
      add(`{"Id":${++id},"ActionType":1,"Name":"","ObjectPathId":${op.creates._id}}`);
    } else if (op.kind === "query") {
      const q = (op.args[0] ?? {}) as { select?: string[]; expand?: unknown };
      const query = JSON.stringify({ Select: q.select ?? null, Expand: q.expand ? Object.keys(q.expand as object) : null });
      add(`{"Id":${++id},"ActionType":2,"Name":"","ObjectPathId":${parent},"QueryInfo":${query}}`);
    } else if (op.kind === "set" && bulkChunks(name, op.args[0])) {
      // Office.js (setRangePropertiesInBulk) sends more than 1,500 cells as chunks: per chunk
      // getRow(first).getBoundingRect(getRow(last)) and a SetProperty action with the chunk's rows.
      const rows = op.args[0] as unknown[][];
      const per = bulkChunks(name, rows)!;
      for (let start = 0; start < rows.length; start += per) {
        const [a, b2, c] = [++pathId, ++pathId, ++pathId];
        for (const path of [
          `"${a}":{"Id":${a},"ObjectPathType":3,"Name":"GetRow","ParentObjectPathId":${parent},"ArgumentInfo":{"Arguments":[${start}]}}`,
          `"${b2}":{"Id":${b2},"ObjectPathType":3,"Name":"GetRow","ParentObjectPathId":${parent},"ArgumentInfo":{"Arguments":[${Math.min(rows.length, start + per) - 1}]}}`,
          `"${c}":{"Id":${c},"ObjectPathType":3,"Name":"GetBoundingRect","ParentObjectPathId":${a},"ArgumentInfo":{"Arguments":[${b2}],"ReferencedObjectPathIds":[${b2}]}}`,
        ]) {
          bytes += utf8Length(path) + (firstPath ? 0 : 1);
          firstPath = false;
        }
        const slice = JSON.stringify([rows.slice(start, start + per)], replacer);
        add(`{"Id":${++id},"ActionType":4,"Name":"${name}","ObjectPathId":${c},"ArgumentInfo":{"Arguments":${slice}}}`);
      }
    } else {
      add(`{"Id":${++id},"ActionType":${ACTION_TYPE[op.kind]},"Name":"${name}","ObjectPathId":${parent},${args}}`);
    }
  }
  return { bytes, wires };
}

/** Excel.run: a new context; after the batch's promise resolves, pending operations are synced. */
export async function runBatch<T>(
  host: HostState,
  batch: (context: SimRequestContext) => Promise<T>,
  reuse?: SimRequestContext,
): Promise<T> {
  const ctx = reuse ?? new SimRequestContext(host);
  try {
    const p = batch(ctx) as unknown;
    if (!p || typeof (p as Promise<T>).then !== "function") throw simError("RunMustReturnPromise");
    const result = await (p as Promise<T>);
    if (ctx._queue.length) await ctx.sync();
    return result;
  } finally {
    if (!reuse) ctx._closed = true;
  }
}

export { SimError };
