/**
 * The task pane's budgets (npm run bench:pane), figures in BENCHMARKS.md:
 *   - JavaScript Excel loads when the pane opens (the production build of webpack.config.js:
 *     the taskpane entry's files), gzip; goal ≤ 200 KB. Chunks loaded on demand listed apart.
 *   - syncs of the pane's open (stale check + in-memory review) and recompute on the sample
 *     (goal ≤ 4 for recompute), and per selection change for "This row" (goal ≤ 1).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import webpack from "webpack";
import { SimulatedExcel } from "../../src/preview/simulated-excel";
import { previewEventsOf } from "../../src/preview/preview-events";
import { createPaneHost } from "../../src/taskpane/host/pane-host";
import { DEFAULT_RULES } from "../../src/core/model/settings";

const ROOT = path.resolve(__dirname, "..", "..");

async function bundle(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pr-bench-pane-"));
  // The config is async and gives one compilation per page: the pane's only.
  const [config] = await makeConfig({}, { mode: "production", pages: ["taskpane"] });
  config.mode = "production";
  config.output = { ...config.output, path: out };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : s.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s))),
  );
  const json = stats.toJson({ all: false, entrypoints: true, chunks: true, assets: true });
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const onOpen = (json.entrypoints?.taskpane?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js"));
  const openBytes = onOpen.reduce((s, f) => s + gz(f), 0);
  console.log(`pane on open: ${onOpen.join(" + ")} = ${kb(openBytes)} gzip (goal ≤ 200 KB)`);
  const lazy = (json.chunks ?? []).filter((c) => !c.initial).flatMap((c) => c.files ?? []).filter((f) => f.endsWith(".js"));
  for (const f of lazy) console.log(`  on demand: ${f} ${kb(gz(f))} gzip`);
  fs.rmSync(out, { recursive: true, force: true });
}

async function syncs(): Promise<void> {
  const sim = await SimulatedExcel.fromFile(path.join(ROOT, "assets", "sample-progress.xlsx"));
  const events = previewEventsOf(sim);
  const host = createPaneHost({ Excel: sim.Excel, Office: sim.Office });
  sim.resetStats();
  await host.open();
  console.log(`pane open (stale check + review in memory): syncs=${sim.stats.syncs}`);
  sim.resetStats();
  await host.recompute(DEFAULT_RULES, () => undefined);
  console.log(`pane recompute on the sample: syncs=${sim.stats.syncs} (goal ≤ 4)`);
  sim.resetStats();
  await host.recompute(DEFAULT_RULES, () => undefined);
  console.log(`pane recompute again (refresh in place): syncs=${sim.stats.syncs} (goal ≤ 4)`);
  const stop = await host.watch({ selection: () => undefined, changed: () => undefined });
  sim.resetStats();
  for (let r = 5; r < 15; r++) await events.userSelect("総務部", r, 2);
  console.log(`"This row": syncs for 10 selection changes=${sim.stats.syncs} (goal ≤ 1 each)`);
  await stop();
}

void (async () => {
  await syncs();
  await bundle();
})();
