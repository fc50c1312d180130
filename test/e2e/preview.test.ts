/**
 * End to end: the real pane bundle in the browser preview (npm start), in Debian's chromium.
 * Expected numbers come from the CLI on the same file and from the shared fixtures.
 */
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  ROOT,
  SHOTS,
  cardNumbers,
  chooseEvaluation,
  cliSummary,
  download,
  openFile,
  openPreview,
  paneReady,
  pick,
  recomputeAndWait,
  startPreview,
  type Preview,
} from "./preview-harness";

jest.setTimeout(300_000);

const FIXTURES = path.join(ROOT, "test", "fixtures");
const SAMPLE = path.join(ROOT, "assets", "sample-progress.xlsx");

let preview: Preview;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

test("the sample opens beside the pane, recompute adds the generated sheet tabs, and the pane's counts equal the CLI's summary.json", async () => {
  const { context, page, errors } = await openPreview(preview);
  await page.getByText("テスト・試用ホスト").first().waitFor(); // labelled as a trial host
  expect(await page.locator("[data-testid=file-name]").textContent()).toBe("sample-progress.xlsx");
  const before = await page.locator("[data-sheet-tab]").allTextContents();
  expect(before).not.toContain("評価集計");
  await recomputeAndWait(page);
  // The grid shows the summary sheet afterwards, as the ribbon command does.
  await page.locator('[data-sheet-tab="評価集計"][aria-current=page]').waitFor();
  const tabs = await page.locator("[data-sheet-tab]").allTextContents();
  expect(tabs).toEqual(expect.arrayContaining([...before, "評価集計", "評価一覧", "要確認"]));

  const cli = await cliSummary(SAMPLE, preview.tmp);
  for (const ev of cli.evaluations) {
    await chooseEvaluation(page, ev.label);
    expect(await cardNumbers(page, ev.label, "合計")).toEqual(pick(ev.total));
    for (const g of ev.groups) expect(await cardNumbers(page, ev.label, g.name)).toEqual(pick(g));
  }

  // 「summary.json を保存」 gives the CLI's summary.json for this workbook.
  const json = await download(page, "summary.json を保存", path.join(preview.tmp, "sample-summary.json"));
  const fromPreview = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(fromPreview.evaluations).toEqual(cli.evaluations);

  // The generated sheet shows in the grid.
  await page.locator('[data-sheet-tab="評価集計"]').click();
  await page.locator(".grid td", { hasText: "合計" }).first().waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test.each([
  ["tokorozawa-r3-list"],
  ["suita-5year-plan"],
])("%s opened through the file input gives its expected summary", async (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8"));
  const { context, page } = await openPreview(preview);
  await openFile(page, path.join(FIXTURES, `${name}.xlsx`));
  await recomputeAndWait(page);
  for (const ev of expected.evaluations) {
    await chooseEvaluation(page, ev.label);
    expect(await cardNumbers(page, ev.label, "合計")).toEqual(pick(ev.total));
    for (const g of ev.groups) expect(await cardNumbers(page, ev.label, g.name)).toEqual(pick(g));
  }
  await context.close();
});

test("「報告書用ブックを作成」 downloads <workbook>_報告書.xlsx with only the generated sheets: 表3-1's title and the CLI's counts", async () => {
  const { context, page, errors } = await openPreview(preview);
  await recomputeAndWait(page);
  const button = page.locator("#container").getByRole("button", { name: "報告書用ブックを作成" });
  await page.locator("#pane-column").screenshot({ path: path.join(SHOTS, "pane-report-button.png") });
  const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(dl.suggestedFilename()).toBe("sample-progress_報告書.xlsx");
  const file = path.join(preview.tmp, dl.suggestedFilename());
  await dl.saveAs(file);
  await page.getByText("報告書用ブック（集計シートのみ）「sample-progress_報告書.xlsx」をダウンロードしました。").waitFor();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  // What the report publishes: 表3-N and the 表4-N list (要確認 is the reviewers', in the workbook only).
  expect(wb.worksheets.map((w) => w.name)).toEqual(["評価集計", "評価一覧"]);
  const summary = wb.getWorksheet("評価集計")!;
  // The sample groups by 基本方針 (its group column), so the title names it.
  expect(summary.getCell("A1").value).toBe("表3-1 評価結果（基本方針毎）");
  // The first evaluation's table: one row per group, A–D counts as numbers, in the CLI's order.
  const cli = await cliSummary(SAMPLE, preview.tmp);
  const first = cli.evaluations[0]!;
  const rows: { label: string; counts: number[] }[] = [];
  for (let r = 4; rows.length < first.groups.length; r++) {
    const row = summary.getRow(r);
    rows.push({ label: String(row.getCell(1).value), counts: [2, 3, 4, 5].map((c) => row.getCell(c).value as number) });
  }
  expect(rows.map((x) => x.counts)).toEqual(first.groups.map((g) => ["A", "B", "C", "D"].map((k) => g.counts[k])));
  for (const [i, g] of first.groups.entries()) expect(g.name.endsWith(rows[i]!.label)).toBe(true);
  // Built in the browser, the native charts are there as in the CLI's --report: 図3-1's pie and the bars per group.
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
  expect(await zip.file("xl/charts/chart1.xml")!.async("string")).toContain("<c:pieChart>");
  expect(errors).toEqual([]);
  await context.close();
});

test("review list → the source cell is selected in the grid; a cell selected in the grid shows its row; an edit marks the summary stale", async () => {
  const { context, page } = await openPreview(preview);
  await recomputeAndWait(page);
  await page.getByRole("tab", { name: /要確認/ }).click();
  const row = page.locator('#container [data-review-row="市民部!7"]');
  const syncs = () => page.evaluate(() => (window as unknown as { __preview: { sim: { stats: { syncs: number } } } }).__preview.sim.stats.syncs);
  await row.click();
  await page.locator('[data-sheet-tab="市民部"][aria-current=page]').waitFor();
  await page.locator('.grid td.sel[data-cell="A7"]').waitFor();
  // Keyboard: a focused row and one Enter select its source (issue 18: it used to take two).
  const other = page.locator('#container [data-review-row^="市民部!"]:not([data-review-row="市民部!7"])').first();
  const target = (await other.getAttribute("data-review-row"))!;
  await other.focus();
  await page.keyboard.press("Enter");
  const [sheetName, rowNo] = target.split("!");
  await page.locator(`[data-sheet-tab="${sheetName}"][aria-current=page]`).waitFor({ timeout: 5000 });
  await page.locator(`.grid td.sel[data-cell="A${rowNo}"]`).waitFor({ timeout: 5000 });

  await page.getByRole("tab", { name: "この行" }).click();
  const before = await syncs();
  await page.locator('.grid td[data-cell="C9"]').click();
  // The item on row 9 of 市民部: self A, suggested B (the review list says so too).
  await page.locator("#container [data-field=self]", { hasText: "A" }).waitFor();
  expect(await page.locator("#container [data-field=suggested]").first().textContent()).toBe("B");
  expect((await syncs()) - before).toBeLessThanOrEqual(1);

  await page.getByLabel("セルの値 / Cell value").fill("999");
  await page.getByLabel("セルの値 / Cell value").press("Enter");
  await page.getByText("元データが変更されています。集計を更新してください").waitFor();
  await context.close();
});

test("changing a column role changes the counts, and the saved workbook carries the override (the CLI then agrees)", async () => {
  const { context, page } = await openPreview(preview);
  await recomputeAndWait(page);
  const before = await cardNumbers(page, "令和5年度", "合計");
  await page.getByRole("tab", { name: "設定" }).click();
  await page.getByRole("button", { name: "列の割り当て" }).click();
  // Each sheet's columns are collapsed under its name.
  await page.locator("#container h4 button").filter({ hasText: /^総務部(（|$)/ }).click();
  const sheet = page.locator('#container section[data-sheet="総務部"]');
  await sheet.getByRole("combobox", { name: /自己評価.*の役割/ }).click();
  await page.getByRole("option", { name: "使わない" }).click();
  await page.getByRole("button", { name: "保存して集計を更新" }).click();
  await page.getByRole("tab", { name: "結果", selected: true }).waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>("#container header button")?.disabled);
  const after = await cardNumbers(page, "令和5年度", "合計");
  expect(after).not.toEqual(before);

  const saved = await download(page, "結果を保存 / Save workbook", path.join(preview.tmp, "override.xlsx"));
  const cli = await cliSummary(saved, preview.tmp);
  expect(pick(cli.evaluations[0]!.total)).toEqual(after);
  await context.close();
});

test("設定 at 320 px with every sheet open: 保存して集計を更新 stays in view while the page scrolls", async () => {
  const { context, page } = await openPreview(preview, "?width=320");
  await recomputeAndWait(page);
  await page.getByRole("tab", { name: "設定" }).click();
  await page.getByRole("button", { name: "列の割り当て" }).click();
  const sheets = page.locator("#container h4 button");
  for (let i = 0; i < (await sheets.count()); i++) await sheets.nth(i).click();
  const save = page.getByRole("button", { name: "保存して集計を更新" });
  // Scroll the pane to its middle: the button must still be on screen (it used to be at the very bottom).
  await page.evaluate(() => {
    const el = document.scrollingElement!;
    const pane = document.querySelector<HTMLElement>("#pane-column") ?? el;
    const scroller = pane.scrollHeight > pane.clientHeight ? pane : el;
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  const box = await save.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  await context.close();
});

test("a rule change is saved in the workbook and read back when the workbook is opened again", async () => {
  const { context, page } = await openPreview(preview);
  await page.getByRole("tab", { name: "設定" }).click();
  await page.getByRole("radio", { name: /A ≥ 110%/ }).check();
  await page.getByRole("button", { name: "保存して集計を更新" }).click();
  await page.getByRole("tab", { name: "結果", selected: true }).waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>("#container header button")?.disabled);
  const saved = await download(page, "結果を保存 / Save workbook", path.join(preview.tmp, "rules.xlsx"));

  await openFile(page, saved);
  await page.getByRole("tab", { name: "設定" }).click();
  expect(await page.getByRole("radio", { name: /A ≥ 110%/ }).isChecked()).toBe(true);
  // The CLI reads the same stored rules: A needs 110 % now.
  const cli = await cliSummary(saved, preview.tmp);
  expect(await cardNumbers(page.context().pages()[0]!, "令和5年度", "合計").catch(() => null)).toBeNull(); // the settings tab is showing
  await page.getByRole("tab", { name: "結果" }).click();
  expect(await cardNumbers(page, "令和5年度", "合計")).toEqual(pick(cli.evaluations[0]!.total));
  await context.close();
});

test("a keyboard-only recompute: Tab to the button, Enter, focus lands on the result", async () => {
  const { context, page } = await openPreview(preview);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("集計を更新");
  await page.keyboard.press("Enter");
  await page.locator('[data-sheet-tab="評価集計"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H2");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("結果");
  await context.close();
});

test("axe finds no serious or critical violations in any view of the pane", async () => {
  const { context, page } = await openPreview(preview);
  await recomputeAndWait(page);
  const problems: string[] = [];
  for (const tab of ["結果", "要確認", "この行", "設定"]) {
    await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    if (tab === "要確認") await page.locator("#container [data-review-row]").first().waitFor();
    if (tab === "設定") {
      await page.getByRole("button", { name: "列の割り当て" }).click();
      await page.locator("#container h4 button").filter({ hasText: /^総務部(（|$)/ }).click();
    }
    await page.waitForTimeout(200);
    // Fluent's focus manager (tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>) around arrow-key
    // groups; they pass focus on at once and are not content. Everything else is checked.
    const result = await new AxeBuilder({ page }).include("#container").exclude("[data-tabster-dummy]").analyze();
    for (const v of result.violations)
      if (v.impact === "serious" || v.impact === "critical") problems.push(`${tab}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  expect(problems).toEqual([]);
  await context.close();
});

test("English display language, dark theme and 320 px: the pane follows (screenshots in out/e2e)", async () => {
  const { context, page } = await openPreview(preview, "?lang=en&theme=dark&width=320");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await page.locator("#container header button", { hasText: "Recompute summary" }).click();
  await page.getByText(/Summary recomputed/).waitFor();
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("#container main")!).backgroundColor);
  expect(bg).not.toBe("rgb(255, 255, 255)");
  await page.locator("#pane-column").screenshot({ path: path.join(SHOTS, "pane-320-dark-en.png") });
  const light = await openPreview(preview, "?width=350");
  await recomputeAndWait(light.page);
  await light.page.locator("#pane-column").screenshot({ path: path.join(SHOTS, "pane-350-light-ja.png") });
  await light.context.close();
  await context.close();
});

test("in Internet Explorer's webview the pane page shows the plain message", async () => {
  const context = await preview.browser.newContext({ userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko" });
  const page = await context.newPage();
  await page.route("**/office-js-not-in-preview.js", (r) => r.fulfill({ status: 200, body: "", contentType: "text/javascript" }));
  await page.goto(preview.url + "taskpane.html");
  await page.locator("#legacy-message").waitFor({ state: "visible" });
  expect(await page.locator("#legacy-message").textContent()).toContain("progress-review summarize");
  expect(await page.locator("#container").innerHTML()).toBe("");
  await context.close();
});

test("paneReady helper sanity: the preview loads without errors and without a failed request (favicon included)", async () => {
  const context = await preview.browser.newContext();
  const page = await context.newPage();
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(preview.url);
  await paneReady(page);
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
  await context.close();
});

test("a file that is not a workbook: a Japanese/English reason without a library's internals, in a bar that closes", async () => {
  const { context, page } = await openPreview(preview);
  await paneReady(page);
  const bad = path.join(preview.tmp, "not-a-workbook.xlsx");
  fs.writeFileSync(bad, "これはブックではありません");
  await page.getByLabel("ブックを開く / Open workbook").setInputFiles(bad);
  const bar = page.locator(".message[role=alert]");
  await bar.getByText(/ZIP として読めません/).waitFor();
  expect(await bar.textContent()).not.toMatch(/jszip|https?:/i);
  expect(await page.locator("[data-testid=file-name]").textContent()).toBe("sample-progress.xlsx"); // still open
  await bar.getByRole("button", { name: "閉じる / Close" }).click();
  await bar.waitFor({ state: "detached" });
  await context.close();
});

test("Office's Black theme gets a high-contrast pane (black, not the dark grey of Dark Gray)", async () => {
  const { context, page } = await openPreview(preview, "?theme=black");
  await paneReady(page);
  const colors = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector("#container main")!);
    return { bg: s.backgroundColor, fg: s.color };
  });
  expect(colors).toEqual({ bg: "rgb(0, 0, 0)", fg: "rgb(255, 255, 255)" });
  await context.close();
});
