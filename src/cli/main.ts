/**
 * progress-review summarize <workbook.xlsx>... --out <result.xlsx>
 *   [--json <summary.json>] [--year <令和2年度|R2|2020>] [--rules <rules.json>] [--via-excel]
 *
 * Exit codes: 0 success (warnings on stderr); 2 unusable input or arguments
 * (one-line reason, nothing written); 1 internal error.
 * Inputs are only read; every output file is written through a temporary file, all of them or none.
 */
import { promises as fs, constants as fsConstants, realpathSync, statSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { readOwnership, recompute } from "../core/recompute";
import { resolveOwnership, ownedSheetNames } from "../core/ownership";
import type { ReviewResult } from "../core/run-review";
import { DEFAULT_RULES, parseRules, type Rules } from "../core/model/settings";
import type { Evaluation } from "../core/model/summary";
import { combineWorkbooks, type InputWorkbook } from "../xlsx/combine-workbooks";
import { createPackagePort, workbookPartPath } from "../xlsx/xlsx-package-port";
import type { PackageReader } from "../xlsx/package/package-reader";
import { writePackage } from "../xlsx/package/package-writer";
import { uncarriedParts } from "../xlsx/package/uncarried-parts";
import { OutputError, OutputFiles } from "./output-files";
import { writeJsonFile } from "./write-json-file";
import { limitsForInputs, PackageError } from "../xlsx/package/package-limits";
import { readInputWorkbook } from "./read-input";
import { parseYearArg } from "./parse-year-arg";
import { buildReportWorkbook } from "../xlsx/report-workbook";
import { addChartsToPackage } from "../xlsx/ooxml/add-charts-to-package";
import { convertToPdf, findSoffice, PdfError, SOFFICE_MISSING } from "./export-pdf";
import { createProgress, describeArgsError, HELP_TEXT, progressWanted, readEarlyArgs } from "./cli-args";
import { inputYearsWarning, requestedYearWarning } from "./year-warnings";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export const USAGE = `使い方 / Usage:
  progress-review summarize <workbook.xlsx>... --out <result.xlsx>
                  [--json <summary.json>] [--year <令和2年度|R2|2020>]
                  [--rules <rules.json>] [--via-excel]
                  [--report <report.xlsx>] [--pdf <report.pdf>]

  進捗管理ブックを読み、A〜D の評価を集計して 評価集計・評価一覧・要確認 シートを
  加えたブックを --out に書き出します。入力ファイルは変更しません。
  複数のブックを指定すると、全シートを1つのブックにまとめて集計します。
  Reads progress workbooks, grades each item A–D and writes a copy with the
  summary sheets added to --out. Input files are never modified. Several
  inputs are combined into one workbook and reviewed together.

  --out <file.xlsx>     結果のブック（.xlsm の入力には .xlsm）/ result workbook (.xlsm for an .xlsm input; required)
  --json <file.json>    集計結果 summary.json / the summary as JSON
  --year <年度>         評価する年度 / fiscal year to evaluate (令和2年度, R2, 2020)
  --rules <file.json>   評価規則 / grading rules (overrides the rules stored in the workbook)
  --report <file.xlsx>  生成シートだけの報告書用ブック（グラフ付き） / a workbook with only the generated sheets and charts
  --pdf <file.pdf>      生成シートを PDF に印刷（LibreOffice が必要） / the generated sheets as PDF (needs LibreOffice)
  --via-excel           Office.js アダプタを模擬 Excel 上で使う / run through the Office.js adapter on the simulated Excel host
  -h, --help            この説明 / this help

  終了コード / exit codes: 0 成功 success, 2 入力が使えない unusable input, 1 内部エラー internal error
`;

/** An input or argument problem: exit 2, one line on stderr, nothing written. */
class InputError extends Error {}

interface CliArgs {
  inputs: string[];
  out: string;
  json?: string;
  /** From --rules (with --year applied). */
  rules?: Rules;
  /** --year without --rules: applied to the rules stored in the workbook. */
  yearOverride?: number;
  viaExcel: boolean;
  report?: string;
  pdf?: string;
  /** soffice, found before anything is read or written when --pdf is given. */
  soffice?: string;
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = statSync(ra);
    const sb = statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // one of them does not exist: compare the real parent directories
  }
  const real = (p: string) => {
    try {
      return path.join(realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return p;
    }
  };
  return real(ra) === real(rb);
}

async function parseCommandLine(argv: string[]): Promise<CliArgs | "help"> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        json: { type: "string" },
        year: { type: "string" },
        rules: { type: "string" },
        "via-excel": { type: "boolean", default: false },
        report: { type: "string" },
        pdf: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new InputError(describeArgsError(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const [command, ...inputs] = positionals;
  if (command !== "summarize")
    throw new InputError(
      command === undefined
        ? "コマンドがありません / no command (use: summarize)"
        : `不明なコマンド / unknown command: ${command} (use: summarize)`,
    );
  if (inputs.length === 0) throw new InputError("入力ブックがありません / no input workbook");
  if (!values.out) throw new InputError("--out がありません / --out <result.xlsx> is required");
  const out = values.out;
  if (!/\.xls[xm]$/i.test(out))
    throw new InputError(`--out は .xlsx か .xlsm にしてください / --out must end in .xlsx or .xlsm: ${out}`);
  for (let i = 0; i < inputs.length; i++) {
    if (samePath(out, inputs[i]!))
      throw new InputError(`--out が入力と同じファイルです / --out is the same file as an input: ${out}`);
    for (let j = 0; j < i; j++)
      if (samePath(inputs[i]!, inputs[j]!))
        throw new InputError(`同じ入力が2回指定されています / the same input is given twice: ${inputs[i]}`);
  }
  if (values.json !== undefined) {
    if (values.json === "") throw new InputError("--json にファイル名がありません / --json needs a file name");
    if (samePath(values.json, out))
      throw new InputError("--json と --out が同じファイルです / --json and --out are the same file");
    for (const input of inputs)
      if (samePath(values.json, input))
        throw new InputError(`--json が入力と同じファイルです / --json is the same file as an input: ${values.json}`);
  }

  const extra: [string, string | undefined, string][] = [
    ["--report", values.report, ".xlsx"],
    ["--pdf", values.pdf, ".pdf"],
  ];
  for (const [flag, file, ext] of extra) {
    if (file === undefined) continue;
    if (!file.toLowerCase().endsWith(ext))
      throw new InputError(`${flag} は ${ext} にしてください / ${flag} must end in ${ext}: ${file}`);
    for (const other of [out, values.json, ...inputs])
      if (other !== undefined && samePath(file, other))
        throw new InputError(`${flag} が他のファイルと同じです / ${flag} is the same file as another: ${file}`);
  }
  let soffice: string | undefined;
  if (values.pdf !== undefined) {
    soffice = (await findSoffice()) ?? undefined;
    if (!soffice) throw new InputError(SOFFICE_MISSING);
  }

  let rules: Rules | undefined;
  if (values.rules !== undefined) {
    const text = await readRulesFile(values.rules);
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new InputError(`--rules: JSON として読めません / not valid JSON: ${(e as Error).message}`);
    }
    const r = parseRules(json);
    if (!r.ok) throw new InputError(`--rules: 規則が正しくありません / invalid rules: ${r.message}`);
    rules = r.rules;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    const y = parseYearArg(values.year);
    if (!y.ok) throw new InputError(y.message);
    year = y.year;
  }
  return {
    inputs,
    out,
    json: values.json,
    viaExcel: values["via-excel"] === true,
    report: values.report,
    pdf: values.pdf,
    soffice,
    rules: rules && year !== undefined ? { ...rules, year } : rules,
    yearOverride: year !== undefined && !rules ? year : undefined,
  };
}

/** `<workbookProtection lockStructure="1">`: Excel allows no sheet to be added, renamed or removed. */
function structureProtected(workbookXml: string): boolean {
  const tag = /<(?:[\w.-]+:)?workbookProtection\b[^>]*>/.exec(workbookXml)?.[0];
  return !!tag && /\slockStructure\s*=\s*["'](?:1|true)["']/.test(tag);
}

/** Rules are a few KB: a larger file is not a rules file (and would be stored in the workbook). */
export const MAX_RULES_BYTES = 1024 * 1024;

/**
 * The --rules file's text. Opened without blocking and checked to be a regular file of at most 1 MiB before it is
 * read: a FIFO or a device would hang the command, a huge file would be copied into the output.
 */
async function readRulesFile(file: string): Promise<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT"
        ? `--rules: ファイルがありません / file not found: ${file}`
        : `--rules: 読み込めません / cannot read ${file} (${code ?? (e as Error).message})`,
    );
  }
  try {
    const st = await handle.stat();
    if (!st.isFile())
      throw new InputError(
        `--rules: 通常のファイルではありません（フォルダ・パイプ・デバイス）/ not a regular file (a folder, a pipe or a device): ${file}`,
      );
    if (st.size > MAX_RULES_BYTES)
      throw new InputError(
        `--rules: ファイルが大きすぎます（${(st.size / 1024 / 1024).toFixed(1)} MiB、上限 1 MiB）。評価規則のファイルか確認してください / the file is ${(st.size / 1024 / 1024).toFixed(1)} MiB, more than the 1 MiB a rules file can be: ${file}`,
      );
    return (await handle.readFile()).toString("utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--rules: 読み込めません / cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    await handle.close();
  }
}

/** Most rows of a generated sheet that --pdf prints: LibreOffice took 57 s for 5,000 and 315 s for 20,000 (BENCHMARKS.md). */
export const PDF_MAX_ROWS = 10_000;

function describeEvaluation(ev: Evaluation): string {
  const counts = Object.entries(ev.total.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(" / ");
  return (
    `  ${ev.label}: ${counts}` +
    ` — 評価 ${ev.total.evaluated}件・対象外 ${ev.total.excluded}件 / evaluated ${ev.total.evaluated}, excluded ${ev.total.excluded}` +
    (ev.total.aOrBPercent !== null ? ` (A+B ${ev.total.aOrBPercent}%)` : "")
  );
}

/**
 * The same job through the Office.js adapter on the simulated Excel host.
 * Loaded on demand, so the plain command does not load the simulator.
 */
async function runViaExcel(
  workbook: ExcelJS.Workbook,
  rules: Rules | undefined,
  onProgress?: (step: "read" | "analyse" | "write" | "done", fraction: number) => void,
): Promise<{ result: ReviewResult; syncs: number; warnings: string[]; save: (file: string) => Promise<void> }> {
  const { SimulatedExcel } = await import("../preview/simulated-excel");
  const { createExcelPort } = await import("../excel/excel-port");
  const sim = SimulatedExcel.fromExcelJs(workbook);
  const port = createExcelPort({ Excel: sim.Excel, Office: sim.Office } as unknown as Parameters<
    typeof createExcelPort
  >[0]);
  const result = await recompute(port, { rules, onProgress });
  const syncs = sim.stats.syncs; // the whole job: reads, writes and settings
  return { result, syncs, warnings: [...port.notes], save: (file) => sim.saveToFile(file) };
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const early = readEarlyArgs(argv);
  if (early.kind === "help") {
    io.stdout(HELP_TEXT);
    return 0;
  }
  if (early.kind === "version") {
    io.stdout(`progress-review ${early.version}\n`);
    return 0;
  }
  const progress = createProgress(
    (t) => io.stderr(t),
    progressWanted(early.progress, io === processIO ? process.stderr.isTTY : false),
  );
  let args: CliArgs | "help";
  try {
    args = await parseCommandLine(early.argv);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`エラー / error: ${e.message}\n`);
      if (/invalid arguments|no command|unknown command/.test(e.message)) io.stderr(`\n${USAGE}`);
      return 2;
    }
    io.stderr(`内部エラー / internal error: ${(e as Error).message}\n`);
    return 1;
  }
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }

  // The output places must be writable before any work is done; they are held until the end.
  let outputs: OutputFiles;
  try {
    outputs = await OutputFiles.reserve([
      { option: "--out", file: args.out },
      ...(args.json ? [{ option: "--json", file: args.json }] : []),
      ...(args.report ? [{ option: "--report", file: args.report }] : []),
      ...(args.pdf ? [{ option: "--pdf", file: args.pdf }] : []),
    ]);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.stderr(`エラー / error: ${e.message}\n`);
    return 2;
  }
  for (const note of outputs.recovered) io.stderr(`警告 / warning: ${note}\n`);
  try {
    return await runJob(args, io, outputs, progress);
  } finally {
    await outputs.discard();
  }
}

async function runJob(
  args: CliArgs,
  io: CliIO,
  outputs: OutputFiles,
  progress: ReturnType<typeof createProgress>,
): Promise<number> {
  // Read every input before anything is written.
  const inputs: InputWorkbook[] = [];
  const packages: PackageReader[] = [];
  let macros = false;
  const cellsSoFar = { value: 0, formatted: 0 }; // the cell limits hold for all inputs together
  const limits = limitsForInputs(args.inputs.length);
  for (const [i, file] of args.inputs.entries()) {
    progress(`読み込み ${i + 1}/${args.inputs.length}: ${file}`, `reading ${i + 1}/${args.inputs.length}: ${file}`);
    const r = await readInputWorkbook(file, limits, cellsSoFar);
    if (!r.ok) {
      io.stderr(`エラー / error: ${r.reason}\n`);
      return 2;
    }
    // A further input's own generated and settings sheets are not data: they are left out of the consolidation.
    let owned: string[] = [];
    if (packages.length > 0) {
      const read = await createPackagePort({ source: r.label, user: r.pkg, workbook: r.workbook }).readState();
      owned = ownedSheetNames(resolveOwnership(read.identities, read.candidates));
    }
    cellsSoFar.value += r.cells.value;
    cellsSoFar.formatted += r.cells.formatted;
    inputs.push({ label: r.label, workbook: r.workbook, owned });
    packages.push(r.pkg);
    progress(`  ${r.workbook.worksheets.length} シート`, `  ${r.workbook.worksheets.length} sheets`);
    if (packages.length === 1) macros = r.macros;
  }
  // The simulated host re-saves the workbook through ExcelJS, which keeps only what it models: refuse rather than
  // drop charts, pivots, comments, protection… without a word.
  if (args.viaExcel && !macros) {
    const lost = await uncarriedParts(packages[0]!, await workbookPartPath(packages[0]!));
    if (lost.length) {
      io.stderr(
        `エラー / error: --via-excel は模擬ホストで保存し直すため、${args.inputs[0]} の次のものを保てません。--via-excel なしで実行してください / --via-excel re-saves through the simulated host and would lose: ${lost.join("; ")} — run without --via-excel\n`,
      );
      return 2;
    }
  }
  if (macros && args.viaExcel) {
    io.stderr(
      `エラー / error: --via-excel は模擬ホストで保存し直すため、マクロを保てません / --via-excel re-saves through the simulated host and cannot keep the macros of ${args.inputs[0]}\n`,
    );
    return 2;
  }
  // Excel refuses to add sheets to a workbook whose structure is protected: so do we, rather than add four.
  if (structureProtected(await packages[0]!.readText(await workbookPartPath(packages[0]!)))) {
    io.stderr(
      `エラー / error: ${args.inputs[0]} はブックの構成が保護されています。［校閲］→［ブックの保護］を解除してから実行してください / the workbook's structure is protected (Review > Protect Workbook), so no sheet can be added; unprotect it first\n`,
    );
    return 2;
  }
  // The output is the first input's package: its type decides the extension (Excel refuses a mismatch).
  const outIsXlsm = /\.xlsm$/i.test(args.out);
  if (macros !== outIsXlsm) {
    io.stderr(
      macros
        ? `エラー / error: ${args.inputs[0]} はマクロ有効ブックです。マクロを保つため --out は .xlsm にしてください / the first input has macros: --out must end in .xlsm so they are kept\n`
        : `エラー / error: ${args.inputs[0]} はマクロなしのブックです。--out は .xlsx にしてください / the first input has no macros: --out must end in .xlsx\n`,
    );
    return 2;
  }

  const warnings: string[] = [];
  try {
    const baseNames = new Set(inputs[0]!.workbook.worksheets.map((ws) => ws.name));
    // Sheet names per input before combining (the first input's workbook becomes the combined one).
    const namesBefore = inputs.map((input) => input.workbook.worksheets.map((ws) => ws.name));
    const combined = combineWorkbooks(inputs);
    const inputSheets = inputs.map((input, i) => ({
      label: input.label,
      sheets: namesBefore[i]!.map(
        (name) => combined.renamed.find((r) => r.input === input.label && r.from === name)?.to ?? name,
      ),
    }));
    const onProgress = (step: string) => {
      const phases: Record<string, [string, string]> = {
        read: ["シートを読み取り中", "reading the sheets"],
        analyse: ["評価を計算中", "grading"],
        write: ["集計シートを作成中", "building the summary sheets"],
      };
      const phase = phases[step];
      if (phase) progress(phase[0], phase[1]);
    };
    warnings.push(...combined.warnings);
    for (let i = 1; i < packages.length; i++) {
      const lost = await uncarriedParts(packages[i]!, await workbookPartPath(packages[i]!));
      for (const l of lost)
        warnings.push(
          `${inputs[i]!.label}: シートはセル単位でコピーするため、次のものは結果に入りません / its sheets are copied cell by cell, so this is not carried into the result — ${l}`,
        );
    }
    const workbook = combined.workbook;
    const source = inputs.map((i) => i.label).join(" + ");

    const carried = workbook.worksheets.map((ws) => ws.name).filter((n) => !baseNames.has(n));
    const port = createPackagePort({
      source,
      user: packages[0]!,
      workbook,
      carried,
      // ExcelJS cannot write charts: 評価集計's native charts are added as DrawingML parts before the graft.
      decorateScratch: (bytes, plans) =>
        addChartsToPackage(
          bytes,
          plans.map((plan) => ({ plan, sheetName: plan.name })),
          "STORE",
        ),
    });
    // Rules: --rules, else the first input's verified stored rules; --year sets the year.
    let rules = args.rules;
    if (args.yearOverride !== undefined) {
      const stored = (await readOwnership(port)).state?.rules ?? DEFAULT_RULES;
      rules = { ...stored, year: args.yearOverride };
    }

    let result: ReviewResult;
    let writeOut: (file: string) => Promise<void>;
    if (args.viaExcel) {
      const r = await runViaExcel(workbook, rules, onProgress);
      result = r.result;
      warnings.push(...r.warnings);
      io.stderr(`syncs=${r.syncs}\n`);
      writeOut = r.save;
    } else {
      result = await recompute(port, { rules, onProgress });
      warnings.push(...port.warnings);
      progress(`書き出し: ${args.out}`, `writing ${args.out}`);
      const bytes = writePackage(port.output());
      writeOut = (file) => fs.writeFile(file, bytes);
    }
    if (args.pdf) {
      const rows = Math.max(0, ...result.plans.map((p) => p.rows.length));
      if (rows > PDF_MAX_ROWS) {
        const n = (x: number) => x.toLocaleString("en-US");
        io.stderr(
          `エラー / error: --pdf は生成シート 1 枚 ${n(PDF_MAX_ROWS)} 行までです（この結果は ${n(rows)} 行）。--report で書き出したブックを Excel で印刷してください。何も書き出していません / --pdf prints up to ${n(PDF_MAX_ROWS)} rows a sheet (this result has ${n(rows)}; LibreOffice would take far too long): write --report and print it from Excel; nothing was written\n`,
        );
        return 2;
      }
    }
    // The report and the PDF are made before anything is committed: every file or none.
    const report = args.report || args.pdf ? await buildReportWorkbook(result.reportPlans) : null;
    await outputs.commit([
      { file: args.out, write: writeOut },
      // Streamed a chunk at a time: the whole JSON text is never in memory.
      ...(args.json ? [{ file: args.json, write: (file: string) => writeJsonFile(file, result.summary) }] : []),
      ...(args.report && report ? [{ file: args.report, write: (file: string) => fs.writeFile(file, report) }] : []),
      ...(args.pdf && report
        ? [{ file: args.pdf, write: (file: string) => convertToPdf(args.soffice!, report, file) }]
        : []),
    ]);
    warnings.push(...result.warnings);
    const year = rules?.year ?? null;
    if ((args.yearOverride !== undefined || args.rules?.year != null) && year !== null) {
      const w = requestedYearWarning(year, result);
      if (w) warnings.push(w);
    }
    const differing = inputYearsWarning(inputSheets, result);
    if (differing) warnings.push(differing);

    const names = result.plans.map((p) => p.name).join(", ");
    const extras = [args.json, args.report, args.pdf]
      .filter(Boolean)
      .map((f) => ` + ${f}`)
      .join("");
    io.stderr(`完了 / done: ${args.out} (${names})${extras}\n`);
    if (result.summary.evaluations.length === 0) io.stderr("  評価は見つかりませんでした / no evaluations found\n");
    for (const ev of result.summary.evaluations) io.stderr(describeEvaluation(ev) + "\n");
    for (const w of warnings) io.stderr(`警告 / warning: ${w}\n`);
    return 0;
  } catch (e) {
    // A damaged part found while copying the package is bad input, not our fault; an output place that turned
    // into a folder during the job is one too.
    if (e instanceof PackageError || e instanceof OutputError || e instanceof PdfError) {
      io.stderr(`エラー / error: ${e.message}\n`);
      return 2;
    }
    io.stderr(`内部エラー / internal error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

// Run from source (`tsx src/cli/main.ts …`, as the preview harness does): the command's own entry. Never in the
// compiled bundle (its entry is run-cli.ts, and there __filename is the bundle's .js).
if (require.main === module && __filename.endsWith(".ts")) void import("./run-cli").then(({ runCli }) => runCli());
