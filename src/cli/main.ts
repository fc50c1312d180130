/**
 * progress-review summarize <workbook.xlsx>... --out <result.xlsx>
 *   [--json <summary.json>] [--year <令和2年度|R2|2020>] [--rules <rules.json>] [--via-excel]
 *
 * Exit codes: 0 success (warnings on stderr); 2 unusable input or arguments
 * (one-line reason, nothing written); 1 internal error.
 * Inputs are only read; the result goes to a new file written atomically.
 */
import { promises as fs, realpathSync, statSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { recompute } from "../core/recompute";
import type { ReviewResult } from "../core/run-review";
import { DEFAULT_RULES, parseRules, type Rules } from "../core/model/settings";
import type { Evaluation } from "../core/model/summary";
import { createXlsxPort, readStoredState } from "../xlsx/xlsx-port";
import { combineWorkbooks, type InputWorkbook } from "../xlsx/combine-workbooks";
import { readInputWorkbook } from "./read-input";
import { parseYearArg } from "./parse-year-arg";
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

  進捗管理ブックを読み、A〜D の評価を集計して 評価集計・評価一覧・要確認 シートを
  加えたブックを --out に書き出します。入力ファイルは変更しません。
  複数のブックを指定すると、全シートを1つのブックにまとめて集計します。
  Reads progress workbooks, grades each item A–D and writes a copy with the
  summary sheets added to --out. Input files are never modified. Several
  inputs are combined into one workbook and reviewed together.

  --out <file.xlsx>     結果のブック / result workbook (required)
  --json <file.json>    集計結果 summary.json / the summary as JSON
  --year <年度>         評価する年度 / fiscal year to evaluate (令和2年度, R2, 2020)
  --rules <file.json>   評価規則 / grading rules (overrides the rules stored in the workbook)
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
  if (!/\.xlsx$/i.test(out)) throw new InputError(`--out は .xlsx にしてください / --out must end in .xlsx: ${out}`);
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

  let rules: Rules | undefined;
  if (values.rules !== undefined) {
    let text: string;
    try {
      text = await fs.readFile(values.rules, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(
        code === "ENOENT"
          ? `--rules: ファイルがありません / file not found: ${values.rules}`
          : `--rules: 読み込めません / cannot read ${values.rules} (${code ?? (e as Error).message})`,
      );
    }
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
    rules: rules && year !== undefined ? { ...rules, year } : rules,
    yearOverride: year !== undefined && !rules ? year : undefined,
  };
}

/** Write through a temporary file in the same directory, then rename: no half-written result. */
export async function writeFileAtomic(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

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
  out: string,
  onProgress?: (step: "read" | "analyse" | "write" | "done", fraction: number) => void,
): Promise<{ result: ReviewResult; syncs: number; warnings: string[] }> {
  const { SimulatedExcel } = await import("../preview/simulated-excel");
  const { createExcelPort } = await import("../excel/excel-port");
  const sim = SimulatedExcel.fromExcelJs(workbook);
  const port = createExcelPort({ Excel: sim.Excel, Office: sim.Office } as unknown as Parameters<
    typeof createExcelPort
  >[0]);
  const result = await recompute(port, { rules, onProgress });
  const syncs = sim.stats.syncs; // the whole job: reads, writes and settings
  await writeFileAtomic(out, (tmp) => sim.saveToFile(tmp));
  return { result, syncs, warnings: [...port.notes] };
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

  // Read every input before anything is written.
  const inputs: InputWorkbook[] = [];
  for (const [i, file] of args.inputs.entries()) {
    progress(`読み込み ${i + 1}/${args.inputs.length}: ${file}`, `reading ${i + 1}/${args.inputs.length}: ${file}`);
    const r = await readInputWorkbook(file);
    if (!r.ok) {
      io.stderr(`エラー / error: ${r.reason}\n`);
      return 2;
    }
    inputs.push({ label: r.label, workbook: r.workbook });
    progress(`  ${r.workbook.worksheets.length} シート`, `  ${r.workbook.worksheets.length} sheets`);
  }

  const warnings: string[] = [];
  try {
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
    const workbook = combined.workbook;
    const source = inputs.map((i) => i.label).join(" + ");

    // Rules: --rules, else the first input's stored rules; --year sets the year.
    let rules = args.rules;
    if (args.yearOverride !== undefined) {
      const stored = readStoredState(workbook, inputs[0]!.label).state?.rules ?? DEFAULT_RULES;
      rules = { ...stored, year: args.yearOverride };
    }

    let result: ReviewResult;
    if (args.viaExcel) {
      const r = await runViaExcel(workbook, rules, args.out, onProgress);
      result = r.result;
      warnings.push(...r.warnings);
      io.stderr(`syncs=${r.syncs}\n`);
    } else {
      const port = createXlsxPort(workbook, { source });
      result = await recompute(port, { rules, onProgress });
      warnings.push(...port.warnings);
      progress(`書き出し: ${args.out}`, `writing ${args.out}`);
      const buffer = await workbook.xlsx.writeBuffer();
      await writeFileAtomic(args.out, (tmp) => fs.writeFile(tmp, Buffer.from(buffer as ArrayBuffer)));
    }
    if (args.json) {
      const json = JSON.stringify(result.summary, null, 2) + "\n";
      await writeFileAtomic(args.json, (tmp) => fs.writeFile(tmp, json, "utf8"));
    }
    warnings.push(...result.warnings);
    const year = rules?.year ?? null;
    if ((args.yearOverride !== undefined || args.rules?.year != null) && year !== null) {
      const w = requestedYearWarning(year, result);
      if (w) warnings.push(w);
    }
    const differing = inputYearsWarning(inputSheets, result);
    if (differing) warnings.push(differing);

    const names = result.plans.map((p) => p.name).join(", ");
    io.stderr(`完了 / done: ${args.out} (${names})${args.json ? ` + ${args.json}` : ""}\n`);
    if (result.summary.evaluations.length === 0) io.stderr("  評価は見つかりませんでした / no evaluations found\n");
    for (const ev of result.summary.evaluations) io.stderr(describeEvaluation(ev) + "\n");
    for (const w of warnings) io.stderr(`警告 / warning: ${w}\n`);
    return 0;
  } catch (e) {
    io.stderr(`内部エラー / internal error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部エラー / internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
