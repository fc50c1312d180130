/**
 * --pdf <file.pdf>: the generated sheets printed through LibreOffice
 * (soffice --headless --convert-to pdf) from the report workbook. Without
 * soffice on PATH: a one-line message how to install it, exit 2, nothing
 * written.
 */
import { spawn } from "node:child_process";
import { promises as fs, constants as fsConstants } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { holdTemporary, onInterrupt } from "./output-files";

export const SOFFICE_MISSING =
  "LibreOffice (soffice) が見つかりません。インストールしてください / LibreOffice (soffice) is not on PATH: install it, e.g. `sudo apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or from https://www.libreoffice.org/";

/** The soffice executable on PATH, or null. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        await fs.access(p, fsConstants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Longest a conversion may take before it is stopped (a very long list may take minutes in LibreOffice). */
const CONVERT_TIMEOUT_MS = 600_000;

/** End soffice and everything it started (soffice.bin, its helpers): they share the process group we made. */
function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Convert the report workbook's bytes to a PDF at `tmpPdf`. soffice gets its own profile directory (it refuses
 * to run beside another instance sharing one) in a private temporary folder (0700), and its own process group:
 * on every way out — done, failed, timed out, Ctrl-C / SIGTERM — the group is killed and the folder removed, so
 * no LibreOffice is left running to write the user's data somewhere later.
 */
export async function convertToPdf(soffice: string, xlsx: Uint8Array, tmpPdf: string): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "progress-review-pdf-"));
  await fs.chmod(work, 0o700);
  const releaseFolder = holdTemporary(work);
  let pid: number | undefined;
  const stopOnInterrupt = onInterrupt(() => killGroup(pid));
  try {
    const input = path.join(work, "report.xlsx");
    await fs.writeFile(input, xlsx, { mode: 0o600 });
    const profile = path.join(work, "profile");
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          input,
        ],
        { env: { ...process.env, HOME: work }, detached: true, stdio: ["ignore", "ignore", "pipe"] },
      );
      pid = child.pid;
      let stderr = "";
      child.stderr!.on("data", (d: Buffer) => {
        if (stderr.length < 4096) stderr += d.toString("utf8");
      });
      const timer = setTimeout(() => {
        killGroup(pid);
        reject(
          new PdfError(
            `LibreOffice が ${CONVERT_TIMEOUT_MS / 60_000} 分以内に PDF を作れませんでした。--report で書き出したブックを印刷してください / LibreOffice did not finish the PDF within ${CONVERT_TIMEOUT_MS / 60_000} minutes; print the --report workbook instead`,
          ),
        );
      }, CONVERT_TIMEOUT_MS);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(new PdfError(`LibreOffice (soffice) を起動できません / cannot start soffice: ${e.message}`));
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else
          reject(
            new PdfError(
              `LibreOffice が PDF を作れませんでした / LibreOffice could not make the PDF (${
                stderr.trim().split("\n")[0] || (signal ? `signal ${signal}` : `exit ${code}`)
              })`,
            ),
          );
      });
    });
    const pdf = path.join(work, "report.pdf");
    try {
      await fs.access(pdf);
    } catch {
      throw new PdfError("LibreOffice が PDF を書き出しませんでした / LibreOffice wrote no PDF");
    }
    await fs.copyFile(pdf, tmpPdf);
  } finally {
    killGroup(pid); // helpers it left behind
    stopOnInterrupt();
    await fs.rm(work, { recursive: true, force: true });
    releaseFolder();
  }
}

/** LibreOffice could not make the PDF: exit 2 with this one-line message, nothing written. */
export class PdfError extends Error {}
