/**
 * The adapter against @types/office-js: every Office.js member it uses is compile-checked, and every member of
 * an ExcelApi set above the manifest's minimum is used only behind a check that Excel has that set.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { detectFeatures, MINIMUM_EXCEL_API, type ExcelFeatures } from "../../../src/excel/excel-requirements";
import type { ExcelHostApi } from "../../../src/excel/excel-host";
import { analyseUsage, compareSets, summarise, type MemberUse } from "./office-api-usage";

const ROOT = path.resolve(__dirname, "../../..");
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

/**
 * Names a condition may use for a feature flag of detectFeatures, with where the name gets its value from that
 * flag (checked against the source below, so that the alias cannot drift from what it stands for).
 */
const ALIASES: { name: RegExp; flag: keyof ExcelFeatures; file: string; origin: RegExp }[] = [
  {
    name: /\bfeatures\.mergedAreas\b/,
    flag: "mergedAreas",
    file: "src/excel/excel-requirements.ts",
    origin: /mergedAreas: supported\(api, "1\.13"\)/,
  },
  {
    name: /\bwithMerges\b/,
    flag: "mergedAreas",
    file: "src/excel/excel-snapshot.ts",
    origin: /let withMerges = options\.features\.mergedAreas;/,
  },
  // The merged areas' RangeAreas: null unless queued under `if (withMerges)`.
  {
    name: /^q\.merged$/,
    flag: "mergedAreas",
    file: "src/excel/excel-snapshot.ts",
    origin: /if \(withMerges\) \{[^}]*q\.merged = areas;/,
  },
  {
    name: /\bfeatures\.pageLayout\b/,
    flag: "pageLayout",
    file: "src/excel/excel-requirements.ts",
    origin: /pageLayout: supported\(api, "1\.9"\)/,
  },
  {
    name: /\bfeatures\.tableResize\b/,
    flag: "tableResize",
    file: "src/excel/excel-requirements.ts",
    origin: /tableResize: supported\(api, "1\.13"\)/,
  },
  // WriterContext.keepTable is keepsTable(…), which requires features.tableResize.
  {
    name: /\bkeepTable\b/,
    flag: "tableResize",
    file: "src/excel/excel-port.ts",
    origin: /return !!\(f\.tableResize && t\.refresh/,
  },
];

const IS_SET = /isSetSupported\("ExcelApi", "(1\.\d+)"\)/;

/** An Office host that has ExcelApi up to 1.`level`. */
function officeAt(level: number): ExcelHostApi {
  const isSetSupported = (name: string, version?: string | number) =>
    name === "ExcelApi" && Number(String(version ?? "1.1").split(".")[1] ?? 0) <= level;
  return {
    Excel: { run: (() => Promise.reject(new Error("not called"))) as typeof Excel.run },
    Office: { context: { requirements: { isSetSupported } } },
  };
}

/** The lowest ExcelApi set at which detectFeatures turns the flag on (and it stays off below). */
function setOfFlag(flag: keyof ExcelFeatures): string {
  for (let level = 7; level <= 30; level++) if (detectFeatures(officeAt(level))[flag]) return `ExcelApi 1.${level}`;
  throw new Error(`${flag} is never on`);
}

/** The conditions that hold where `node` runs: if/else branches, ?: branches and the right side of &&. */
function conditionsOver(node: ts.Node): string[] {
  const out: string[] = [];
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && n === p.thenStatement) out.push(p.expression.getText());
    if (ts.isIfStatement(p) && n === p.elseStatement) {
      const c = p.expression;
      if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) out.push(c.operand.getText());
    }
    if (ts.isConditionalExpression(p) && n === p.whenTrue) out.push(p.condition.getText());
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && n === p.right)
      out.push(p.left.getText());
  }
  return out;
}

/** The ExcelApi set a condition proves, if any: isSetSupported in it, a variable set from one, or a feature flag. */
function setProvedBy(condition: string, sourceText: string): string | null {
  const sets: string[] = [];
  const direct = IS_SET.exec(condition);
  if (direct) sets.push(`ExcelApi ${direct[1]}`);
  for (const id of condition.match(/[A-Za-z_]\w*/g) ?? []) {
    const m = new RegExp(`const ${id} = [^;]*${IS_SET.source}`).exec(sourceText);
    if (m) sets.push(`ExcelApi ${m[1]}`);
  }
  for (const a of ALIASES) if (a.name.test(condition)) sets.push(setOfFlag(a.flag));
  return sets.sort(compareSets).pop() ?? null;
}

let uses: MemberUse[] = [];

beforeAll(() => {
  uses = analyseUsage().uses;
}, 120_000);

describe("the adapter is typed against @types/office-js", () => {
  test("it finds the members the adapter is known to use (the analysis sees the code)", () => {
    const members = new Set(uses.map((u) => u.member));
    for (const m of [
      "Excel.run",
      "Excel.Range.values",
      "Excel.Worksheet.getRangeByIndexes",
      "Excel.SheetVisibility.veryHidden",
      "OfficeExtension.Error.traceMessages",
      "Office.RequirementSetSupport.isSetSupported",
    ])
      expect(members).toContain(m);
  });

  test("every Office.js member it uses is compile-checked (no load string, cast, any or hand-written stand-in)", () => {
    const unchecked = summarise(uses)
      .filter((r) => r.status === "unchecked")
      .map((r) => `${r.member} (${r.how.join(", ")})`);
    expect(unchecked).toEqual([]);
  });
});

describe("requirement sets against the manifest's minimum", () => {
  test("the manifest's minimum is the adapter's", () => {
    const manifest = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(read("manifest.xml"));
    expect(manifest?.[1]).toBe(MINIMUM_EXCEL_API);
  });

  test("the feature flags turn on at the sets their members need", () => {
    // From @types/office-js: getMergedAreasOrNullObject and Table.resize are ExcelApi 1.13, PageLayout 1.9.
    expect(setOfFlag("mergedAreas")).toBe("ExcelApi 1.13");
    expect(setOfFlag("tableResize")).toBe("ExcelApi 1.13");
    expect(setOfFlag("pageLayout")).toBe("ExcelApi 1.9");
  });

  test("each alias of a feature flag still gets its value from that flag", () => {
    for (const a of ALIASES) expect(`${a.file}: ${a.origin.test(read(a.file))}`).toBe(`${a.file}: true`);
  });

  test("every member above the minimum is used only behind a check of its set", () => {
    const minimum = `ExcelApi ${MINIMUM_EXCEL_API}`;
    const above = uses.filter((u) => u.apiSet.startsWith("ExcelApi ") && compareSets(u.apiSet, minimum) > 0);
    // Those the adapter has today (so that the check is known to look at something).
    expect(above.map((u) => u.member)).toEqual(
      expect.arrayContaining([
        "Excel.Range.getMergedAreasOrNullObject",
        "Excel.Table.resize",
        "Excel.Worksheet.pageLayout",
        "Excel.WorksheetCollection.onChanged",
        "Excel.createWorkbook",
      ]),
    );
    const unguarded = above.flatMap((u) => {
      const text = u.node.getSourceFile().text;
      const proved = conditionsOver(u.node)
        .map((c) => setProvedBy(c, text))
        .filter((s): s is string => s !== null);
      const ok = proved.some((s) => compareSets(s, u.apiSet) >= 0);
      return ok
        ? []
        : [
            `${u.member} (${u.apiSet}) at ${u.file}:${u.line}${proved.length ? `, checked only for ${proved.join(", ")}` : ""}`,
          ];
    });
    expect(unguarded).toEqual([]);
  });
});

/** `implements SimOf<Excel.X, "a" | "b">` of the simulated host's proxy classes: Excel.X → the members claimed. */
function simClaims(): Map<string, Set<string>> {
  const claims = new Map<string, Set<string>>();
  const dir = path.join(ROOT, "src/preview/sim");
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
    const sf = ts.createSourceFile(f, fs.readFileSync(path.join(dir, f), "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (ts.isClassDeclaration(n))
        for (const h of n.heritageClauses ?? [])
          for (const t of h.types)
            if (t.expression.getText() === "SimOf" && t.typeArguments?.length === 2)
              claims.set(
                t.typeArguments[0]!.getText(),
                new Set((t.typeArguments[1]!.getText().match(/"\w+"/g) ?? []).map((k) => k.slice(1, -1))),
              );
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return claims;
}

describe("the simulated host is typed against the same members", () => {
  test("each member the adapter uses on an object the simulated host models is one its class declares through SimOf", () => {
    const claims = simClaims();
    // load() takes the same strings in both (the simulated host parses them), `items` is the collection's array,
    // events are registered through the simulated host's own event layer: none of these is a SimOf member.
    const notMembers = /\.(load|items|on[A-Z]\w*)$/;
    const missing = [...new Set(uses.map((u) => u.member))]
      .filter((m) => /^Excel\.[A-Z]\w*\.[a-z]\w*$/.test(m) && !notMembers.test(m))
      .filter((m) => {
        const type = m.slice(0, m.lastIndexOf("."));
        const claimed = claims.get(type);
        return claimed !== undefined && !claimed.has(m.slice(m.lastIndexOf(".") + 1));
      });
    expect(missing).toEqual([]);
    // The proxies the writes and reads go through are among them.
    for (const t of ["Excel.Range", "Excel.Worksheet", "Excel.RangeFormat", "Excel.PageLayout", "Excel.Chart"])
      expect(claims.has(t)).toBe(true);
  });
});

