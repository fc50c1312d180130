/** Jest globalTeardown: removes this run's shared production build (test/helpers/built-bundles.ts). */
import fs from "node:fs";
import { SHARED_BUILD_ENV, sharedBuildFiles } from "./built-bundles";

export default function removeSharedBuild(): void {
  const dir = process.env[SHARED_BUILD_ENV];
  if (!dir) return;
  for (const p of [dir, ...Object.values(sharedBuildFiles(dir))]) fs.rmSync(p, { recursive: true, force: true });
}
