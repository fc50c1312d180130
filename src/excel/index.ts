export { createExcelPort, NOTE_REPAIRED, type ExcelWorkbookPort } from "./excel-port";
export type { ExcelHostApi, ExcelPortOptions } from "./excel-host";
export { checkStale, type StaleCheck, type StaleReason } from "./excel-stale";
export {
  ExcelPortError,
  ExcelReadError,
  ExcelWriteError,
  UnsupportedExcelError,
  type ExcelPortErrorKind,
} from "./excel-errors";
export { detectFeatures, type ExcelFeatures } from "./excel-requirements";
