/**
 * The browser preview that `npm start` serves (a test and trial host, not the product):
 *   index.html     the preview page: preview-host.js (simulated Excel, ExcelJS, the grid), then
 *                  taskpane.js — the same entry and code as the add-in's pane
 *   taskpane.html  the pane page as Excel loads it (for the IE-webview message check)
 *   sample-progress.xlsx
 * Output: dist-preview/ (PREVIEW_OUT to change). Nothing here is part of dist/, which Excel loads.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { webpackAlias: PREACT_ALIAS } = require("./scripts/preact-alias.cjs");

module.exports = (env = {}, argv = {}) => {
  const out = (env && env.PREVIEW_OUT) || process.env.PREVIEW_OUT || path.resolve(__dirname, "dist-preview");
  return {
    mode: argv.mode || "production",
    devtool: argv.mode === "development" ? "eval-cheap-source-map" : "source-map",
    entry: {
      "preview-host": "./src/preview/browser/preview-host.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: out, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", publicPath: "auto", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // The pane as Excel gets it: React's API rendered by Preact (scripts/preact-alias.cjs).
      alias: PREACT_ALIAS,
      // ExcelJS's browser build (package.json "browser") needs none of Node's modules.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "es2020", target: "es2017", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/browser/preview.html",
        chunks: ["preview-host", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // No Office.js in the preview: the page shows what it shows without Excel.
        templateParameters: { officeJsUrl: "office-js-not-in-preview.js" },
      }),
      new CopyWebpackPlugin({ patterns: [
          { from: "assets/sample-progress.xlsx", to: "sample-progress.xlsx" },
          // The page's icon (the browser asks for one on every load).
          { from: "assets/icon-32.png", to: "favicon.png" },
        ] }),
    ],
    performance: { hints: false },
  };
};
