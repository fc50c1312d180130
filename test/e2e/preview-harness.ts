/**
 * The end-to-end tests' preview: built once (development mode, into a temporary directory),
 * served on a free port, driven by playwright-core in Debian's chromium.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Server } from "node:http";
import { chromium, type Browser, type Page, type BrowserContext } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the server script is CommonJS (npm start runs it with node)
const { buildPreview, servePreview } = require("../../scripts/preview-server.js") as {
  buildPreview(o: { mode: string; out: string }): Promise<string>;
  servePreview(o: { dir: string; port: number }): Promise<{ server: Server; url: string }>;
};

export const ROOT = path.resolve(__dirname, "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHOTS = path.join(ROOT, "out", "e2e");

export interface Preview {
  url: string;
  browser: Browser;
  tmp: string;
  close(): Promise<void>;
}

export async function startPreview(): Promise<Preview> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-e2e-"));
  const dir = await buildPreview({ mode: "development", out: path.join(tmp, "site") });
  const { server, url } = await servePreview({ dir, port: 0 });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  } catch (e) {
    // No browser (not installed): stop the server too, or jest waits for it forever after the run.
    await new Promise((r) => server.close(r));
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    url,
    browser,
    tmp,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function openPreview(p: Preview, query = "", viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await p.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(p.url + query);
  await paneReady(page);
  return { context, page, errors };
}

/** The pane has read the workbook (its recompute button is enabled). */
export async function paneReady(page: Page): Promise<void> {
  await page.locator("#container main[aria-busy='false']").waitFor();
  await page.locator("#container button:has-text('集計を更新'), #container button:has-text('Recompute summary')").first().waitFor();
  await page.waitForFunction(() => {
    const b = document.querySelector<HTMLButtonElement>("#container header button");
    return b !== null && !b.disabled;
  });
}

export async function recomputeAndWait(page: Page): Promise<void> {
  const before = await page.locator("#container [role=status]").first().textContent();
  await page.locator("#container header button").click();
  await page.waitForFunction(
    (prev) => {
      const b = document.querySelector<HTMLButtonElement>("#container header button");
      const s = document.querySelector("#container header [role=status]")?.textContent ?? "";
      return b !== null && !b.disabled && s !== "" && s !== prev;
    },
    before,
  );
}

export async function openFile(page: Page, file: string): Promise<void> {
  await page.getByLabel("ブックを開く / Open workbook").setInputFiles(file);
  await page.waitForFunction((name) => document.querySelector("[data-testid=file-name]")?.textContent === name, path.basename(file));
  await paneReady(page);
}

export interface Block {
  counts: Record<string, number>;
  evaluated: number;
  excluded: number;
  aOrBPercent: number | null;
}

/** The numbers of one card (total or a group) as the pane shows them. */
export async function cardNumbers(page: Page, evaluation: string, card: string): Promise<Block> {
  const root = page.locator(`#container [data-evaluation="${evaluation}"] [aria-label="${card}"]`).first();
  const counts: Record<string, number> = {};
  for (const cell of await root.locator("td[data-grade]").all()) counts[(await cell.getAttribute("data-grade"))!] = Number(await cell.textContent());
  const num = async (f: string) => (await root.locator(`[data-field=${f}]`).textContent())!;
  const aOrB = await num("aOrB");
  return { counts, evaluated: Number(await num("evaluated")), excluded: Number(await num("excluded")), aOrBPercent: aOrB === "-" ? null : Number(aOrB.replace("%", "")) };
}

export async function chooseEvaluation(page: Page, label: string): Promise<void> {
  const dropdown = page.locator("#container").getByRole("combobox", { name: /評価|Evaluation/ }).first();
  if ((await dropdown.count()) === 0) return;
  await dropdown.selectOption({ label });
  await page.locator(`#container [data-evaluation="${label}"]`).waitFor();
}

export async function download(page: Page, button: string, to: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  await dl.saveAs(to);
  return to;
}

const run = promisify(execFile);

/** The command line on a file: its summary.json. */
export async function cliSummary(input: string, tmp: string): Promise<{ evaluations: { label: string; total: Block; groups: (Block & { name: string })[] }[] }> {
  const base = path.join(tmp, `cli-${path.basename(input)}-${Date.now()}`);
  await run(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "src", "cli", "main.ts"), "summarize", input, "--out", `${base}.xlsx`, "--json", `${base}.json`], { cwd: ROOT });
  return JSON.parse(fs.readFileSync(`${base}.json`, "utf8"));
}

export function pick(b: Block): Block {
  return { counts: b.counts, evaluated: b.evaluated, excluded: b.excluded, aOrBPercent: b.aOrBPercent };
}
