/**
 * Which Office.js members (methods, properties, events, enum values) the adapter's sources use, and whether the
 * compiler checks each use against @types/office-js. Read from the TypeScript checker, not from a hand list:
 *   checked    the use resolves to a declaration in @types/office-js (a misspelt or missing member is a compile
 *              error), including enum values given where an Office.js enum is expected;
 *   unchecked  the member is named in a string (load("items/name"), the request meter's member lists), reached
 *              through `any`, or through a hand-written type or cast standing in for the Office.js one.
 * Each member carries its requirement set, from the `[Api set: …]` remark of its declaration (else its type's).
 *
 * Run `npx tsx test/unit/excel/office-api-usage.ts` for the table; office-api-usage.test.ts holds the adapter to it.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../../..");
/** The adapter: everything that calls Excel or Office (src/preview and src/excel-sim are the simulated host). */
export const ADAPTER_DIRS = ["src/excel", "src/commands", "src/taskpane/host"];
export const ADAPTER_FILES = ["src/taskpane/index.tsx"];
const OFFICE_DTS = `${path.sep}@types${path.sep}office-js${path.sep}index.d.ts`;
/** Hand-written stand-ins for Office.js types (each use of a member through one is unchecked). */
const LOOSE_TYPES = new Set(["ExcelHostApi", "PaneHostApi", "DialogOffice", "DialogLike", "CommandEvent"]);
/** The request meter's member lists (names in strings: unchecked unless the compiler ties them to the types). */
const METER_FILE = path.join("src", "excel", "excel-request-meter.ts");

export type Status = "checked" | "unchecked";

export interface MemberUse {
  /** "Excel.Range.values", "Excel.SheetVisibility.VeryHidden", "OfficeExtension.ClientRequestContext.trace". */
  member: string;
  status: Status;
  /** Why unchecked ("load string", "cast", "any", "loose type", "meter list"); "" when checked. */
  how: string;
  /** "ExcelApi 1.13", "DialogApi 1.1", … or "" when the declaration names none. */
  apiSet: string;
  file: string;
  line: number;
  /** The node of the use (for the guard check). */
  node: ts.Node;
}

export interface Usage {
  uses: MemberUse[];
  program: ts.Program;
  checker: ts.TypeChecker;
}

function sourceFiles(): string[] {
  const files: string[] = ADAPTER_FILES.map((f) => path.join(ROOT, f));
  for (const dir of ADAPTER_DIRS)
    for (const f of fs.readdirSync(path.join(ROOT, dir)))
      if (/\.tsx?$/.test(f) && !f.endsWith(".d.ts")) files.push(path.join(ROOT, dir, f));
  return files;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true };
}

const isOffice = (d: ts.Declaration | undefined) =>
  !!d && d.getSourceFile().fileName.split("/").join(path.sep).endsWith(OFFICE_DTS);

/** "Excel.Range" for a declaration inside `namespace Excel { class Range … }`. */
function qualifiedName(d: ts.Node): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = d; n; n = n.parent) {
    const name = (n as { name?: ts.Node }).name;
    if (
      name &&
      (ts.isIdentifier(name) || ts.isStringLiteral(name)) &&
      (ts.isClassDeclaration(n) ||
        ts.isInterfaceDeclaration(n) ||
        ts.isModuleDeclaration(n) ||
        ts.isEnumDeclaration(n) ||
        ts.isEnumMember(n) ||
        ts.isTypeAliasDeclaration(n) ||
        ts.isFunctionDeclaration(n) ||
        ts.isVariableDeclaration(n) ||
        ts.isPropertyDeclaration(n) ||
        ts.isPropertySignature(n) ||
        ts.isMethodDeclaration(n) ||
        ts.isMethodSignature(n) ||
        ts.isGetAccessor(n) ||
        ts.isSetAccessor(n))
    )
      parts.unshift(name.text);
  }
  return parts.join(".");
}

const API_SET = /\[Api set: ([A-Za-z]+ [\d.]+)/;

/** The requirement set in the JSDoc of the declaration, else of the type that declares it. */
function apiSetOf(d: ts.Node): string {
  for (let n: ts.Node | undefined = d; n && !ts.isSourceFile(n); n = n.parent) {
    const text = n.getSourceFile().text;
    const ranges = ts.getLeadingCommentRanges(text, n.getFullStart()) ?? [];
    for (const r of ranges) {
      const m = API_SET.exec(text.slice(r.pos, r.end));
      if (m) return m[1]!;
    }
    if (ts.isModuleDeclaration(n)) break;
  }
  return "";
}

/** The lowest set among declarations (overloads share one). */
function apiSetOfSymbol(s: ts.Symbol): string {
  const sets = (s.declarations ?? []).map(apiSetOf).filter(Boolean);
  return sets.sort(compareSets)[0] ?? "";
}

export function compareSets(a: string, b: string): number {
  const [an, av] = a.split(" ");
  const [bn, bv] = b.split(" ");
  if (an !== bn) return an! < bn! ? -1 : 1;
  const [a1, a2] = av!.split(".").map(Number);
  const [b1, b2] = bv!.split(".").map(Number);
  return a1! - b1! || a2! - b2!;
}

/** A declaration whose type is written from @types/office-js (`Pick<typeof Excel, "run">`) is no stand-in. */
const TYPED_FROM_OFFICE = /\b(typeof Excel|typeof Office|Excel\.|Office\.|OfficeExtension\.)/;

function looseReason(d: ts.Declaration): string | null {
  const typeNode = (d as { type?: ts.TypeNode }).type;
  if (typeNode && TYPED_FROM_OFFICE.test(typeNode.getText())) return null;
  for (let n: ts.Node | undefined = d; n; n = n.parent) {
    if (ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) return "cast";
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && LOOSE_TYPES.has(n.name.text))
      return "loose type";
  }
  return null;
}

/** The Office.js member `name` of `type` (or of the element type of a collection's `items`). */
function officeMember(checker: ts.TypeChecker, type: ts.Type, name: string): ts.Symbol | undefined {
  const p = checker.getPropertyOfType(checker.getApparentType(type), name);
  return p && isOffice(p.declarations?.[0]) ? p : undefined;
}

/** Office.js enum literal types of a contextual type ("Excel.SheetVisibility" → its members by value). */
function enumMembersByValue(checker: ts.TypeChecker, type: ts.Type): Map<string, ts.EnumMember> {
  const out = new Map<string, ts.EnumMember>();
  const parts = type.isUnion() ? type.types : [type];
  for (const t of parts) {
    const d = t.getSymbol()?.declarations?.[0];
    if (!d || !isOffice(d)) continue;
    const members = ts.isEnumMember(d) ? [d] : ts.isEnumDeclaration(d) ? [...d.members] : [];
    for (const m of members) {
      const v = checker.getConstantValue(m);
      if (typeof v === "string") out.set(v, m);
    }
  }
  return out;
}

function literalStrings(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  const out: string[] = [];
  for (const t of parts) {
    if (t.isStringLiteral()) out.push(t.value);
    else return null;
  }
  return out;
}

export function analyseUsage(files: string[] = sourceFiles()): Usage {
  const program = ts.createProgram(files, compilerOptions());
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const rootFiles = new Set(files.map((f) => path.resolve(f)));

  for (const sf of program.getSourceFiles()) {
    if (!rootFiles.has(path.resolve(sf.fileName))) continue;
    const rel = path.relative(ROOT, sf.fileName);
    const add = (member: string, status: Status, how: string, apiSet: string, node: ts.Node) =>
      uses.push({
        member,
        status,
        how,
        apiSet,
        file: rel,
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        node,
      });

    const visit = (node: ts.Node): void => {
      // obj.member
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const d = symbol?.declarations?.[0];
        const receiverType = checker.getTypeAtLocation(node.expression);
        if (symbol && d && isOffice(d)) {
          add(qualifiedName(d), "checked", "", apiSetOfSymbol(symbol), node);
        } else if (receiverType.flags & ts.TypeFlags.Any && !ts.isIdentifier(node.expression)) {
          add(`?.${node.name.text}`, "unchecked", "any", "", node);
        } else if (d && !isOffice(d)) {
          const reason = looseReason(d);
          if (reason)
            add(`${reason === "cast" ? "(cast)" : "(loose)"}.${node.name.text}`, "unchecked", reason, "", node);
        }
      }
      // x.load("a,b/c") / x.load(["a"]): each name is a member of the object (or of its items), in a string.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === "load" &&
        node.arguments.length === 1 &&
        ts.isStringLiteralLike(node.arguments[0]!)
      ) {
        const loadSymbol = checker.getSymbolAtLocation(node.expression.name);
        if (loadSymbol && isOffice(loadSymbol.declarations?.[0])) {
          const receiver = checker.getTypeAtLocation(node.expression.expression);
          for (const p of (node.arguments[0] as ts.StringLiteral).text.split(",")) {
            let type: ts.Type | undefined = receiver;
            for (const step of p.trim().split("/")) {
              if (!type) break;
              const m = officeMember(checker, type, step);
              if (!m) {
                add(`?.${step}`, "unchecked", "load string", "", node);
                break;
              }
              if (step !== "items")
                add(qualifiedName(m.declarations![0]!), "unchecked", "load string", apiSetOfSymbol(m), node);
              type = checker.getTypeOfSymbolAtLocation(m, node);
              if (step === "items") type = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
            }
          }
        }
      }
      // loadNames(obj, "a", "b") / loadItemNames(collection, "a"): the names are typed keys of the Office.js type.
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        (node.expression.text === "loadNames" || node.expression.text === "loadItemNames") &&
        node.arguments.length > 1
      ) {
        let type: ts.Type | undefined = checker.getTypeAtLocation(node.arguments[0]!);
        // The helper calls the object's own load().
        const load = officeMember(checker, type, "load");
        if (load) add(qualifiedName(load.declarations![0]!), "checked", "", apiSetOfSymbol(load), node);
        if (node.expression.text === "loadItemNames") {
          const items = officeMember(checker, type, "items");
          type =
            items && checker.getIndexTypeOfType(checker.getTypeOfSymbolAtLocation(items, node), ts.IndexKind.Number);
        }
        for (const arg of node.arguments.slice(1)) {
          if (!ts.isStringLiteral(arg)) continue;
          const m = type && officeMember(checker, type, arg.text);
          if (m) add(qualifiedName(m.declarations![0]!), "checked", "", apiSetOfSymbol(m), arg);
          else add(`?.${arg.text}`, "unchecked", "load name", "", arg);
        }
      }
      // An enum value given where an Office.js enum is expected: checked, unless forced there by a cast.
      if (ts.isExpression(node) && !ts.isParenthesizedExpression(node)) {
        const contextual = checker.getContextualType(node);
        const cast =
          ts.isAsExpression(node.parent) && node.parent.expression === node
            ? checker.getTypeAtLocation(node.parent)
            : undefined;
        const target = cast ?? contextual;
        if (target) {
          const byValue = enumMembersByValue(checker, target);
          const values = byValue.size ? literalStrings(checker.getTypeAtLocation(node)) : null;
          if (values && !(ts.isAsExpression(node) && byValue.size)) {
            for (const v of values) {
              const m = byValue.get(v);
              if (m) add(qualifiedName(m), cast ? "unchecked" : "checked", cast ? "cast" : "", apiSetOf(m), node);
            }
          }
        }
      }
      // The request meter's lists: member names in strings.
      if (
        rel === METER_FILE &&
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        (node.name.text === "METHODS" || node.name.text === "PROPERTIES")
      ) {
        const init = node.initializer;
        let array: ts.Expression | undefined = init;
        while (array && (ts.isSatisfiesExpression(array) || ts.isAsExpression(array))) array = array.expression;
        // Tied: `satisfies` a list of Office.js member names.
        const tied = !!init && ts.isSatisfiesExpression(init);
        if (array && ts.isArrayLiteralExpression(array))
          for (const e of array.elements)
            if (ts.isStringLiteral(e))
              add(`meter:${e.text}`, tied ? "checked" : "unchecked", tied ? "" : "meter list", "", e);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { uses, program, checker };
}

/** One row per member: checked only when every use of it is. */
export function summarise(
  uses: readonly MemberUse[],
): { member: string; status: Status; how: string[]; apiSet: string; uses: number }[] {
  const by = new Map<string, { member: string; status: Status; how: Set<string>; apiSet: string; uses: number }>();
  for (const u of uses) {
    const row = by.get(u.member) ?? {
      member: u.member,
      status: "checked" as Status,
      how: new Set<string>(),
      apiSet: u.apiSet,
      uses: 0,
    };
    row.uses++;
    if (u.status === "unchecked") {
      row.status = "unchecked";
      row.how.add(u.how);
    }
    by.set(u.member, row);
  }
  return [...by.values()].map((r) => ({ ...r, how: [...r.how] })).sort((a, b) => a.member.localeCompare(b.member));
}

if (require.main === module) {
  const { uses } = analyseUsage();
  const rows = summarise(uses.filter((u) => !u.member.startsWith("meter:")));
  for (const r of rows)
    console.log(
      `${r.status.padEnd(9)} ${r.apiSet.padEnd(16)} ${r.member}${r.how.length ? `  (${r.how.join(", ")})` : ""}`,
    );
  const meter = summarise(uses.filter((u) => u.member.startsWith("meter:")));
  const checked = rows.filter((r) => r.status === "checked").length;
  console.log(`\n${rows.length} members used, ${checked} compile-checked, ${rows.length - checked} not.`);
  console.log(
    `request meter lists: ${meter.length} names, ${meter.filter((r) => r.status === "checked").length} tied to the types.`,
  );
}
