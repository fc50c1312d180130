/**
 * webpack config in the shape of Microsoft's Office add-in template (Yeoman
 * generator-office, React TypeScript task pane): entries `taskpane` and
 * `commands`, one HTML page each, assets/ and manifest.xml copied to dist/.
 *
 * Options (environment variables, or `webpack --env NAME=1`):
 *   OFFICE_JS_LOCAL=1  the pages load ./office.js from this site instead of the
 *                      Microsoft CDN (closed government networks; the office.js
 *                      files must then be placed in dist/ by the deployment).
 *   HTTPS=1            the dev server uses https (self-signed) instead of http.
 *   ADDIN_URL=https://host/path/   written into dist/manifest.xml in place of
 *                      https://localhost:3000/ (production builds only).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office.js";

function flag(env, name) {
  const value = (env && env[name]) ?? process.env[name];
  return value === true || value === "1" || value === "true";
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const officeJsUrl = flag(env, "OFFICE_JS_LOCAL") ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const https = flag(env, "HTTPS");
  const addinUrl = (env && env.ADDIN_URL) || process.env.ADDIN_URL || "";

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type errors come from `npm run typecheck`.
              transpileOnly: true,
              compilerOptions: {
                noEmit: false,
                module: "es2020",
                target: "es2017",
                sourceMap: true,
              },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (dev || !addinUrl) return content;
              const base = addinUrl.endsWith("/") ? addinUrl : `${addinUrl}/`;
              return content.toString().split(DEV_URL).join(base);
            },
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 is ~0.5 MB minified; warn only well above that.
      maxAssetSize: 1.5 * 1024 * 1024,
      maxEntrypointSize: 1.5 * 1024 * 1024,
    },
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // The template serves https with office-addin-dev-certs; there are no dev certs here.
      server: https ? "https" : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
    },
  };
};
