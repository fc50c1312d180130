/**
 * The report export as a reader of the published report sees it: the CLI
 * prints both reference workbooks and the sample to PDF through LibreOffice
 * (--pdf, with --report beside it), and pdftotext reads the pages back.
 * Golden numbers come from the reports (GRADING.md §8) and the fixtures'
 * expected JSON, never from this code. Every page is also kept as a PNG in
 * out/report-pages/<workbook>/ (pdftoppm, 80 dpi), so a change of layout is
 * seen, not only counted.
 *
 * Needs soffice, pdftotext, pdfinfo and pdffonts (CI installs
 * libreoffice-calc-nogui, poppler-utils, fonts-noto-cjk): without them the
 * tests fail and say what to install. One conversion per workbook (~3 s each).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../../src/cli/main";

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, "..", "..", "..");
const SHARED_FIXTURES = path.join(ROOT, "test", "fixtures");
const INSTALL = "apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk";

function tool(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  throw new Error(`${name} is not on PATH: these tests print to PDF (${INSTALL})`);
}

interface Expected {
  evaluations: {
    label: string;
    groups: { name: string; counts: Record<string, number>; percent: Record<string, number>; aOrBPercent: number }[];
    total: { counts: Record<string, number>; percent: Record<string, number>; aOrBPercent: number; evaluated: number };
  }[];
}

interface Printed {
  pdf: string;
  report: string;
  pages: string[];
  /** The same pages laid out as printed (for the footer line). */
  layoutPages: string[];
  pageSizes: string[];
  fonts: string;
  /** Heights of the word boxes per page (pt). */
  wordHeights: number[][];
}

let tmp: string;
const printed = new Map<string, Printed>();

const PAGE_IMAGES = path.join(ROOT, "out", "report-pages");

async function print(name: string, input: string, extra: string[] = []): Promise<Printed> {
  const dir = fs.mkdtempSync(path.join(tmp, `${name}-`));
  const pdf = path.join(dir, `${name}.pdf`);
  const report = path.join(dir, `${name}-report.xlsx`);
  let stderr = "";
  const args = ["summarize", input, "--out", path.join(dir, "out.xlsx"), "--report", report, "--pdf", pdf, ...extra];
  const code = await main(args, {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
  });
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  const info = execFileSync(tool("pdfinfo"), ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  const pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]!);
  const text = execFileSync(tool("pdftotext"), [pdf, "-"], { encoding: "utf8" });
  const layout = execFileSync(tool("pdftotext"), ["-layout", pdf, "-"], { encoding: "utf8" });
  const fonts = execFileSync(tool("pdffonts"), [pdf], { encoding: "utf8" });
  const n = pageSizes.length;
  // The pages as images, kept for a person to look at.
  const images = path.join(PAGE_IMAGES, name);
  fs.rmSync(images, { recursive: true, force: true });
  fs.mkdirSync(images, { recursive: true });
  execFileSync(tool("pdftoppm"), ["-png", "-r", "80", pdf, path.join(images, "page")]);
  const bbox = execFileSync(tool("pdftotext"), ["-bbox", pdf, "-"], { encoding: "utf8" });
  const wordHeights = bbox
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])),
    );
  return {
    pdf,
    report,
    pages: text.split("\f").slice(0, n),
    layoutPages: layout.split("\f").slice(0, n),
    pageSizes,
    fonts,
    wordHeights,
  };
}

/** The footer of each page: its last non-empty line, 「n / N」 (pdftotext may drop the spaces). */
function footers(p: Printed): string[] {
  return p.layoutPages.map((page) => {
    const last =
      page
        .split("\n")
        .filter((l) => l.trim() !== "")
        .at(-1) ?? "";
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(last);
    return m ? `${m[1]} / ${m[2]}` : last.trim();
  });
}

/** Text without any white space (pdftotext spaces Japanese and chart text unevenly). */
const squash = (s: string) => s.replace(/\s+/g, "");

/** The report's row label: the group name without its leading grouping word (REPORT.md §1). */
const rowLabel = (name: string) => name.replace(/^(ビジョン|基本方針)\s*/, "");

/** One printed row of 表3-1: 「16件 (84%)」 per grade, then the A-or-B share. */
function printedRow(
  label: string,
  g: { counts: Record<string, number>; percent: Record<string, number>; aOrBPercent: number },
) {
  return squash(
    label + ["A", "B", "C", "D"].map((k) => `${g.counts[k]}件 (${g.percent[k]}%)`).join("") + `${g.aOrBPercent}%`,
  );
}

beforeAll(async () => {
  tool("soffice");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pr-report-"));
  printed.set("tokorozawa", await print("tokorozawa", path.join(SHARED_FIXTURES, "tokorozawa-r3-list.xlsx")));
  printed.set("suita", await print("suita", path.join(SHARED_FIXTURES, "suita-5year-plan.xlsx")));
  printed.set("sample", await print("sample", path.join(ROOT, "assets", "sample-progress.xlsx")));
  const detail = path.join(tmp, "detail.json");
  fs.writeFileSync(detail, JSON.stringify({ report: { includeReviewSheets: true, movementTable: true } }));
  printed.set("suita-detail", await print("suita-detail", path.join(SHARED_FIXTURES, "suita-5year-plan.xlsx"), ["--rules", detail]));
  const english = path.join(tmp, "english.json");
  fs.writeFileSync(english, JSON.stringify({ language: "en" }));
  printed.set(
    "tokorozawa-en",
    await print("tokorozawa-en", path.join(SHARED_FIXTURES, "tokorozawa-r3-list.xlsx"), ["--rules", english]),
  );
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const expected = (file: string): Expected =>
  JSON.parse(fs.readFileSync(path.join(SHARED_FIXTURES, file), "utf8")) as Expected;

describe.each([
  ["tokorozawa", "tokorozawa-r3-list.expected.json", "ビジョン"],
  ["suita", "suita-5year-plan.expected.json", "基本方針"],
])("%s printed to PDF", (name, expectedFile, word) => {
  const ex = expected(expectedFile);

  it("each evaluation's table is on its own A4 portrait page, titled like 表3-N, its groups in order with their counts", () => {
    const p = printed.get(name)!;
    ex.evaluations.forEach((ev, i) => {
      const page = squash(p.pages[i]!);
      expect(p.pageSizes[i]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(page.startsWith(squash(`表3-${i + 1} 評価結果（${word}毎）`))).toBe(true);
      // As the report: no 「対象：」 line, no total row (the totals are the pie's).
      expect(page).not.toContain("対象：");
      expect(page).not.toContain("合計");
      // Every group row, whole and in the report's order.
      let at = 0;
      for (const g of ev.groups) {
        const row = printedRow(rowLabel(g.name), g);
        const found = page.indexOf(row, at);
        expect({ group: g.name, found: found >= 0 }).toEqual({ group: g.name, found: true });
        at = found + row.length;
      }
    });
  });

  it("numbers every page 「n / N」 and never prints the codes", () => {
    const p = printed.get(name)!;
    expect(footers(p)).toEqual(p.pages.map((_, i) => `${i + 1} / ${p.pages.length}`));
    for (const text of p.pages) expect(text).not.toMatch(/&[PNCD]/);
  });

  it("prints the list as 表4-1 on A4 portrait pages, its header on every page, at least 5 rows on each", () => {
    const p = printed.get(name)!;
    const list = p.pageSizes.slice(ex.evaluations.length);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(s).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(squash(p.pages[ex.evaluations.length]!)).toMatch(/^表4-1/);
    for (const text of p.pages.slice(ex.evaluations.length)) {
      // The header rows repeat (print titles).
      expect(squash(text)).toContain("評価結果");
      // No page is a header with a row or two: at least 5 lines of list below the header.
      const body = text.split("\n").filter((l) => l.trim() !== "" && !/^\s*\d+\s*\/\s*\d+\s*$/.test(l));
      expect(body.length).toBeGreaterThanOrEqual(5 + 3);
    }
  });

  it("leaves the reviewers' sheets out of the published PDF: no 要確認, no 元の行, no indicator columns", () => {
    const all = squash(printed.get(name)!.pages.join(""));
    expect(all).not.toContain("要確認");
    expect(all).not.toContain("元の行");
    expect(all).not.toContain("評価指標");
  });

  it("prints the cells' text at ≥ 9 pt on 評価集計 and ≥ 8 pt on 評価一覧 (word box ÷ 1.30, REPORT.md §4)", () => {
    const p = printed.get(name)!;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const pt = (page: number) => median(p.wordHeights[page]!) / 1.3;
    for (let i = 0; i < ex.evaluations.length; i++) expect(pt(i)).toBeGreaterThanOrEqual(9);
    for (let i = ex.evaluations.length; i < p.pages.length - 1; i++) expect(pt(i)).toBeGreaterThanOrEqual(8);
  });

  it("uses a Japanese sans font for everything (no serif fallback)", () => {
    const fonts = printed.get(name)!.fonts;
    expect(fonts).toMatch(/NotoSansCJK/);
    expect(fonts).not.toMatch(/Serif/);
  });
});

describe("Tokorozawa 表3-1 / 表3-2 as the report prints them", () => {
  it("R3: 16件 (84%), 3件 (16%) … for vision 1; 総括: 18件 (90%)", () => {
    const p = printed.get("tokorozawa")!;
    expect(squash(p.pages[0]!)).toContain(squash("16件 (84%)3件 (16%)0件 (0%)0件 (0%)100%"));
    expect(squash(p.pages[0]!)).toContain(squash("32件 (91%)3件 (9%)0件 (0%)0件 (0%)100%"));
    expect(squash(p.pages[0]!)).toContain(squash("2件 (67%)1件 (33%)0件 (0%)0件 (0%)100%"));
    expect(squash(p.pages[1]!)).toContain(squash("18件 (90%)2件 (10%)0件 (0%)0件 (0%)100%"));
    expect(squash(p.pages[1]!)).toContain(squash("31件 (89%)4件 (11%)0件 (0%)0件 (0%)100%"));
  });

  it("names the item left out of R3 in a note", () => {
    const p = printed.get("tokorozawa")!;
    expect(squash(p.pages[0]!)).toContain("※評価対象外（1件）：電子黒板整備");
  });

  it("prints 表3-1, 表3-2, 図3-1…図3-4 and the 58-row 表4-1 in at most 6 A4 pages, worded 個別システム", () => {
    const p = printed.get("tokorozawa")!;
    expect(p.pages.length).toBeLessThanOrEqual(6);
    for (const s of p.pageSizes) expect(s).toMatch(/\(A4\)/);
    const [r3, total] = [squash(p.pages[0]!), squash(p.pages[1]!)];
    expect(r3).toContain(squash("表3-1 評価結果（ビジョン毎）（R3）"));
    expect(total).toContain(squash("表3-2 評価結果（ビジョン毎）（総括）"));
    expect(r3).toContain("個別システム件数（割合）");
    // The figures' titles are chart text: numbered, 全システム, ビジョン別.
    expect(r3).toContain(squash("図3-1 評価結果（全システム）"));
    expect(r3).toContain(squash("図3-2 ビジョン別評価結果"));
    expect(total).toContain(squash("図3-3 評価結果（全システム）"));
    expect(squash(p.pages[2]!)).toMatch(/^表4-1令和3年度進捗状況評価結果一覧/);
    // One line per system: its P. number, then its R3 and 総括 grades at the end of the line (「-」: excluded).
    const rows = new Map<string, [string, string]>();
    for (const page of p.layoutPages.slice(2))
      for (const line of page.split("\n")) {
        const m = /^\s*(\d{1,3})\s+\S.*?\s([A-D]|-)\s+([A-D])\s*$/.exec(line);
        if (m) rows.set(m[1]!, [m[2]!, m[3]!]);
      }
    expect(rows.size).toBe(58);
    const count = (k: 0 | 1, g: string) => [...rows.values()].filter((r) => r[k] === g).length;
    // GRADING.md §8: R3 57 graded (A 50, B 7) and 電子黒板整備 excluded; 総括 58 graded (A 51, B 7).
    expect([count(0, "A"), count(0, "B"), count(0, "-")]).toEqual([50, 7, 1]);
    expect([count(1, "A"), count(1, "B")]).toEqual([51, 7]);
    // The three visions head their rows, each once.
    const list = squash(p.pages.slice(2).join(""));
    for (const v of ["ビジョン1.", "ビジョン2.", "ビジョン3."]) expect(list.split(v).length - 1).toBe(1);
  });
});

describe("Tokorozawa printed in English", () => {
  it("titles the tables and figures in English and keeps every column readable", () => {
    const p = printed.get("tokorozawa-en")!;
    expect(p.pages.length).toBeLessThanOrEqual(6);
    const first = squash(p.pages[0]!);
    expect(first.startsWith(squash("Table 3-1 Evaluation results by vision (R3)"))).toBe(true);
    expect(first).toContain(squash("Figure 3-1 Results (all items)"));
    expect(squash(p.pages[2]!).startsWith(squash("Table 4-1 Progress evaluation results (FY2021)"))).toBe(true);
  });
});

describe("the sample printed to PDF", () => {
  it("has 表3-1 with its three groups, numbered pages and the charts' titles", () => {
    const p = printed.get("sample")!;
    const first = squash(p.pages[0]!);
    expect(first.startsWith(squash("表3-1 評価結果（基本方針毎）"))).toBe(true);
    // Counted by hand from the 自己評価 column of the sample (総務部, 市民部): 基本方針1 items 1,3,7 A and 2,8 B;
    // 基本方針2 items 4,5 B and 6 「-」 (excluded); 基本方針3 items 9,10 A.
    expect(first).toContain(squash("1 いつでもどこでも使える行政サービス3件 (60%)2件 (40%)0件 (0%)0件 (0%)100%"));
    expect(first).toContain(squash("2 データを活かす行政経営0件 (0%)2件 (100%)0件 (0%)0件 (0%)100%"));
    expect(first).toContain(squash("3 安全・安心を支えるICT2件 (100%)0件 (0%)0件 (0%)0件 (0%)100%"));
    // The native charts are drawn (their titles are chart text, not cells).
    expect(first).toContain(squash("図3-1 評価結果（全"));
    expect(first).toContain(squash("図3-2 基本方針別評価結果"));
    expect(footers(p)).toEqual(p.pages.map((_, i) => `${i + 1} / ${p.pages.length}`));
  });
});

describe("--report workbook", () => {
  it("holds only the generated sheets, no links back to sheets it lacks, counts as numbers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(printed.get("tokorozawa")!.report);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["評価集計", "評価一覧"]);
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { hyperlink?: string; formula?: string } | null;
          expect(typeof v === "object" && v !== null && ("hyperlink" in v || "formula" in v)).toBe(false);
        }),
      );
    const summary = wb.getWorksheet("評価集計")!;
    const row = summary.getRow(4);
    expect([row.getCell(2).value, row.getCell(3).value]).toEqual([16, 3]);
    expect(row.getCell(2).numFmt).toBe('0"件 (84%)"');
  });

  it("has the chart parts, referenced from the sheet, the drawing and the content types", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(printed.get("tokorozawa")!.report));
    const files = Object.keys(zip.files);
    // Two evaluations (R3, 総括), each a pie and a bar chart.
    expect(files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/charts/chart4.xml",
    ]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(types).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    const sheetRels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    const rel = /<Relationship Id="([^"]+)" Type="[^"]+\/drawing" Target="..\/drawings\/drawing1.xml"\/>/.exec(
      sheetRels,
    );
    expect(rel).not.toBeNull();
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain(`<drawing r:id="${rel![1]}"/>`);
    const drawingRels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
    for (let i = 1; i <= 4; i++) expect(drawingRels).toContain(`Target="../charts/chart${i}.xml"`);
    const pie = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(pie).toContain("<c:pieChart>");
    expect(pie).toMatch(/<c:f>'評価集計'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/c:f>/);
  });
});

describe("--report / --pdf arguments", () => {
  it.each([
    ["--pdf", "r.txt", /--pdf は \.pdf にしてください/],
    ["--report", "r.pdf", /--report は \.xlsx にしてください/],
    ["--report", "out.xlsx", /--report が他のファイルと同じです/],
  ])("%s %s → exit 2, nothing written", async (flag, file, message) => {
    const dir = fs.mkdtempSync(path.join(tmp, "args-"));
    let stderr = "";
    const code = await main(
      [
        "summarize",
        path.join(ROOT, "assets", "sample-progress.xlsx"),
        "--out",
        path.join(dir, "out.xlsx"),
        flag,
        path.join(dir, file),
      ],
      { stdout: () => undefined, stderr: (t) => (stderr += t) },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("--pdf without LibreOffice", () => {
  it("says how to install it, exits 2 and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "nosoffice-"));
    const saved = process.env.PATH;
    // A PATH with one empty directory: no soffice anywhere.
    process.env.PATH = fs.mkdtempSync(path.join(tmp, "empty-path-"));
    let stderr = "";
    let code: number;
    try {
      code = await main(
        [
          "summarize",
          path.join(ROOT, "assets", "sample-progress.xlsx"),
          "--out",
          path.join(dir, "out.xlsx"),
          "--pdf",
          path.join(dir, "r.pdf"),
        ],
        { stdout: () => undefined, stderr: (t) => (stderr += t) },
      );
    } finally {
      process.env.PATH = saved;
    }
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/LibreOffice/);
    expect(stderr).toMatch(/apt-get install libreoffice-calc-nogui/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("--report / --pdf with --out and --json: every file or none", () => {
  const sample = () => path.join(ROOT, "assets", "sample-progress.xlsx");

  it("a --report place that cannot be written: exit 2 before the job, nothing written", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "report-place-"));
    fs.writeFileSync(path.join(dir, "file"), "x");
    let stderr = "";
    const code = await main(
      [
        "summarize",
        sample(),
        "--out",
        path.join(dir, "out.xlsx"),
        "--json",
        path.join(dir, "s.json"),
        "--report",
        path.join(dir, "file", "r.xlsx"),
      ],
      { stdout: () => undefined, stderr: (t) => (stderr += t) },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^エラー \/ error: --report: /);
    expect(fs.readdirSync(dir)).toEqual(["file"]);
  });

  it("LibreOffice failing on the PDF: no --out, --json or --report either", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "soffice-fails-"));
    const bin = fs.mkdtempSync(path.join(tmp, "bad-soffice-"));
    fs.writeFileSync(path.join(bin, "soffice"), "#!/bin/sh\necho 'simulated failure' >&2\nexit 1\n", { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved ?? ""}`;
    let stderr = "";
    let code: number;
    try {
      code = await main(
        [
          "summarize",
          sample(),
          "--out",
          path.join(dir, "out.xlsx"),
          "--json",
          path.join(dir, "s.json"),
          "--report",
          path.join(dir, "r.xlsx"),
          "--pdf",
          path.join(dir, "r.pdf"),
        ],
        { stdout: () => undefined, stderr: (t) => (stderr += t) },
      );
    } finally {
      process.env.PATH = saved;
    }
    // LibreOffice failing is exit 2 with its reason in one line, not an internal error (issue 19)
    expect(code).toBe(2);
    expect(stderr).toMatch(/^エラー \/ error: [^\n]*simulated failure[^\n]*\n$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("Suita's 評価の推移 under 表3-1 (report.movementTable)", () => {
  it("prints 上昇 / 維持 / 低下 / 前年度評価なし per 基本方針 on the table's page, counted from the fixture by hand", () => {
    const page = squash(printed.get("suita-detail")!.pages[0]!);
    expect(page).toContain(squash("前年度からの評価の推移（令和元年度 → 令和２年度）"));
    // The two-line header 「前年度 / 評価なし」 comes out of pdftotext beside its neighbours, not in column order.
    for (const h of ["上昇", "維持", "低下", "前年度評価なし"]) expect(page).toContain(h);
    // 基本方針１: 7 stay, ② ④ had no grade; ２: ⑬ stays, ⑭ A → C; ３: ⑳ C → A, ⑲ had no grade.
    expect(page).toContain(squash("１：市民のためのサービスデザイン 0件 7件 0件 2件"));
    expect(page).toContain(squash("２：市民を守るICT 0件 1件 1件 0件"));
    expect(page).toContain(squash("３：業務改善を支えるICT 1件 0件 0件 1件"));
  });
});

describe("Suita's reviewers' detail list in the report (report.includeReviewSheets)", () => {
  // The pages after 表3-1 and 表4-1 (one A4 portrait page each) up to 要確認 (A4 landscape, the last).
  const detailPages = () => {
    const p = printed.get("suita-detail")!;
    const first = p.pages.findIndex((t) => squash(t).includes("次の評価まで"));
    return { p, first, pages: p.pages.slice(first, -1).map((t, k) => ({ text: squash(t), at: first + k })) };
  };

  it("prints the two years' grades and 次の評価まで (R1 評価, R2 評価; 特定保健指導実施率 B from 0.8 × 65 % = 52.0 %)", () => {
    const { first, pages } = detailPages();
    expect(first).toBeGreaterThan(0);
    const all = pages.map((x) => x.text).join("");
    expect(all).toContain("R1評価");
    expect(all).toContain("R2評価");
    // Its wrapped lines come out between the 理由 column's: each line whole.
    expect(all).toContain(squash("B まであと 16.6 ポイント"));
    expect(all).toContain(squash("（実績 52.0% 以上で B）"));
    expect(all).not.toContain("元の行");
  });

  it("prints them at ≥ 8 pt on A3 landscape (word box ÷ 1.30, REPORT.md §4)", () => {
    const { p, pages } = detailPages();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const { at } of pages) {
      expect(p.pageSizes[at]).toMatch(/^1190\.\d+ x 841\.\d+ pts \(A3\)/);
      expect(median(p.wordHeights[at]!) / 1.3).toBeGreaterThanOrEqual(8);
    }
  });
});
