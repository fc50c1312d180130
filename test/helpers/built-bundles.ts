/**
 * The production build (what Excel loads: dist/commands.js, dist/taskpane.js…) in a temporary folder, built
 * once per test file as test/integration/build/office-bundles.test.ts does. PR_BUILT_DIST=<folder> reuses a
 * build made from the same sources (`npx webpack --mode production --env OUTPUT_PATH=<folder>`), to rerun
 * the tests without waiting minutes for webpack.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const REPO = path.join(__dirname, "..", "..");
export const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

export interface BuiltBundles {
  dir: string;
  remove(): void;
}

export function buildBundles(): BuiltBundles {
  const reuse = process.env.PR_BUILT_DIST;
  if (reuse) {
    if (!fs.existsSync(path.join(reuse, "commands.js"))) throw new Error(`PR_BUILT_DIST=${reuse} has no commands.js`);
    return { dir: reuse, remove: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-officejs-"));
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--env", `OUTPUT_PATH=${dir}`],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, ADDIN_URL: "" } },
  );
  if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
