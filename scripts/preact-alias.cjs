/**
 * The pane renders with Preact (preact/compat) in place of React DOM: Fluent UI v9 and the pane's code are written
 * against React's API, and preact/compat provides it in ~10 KB gzip where react-dom 19 is ~58 KB — the pane's
 * load-on-open budget (≤ 200 KB gzip, issue 18) is not reachable with react-dom. Every build of the pane (dist/,
 * the preview) and every jest test renders with the same Preact, so the tests exercise what ships.
 * Types stay @types/react: the code is checked against React's API, which preact/compat implements.
 */
const path = require("node:path");

const PREACT = path.dirname(require.resolve("preact/package.json"));

/** webpack `resolve.alias` (exact module names; `$` keeps "react" from matching "react-dom"). */
const webpackAlias = {
  react$: "preact/compat",
  "react-dom$": "preact/compat",
  "react-dom/client$": "preact/compat/client",
  "react-dom/test-utils$": "preact/test-utils",
  "react/jsx-runtime$": "preact/jsx-runtime",
  "react/jsx-dev-runtime$": "preact/jsx-dev-runtime",
};

/**
 * jest `moduleNameMapper`: Preact's CommonJS files by path (jsdom's "browser" condition would pick its ES
 * modules, which jest on Node 20 cannot require).
 */
const cjs = (rel) => path.join(PREACT, rel);
const jestModuleNameMapper = {
  "^react$": cjs("compat/dist/compat.js"),
  "^react-dom$": cjs("compat/dist/compat.js"),
  "^react-dom/client$": cjs("compat/client.js"),
  "^react-dom/test-utils$": cjs("test-utils/dist/testUtils.js"),
  "^react/jsx-runtime$": cjs("jsx-runtime/dist/jsxRuntime.js"),
  "^react/jsx-dev-runtime$": cjs("jsx-runtime/dist/jsxRuntime.js"),
  "^preact$": cjs("dist/preact.js"),
  "^preact/hooks$": cjs("hooks/dist/hooks.js"),
  "^preact/compat$": cjs("compat/dist/compat.js"),
  "^preact/test-utils$": cjs("test-utils/dist/testUtils.js"),
  "^preact/jsx-runtime$": cjs("jsx-runtime/dist/jsxRuntime.js"),
};

module.exports = { webpackAlias, jestModuleNameMapper };
