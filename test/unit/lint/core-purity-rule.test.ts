/**
 * The lint rule that keeps src/core pure (eslint.config.mjs) really fails on
 * host imports and host globals in src/core, and leaves the adapters alone.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Linter } from "eslint";

const repoRoot = path.resolve(__dirname, "..", "..", "..");

type Message = Pick<Linter.LintMessage, "ruleId" | "message" | "severity">;
interface LintRequest {
  code: string;
  filePath: string;
}

/*
 * ESLint loads eslint.config.mjs with a dynamic import(), which jest's module
 * sandbox refuses without --experimental-vm-modules. So the ESLint Node API
 * runs in a worker thread (plain Node, outside the sandbox): the same
 * `new ESLint({ overrideConfigFile })` and `lintText(code, { filePath })`.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { ESLint } = require(workerData.eslintEntry);
(async () => {
  const eslint = new ESLint({ cwd: workerData.cwd, overrideConfigFile: workerData.configFile });
  const out = [];
  for (const req of workerData.requests) {
    const [result] = await eslint.lintText(req.code, { filePath: req.filePath });
    out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, severity: m.severity })));
  }
  parentPort.postMessage({ ok: true, out });
})().catch((err) => parentPort.postMessage({ ok: false, error: String((err && err.stack) || err) }));
`;

function lintAll(requests: LintRequest[]): Promise<Message[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        eslintEntry: require.resolve("eslint"),
        cwd: repoRoot,
        configFile: path.join(repoRoot, "eslint.config.mjs"),
        requests: requests.map((r) => ({ code: r.code, filePath: path.join(repoRoot, r.filePath) })),
      },
    });
    worker.once("message", (msg: { ok: true; out: Message[][] } | { ok: false; error: string }) => {
      void worker.terminate();
      if (msg.ok) resolve(msg.out);
      else reject(new Error(msg.error));
    });
    worker.once("error", reject);
  });
}

const FAILS_IN_CORE: [string, string][] = [
  ['import fs from "fs";\nexport const x = fs;\n', "no-restricted-imports"],
  ['import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', "no-restricted-imports"],
  ['import { join } from "path/posix";\nexport const x = join;\n', "no-restricted-imports"],
  ['import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n', "no-restricted-imports"],
  ['import type { Workbook } from "exceljs";\nexport type X = Workbook;\n', "no-restricted-imports"],
  ['import React from "react";\nexport const x = React;\n', "no-restricted-imports"],
  ['import { createRoot } from "react-dom/client";\nexport const x = createRoot;\n', "no-restricted-imports"],
  ['import { Button } from "@fluentui/react-components";\nexport const x = Button;\n', "no-restricted-imports"],
  ['export { OfficeMockObject } from "office-addin-mock";\n', "no-restricted-imports"],
  ["export async function f() {\n  await Excel.run(async () => {});\n}\n", "no-restricted-globals"],
  ["export const t = document.title;\n", "no-restricted-globals"],
  ["export const ua = navigator.userAgent;\n", "no-restricted-globals"],
  ["export const ready = Office.onReady();\n", "no-restricted-globals"],
  ["export const env = process.env.HOME;\n", "no-restricted-globals"],
  ['export const b = Buffer.from("x");\n', "no-restricted-globals"],
  ["export const w = window.innerWidth;\n", "no-restricted-globals"],
  ['export const s = localStorage.getItem("k");\n', "no-restricted-globals"],
  ['export const r = fetch("https://example.invalid/");\n', "no-restricted-globals"],
  ["export const d = __dirname;\n", "no-restricted-globals"],
  ['export const m = import("node:fs");\n', "no-restricted-syntax"],
];

const DEEP_CORE: LintRequest = {
  code: 'import fs from "fs";\nexport const x = fs;\n',
  filePath: "src/core/layout/deep/y.ts",
};

const PASSES_OUTSIDE_CORE: LintRequest[] = [
  { code: 'import fs from "fs";\nexport const x = fs;\n', filePath: "src/xlsx/x.ts" },
  { code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n', filePath: "src/xlsx/x.ts" },
  { code: "export async function f() {\n  await Excel.run(async () => {});\n}\n", filePath: "src/excel/x.ts" },
  { code: "export const t = document.title;\n", filePath: "src/taskpane/x.ts" },
];

const PURE_CORE: LintRequest = {
  code: [
    'import type { WorkbookSnapshot } from "./model/snapshot";',
    "export function sheetCount(s: WorkbookSnapshot | { sheets: unknown[] }): number {",
    "  return (s as { sheets: unknown[] }).sheets.length;",
    "}",
    "",
  ].join("\n"),
  filePath: "src/core/x.ts",
};

const results = new Map<string, Message[]>();
const key = (r: LintRequest) => `${r.filePath}\u0000${r.code}`;

function lint(code: string, filePath: string): Message[] {
  const found = results.get(key({ code, filePath }));
  if (!found) throw new Error(`not linted in beforeAll: ${filePath}`);
  return found;
}

beforeAll(async () => {
  const requests: LintRequest[] = [
    ...FAILS_IN_CORE.map(([code]) => ({ code, filePath: "src/core/x.ts" })),
    DEEP_CORE,
    ...PASSES_OUTSIDE_CORE,
    PURE_CORE,
  ];
  const out = await lintAll(requests);
  requests.forEach((r, i) => results.set(key(r), out[i]));
});

function rules(messages: Message[]): (string | null)[] {
  return messages.map((m) => m.ruleId);
}

describe("src/core purity rule", () => {
  const oneLine = (code: string) => code.replace(/\s+/g, " ").trim();

  test.each(FAILS_IN_CORE.map(([code, ruleId]) => ({ code, ruleId, shown: oneLine(code) })))(
    "$ruleId in src/core: $shown",
    ({ code, ruleId }) => {
      const messages = lint(code, "src/core/x.ts");
      expect(rules(messages)).toContain(ruleId);
      expect(messages.find((m) => m.ruleId === ruleId)?.severity).toBe(2);
    },
  );

  test("a sub-folder of src/core is covered too", () => {
    expect(rules(lint(DEEP_CORE.code, DEEP_CORE.filePath))).toContain("no-restricted-imports");
  });

  test.each(PASSES_OUTSIDE_CORE.map((r) => ({ ...r, shown: oneLine(r.code) })))(
    "passes in $filePath: $shown",
    ({ code, filePath }) => {
      expect(lint(code, filePath)).toEqual([]);
    },
  );

  test("pure code passes in src/core", () => {
    expect(lint(PURE_CORE.code, PURE_CORE.filePath)).toEqual([]);
  });
});
