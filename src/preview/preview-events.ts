/**
 * Worksheet events and selection for the simulated host (test and trial host only).
 *
 * The simulated Excel models no events; the task pane needs them (selection drives "This row",
 * a source edit marks the summary stale). This file adds, without editing the simulator:
 *   WorksheetCollection.onSelectionChanged / onChanged (ExcelApi 1.9),
 *   WorksheetCollection.onActivated / onAdded / onDeleted and
 *   Worksheet.onSelectionChanged / onChanged / onActivated (ExcelApi 1.7),
 * with `add(handler)` → EventHandlerResult { context, remove() }, both taking effect at the next
 * sync as in Office.js. Events are raised by the preview for what a user does (select a cell,
 * click a tab, edit a cell) through `previewEventsOf(sim)`, and by Range.select() (as Excel
 * raises SelectionChanged when an add-in selects). The add-in's own writes raise no onChanged
 * here; the pane ignores those in Excel anyway.
 *
 * Hooks into the simulator's internals (kept to these): the proxy classes' prototypes, the
 * queued-operation helper `_method`, `_targetNN`, and the host state behind a SimulatedExcel.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- handlers and event args are Office.js shapes */
import type { SimulatedExcel } from "./simulated-excel";
import { SimWorksheet, SimWorksheetCollection } from "./sim/proxies-sheet";
import { SimRange } from "./sim/proxies-range";
import type { BatchContext, HostState, SimObject } from "./sim/runtime";
import type { SheetModel } from "./sim/model";
import { cellAddress, rectAddress } from "../core/a1-address";

export type PreviewEventKind = "SelectionChanged" | "Changed" | "Activated" | "Added" | "Deleted";

interface Registration {
  kind: PreviewEventKind;
  /** null: a collection-level handler (every sheet). */
  sheetId: string | null;
  handler: (args: any) => unknown;
}

export interface SelectionNotice {
  sheetId: string;
  sheet: string;
  address: string;
  /** Zero-based top-left cell. */
  row: number;
  col: number;
}

/** The events side of one simulated host: who listens, and how the preview raises events. */
export class PreviewEvents {
  readonly registrations: Registration[] = [];
  private readonly selectionListeners = new Set<(s: SelectionNotice) => void>();
  private readonly activationListeners = new Set<(sheet: string) => void>();
  /** The current selection (the simulator itself only knows the active sheet). */
  selection: SelectionNotice | null = null;

  constructor(private readonly host: HostState) {}

  /** Handlers registered now, per kind (for tests: handlers are removed on unmount). */
  count(kind?: PreviewEventKind): number {
    return this.registrations.filter((r) => !kind || r.kind === kind).length;
  }

  /** The preview is told when the add-in selects a range or activates a sheet. */
  onSelect(listener: (s: SelectionNotice) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }
  onActivate(listener: (sheet: string) => void): () => void {
    this.activationListeners.add(listener);
    return () => this.activationListeners.delete(listener);
  }

  private sheetByName(name: string): SheetModel {
    const s = this.host.wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }

  /** A user selects cells (zero-based rectangle) on a sheet. */
  userSelect(sheetName: string, r0: number, c0: number, r1 = r0, c1 = c0): Promise<void> {
    const s = this.sheetByName(sheetName);
    this.host.wb.activeSheetId = s.id;
    const address = r0 === r1 && c0 === c1 ? cellAddress(r0, c0) : rectAddress({ top: r0, left: c0, bottom: r1, right: c1 });
    this.selection = { sheetId: s.id, sheet: s.name, address, row: r0, col: c0 };
    return this.raise("SelectionChanged", s.id, { type: "WorksheetSelectionChanged", worksheetId: s.id, address });
  }

  /** A user clicks a sheet tab. */
  userActivate(sheetName: string): Promise<void> {
    const s = this.sheetByName(sheetName);
    this.host.wb.activeSheetId = s.id;
    return this.raise("Activated", s.id, { type: "WorksheetActivated", worksheetId: s.id });
  }

  /** A user edited cells (the preview wrote them through Excel.run first). */
  userChanged(sheetName: string, address: string): Promise<void> {
    const s = this.sheetByName(sheetName);
    return this.raise("Changed", s.id, {
      type: "WorksheetChanged",
      worksheetId: s.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
    });
  }

  /** Sheets were added or deleted (the preview compares sheet lists after each batch). */
  sheetsAddedOrDeleted(added: string[], deleted: string[]): Promise<void> {
    return Promise.all([
      ...added.map((id) => this.raise("Added", id, { type: "WorksheetAdded", worksheetId: id, source: "Local" })),
      ...deleted.map((id) => this.raise("Deleted", id, { type: "WorksheetDeleted", worksheetId: id, source: "Local" })),
    ]).then(() => undefined);
  }

  /** Calls the handlers as Excel does: asynchronously; a failing handler does not stop the others. */
  async raise(kind: PreviewEventKind, sheetId: string, args: Record<string, unknown>): Promise<void> {
    const targets = this.registrations.filter(
      (r) => r.kind === kind && (r.sheetId === null || r.sheetId === sheetId || kind === "Added" || kind === "Deleted"),
    );
    await Promise.all(
      targets.map(async (r) => {
        try {
          await r.handler({ ...args, source: args.source ?? "Local" });
        } catch (e) {
          console.error("progress-review preview: an event handler failed", e);
        }
      }),
    );
  }

  /** @internal from Range.select() at sync */
  selected(sheet: SheetModel, rect: { r0: number; c0: number; r1: number; c1: number }): void {
    const address =
      rect.r0 === rect.r1 && rect.c0 === rect.c1
        ? cellAddress(rect.r0, rect.c0)
        : rectAddress({ top: rect.r0, left: rect.c0, bottom: rect.r1, right: rect.c1 });
    this.selection = { sheetId: sheet.id, sheet: sheet.name, address, row: rect.r0, col: rect.c0 };
    const notice = this.selection;
    for (const l of this.selectionListeners) l(notice);
    // Excel raises SelectionChanged for an add-in's select() as well; after the sync, like Excel.
    setTimeout(() => void this.raise("SelectionChanged", sheet.id, { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address }), 0);
  }

  /** @internal from Worksheet.activate() at sync */
  activated(sheet: SheetModel): void {
    for (const l of this.activationListeners) l(sheet.name);
  }
}

const hubs = new WeakMap<HostState, PreviewEvents>();

function hubOfHost(host: HostState): PreviewEvents {
  let hub = hubs.get(host);
  if (!hub) hubs.set(host, (hub = new PreviewEvents(host)));
  return hub;
}

/** The events of one simulated host (installs the event members on first use). */
export function previewEventsOf(sim: SimulatedExcel): PreviewEvents {
  installEventMembers();
  // The host state is private to SimulatedExcel; the events are keyed by it so that each
  // workbook (each SimulatedExcel) has its own handlers.
  return hubOfHost((sim as unknown as { host: HostState }).host);
}

type Internal = SimObject & {
  _method(label: string, args: unknown[], run: (b: BatchContext) => void, level?: number): void;
  _targetNN(b: BatchContext): any;
};

function eventSource(obj: Internal, member: string, kind: PreviewEventKind, perSheet: boolean, level: number) {
  return {
    add(handler: (args: any) => unknown) {
      if (typeof handler !== "function") throw new TypeError(`${member}.add needs a function.`);
      const reg: Registration = { kind, sheetId: null, handler };
      let hub: PreviewEvents | null = null;
      obj._method(`${member}.add`, [], (b) => {
        const target = obj._targetNN(b);
        if (perSheet) reg.sheetId = (target as SheetModel).id;
        hub = hubOfHost(b.host);
        hub.registrations.push(reg);
      }, level);
      return new SimEventHandlerResult(obj.context, () => {
        // Office.js removes a handler in the context it was added in, after that Excel.run has
        // finished (Excel.run(result.context, …)): queued directly, as the object itself is not reused.
        (obj.context as unknown as { _enqueue(op: unknown): void })._enqueue({
          label: `${member}.remove`,
          obj,
          args: [],
          viaWire: false,
          isRead: false,
          run: () => {
            if (!hub) return;
            const i = hub.registrations.indexOf(reg);
            if (i >= 0) hub.registrations.splice(i, 1);
          },
        });
      });
    },
  };
}

/**
 * OfficeExtension.EventHandlerResult: a class instance (not a plain object), so that Excel.run refuses it as
 * Office.js does; its `context` is what Excel.run takes to remove the handler.
 */
export class SimEventHandlerResult {
  constructor(
    readonly context: SimObject["context"],
    private readonly removal: () => void,
  ) {}
  remove(): void {
    this.removal();
  }
}

let installed = false;

/** Adds the event members to the simulator's proxy classes (once per page / test process). */
export function installEventMembers(): void {
  if (installed) return;
  installed = true;
  const define = (proto: object, member: string, kind: PreviewEventKind, perSheet: boolean, level: number) =>
    Object.defineProperty(proto, member, {
      configurable: true,
      get(this: Internal) {
        return eventSource(this, member, kind, perSheet, level);
      },
    });
  define(SimWorksheetCollection.prototype, "onSelectionChanged", "SelectionChanged", false, 9);
  define(SimWorksheetCollection.prototype, "onChanged", "Changed", false, 9);
  define(SimWorksheetCollection.prototype, "onActivated", "Activated", false, 7);
  define(SimWorksheetCollection.prototype, "onAdded", "Added", false, 7);
  define(SimWorksheetCollection.prototype, "onDeleted", "Deleted", false, 7);
  define(SimWorksheet.prototype, "onSelectionChanged", "SelectionChanged", true, 7);
  define(SimWorksheet.prototype, "onChanged", "Changed", true, 7);
  define(SimWorksheet.prototype, "onActivated", "Activated", true, 7);

  const select = SimRange.prototype.select;
  SimRange.prototype.select = function (this: SimRange) {
    select.call(this);
    const self = this as unknown as Internal;
    // Queued after the simulator's own select: runs only if that one succeeded.
    self._method("select (preview)", [], (b) => {
      const t = self._targetNN(b) as { sheet: SheetModel; rect: { r0: number; c0: number; r1: number; c1: number } };
      hubOfHost(b.host).selected(t.sheet, t.rect);
    });
  };
  const activate = SimWorksheet.prototype.activate;
  SimWorksheet.prototype.activate = function (this: SimWorksheet) {
    activate.call(this);
    const self = this as unknown as Internal;
    self._method("activate (preview)", [], (b) => hubOfHost(b.host).activated(self._targetNN(b) as SheetModel));
  };
}
