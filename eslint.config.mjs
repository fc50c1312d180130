// ESLint flat config. `npm run lint` runs `eslint src test`.
//
// The one project-specific rule: src/core is pure (ARCHITECTURE.md). It must
// not import Office, the DOM, React, ExcelJS or Node, nor touch their globals;
// the adapters (src/excel, src/xlsx), the pane and the CLI may.
// test/unit/lint/core-purity-rule.test.ts proves the rule bites.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

const CORE_FILES = ["src/core/**/*.{ts,tsx,mts,cts,js,mjs,cjs}"];

const coreMessage = "src/core is pure: no Office, DOM, React, ExcelJS or Node. Go through the WorkbookPort adapters.";

/** Packages (and their sub-paths) that belong to a host, never to src/core. */
const HOST_PACKAGES = [
  "react",
  "react-dom",
  "@fluentui/*",
  "exceljs",
  "office-addin-mock",
  "@microsoft/office-js",
  "@types/office-js",
  "xmllint-wasm",
  "playwright-core",
];

/** Node built-ins, bare and with the node: scheme ("fs", "fs/promises", "node:fs", …). */
const NODE_BUILTINS = [...new Set(builtinModules.filter((m) => !m.startsWith("_")))].sort();

/** Globals of the browser, Office.js and Node that src/core must not reach for. */
export const CORE_RESTRICTED_GLOBALS = [
  "window",
  "document",
  "navigator",
  "location",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "fetch",
  "XMLHttpRequest",
  "Office",
  "Excel",
  "OfficeExtension",
  "process",
  "Buffer",
  "require",
  "module",
  "exports",
  "global",
  "__dirname",
  "__filename",
  "setImmediate",
];

export default defineConfig(
  {
    ignores: ["dist/**", "out/**", "coverage/**", "node_modules/**", ".tmp/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Browser code: the pane, the ribbon commands, the preview host.
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
  },
  {
    // Node code: CLI, tools, tests, scripts and configs.
    files: [
      "src/cli/**/*.{ts,tsx}",
      "src/tools/**/*.{ts,tsx}",
      "test/**/*.{ts,tsx,js,mjs,cjs}",
      "scripts/**/*.{js,mjs,cjs}",
      "*.{js,mjs,cjs}",
    ],
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
    },
  },
  {
    // CommonJS configs (webpack.config.js, jest.config.js).
    files: ["*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The purity rule (keep last so nothing above relaxes it).
    files: CORE_FILES,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...HOST_PACKAGES.filter((p) => !p.includes("*")).map((name) => ({ name, message: coreMessage })),
            ...NODE_BUILTINS.map((name) => ({ name, message: coreMessage })),
          ],
          patterns: [
            { group: ["node:*"], message: coreMessage },
            {
              group: HOST_PACKAGES.flatMap((p) => (p.includes("*") ? [p] : [`${p}/*`])),
              message: coreMessage,
            },
            { group: NODE_BUILTINS.map((m) => `${m}/*`), message: coreMessage },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...CORE_RESTRICTED_GLOBALS.map((name) => ({ name, message: coreMessage }))],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression",
          message: `${coreMessage} (no dynamic import() in src/core)`,
        },
        {
          selector: "TSImportType",
          message: `${coreMessage} (no import("…") types in src/core)`,
        },
      ],
    },
  },
);
