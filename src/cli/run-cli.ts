/**
 * The command's process entry, compiled to dist-cli/progress-review.js (`npm run build:cli`, run by `npm install`'s
 * prepare) and started by bin/progress-review.js. --help and --version are answered before the job's modules
 * (ExcelJS, the core) are loaded, so they start fast; everything else goes to main().
 */
import { HELP_TEXT, readEarlyArgs } from "./cli-args";
import { installExitCleanup } from "./output-files";

export function runCli(argv: string[] = process.argv.slice(2)): void {
  const early = readEarlyArgs(argv);
  if (early.kind === "help") {
    process.stdout.write(HELP_TEXT);
    return;
  }
  if (early.kind === "version") {
    process.stdout.write(`progress-review ${early.version}\n`);
    return;
  }
  installExitCleanup();
  import("./main")
    .then(({ main }) => main(argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`内部エラー / internal error: ${(e as Error)?.message ?? String(e)}\n`);
        process.exitCode = 1;
      },
    );
}

// `tsx src/cli/run-cli.ts …` while developing; the bin script calls runCli() itself.
if (require.main === module) runCli();
