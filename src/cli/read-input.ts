/**
 * Open an input workbook read-only and tell, in one line, why it is not
 * usable: missing, not a file, not a ZIP (CSV renamed .xlsx, old .xls,
 * password-protected), corrupt, or not readable by ExcelJS.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { PackageReader } from "../xlsx/package/package-reader";
import { DEFAULT_LIMITS, PackageError, type CellCounts, type PackageLimits } from "../xlsx/package/package-limits";
import { checkSheetSizes } from "../xlsx/package/scan-sheet-size";
import { workbookPartPath } from "../xlsx/xlsx-package-port";
import { excelJsInput, type ExcelJsInput } from "../xlsx/package/exceljs-input";
import { applyMerges } from "../xlsx/apply-merges";

export type InputRead =
  | { ok: true; workbook: ExcelJS.Workbook; label: string; pkg: PackageReader; macros: boolean; cells: CellCounts }
  | { ok: false; reason: string };

const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroenabled.main+xml";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 512);
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  return printable / head.length > 0.95;
}

export async function readInputWorkbook(
  file: string,
  limits: PackageLimits = DEFAULT_LIMITS,
  /** Cells of the inputs read before this one. */
  usedCells: CellCounts = { value: 0, formatted: 0 },
): Promise<InputRead> {
  const label = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { ok: false, reason: `${file}: ファイルがありません / file not found` };
  }
  if (!stat.isFile()) return { ok: false, reason: `${file}: ファイルではありません / not a file` };
  if (stat.size === 0) return { ok: false, reason: `${file}: 空のファイルです / the file is empty` };
  let buf: Buffer;
  try {
    buf = await fs.readFile(file); // read-only: the input is never written
  } catch (e) {
    return {
      ok: false,
      reason: `${file}: 読み込めません / cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  }
  if (!startsWith(buf, ZIP)) {
    if (startsWith(buf, CFB))
      return {
        ok: false,
        reason: `${file}: パスワード付き、または古い .xls 形式のブックです。.xlsx で保存し直してください / password-protected or old .xls workbook; save it as .xlsx without a password`,
      };
    if (looksLikeText(buf))
      return {
        ok: false,
        reason: `${file}: .xlsx ではなくテキスト（CSV など）です / not an .xlsx file: it is text (CSV?)`,
      };
    return { ok: false, reason: `${file}: .xlsx ファイルではありません / not an .xlsx file (no ZIP signature)` };
  }
  // The package first: duplicates, declared and actual sizes, sheet sizes — before ExcelJS spends memory.
  let pkg: PackageReader;
  let macros = false;
  let cells: CellCounts = { value: 0, formatted: 0 };
  let input: ExcelJsInput;
  try {
    pkg = await PackageReader.open(buf, file, limits);
    const wbPath = await workbookPartPath(pkg);
    if (!pkg.has(wbPath) || !pkg.has("[Content_Types].xml"))
      return { ok: false, reason: `${file}: Excel のブックではありません / not an Excel workbook (no workbook part)` };
    macros = (await pkg.readText("[Content_Types].xml")).toLowerCase().includes(MACRO_WORKBOOK);
    const scanned = await checkSheetSizes(pkg, wbPath, limits, usedCells);
    cells = { value: scanned.value, formatted: scanned.formatted };
    // ExcelJS reads the parts without checking their CRC-32, and the output copies them: check them all first.
    await pkg.verifyAll();
    input = await excelJsInput(pkg, buf, scanned.sheets, limits, usedCells.formatted + cells.formatted);
  } catch (e) {
    if (e instanceof PackageError) return { ok: false, reason: e.message };
    throw e;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input.bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const msg = ((e as Error).message ?? String(e)).split("\n")[0];
    return {
      ok: false,
      reason: `${file}: 壊れているか .xlsx ではありません / corrupt or not an .xlsx workbook (${msg})`,
    };
  }
  try {
    for (const [name, merges] of input.merges) {
      const ws = workbook.getWorksheet(name);
      if (ws) await applyMerges(ws, merges, file);
    }
  } catch (e) {
    if (e instanceof PackageError) return { ok: false, reason: e.message };
    throw e;
  }
  if (workbook.worksheets.length === 0)
    return { ok: false, reason: `${file}: ワークシートがありません / no worksheets (not an Excel workbook?)` };
  return { ok: true, workbook, label, pkg, macros, cells };
}
