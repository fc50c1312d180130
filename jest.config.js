/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Type errors come from `npm run typecheck` (tsc --noEmit); ts-jest only transpiles, which is ~5x faster.
  transform: { "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    // office-addin-mock pulls an ESM-only dependency through office-addin-manifest; its CommonJS entry is enough.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
