/**
 * The production build (what Excel loads: dist/commands.js, dist/taskpane.js…), made ONCE per jest run and shared
 * by every test file that drives the built bundles: jest's globalSetup names a fresh folder (PR_SHARED_BUILD_DIR);
 * the first test file to ask builds into it while the others wait, and globalTeardown removes it. One build costs
 * minutes, so the suite must never pay for it twice.
 *
 * It is the closed-network build (OFFICE_JS_LOCAL=1): the same bundles, the pages loading ./office.js, and office.js
 * with the files it loads next to it in the folder (test/integration/build/office-bundles.test.ts checks them).
 *
 * PR_BUILT_DIST=<folder> (or REUSE_BUILD) reuses a build made from the same sources
 * (`OFFICE_JS_LOCAL=1 npx webpack --mode production --env OUTPUT_PATH=<folder>`), to rerun the tests without
 * waiting for webpack. Outside jest (no globalSetup) each call builds into its own temporary folder.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const REPO = path.join(__dirname, "..", "..");
export const BUILD_TIMEOUT_MS = 15 * 60 * 1000;
/** Set by jest's globalSetup: where this run's one build goes. */
export const SHARED_BUILD_ENV = "PR_SHARED_BUILD_DIR";

export interface BuiltBundles {
  dir: string;
  remove(): void;
}

export function buildBundles(): BuiltBundles {
  const reuse = process.env.PR_BUILT_DIST || process.env.REUSE_BUILD;
  if (reuse) {
    if (!fs.existsSync(path.join(reuse, "commands.js"))) throw new Error(`PR_BUILT_DIST=${reuse} has no commands.js`);
    return { dir: reuse, remove: () => undefined };
  }
  const shared = process.env[SHARED_BUILD_ENV];
  if (shared) return { dir: sharedBuild(shared), remove: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pr-officejs-"));
  webpack(dir);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function webpack(dir: string): void {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--env", `OUTPUT_PATH=${dir}`],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, ADDIN_URL: "", OFFICE_JS_LOCAL: "1" } },
  );
  if (r.status !== 0) throw new Error(`webpack failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** The run's build: made by whichever test file gets the lock first (mkdir is atomic), awaited by the others. */
function sharedBuild(dir: string): string {
  const { complete, failed, lock } = sharedBuildFiles(dir);
  let owner = false;
  try {
    fs.mkdirSync(lock);
    owner = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  if (owner) {
    try {
      webpack(dir);
      fs.writeFileSync(complete, new Date().toISOString());
    } catch (e) {
      fs.writeFileSync(failed, String((e as Error).message));
      throw e;
    }
    return dir;
  }
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const start = Date.now(); Date.now() - start < BUILD_TIMEOUT_MS; ) {
    if (fs.existsSync(complete)) return dir;
    if (fs.existsSync(failed)) throw new Error(`the shared build failed:\n${fs.readFileSync(failed, "utf8")}`);
    Atomics.wait(sleeper, 0, 0, 500);
  }
  throw new Error(`the shared build in ${dir} did not finish within ${BUILD_TIMEOUT_MS / 60000} minutes`);
}

/** The folder and its markers (globalTeardown removes them all). */
export function sharedBuildFiles(dir: string): { complete: string; failed: string; lock: string } {
  return { complete: path.join(dir, ".build-complete"), failed: `${dir}.failed`, lock: `${dir}.lock` };
}
