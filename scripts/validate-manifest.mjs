#!/usr/bin/env node
// `npm run validate`: checks manifest.xml offline.
//  1. XSD validation with xmllint-wasm against OfficeAppManifestV1_1.xsd
//     (<repo>/../shared/schemas/office-addin-manifest, or env PR_SCHEMA_DIR);
//  2. every icon URL in the manifest is a PNG in assets/ of the right pixel size.
// The logic lives in src/tools/manifest-check.ts (shared with the jest test);
// tsx loads it. Exit 0 when everything passes, 1 otherwise.
//
//   node scripts/validate-manifest.mjs [path/to/manifest.xml]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  const loaded = await tsImport("../src/tools/manifest-check.ts", import.meta.url);
  const { checkManifest } = loaded.checkManifest ? loaded : loaded.default;
  const manifestPath = path.resolve(process.argv[2] ?? path.join(repoRoot, "manifest.xml"));

  const report = await checkManifest({ repoRoot, manifestPath });
  const rel = (p) => path.relative(process.cwd(), p) || p;

  console.log(`Manifest: ${rel(report.manifestPath)}`);
  console.log(`Schemas:  ${report.schemaDir}`);
  console.log("");
  if (report.schema.valid) {
    console.log("✔ XSD: valid against OfficeAppManifestV1_1.xsd");
  } else {
    console.log("✘ XSD: NOT valid");
    for (const line of report.schema.errors) console.log(`    ${line}`);
  }

  const badIcons = report.icons.filter((c) => c.problems.length > 0);
  console.log(
    `${badIcons.length === 0 ? "✔" : "✘"} Icons: ${report.icons.length - badIcons.length}/${report.icons.length} URLs point to a PNG of the right size in assets/`,
  );
  for (const icon of report.icons) {
    const size = icon.actual ? `${icon.actual.width}x${icon.actual.height}` : "-";
    const mark = icon.problems.length === 0 ? "ok" : "FAIL";
    console.log(`    ${mark.padEnd(4)} ${icon.url}  [${size}]  ← ${icon.usedBy.join(", ")}`);
    for (const p of icon.problems) console.log(`         ${p}`);
  }

  console.log("");
  console.log(report.ok ? "manifest.xml: OK" : "manifest.xml: FAILED");
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((err) => {
  console.error(`validate-manifest: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
