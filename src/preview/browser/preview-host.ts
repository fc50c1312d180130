/**
 * The preview page's host script (test and trial host; never part of what Excel loads). It runs
 * where taskpane.html loads office.js: it installs `Office` and `Excel` from the simulated host
 * before the pane's own bundle (taskpane.js, unchanged) runs, opens the workbook (the bundled
 * sample, or the file the user opened), then shows the spreadsheet view beside the pane.
 *
 * URL query: lang=en|ja (Office display language), theme=light|dark|colorful|black,
 * width=320|350 (pane width), api=7..99 (ExcelApi 1.x level), file=<name> (sample by default).
 */
import { createRoot } from "react-dom/client";
import { createElement } from "react";
import { SimulatedExcel } from "../simulated-excel";
import { makePreviewGlobals, type PreviewTheme } from "../preview-office";
import { previewEventsOf } from "../preview-events";
import { PreviewApp } from "./preview-app";
import { takeStashedWorkbook } from "./workbook-stash";

const query = new URLSearchParams(location.search);
const lang = query.get("lang");
const theme = (query.get("theme") ?? "light") as PreviewTheme;
const width = Number(query.get("width") ?? 350);
const apiLevel = Number(query.get("api") ?? 99);

const globals = makePreviewGlobals({
  displayLanguage: lang === "en" ? "en-US" : lang && lang !== "ja" ? lang : "ja-JP",
  theme,
});
Object.assign(window as unknown as Record<string, unknown>, { Office: globals.Office, Excel: globals.Excel });
document.documentElement.style.setProperty("--pane-width", `${Number.isFinite(width) && width > 0 ? width : 350}px`);
document.documentElement.dataset.theme = theme;

async function open(): Promise<{ sim: SimulatedExcel; name: string; error: string | null }> {
  const options = { excelApiLevel: Number.isInteger(apiLevel) && apiLevel >= 1 ? apiLevel : 99 };
  const stashed = await takeStashedWorkbook();
  if (stashed) {
    try {
      const sim = await SimulatedExcel.fromBuffer(stashed.bytes, options);
      sim.workbookName = stashed.name;
      return { sim, name: stashed.name, error: null };
    } catch (e) {
      return { ...(await openSample(options)), error: `「${stashed.name}」を開けませんでした / Could not open: ${String(e)}` };
    }
  }
  return { ...(await openSample(options)), error: null };
}

async function openSample(options: { excelApiLevel: number }) {
  const name = "sample-progress.xlsx";
  const response = await fetch(name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const sim = await SimulatedExcel.fromBuffer(await response.arrayBuffer(), options);
  sim.workbookName = name;
  return { sim, name };
}

void open().then(({ sim, name, error }) => {
  const events = previewEventsOf(sim);
  globals.ready(sim);
  const root = document.getElementById("preview-root");
  if (root) {
    createRoot(root).render(
      createElement(PreviewApp, { sim, events, fileName: name, afterBatch: globals.afterBatch, loadError: error }),
    );
  }
  // For the end-to-end tests: the events and sync counts of this page's host.
  (window as unknown as Record<string, unknown>).__preview = { sim, events };
});
