/**
 * npm run -s bench:core — the core's benchmark contract (issue 9):
 *   rows=<n> coreMs=<median> scanMs=<median> allocMB=<per run>
 * coreMs: detect + columnar read + grade into codes + summary counts (no sheet plans, no reason text) of one
 * generated sheet (core-path.ts);
 * scanMs: one pass over the same snapshot reading every cell once (strings by character code) — the floor;
 * allocMB: bytes allocated by one core run (median of 3) (freed by each GC plus what is still live after it), from v8's GC profiler.
 * Core and scan runs are interleaved so both see the same load of this shared machine; medians of 9 runs after
 * warm-ups of at least 3 runs and 300,000 rows. No assertions: speed is measured here, never in `npm test`.
 */
import v8 from "v8";
import { benchSnapshot } from "./generate-progress";
import { coreOnly } from "./core-path";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";

/** BENCH_ROWS=50000 runs one size (a quick check between steps). */
const SIZES = process.env.BENCH_ROWS ? process.env.BENCH_ROWS.split(",").map(Number) : [1_000, 10_000, 50_000, 200_000];
/** Warm-up: at least 3 runs and 300,000 rows in all, so that small sizes are timed with optimised code too. */
const WARMUPS = 3;
const WARMUP_ROWS = 300_000;
const RUNS = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Every cell read once; numbers added, strings read by character code. */
function scan(snap: WorkbookSnapshot): number {
  let sum = 0;
  for (const sheet of snap.sheets) {
    for (const row of sheet.values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") sum += v;
        else if (typeof v === "string") for (let i = 0; i < v.length; i++) sum += v.charCodeAt(i);
        else if (v === true) sum++;
      }
    }
  }
  return sum;
}

/** Bytes allocated during fn: what each GC freed plus the growth of the live heap. */
function allocatedBytes(fn: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const profiler = new v8.GCProfiler();
  const before = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  const keep = fn();
  const after = v8.getHeapStatistics().used_heap_size;
  const stats = profiler.stop()?.statistics ?? [];
  let freed = 0;
  for (const s of stats) freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  void keep;
  return freed + (after - before);
}

let sink = 0;
for (const rows of SIZES) {
  const snap = benchSnapshot(1, rows);
  for (let i = 0; i < Math.max(WARMUPS, Math.ceil(WARMUP_ROWS / rows)); i++) {
    coreOnly(snap);
    sink += scan(snap);
  }
  const coreTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    coreOnly(snap);
    coreTimes.push(performance.now() - t);
    t = performance.now();
    sink += scan(snap);
    scanTimes.push(performance.now() - t);
  }
  const alloc = median([0, 1, 2].map(() => allocatedBytes(() => coreOnly(snap))));
  const c = median(coreTimes);
  const s = median(scanTimes);
  console.log(
    `rows=${rows} coreMs=${c.toFixed(1)} scanMs=${s.toFixed(2)} allocMB=${(alloc / 2 ** 20).toFixed(1)} ratio=${(c / s).toFixed(0)}`,
  );
}
if (sink === 42) console.log("");
