#!/usr/bin/env node
/**
 * `npx progress-review …` (package.json "bin"). Runs the compiled command, dist-cli/progress-review.js, built from
 * src/cli by `npm run build:cli` (which `npm install` runs as its prepare step). No TypeScript at start-up: a
 * missing build is an error that says how to make it, never a silent slower path.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist-cli", "progress-review.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write(
    "エラー / error: コマンドがビルドされていません。`npm run build:cli` を実行してください / the command is not built: run `npm run build:cli` (dist-cli/progress-review.js is missing)\n",
  );
  process.exit(2);
}
// Stack traces point at src/**/*.ts through the build's source map.
process.setSourceMapsEnabled(true);
require(compiled).runCli();
