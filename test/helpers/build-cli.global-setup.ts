/**
 * Jest globalSetup: compile the command (`npm run build:cli`, about a second) before any test, so the tests that
 * spawn bin/progress-review.js run the sources as they are now, never a stale dist-cli/.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function buildCli(): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["run", "-s", "build:cli"], { cwd: path.join(__dirname, "..", ".."), stdio: "inherit" });
}
