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
  /^es\.iterator\./,
  /^es\.typed-array\./,
  /^es\.array-buffer\./,
  /^es\.uint8-array\./,
  /^es\.set\.[a-z-]+\.v2$/,
  /^es\.(weak-)?map\.get-or-insert/,
  /^web\.url/,
  /^web\.dom-exception\./,
  /^web\.(set-|clear-)?immediate$/,
];

function flag(env, name) {
  const value = (env && env[name]) ?? process.env[name];
  return value === true || value === "1" || value === "true";
}

/** Babel over the page's code and every package it bundles, with the polyfills the code uses. */
function babelRule(targets, dev, exclude = []) {
  return {
    test: /\.(m?js|tsx?)$/,
    // core-js must not be polyfilled with itself; webpack's own runtime is written for the target by `target`.
    exclude: /[\\/]node_modules[\\/](core-js|webpack)[\\/]/,
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
    },
    module: {
      rules: [
        babelRule(TARGETS[page], dev, page === "taskpane" ? POLYFILLS_NOT_CALLED : []),
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
