#!/usr/bin/env node
/**
 * `npm run validate:online`: Microsoft's own manifest validation
 * (`office-addin-manifest validate`, which posts the manifest to a Microsoft
 * service). Without a network it is skipped with a note (exit 0): the offline
 * XSD and icon check is `npm run validate`, which CI runs.
 */
"use strict";
const dns = require("node:dns");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const SERVICE_HOST = "validationgateway.omex.office.net";
const manifest = path.resolve(process.argv[2] || path.join(__dirname, "..", "manifest.xml"));

function reachable(host, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    dns.lookup(host, (err) => {
      clearTimeout(timer);
      resolve(!err);
    });
  });
}

(async () => {
  if (!(await reachable(SERVICE_HOST, 3000))) {
    console.log(`validate:online skipped: ${SERVICE_HOST} is not reachable (no network).`);
    console.log("The offline check (XSD + icons) is `npm run validate`.");
    return;
  }
  const cli = require.resolve("office-addin-manifest/cli.js");
  const r = spawnSync(process.execPath, [cli, "validate", manifest], { stdio: "inherit" });
  process.exitCode = r.status === null ? 1 : r.status;
})();
