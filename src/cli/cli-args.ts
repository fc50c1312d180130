/**
 * What a command line is expected to answer before any work: --help (Japanese,
 * then English), --version, a bilingual one-line refusal of unknown options
 * (exit 2), and whether to print progress (--progress, or stderr is a terminal).
 * The options of the job itself are parsed in main.ts.
 */
import fs from "node:fs";
import path from "node:path";

export const HELP_TEXT = `progress-review — 進捗評価 / Progress Review

使い方:
  progress-review summarize <ブック.xlsx>... --out <結果.xlsx> [オプション]

  進捗管理ブックを読み、A〜D の評価を集計して、評価集計・評価一覧・要確認 シートを
  加えたブックを --out に書き出します。入力ファイルは変更しません。
  複数のブックを指定すると、全シートを1つのブックにまとめて集計します。

オプション:
  -o, --out <file.xlsx>   結果のブック（必須）
  --json <file.json>      集計結果を JSON（summary.json）でも書き出す
  --year <年度>           評価する年度（令和2年度, R2, 2020）。その年度のデータがない
                          ときは、見つかった年度を警告に示して続けます（終了コード 0）
  --rules <file.json>     評価規則（ブックに保存された規則の代わりに使う）
  --report <file.xlsx>    生成シートだけの報告書用ブック（グラフ付き）も書き出す
  --pdf <file.pdf>        生成シートを PDF に印刷（LibreOffice が必要。一覧 10,000 行まで）
  --via-excel             Office.js アダプタを模擬 Excel 上で使う（検証用）
  --progress              経過を標準エラーに表示（端末では常に表示）
  -h, --help              この説明
  -V, --version           バージョン

終了コード:
  0 成功（警告は標準エラー）  2 入力・引数が使えない（理由を1行、何も書き出さない）
  1 内部エラー  130 中断（Ctrl-C。出力はすべて以前のまま、または書き出し済み）

例:
  npx progress-review summarize 進捗.xlsx --out 結果.xlsx --json 集計.json --year R3

Usage:
  progress-review summarize <workbook.xlsx>... --out <result.xlsx> [options]

  Reads progress workbooks, grades each item A–D and writes a copy with the
  summary sheets (評価集計, 評価一覧, 要確認) added to --out. Input files are
  never modified. Several inputs are combined into one workbook and reviewed
  together.

Options:
  -o, --out <file.xlsx>   result workbook (required)
  --json <file.json>      also write the summary as JSON (summary.json)
  --year <year>           fiscal year to evaluate (令和2年度, R2, 2020). A year with
                          no data is a warning naming the years found (exit 0)
  --rules <file.json>     grading rules (instead of the rules stored in the workbook)
  --report <file.xlsx>    also write a workbook of only the generated sheets, with charts
  --pdf <file.pdf>        print the generated sheets to PDF (needs LibreOffice; up to
                          10,000 list rows)
  --via-excel             run through the Office.js adapter on the simulated Excel host
  --progress              progress on stderr (always shown on a terminal)
  -h, --help              this help
  -V, --version           the version

Exit codes:
  0 success (warnings on stderr)   2 unusable input or arguments (one-line
  reason, nothing written)         1 internal error
  130 interrupted (Ctrl-C; the outputs are all as before, or all written)
`;

export type EarlyArgs =
  | { kind: "help" }
  | { kind: "version"; version: string }
  /** The job: the arguments left for main's parser, and --progress. */
  | { kind: "job"; argv: string[]; progress: boolean };

/** --help, --version and --progress, wherever they are before a "--" separator. */
export function readEarlyArgs(argv: readonly string[]): EarlyArgs {
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  if (options.some((a) => a === "--help" || a === "-h")) return { kind: "help" };
  if (options.some((a) => a === "--version" || a === "-V")) return { kind: "version", version: packageVersion() };
  const progress = options.includes("--progress");
  const rest = progress ? argv.filter((a, i) => !(a === "--progress" && (end === -1 || i < end))) : [...argv];
  return { kind: "job", argv: rest, progress };
}

/** The version in package.json (found upwards from this file, so it works from src/ and from a build). */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "progress-review" && pkg.version) return pkg.version;
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}

/**
 * node:util parseArgs errors as the tool's own one-line message (no usage dump):
 * unknown options, a missing value, a value given to a flag.
 */
export function describeArgsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  // "Unknown option '--foo'", "Option '-o, --out <value>' argument missing": the long name.
  const quoted = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, "") ?? "";
  const option = quoted.split(", ").pop() ?? quoted;
  const hint = "（progress-review --help）";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return `不明なオプション「${option}」です / unknown option "${option}" ${hint}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /argument missing/.test(message))
    return `オプション「${option}」に値がありません / option "${option}" needs a value ${hint}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `オプション「${option}」は値をとりません / option "${option}" takes no value ${hint}`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `余分な引数があります / unexpected argument ${hint}`;
  return `引数が正しくありません / invalid arguments: ${message} ${hint}`;
}

/** Progress on stderr only when asked (--progress) or when a person is watching (a terminal). */
export function progressWanted(flag: boolean, stderrIsTTY: boolean | undefined): boolean {
  return flag || stderrIsTTY === true;
}

export type ProgressLine = (ja: string, en: string) => void;

/** A progress printer: "[12.3s] 読み込み… / reading…" lines, or nothing when not wanted. */
export function createProgress(
  write: (text: string) => void,
  enabled: boolean,
  now: () => number = () => Date.now(),
): ProgressLine {
  if (!enabled) return () => undefined;
  const start = now();
  return (ja, en) => write(`[${((now() - start) / 1000).toFixed(1)}s] ${ja} / ${en}\n`);
}
