/**
 * The command's output files (--out, --json, --report, --pdf) as one unit:
 * - reserved before the job: a temporary file is created beside each target,
 *   which proves the place is writable (exit 2 at once, not after the job);
 *   leftovers of earlier interrupted runs in those folders are recovered first
 *   (commit-journal.ts);
 * - committed as a set: every temporary file is written, then all are put in
 *   place synchronously under a journal (all new, or on a failure all old);
 * - removed on SIGINT / SIGTERM / SIGHUP, and when the launcher that started
 *   this process dies (the worker would otherwise finish later and write),
 *   with a folder the run created for them; the message says whether the
 *   outputs were written.
 */
import { promises as fs, constants, rmdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { commitAll, journalPath, recoverLeftovers, type JournalEntry } from "./commit-journal";

/** A target that cannot be written: exit 2 with this one-line message. */
export class OutputError extends Error {}

const live = new Set<string>();
/** Folders created for the outputs, the deepest first: removed again when nothing is written. */
const liveDirs: string[] = [];
/** Set once the outputs are all in place: an interruption after it must not say "nothing was written". */
let committed = false;

function removeLiveSync(): void {
  for (const f of live) {
    try {
      rmSync(f, { recursive: true, force: true }); // a temporary file, or a temporary folder of ours
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const d of liveDirs.splice(0)) {
    try {
      rmdirSync(d); // only if empty
    } catch {
      // not empty or gone
    }
  }
}

let installed = false;
/**
 * Clean up on signals and when the parent process goes away. Only for the real
 * command (not in-process callers such as tests).
 */
export function installExitCleanup(): void {
  if (installed) return;
  installed = true;
  const signals: [NodeJS.Signals, number][] = [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ];
  for (const [sig, code] of signals)
    process.on(sig, () => {
      for (const hook of interruptHooks) hook();
      removeLiveSync();
      process.stderr.write(
        committed
          ? `中断しました / interrupted (${sig}); 出力はすべて書き出し済みです / the outputs were all written (all new)\n`
          : `中断しました / interrupted (${sig}); 何も書き込んでいません（以前のファイルはそのままです）/ nothing was written (the previous files are as they were)\n`,
      );
      process.exit(code);
    });
  // Our parent (a launcher such as the bin script or tsx) was killed: stop instead of writing later.
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      for (const hook of interruptHooks) hook();
      removeLiveSync();
      process.exit(129);
    }
  }, 250);
  timer.unref();
}

/** Run (synchronously) when the command is interrupted, before it exits: e.g. kill a child process group. */
const interruptHooks = new Set<() => void>();
export function onInterrupt(hook: () => void): () => void {
  interruptHooks.add(hook);
  return () => interruptHooks.delete(hook);
}

/** A temporary path of this run (a folder or file) removed if the run is interrupted. */
export function holdTemporary(p: string): () => void {
  live.add(p);
  return () => live.delete(p);
}

function tempName(target: string): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export class OutputFiles {
  /** Leftovers of earlier interrupted runs that were recovered, one line each (warnings). */
  recovered: string[] = [];
  private constructor(
    private readonly temps: Map<string, string>,
    private readonly createdDirs: string[] = [],
  ) {}

  /** Check every target can be written, and hold a temporary file beside each. */
  static async reserve(targets: { option: string; file: string }[]): Promise<OutputFiles> {
    const temps = new Map<string, string>();
    const createdDirs: string[] = [];
    let recovered: string[] = [];
    try {
      recovered = recoverLeftovers(targets.map((t) => t.file));
      for (const { option, file } of targets) {
        const abs = path.resolve(file);
        const st = await fs.stat(abs).catch(() => null);
        if (st?.isDirectory())
          throw new OutputError(`${option}: フォルダです。ファイル名を指定してください / ${file} is a directory`);
        if (st) {
          try {
            await fs.access(abs, constants.W_OK);
          } catch (e) {
            throw new OutputError(`${option}: 書き込めません（読み取り専用）/ ${file} is not writable (${reason(e)})`);
          }
        }
        try {
          // the folders made here are removed again if nothing is written
          const first = await fs.mkdir(path.dirname(abs), { recursive: true });
          if (first)
            for (let d = path.dirname(abs); d.length >= first.length; d = path.dirname(d)) {
              createdDirs.push(d);
              liveDirs.push(d);
              if (d === first) break;
            }
        } catch (e) {
          throw new OutputError(`${option}: フォルダを作れません / cannot create the folder of ${file} (${reason(e)})`);
        }
        const tmp = tempName(abs);
        try {
          const h = await fs.open(tmp, "wx");
          live.add(tmp);
          await h.close();
        } catch (e) {
          throw new OutputError(`${option}: 書き込めません / cannot write beside ${file} (${reason(e)})`);
        }
        temps.set(abs, tmp);
      }
    } catch (e) {
      await new OutputFiles(temps, createdDirs).discard();
      throw e;
    }
    const files = new OutputFiles(temps, createdDirs);
    files.recovered = recovered;
    return files;
  }

  /** The reserved temporary file of a target. */
  temp(file: string): string {
    const t = this.temps.get(path.resolve(file));
    if (!t) throw new Error(`internal: ${file} was not reserved`);
    return t;
  }

  /** Write every target's temporary file, then put them all in place, or none. */
  async commit(writers: { file: string; write: (tmp: string) => Promise<void> }[]): Promise<void> {
    try {
      for (const w of writers) await w.write(this.temp(w.file));
    } catch (e) {
      await this.discard();
      throw e;
    }
    const entries: JournalEntry[] = [];
    try {
      for (const w of writers) {
        const target = path.resolve(w.file);
        const st = await fs.stat(target).catch(() => null);
        if (st?.isDirectory())
          throw new OutputError(`${w.file}: フォルダになっています / ${w.file} is now a directory`);
        entries.push({ target, temp: this.temp(w.file), backup: st ? `${this.temp(w.file)}.previous` : null });
      }
      // synchronous: a signal's handler runs before or after, never between two renames
      commitAll(journalPath(path.resolve(writers[0]!.file)), entries);
    } catch (e) {
      await this.discard();
      throw e;
    }
    committed = true;
    for (const e of entries) live.delete(e.temp);
    liveDirs.splice(0);
    this.createdDirs.splice(0);
  }

  /** Remove the temporary files (nothing is written). */
  async discard(): Promise<void> {
    for (const tmp of this.temps.values()) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      live.delete(tmp);
    }
    for (const d of this.createdDirs.splice(0)) {
      await fs.rmdir(d).catch(() => undefined); // only if empty
      const i = liveDirs.indexOf(d);
      if (i >= 0) liveDirs.splice(i, 1);
    }
  }
}
