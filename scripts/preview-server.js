/**
 * `npm start`: builds the browser preview (webpack.preview.config.js) and serves it on
 * localhost. PORT sets the port (default 3100; 0 = any free port); PREVIEW_MODE=development
 * builds faster. Prints the URL. Also used by the end-to-end tests (buildPreview, servePreview).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so that jest's e2e tests can require it too */
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Runs webpack with the preview config; resolves with the output directory. `onProgress(percent, step)`. */
function buildPreview({ mode = "production", out, onProgress } = {}) {
  const webpack = require("webpack");
  const makeConfig = require("../webpack.preview.config.js");
  const config = makeConfig(out ? { PREVIEW_OUT: out } : {}, { mode });
  if (onProgress) config.plugins.push(new webpack.ProgressPlugin((p, step) => onProgress(Math.floor(p * 100), step)));
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(config.output.path);
    });
  });
}

/** Serves `dir` on 127.0.0.1; resolves with { server, url }. */
function servePreview({ dir, port = 3100 }) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(root, "." + rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, url: `http://localhost:${address.port}/` });
    });
  });
}

async function main() {
  const mode = process.env.PREVIEW_MODE === "development" ? "development" : "production";
  const port = process.env.PORT === undefined ? 3100 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT は 0〜65535 の整数にしてください / PORT must be an integer 0-65535: ${process.env.PORT}`);
    process.exit(2);
  }
  console.log("プレビューをビルドしています（1〜2 分）… / Building the preview (a minute or two)…");
  const started = Date.now();
  let shown = -1;
  const dir = await buildPreview({
    mode,
    onProgress(percent, step) {
      // A line every 10 %: progress that a log file or CI shows too, not only a terminal.
      if (percent < shown + 10 && percent < 100) return;
      shown = percent;
      console.log(`  ${String(percent).padStart(3)}%  ${step || ""}  (${Math.round((Date.now() - started) / 1000)} s)`);
    },
  });
  const { url } = await servePreview({ dir, port });
  console.log(`\nProgress Review プレビュー（テスト・試用ホスト）/ preview (test and trial host):\n  ${url}\n`);
  const opened = openBrowser(url);
  console.log(
    opened
      ? "ブラウザーで開きました。終了は Ctrl+C。 / Opened in your browser; Ctrl+C stops it."
      : "ブラウザーで開いてください。終了は Ctrl+C。 / Open it in a browser; Ctrl+C stops it.",
  );
}

/**
 * Opens the URL in the desktop's browser where there is one (not in CI, not over SSH without a display; BROWSER=none
 * turns it off). Returns whether it tried.
 */
function openBrowser(url) {
  if (process.env.CI || process.env.BROWSER === "none") return false;
  const { spawn } = require("node:child_process");
  const [cmd, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? ["xdg-open", [url]]
          : [null, []];
  if (!cmd) return false;
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined); // no opener installed: the URL is printed anyway
    child.unref();
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

module.exports = { buildPreview, servePreview };
