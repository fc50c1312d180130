/**
 * WorkbookPort over an in-memory ExcelJS workbook (export, tests on files):
 * the workbook is serialised once into a package and the port works on that
 * package like the command line does (xlsx-package-port.ts), so ownership
 * markers and every part survive. `output()` gives the result package.
 */
import type ExcelJS from "exceljs";
import { PackageReader } from "./package/package-reader";
import { XlsxPackagePort } from "./xlsx-package-port";

export interface XlsxPortOptions {
  /** Label of the workbook in messages and in the snapshot (file name). */
  source: string;
  newId?: () => string;
}

export function createXlsxPort(workbook: ExcelJS.Workbook, options: XlsxPortOptions): XlsxPackagePort {
  return new XlsxPackagePort({
    source: options.source,
    workbook,
    newId: options.newId,
    user: async () =>
      PackageReader.open(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), options.source),
  });
}
