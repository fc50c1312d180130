/**
 * --pdf <file.pdf>: the generated sheets printed through LibreOffice
 * (soffice --headless --convert-to pdf) from the report workbook. Without
 * soffice on PATH: a one-line message how to install it, exit 2, nothing
 * written.
 */
import { execFile } from "node:child_process";
import { promises as fs, constants as fsConstants } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

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

/**
 * Convert the report workbook's bytes to a PDF at `tmpPdf`. soffice gets its own
 * profile directory (it refuses to run beside another instance sharing one).
 */
export async function convertToPdf(soffice: string, xlsx: Uint8Array, tmpPdf: string): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "progress-review-pdf-"));
  try {
    const input = path.join(work, "report.xlsx");
    await fs.writeFile(input, xlsx);
    const profile = path.join(work, "profile");
    await new Promise<void>((resolve, reject) =>
      execFile(
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
        { env: { ...process.env, HOME: work }, timeout: 180_000 },
        (err, _stdout, stderr) =>
          err
            ? reject(
                new Error(
                  `soffice: ${
                    String(stderr || err.message)
                      .trim()
                      .split("\n")[0]
                  }`,
                ),
              )
            : resolve(),
      ),
    );
    const pdf = path.join(work, "report.pdf");
    try {
      await fs.access(pdf);
    } catch {
      throw new Error("soffice wrote no PDF");
    }
    await fs.copyFile(pdf, tmpPdf);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
