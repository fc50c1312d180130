/**
 * webpack config in the shape of Microsoft's Office add-in template (Yeoman
 * generator-office, React TypeScript task pane): pages `taskpane` and
 * `commands`, assets/, manifest.xml and the help pages copied to dist/.
 *
 * Two compilations, because the two pages run in different webviews:
 *   commands  the ribbon command's function file. Office 2019 (ExcelApi 1.7,
 *             which the manifest admits) runs it in IE11 or EdgeHTML 18, so
 *             ALL of it, node_modules included, goes through Babel to ES5
 *             with the core-js polyfills it uses (test/unit/build checks the
 *             output parses as ES5).
 *   taskpane  React + Fluent UI; transpiled, node_modules included, for
 *             EdgeHTML 18 (ES2017 syntax: no `?.`, `??`, object spread).
 *             IE11 shows the plain-HTML message of taskpane.html instead.
 *
 * Options (environment variables, or `webpack --env NAME=1`):
 *   OFFICE_JS_LOCAL=1  the pages load ./office.js from this site instead of the
 *                      Microsoft CDN (closed government networks): office.js, the
 *                      Excel host files it loads next to itself (Windows, Mac, web)
 *                      and its locale strings are copied from @microsoft/office-js.
 *   ADDIN_URL=https://host/path/   written into dist/manifest.xml in place of
 *                      https://localhost:3000/ (every URL, AppDomains included).
 *   HTTP=1             `npm run dev-server` without https (not for Office).
 * The dev server serves https with office-addin-dev-certs on localhost only.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { webpackAlias: PREACT_ALIAS } = require("./scripts/preact-alias.cjs");
const { rewriteManifestUrls } = require("./scripts/manifest-url.js");

const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office.js";
const CORE_JS_VERSION = require("core-js/package.json").version;

/**
 * What office.js loads relative to its own URL, for Excel (office.debug.js's loader): the host file
 * `excel-<platform>-<version>[-core].js` of the running Excel and `<locale>/office_strings.js` (en-us when the
 * locale is missing). Excel on Windows, Mac and the web; not the telemetry script (no telemetry here).
 */
function officeJsLocalPatterns() {
  const dist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  // As Microsoft ships them: `minimized` keeps the production build's minifier off them.
  const info = { minimized: true };
  return [
    { from: "office.js", context: dist, to: "office.js", info },
    {
      from: "excel-{win32,mac,web}-16.*.js",
      context: dist,
      to: "[name][ext]",
      globOptions: { ignore: ["**/*.debug.js"] },
      info,
    },
    { from: "*/office_strings.js", context: dist, to: "[path][name][ext]", info },
  ];
}

/** Browser targets per page (Babel preset-env). */
const TARGETS = {
  commands: "ie 11, edge 18",
  taskpane: "edge 18, chrome 90, safari 14, firefox 90",
};

/**
 * Polyfills that "usage" adds because a method NAME matches (`.map(` on an array reads as Iterator#map, `.set(`
 * on a Map as TypedArray#set), not because the code calls them: ES2023+ iterator, typed-array, Set, base64 and
 * get-or-insert methods that neither our code (typed against lib ES2022) nor the bundled packages call, and the
 * URL / DOMException / setImmediate replacements for APIs the pane does not use. They were 30 % of the pane's
 * JavaScript (BENCHMARKS.md, task pane). The ribbon command (IE11) keeps everything.
 */
const POLYFILLS_NOT_CALLED = [
  // `esnext.X` is core-js's alias of `es.X` (it requires it): Babel adds both, so both are left out.
  /^es(next)?\.iterator\./,
  /^es(next)?\.typed-array\./,
  /^es(next)?\.array-buffer\./,
  /^es(next)?\.uint8-array\./,
  /^es(next)?\.set\.[a-z-]+\.v2$/,
  /^es(next)?\.(weak-)?map\.get-or-insert/,
  /^web\.url/,
  /^web\.dom-exception\./,
  /^web\.(set-|clear-)?immediate$/,
];

/**
 * Polyfills that REPLACE a built-in every pane target has (EdgeHTML 18, Chrome 90, Safari 14 per
 * @mdn/browser-compat-data) to fix a corner the pane never reaches: JSON.parse's reviver source text and
 * JSON.stringify of lone surrogates; Promise (native with `finally` in EdgeHTML 18; core-js swaps it for its
 * unhandled-rejection events); WeakMap (symbols as keys); push/unshift past 2^53 − 1 elements; the
 * startsWith/endsWith/includes Symbol.match check; RegExp and the String methods that take one, rebuilt for
 * named groups and the `s` flag at run time (Babel rewrites those in literals; the two RegExps built from
 * strings use `g`/`gu` only); Error's `cause` option (no code passes it). Each was a whole implementation
 * loaded on open (BENCHMARKS.md, task pane). What EdgeHTML 18 lacks stays
 * (Object.fromEntries, flatMap, Array#at, stable sort, RegExp#flags, Symbol#description, queueMicrotask …).
 */
const POLYFILLS_NATIVE_IN_PANE_TARGETS = [
  /^es(next)?\.json\.(parse|stringify)$/,
  /^es(next)?\.promise(\.(constructor|all|race|reject|resolve|catch|finally))?$/,
  /^es(next)?\.weak-map(\.constructor)?$/,
  /^es\.array\.(push|unshift)$/,
  /^es\.(string|array)\.includes$/,
  /^es\.string\.(starts-with|ends-with)$/,
  /^es\.regexp\.(constructor|exec|test|to-string|dot-all)$/,
  /^es\.string\.(replace|split|match)$/,
  /^es\.error\.cause$/,
];

function flag(env, name) {
  const value = (env && env[name]) ?? process.env[name];
  return value === true || value === "1" || value === "true";
}

/** Babel over the page's code and every package it bundles, with the polyfills the code uses. */
function babelRule(targets, dev, exclude = [], sharedHelpers = false) {
  return {
    test: /\.(m?js|tsx?)$/,
    // core-js must not be polyfilled with itself; webpack's own runtime is written for the target by `target`.
    // @babel/runtime's helpers are what the compiled modules import (scripts/babel-shared-helpers.cjs).
    exclude: sharedHelpers
      ? /[\\/]node_modules[\\/](core-js|webpack|@babel[\\/]runtime)[\\/]/
      : /[\\/]node_modules[\\/](core-js|webpack)[\\/]/,
    use: {
      loader: "babel-loader",
      options: {
        babelrc: false,
        configFile: false,
        // CommonJS packages stay CommonJS; polyfill imports are added in the module's own style.
        sourceType: "unambiguous",
        cacheDirectory: true,
        cacheCompression: false,
        compact: !dev,
        presets: [
          [
            "@babel/preset-env",
            {
              targets,
              useBuiltIns: "usage",
              corejs: CORE_JS_VERSION,
              modules: false,
              bugfixes: true,
              exclude,
            },
          ],
          ["@babel/preset-typescript", { allowDeclareFields: true }],
          // tsconfig's "jsx": "react-jsx"
          ["@babel/preset-react", { runtime: "automatic" }],
        ],
        plugins: sharedHelpers ? [require.resolve("./scripts/babel-shared-helpers.cjs")] : [],
      },
    },
  };
}

function pageConfig(page, { dev, officeJsUrl, outputPath, extraPlugins = [] }) {
  const entries = {
    // The guard first, ahead of core-js (src/commands/office-promise-guard.ts says why).
    commands: ["./src/commands/office-promise-guard.ts", "./src/commands/commands.ts"],
    taskpane: "./src/taskpane/index.tsx",
  };
  return {
    name: page,
    context: __dirname,
    mode: dev ? "development" : "production",
    // No source maps in the production dist/ (they would publish the sources next to the add-in).
    devtool: dev ? "source-map" : false,
    // webpack's own runtime code at the page's syntax level.
    target: page === "commands" ? ["web", "es5"] : ["web", "es2017"],
    entry: { [page]: entries[page] },
    output: {
      path: outputPath,
      filename: "[name].js",
      // Both compilations write to dist/: `npm run build` empties it first (scripts/clean-dist.js).
      clean: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // React's API rendered by Preact (scripts/preact-alias.cjs says why).
      alias: PREACT_ALIAS,
    },
    module: {
      rules: [
        page === "taskpane"
          ? babelRule(TARGETS.taskpane, dev, [...POLYFILLS_NOT_CALLED, ...POLYFILLS_NATIVE_IN_PANE_TARGETS], true)
          : babelRule(TARGETS.commands, dev),
        {
          test: /\.(png|jpe?g|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: `${page}.html`,
        template: `./src/${page}/${page}.html`,
        chunks: [page],
        templateParameters: { officeJsUrl },
      }),
      ...extraPlugins,
    ],
    performance: {
      // React + Fluent UI v9 is ~0.5 MB minified; warn only well above that.
      maxAssetSize: 1.5 * 1024 * 1024,
      maxEntrypointSize: 1.5 * 1024 * 1024,
    },
  };
}

/**
 * The localhost certificate Office expects, trusted through office-addin-dev-certs
 * (`npm run certs` once). Where its CA cannot be installed (no admin rights, Linux
 * without sudo) the generated certificate is still used, with a note: Excel will
 * not trust it until the CA is installed.
 */
async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require("node:fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostCertificatePath)) throw e;
    console.warn(`office-addin-dev-certs: ${e.message.split("\n")[0]}`);
    console.warn(
      `Serving ${defaults.localhostCertificatePath} anyway; install ${defaults.caCertificatePath} as a trusted CA for Office.`,
    );
    return {
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
      ca: fs.readFileSync(defaults.caCertificatePath),
    };
  }
}

/**
 * @param env webpack --env values (also read from the environment)
 * @param argv webpack CLI arguments; `argv.pages` (Node API only) limits the pages, `argv.outputPath` the folder.
 *   `--env PAGES=commands` limits the pages from the command line.
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJsLocal = flag(env, "OFFICE_JS_LOCAL");
  const officeJsUrl = officeJsLocal ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const addinUrl = (env && env.ADDIN_URL) || process.env.ADDIN_URL || "";
  // OUTPUT_PATH: the build test writes to its own folder, never to dist/.
  const outputPath = argv.outputPath || env.OUTPUT_PATH || path.resolve(__dirname, "dist");
  const pages = argv.pages || (env.PAGES ? String(env.PAGES).split(",") : ["taskpane", "commands"]);

  const copy = new CopyWebpackPlugin({
    patterns: [
      { from: "assets/*.png", to: "assets/[name][ext]" },
      { from: "src/help/*.html", to: "[name][ext]" },
      {
        from: "manifest.xml",
        to: "manifest.xml",
        transform(content) {
          return addinUrl ? rewriteManifestUrls(content.toString(), addinUrl) : content;
        },
      },
      ...(officeJsLocal ? officeJsLocalPatterns() : []),
    ],
  });

  const configs = pages.map((page, i) =>
    pageConfig(page, { dev, officeJsUrl, outputPath, extraPlugins: i === 0 ? [copy] : [] }),
  );

  if (serving) {
    const https = !flag(env, "HTTP");
    configs[0].devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || DEV_PORT),
      // The manifest points at https://localhost:3000; nothing else on the network can reach the dev server.
      host: "localhost",
      allowedHosts: ["localhost"],
      server: https ? { type: "https", options: await devCertificates() } : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
    };
  }
  return configs;
};
