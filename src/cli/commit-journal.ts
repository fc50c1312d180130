/**
 * The commit of the output set (--out, --json, --report, --pdf) as a journal beside --out: before the first
 * target is replaced, a hidden file lists every target with its temporary file and the backup of the file it
 * replaces; once all are in place it is marked committed, the backups are removed and then the journal. A
 * process killed part-way (SIGKILL, power loss) leaves the journal, and the next run that writes into that folder
 * puts every target back as it was before (all old) — or, if the journal says committed, only removes what is
 * left (all new) — and says which. Hidden temporary files of runs that are gone are removed too.
 * Everything here is synchronous: a signal cannot interrupt it half-way (its handler runs after).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface JournalEntry {
  target: string;
  temp: string;
  /** Where the target's old file is kept until the commit is complete (null: there was none). */
  backup: string | null;
}

interface Journal {
  format: "progress-review-commit/1";
  pid: number;
  state: "renaming" | "committed";
  entries: JournalEntry[];
}

const JOURNAL = /^\.(.+)\.progress-review-commit\.json$/;
/** Our temporary files: `.<target name>.<pid>.<random>.tmp`, and a backup `….tmp.previous`. */
const TEMP = /^\.(.+)\.(\d+)\.[a-z0-9]{1,12}\.tmp(\.previous)?$/;

export function journalPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.progress-review-commit.json`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const exists = (p: string) => fs.existsSync(p);

function writeJournal(file: string, journal: Journal): void {
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, JSON.stringify(journal));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const rmQuiet = (p: string) => {
  try {
    fs.rmSync(p, { force: true });
  } catch {
    // already gone or not ours to remove
  }
};

/**
 * Put every temporary file in place of its target, all or none. On a failure the targets are put back as they
 * were and the error is thrown. `journal` is where the journal goes (beside --out).
 */
export function commitAll(journal: string, entries: JournalEntry[]): void {
  const state: Journal = { format: "progress-review-commit/1", pid: process.pid, state: "renaming", entries };
  writeJournal(journal, state);
  const done: JournalEntry[] = [];
  try {
    for (const e of entries) {
      if (e.backup) fs.renameSync(e.target, e.backup);
      done.push(e);
      fs.renameSync(e.temp, e.target);
    }
  } catch (err) {
    rollBack(done);
    rmQuiet(journal);
    throw err;
  }
  writeJournal(journal, { ...state, state: "committed" });
  for (const e of entries) if (e.backup) rmQuiet(e.backup);
  rmQuiet(journal);
}

/** Undo the renames of `entries` (the last first): each target as it was before the commit. */
function rollBack(entries: JournalEntry[]): void {
  for (const e of [...entries].reverse()) {
    const tempLeft = exists(e.temp);
    if (e.backup) {
      if (exists(e.backup)) {
        try {
          fs.renameSync(e.backup, e.target); // over the new file, or back into the empty place
        } catch {
          // left for the next run's recovery, which names it
          continue;
        }
      }
    } else if (!tempLeft) rmQuiet(e.target); // the target is new: there was no file before
    if (tempLeft) rmQuiet(e.temp);
  }
}

/**
 * Leftovers of earlier runs in the folders of `targets`: an interrupted commit is rolled back (or finished, if it
 * was complete), hidden temporary files of runs that are gone are removed. Returns one line per commit recovered.
 */
export function recoverLeftovers(targets: string[]): string[] {
  const notes: string[] = [];
  const dirs = [...new Set(targets.map((t) => path.dirname(path.resolve(t))))];
  const inJournals = new Set<string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!JOURNAL.test(name)) continue;
      const file = path.join(dir, name);
      let journal: Journal;
      try {
        journal = JSON.parse(fs.readFileSync(file, "utf8")) as Journal;
        if (journal.format !== "progress-review-commit/1" || !Array.isArray(journal.entries)) continue;
      } catch {
        continue;
      }
      if (alive(journal.pid)) {
        for (const e of journal.entries) inJournals.add(e.temp).add(e.backup ?? "");
        continue; // another run is committing right now
      }
      const files = journal.entries.map((e) => e.target).join(", ");
      if (journal.state === "committed") {
        for (const e of journal.entries) if (e.backup) rmQuiet(e.backup);
        notes.push(
          `前回の実行は書き出しの最後に中断されましたが、出力はすべて新しいファイルです / an earlier run was interrupted at the end of its commit; its outputs are all new: ${files}`,
        );
      } else {
        rollBack(journal.entries);
        notes.push(
          `前回の実行が書き出しの途中で中断されていたため、出力を以前のファイルに戻しました / an earlier run was interrupted while committing its outputs; they were put back as they were before it (all old): ${files}`,
        );
      }
      rmQuiet(file);
    }
    for (const name of names) {
      const m = TEMP.exec(name);
      if (!m || alive(Number(m[2]))) continue;
      const file = path.join(dir, name);
      if (inJournals.has(file) || !exists(file)) continue;
      const target = path.join(dir, m[1]!);
      // an old-style backup whose target is gone is the user's previous file: put it back, never delete it
      if (m[3] && !exists(target)) {
        try {
          fs.renameSync(file, target);
          notes.push(
            `前回中断された実行が残した以前のファイルを元の名前に戻しました / the previous file left hidden by an interrupted run was put back: ${target}`,
          );
        } catch {
          notes.push(`中断された実行の残したファイルがあります / a file left by an interrupted run: ${file}`);
        }
        continue;
      }
      rmQuiet(file);
    }
  }
  return notes;
}
