#!/usr/bin/env node
/**
 * `npx progress-review summarize …` (package.json "bin"). Runs src/cli/main.ts
 * through tsx as the main module, so main.ts's own start-up, exit code and
 * signal handling apply exactly as with `npm run summarize`.
 */
"use strict";
const path = require("node:path");
const Module = require("node:module");

require("tsx/cjs");
process.argv[1] = path.join(__dirname, "..", "src", "cli", "main.ts");
Module.runMain();
