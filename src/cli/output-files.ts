/**
 * The command's output files (--out, --json) as one unit:
 * - reserved before the job: a temporary file is created beside each target,
 *   which proves the place is writable (exit 2 at once, not after the job);
 * - committed as a pair: every temporary file is written, then renamed over
 *   its target; if any rename fails the targets are put back as they were
 *   (both or neither);
 * - removed on SIGINT / SIGTERM / SIGHUP, and when the launcher that started
 *   this process dies (the worker would otherwise finish later and write).
 */
import { promises as fs, constants, unlinkSync } from "node:fs";
import * as path from "node:path";

/** A target that cannot be written: exit 2 with this one-line message. */
export class OutputError extends Error {}

const live = new Set<string>();

function removeLiveSync(): void {
  for (const f of live) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  live.clear();
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
      removeLiveSync();
      process.stderr.write(`中断しました / interrupted (${sig}); nothing was written\n`);
      process.exit(code);
    });
  // Our parent (a launcher such as the bin script or tsx) was killed: stop instead of writing later.
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      removeLiveSync();
      process.exit(129);
    }
  }, 250);
  timer.unref();
}

function tempName(target: string): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export class OutputFiles {
  private constructor(private readonly temps: Map<string, string>) {}

  /** Check every target can be written, and hold a temporary file beside each. */
  static async reserve(targets: { option: string; file: string }[]): Promise<OutputFiles> {
    const temps = new Map<string, string>();
    try {
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
          await fs.mkdir(path.dirname(abs), { recursive: true });
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
      await new OutputFiles(temps).discard();
      throw e;
    }
    return new OutputFiles(temps);
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
    const done: { target: string; backup: string | null }[] = [];
    try {
      for (const w of writers) {
        const target = path.resolve(w.file);
        let backup: string | null = null;
        const st = await fs.stat(target).catch(() => null);
        if (st?.isDirectory())
          throw new OutputError(`${w.file}: フォルダになっています / ${w.file} is now a directory`);
        if (st) {
          backup = `${this.temp(w.file)}.previous`;
          await fs.rename(target, backup);
        }
        done.push({ target, backup });
        await fs.rename(this.temp(w.file), target);
        live.delete(this.temp(w.file));
      }
    } catch (e) {
      // put every target back as it was
      for (const d of done.reverse()) {
        if (d.backup) await fs.rename(d.backup, d.target).catch(() => undefined);
        else await fs.rm(d.target, { force: true }).catch(() => undefined);
      }
      await this.discard();
      throw e;
    }
    for (const d of done) if (d.backup) await fs.rm(d.backup, { force: true }).catch(() => undefined);
  }

  /** Remove the temporary files (nothing is written). */
  async discard(): Promise<void> {
    for (const tmp of this.temps.values()) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      live.delete(tmp);
    }
  }
}
