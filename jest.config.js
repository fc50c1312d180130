const { jestModuleNameMapper: PREACT } = require("./scripts/preact-alias.cjs");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // The process-level CLI tests run the compiled command: build it from the current sources first.
  globalSetup: "<rootDir>/test/helpers/build-cli.global-setup.ts",
  // …and removes the run's one production build, if a test made it (test/helpers/built-bundles.ts).
  globalTeardown: "<rootDir>/test/helpers/built-bundles.global-teardown.ts",
  // tsconfig has isolatedModules, so ts-jest only transpiles (~5x faster); type errors come from `npm run typecheck`.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    // The pane's tests render with Preact, as the built pane does (scripts/preact-alias.cjs).
    ...PREACT,
    // office-addin-mock pulls an ESM-only dependency through office-addin-manifest; its CommonJS entry is enough.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
