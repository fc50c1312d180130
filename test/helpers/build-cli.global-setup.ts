/**
 * Jest globalSetup: compile the command (`npm run build:cli`, about a second) before any test, so the tests that
 * spawn bin/progress-review.js run the sources as they are now, never a stale dist-cli/; and name the folder of
 * this run's one production build (test/helpers/built-bundles.ts), made only if a test asks for it.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { SHARED_BUILD_ENV } from "./built-bundles";

export default function buildCli(): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["run", "-s", "build:cli"], { cwd: path.join(__dirname, "..", ".."), stdio: "inherit" });
  // Workers inherit the environment: every test file of the run sees the same folder.
  process.env[SHARED_BUILD_ENV] = path.join(os.tmpdir(), `pr-built-${process.pid}-${Date.now()}`);
}
