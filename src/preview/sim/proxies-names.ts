/**
 * Defined names: `workbook.names` (workbook scope, ExcelApi 1.1) and `worksheet.names`
 * (names scoped to one sheet, ExcelApi 1.4). A sheet-scoped name goes with its sheet when the
 * sheet is deleted and is copied with it; references inside names follow renames and become
 * #REF! on delete (see references.ts).
 */
import { parseAddress, qualifiedAddress, type Rect } from "./address";
import { simError } from "./errors";
import type { NameModel, SheetModel, WorkbookModel } from "./model";
import { RangeTarget } from "./range-ops";
import { plainCellReference } from "./references";
import { SimRange, sheetFactory } from "./proxies-range";
import { SimClientResult, SimObject, defineProxy, type BatchContext, type SimOf } from "./runtime";

/** The names of one scope: the workbook (sheet null) or one sheet. */
export interface NamesScope {
  wb: WorkbookModel;
  sheet: SheetModel | null;
  deleted?: boolean;
}

interface NameTarget {
  wb: WorkbookModel;
  scopeId: string | null;
  key: string;
  deleted: boolean;
}

const sameKey = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

function nameTarget(wb: WorkbookModel, scopeId: string | null, name: string): NameTarget {
  return {
    wb,
    scopeId,
    key: name,
    get deleted() {
      return !wb.names.some((n) => n.scopeId === scopeId && sameKey(n.name, name));
    },
  };
}

function nameModel(t: NameTarget): NameModel {
  const m = t.wb.names.find((n) => n.scopeId === t.scopeId && sameKey(n.name, t.key));
  if (!m) throw simError("ItemNotFound", `The name "${t.key}" was deleted.`);
  return m;
}

function namesIn(scope: NamesScope): NameModel[] {
  const id = scope.sheet ? scope.sheet.id : null;
  return scope.wb.names.filter((n) => n.scopeId === id);
}

/** Excel's rules for a defined name: letters, digits, _ . \, not a cell reference, at most 255 characters. */
export function validateDefinedName(name: unknown): string {
  if (typeof name !== "string" || !name) throw simError("InvalidArgument", "A name must be a non-empty string.");
  const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || cellLike) {
    throw simError("InvalidArgument", `"${name}" is not a valid name.`);
  }
  return name;
}

/** What a name's formula evaluates to, as NamedItem.type / value report it (constants and references only). */
function evaluate(wb: WorkbookModel, formula: string): { type: string; value: unknown } {
  const body = formula.replace(/^=/, "").trim();
  if (/^"(?:[^"]|"")*"$/.test(body)) return { type: "String", value: body.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: /^TRUE$/i.test(body) };
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(body)) {
    const n = Number(body);
    return { type: Number.isInteger(n) ? "Integer" : "Double", value: n };
  }
  if (body.includes("#REF!")) return { type: "Error", value: "#REF!" };
  const ref = plainCellReference(body);
  if (ref || /!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(body)) {
    return { type: "Range", value: body };
  }
  void wb;
  return { type: "Error", value: "#VALUE!" };
}

/** The absolute reference Excel stores for a range: =Sheet1!$A$1:$B$2. */
function absoluteReference(sheet: SheetModel, rect: Rect): string {
  const rel = qualifiedAddress(sheet.name, rect);
  const bang = rel.lastIndexOf("!");
  const abs = rel
    .slice(bang + 1)
    .split(":")
    .map((p) =>
      p.replace(
        /^([A-Z]+)?(\d+)?$/,
        (_m, c: string | undefined, r: string | undefined) => `${c ? "$" + c : ""}${r ? "$" + r : ""}`,
      ),
    )
    .join(":");
  return `=${rel.slice(0, bang)}!${abs}`;
}

export class SimNamedItemCollection
  extends SimObject
  implements SimOf<Excel.NamedItemCollection, "add" | "getItem" | "getItemOrNullObject" | "getCount">
{
  declare readonly items: SimNamedItem[];

  /** Adds a name that refers to a range or to a formula (a string; "=" is added if missing). ExcelApi 1.4. */
  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    return this._child(
      "add",
      [name, reference, comment],
      (res) => new SimNamedItem(this.context, res),
      (b) => {
        const scope = this._targetNN(b) as NamesScope;
        validateDefinedName(name);
        const scopeId = scope.sheet ? scope.sheet.id : null;
        if (namesIn(scope).some((n) => sameKey(n.name, name))) {
          throw simError("ItemAlreadyExists", `The name "${name}" already exists in this scope.`);
        }
        let formula: string;
        if (reference instanceof SimRange) {
          const t = reference._targetNN(b) as RangeTarget;
          formula = absoluteReference(t.sheet, t.rect);
        } else if (typeof reference === "string" && reference.length > 0) {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else throw simError("InvalidArgument", "reference must be a Range or a formula string.");
        if (comment !== undefined && typeof comment !== "string")
          throw simError("InvalidArgument", "comment must be a string.");
        scope.wb.touchWorkbook();
        scope.wb.names = [...scope.wb.names, { name, scopeId, formula, visible: true, comment: comment ?? "" }];
        return nameTarget(scope.wb, scopeId, name);
      },
      { level: 4, creates: true },
    );
  }
  getItem(name: string): SimNamedItem {
    return this._child(
      "getItem",
      [name],
      (res) => new SimNamedItem(this.context, res),
      (b) => {
        const scope = this._targetNN(b) as NamesScope;
        const m = namesIn(scope).find((n) => sameKey(n.name, String(name)));
        if (!m) throw simError("ItemNotFound", `There is no name "${name}".`);
        return nameTarget(scope.wb, m.scopeId, m.name);
      },
    );
  }
  getItemOrNullObject(name: string): SimNamedItem {
    return this._child(
      "getItemOrNullObject",
      [name],
      (res) => new SimNamedItem(this.context, res),
      (b) => {
        const scope = this._targetNN(b) as NamesScope;
        const m = namesIn(scope).find((n) => sameKey(n.name, String(name)));
        return m ? nameTarget(scope.wb, m.scopeId, m.name) : null;
      },
      { level: 4 },
    );
  }
  getCount(): SimClientResult<number> {
    return this._result("getCount", [], (b) => namesIn(this._targetNN(b) as NamesScope).length, 4);
  }
}
defineProxy(SimNamedItemCollection, "NamedItemCollection", {
  collection: {
    items: (scope: NamesScope) => namesIn(scope).map((n) => nameTarget(scope.wb, n.scopeId, n.name)),
    makeItem: (p: SimObject, t) => {
      const item = new SimNamedItem(p.context, () => t);
      item._cacheable = true;
      item._cached = { t };
      return item;
    },
  },
});

export class SimNamedItem
  extends SimObject
  implements
    SimOf<
      Excel.NamedItem,
      | "name"
      | "type"
      | "value"
      | "visible"
      | "comment"
      | "formula"
      | "scope"
      | "delete"
      | "getRange"
      | "getRangeOrNullObject"
    >
{
  declare readonly name: string;
  declare readonly type: Excel.NamedItem["type"];
  declare readonly value: unknown;
  declare visible: boolean;
  declare comment: string;
  declare formula: string;
  declare readonly scope: "Workbook" | "Worksheet";

  delete(): void {
    this._method(
      "delete",
      [],
      (b) => {
        const t = this._targetNN(b) as NameTarget;
        const m = nameModel(t);
        t.wb.touchWorkbook();
        t.wb.names = t.wb.names.filter((n) => n !== m);
      },
      4,
    );
  }
  /** The range the name refers to; InvalidArgument when it is not a range. */
  getRange(): SimRange {
    return this._child(
      "getRange",
      [],
      (res) => new SimRange(this.context, res),
      (b) => {
        const t = this._targetNN(b) as NameTarget;
        const target = rangeOfName(t.wb, nameModel(t));
        if (!target) throw simError("InvalidArgument", `The name "${t.key}" does not refer to a range.`);
        return target;
      },
    );
  }
  getRangeOrNullObject(): SimRange {
    return this._child(
      "getRangeOrNullObject",
      [],
      (res) => new SimRange(this.context, res),
      (b) => {
        const t = this._targetNN(b) as NameTarget;
        return rangeOfName(t.wb, nameModel(t));
      },
      { level: 4 },
    );
  }
}

function rangeOfName(wb: WorkbookModel, m: NameModel): RangeTarget | null {
  const body = m.formula.replace(/^=/, "").trim();
  if (!body.includes("!") || body.includes("#REF!")) return null;
  try {
    const p = parseAddress(body);
    const sheet = p.sheet ? wb.sheetByName(p.sheet) : undefined;
    return sheet ? new RangeTarget(sheet, p.rect) : null;
  } catch {
    return null;
  }
}

function modifyName(t: NameTarget, patch: Partial<NameModel>): void {
  const m = nameModel(t);
  t.wb.touchWorkbook();
  t.wb.names = t.wb.names.map((n) => (n === m ? { ...n, ...patch } : n));
}

defineProxy(SimNamedItem, "NamedItem", {
  scalars: [
    { name: "name", get: (t: NameTarget) => nameModel(t).name },
    { name: "type", get: (t: NameTarget) => evaluate(t.wb, nameModel(t).formula).type },
    { name: "value", get: (t: NameTarget) => evaluate(t.wb, nameModel(t).formula).value },
    {
      name: "visible",
      get: (t: NameTarget) => nameModel(t).visible,
      set: (t: NameTarget, v) => {
        if (typeof v !== "boolean") throw simError("InvalidArgument", "visible must be a boolean.");
        modifyName(t, { visible: v });
      },
    },
    {
      name: "comment",
      level: 4,
      get: (t: NameTarget) => nameModel(t).comment,
      set: (t: NameTarget, v) => {
        if (typeof v !== "string") throw simError("InvalidArgument", "comment must be a string.");
        modifyName(t, { comment: v });
      },
    },
    {
      name: "formula",
      level: 7,
      get: (t: NameTarget) => nameModel(t).formula,
      set: (t: NameTarget, v) => {
        if (typeof v !== "string" || !v) throw simError("InvalidArgument", "formula must be a non-empty string.");
        modifyName(t, { formula: v.startsWith("=") ? v : `=${v}` });
      },
    },
    { name: "scope", level: 4, get: (t: NameTarget) => (t.scopeId === null ? "Workbook" : "Worksheet") },
  ],
  navs: [
    {
      name: "worksheetOrNullObject",
      level: 4,
      create: (p: SimObject) =>
        sheetFactory.make(p.context, (b: BatchContext) => {
          const t = p._target(b) as NameTarget | null;
          return t && t.scopeId ? (t.wb.sheetById(t.scopeId) ?? null) : null;
        }),
    },
  ],
});

export function namesNav(level: number | undefined, scopeOf: (b: BatchContext, p: SimObject) => NamesScope | null) {
  return {
    name: "names",
    level,
    create: (p: SimObject) => new SimNamedItemCollection(p.context, (b) => scopeOf(b, p)),
  };
}
