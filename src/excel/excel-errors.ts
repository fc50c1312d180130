/**
 * Typed errors of the Office.js adapter. Every message is Japanese first,
 * then English, so the task pane and the ribbon command can show it as is.
 */

export type ExcelPortErrorKind =
  /** The Excel in use lacks ExcelApi 1.7 (Office 2016, Office 2019 without updates). */
  | "unsupported"
  /** Reading the workbook failed. */
  | "read"
  /** Writing the generated sheets failed; user sheets untouched, sheets added by the run removed (see incompleteSheets). */
  | "write"
  /** Writing failed and removing the sheets the run added failed too (see leftovers). */
  | "write-unrecovered"
  /** Excel refused because the user is editing a cell; nothing was changed. */
  | "cell-edit"
  /** A sheet to write or the workbook's structure is protected; nothing was changed. */
  | "protected";

export class ExcelPortError extends Error {
  readonly kind: ExcelPortErrorKind;
  readonly messageJa: string;
  readonly messageEn: string;
  /** Office.js error code of the underlying failure (e.g. "ItemNotFound"), if any. */
  readonly code: string | undefined;
  override readonly cause: unknown;

  constructor(kind: ExcelPortErrorKind, messageJa: string, messageEn: string, cause?: unknown) {
    super(`${messageJa} / ${messageEn}`);
    this.name = "ExcelPortError";
    this.kind = kind;
    this.messageJa = messageJa;
    this.messageEn = messageEn;
    this.cause = cause;
    this.code = officeErrorCode(cause);
  }
}

export class UnsupportedExcelError extends ExcelPortError {
  readonly requiredSet = "ExcelApi 1.7";
  constructor() {
    super(
      "unsupported",
      "このバージョンの Excel では実行できません。ExcelApi 1.7 以降（Microsoft 365、Excel on the web、Office 2021 以降）が必要です。古い Excel ではコマンドライン版（progress-review summarize）をお使いください。",
      "This version of Excel is not supported: ExcelApi 1.7 or later is required (Microsoft 365, Excel on the web, Office 2021 or later). With older Excel, use the command line (progress-review summarize).",
    );
    this.name = "UnsupportedExcelError";
  }
}

export class ExcelWriteError extends ExcelPortError {
  /** Sheets the adapter could not remove (empty when the clean-up succeeded). */
  readonly leftovers: string[];
  /**
   * Generated sheets that were being refreshed in place when the write failed: they may be part-written and are
   * marked incomplete in the workbook; the next recompute redoes them. User sheets are never among them.
   */
  readonly incompleteSheets: string[];
  constructor(cause: unknown, leftovers: string[] = [], incompleteSheets: string[] = []) {
    const detail = isCellEditMode(cause)
      ? `Excel がセルの編集中です。${CELL_EDIT_JA} / ${describeCause(cause)}`
      : officeErrorCode(cause) === "AccessDenied"
        ? `シートまたはブックが保護されています。保護を解除してから、もう一度お試しください。/ ${describeCause(cause)}`
        : describeCause(cause);
    const names = (list: string[]) => list.map((n) => `「${n}」`).join("");
    const incompleteJa = incompleteSheets.length
      ? `集計シート${names(incompleteSheets)}は更新が途中のため不完全です。もう一度「集計を更新」を実行すると作り直されます。`
      : "";
    const incompleteEn = incompleteSheets.length
      ? ` The generated sheets ${incompleteSheets.join(", ")} were being refreshed and are incomplete; recompute again to redo them.`
      : "";
    if (leftovers.length === 0) {
      super(
        "write",
        `集計シートの書き込みに失敗しました。利用者のシートは変更していません。${incompleteJa}（${detail}）`,
        `Writing the summary sheets failed; the user's sheets were not changed.${incompleteEn} (${detail})`,
        cause,
      );
    } else {
      super(
        "write-unrecovered",
        `集計シートの書き込みに失敗し、追加したシートを削除できませんでした。次のシートを確認してください: ${names(leftovers)}${incompleteJa}（${detail}）`,
        `Writing the summary sheets failed and the sheets it added could not be removed. Please check these sheets: ${leftovers.join(", ")}.${incompleteEn} (${detail})`,
        cause,
      );
    }
    this.name = "ExcelWriteError";
    this.leftovers = leftovers;
    this.incompleteSheets = incompleteSheets;
  }
}

/** What the user must do when Excel is in cell-editing mode (pane and ribbon say the same). */
export const CELL_EDIT_JA = "セルの編集を終えてから、もう一度お試しください。";
export const CELL_EDIT_EN = "Finish editing the cell (Enter or Tab), then try again.";

/** Excel refused the request because a cell is being edited (InvalidOperationInCellEditMode); nothing was changed. */
export class CellEditModeError extends ExcelPortError {
  constructor(cause: unknown) {
    super(
      "cell-edit",
      `Excel がセルの編集中のため、実行できませんでした。ブックは変更していません。${CELL_EDIT_JA}`,
      `Excel is editing a cell, so nothing was done; the workbook was not changed. ${CELL_EDIT_EN}`,
      cause,
    );
    this.name = "CellEditModeError";
  }
}

/** A sheet the recompute must write, or the workbook's structure, is protected: refused before anything is written. */
export class ProtectedWorkbookError extends ExcelPortError {
  /** The protected sheets the recompute would write (empty: the workbook's structure). */
  readonly sheets: string[];
  constructor(sheets: string[]) {
    const names = sheets.map((n) => `「${n}」`).join("");
    super(
      "protected",
      sheets.length
        ? `シート${names}が保護されているため、集計を書き込めませんでした。ブックは変更していません。［校閲］タブの［シート保護の解除］のあと、もう一度お試しください。`
        : "ブックの構成が保護されているため、集計シートを追加・削除できませんでした。ブックは変更していません。［校閲］タブの［ブックの保護］を解除してから、もう一度お試しください。",
      sheets.length
        ? `The sheet(s) ${sheets.join(", ")} are protected, so the summary could not be written; the workbook was not changed. Unprotect them (Review > Unprotect Sheet), then try again.`
        : "The workbook's structure is protected, so the summary sheets could not be added or removed; the workbook was not changed. Turn off Review > Protect Workbook, then try again.",
    );
    this.name = "ProtectedWorkbookError";
    this.sheets = sheets;
  }
}

/** True when Excel refused because the user is editing a cell. */
export function isCellEditMode(e: unknown): boolean {
  return officeErrorCode(e) === "InvalidOperationInCellEditMode";
}

export class ExcelReadError extends ExcelPortError {
  constructor(cause: unknown) {
    const detail = describeCause(cause);
    super("read", `ブックを読み取れませんでした。（${detail}）`, `The workbook could not be read. (${detail})`, cause);
    this.name = "ExcelReadError";
  }
}

/**
 * The fields of OfficeExtension.Error the adapter reads, from @types/office-js. Any thrown value may arrive
 * (the simulated host's errors are not OfficeExtension.Error instances), so each is optional and checked.
 */
type OfficeErrorFields = Partial<Pick<OfficeExtension.Error, "code" | "traceMessages" | "debugInfo">>;

function officeErrorFields(e: unknown): OfficeErrorFields {
  return e && typeof e === "object" ? (e as OfficeErrorFields) : {};
}

/** The `code` of an Office.js error (OfficeExtension.Error), if the value carries one. */
export function officeErrorCode(e: unknown): string | undefined {
  const code: unknown = officeErrorFields(e).code;
  return typeof code === "string" ? code : undefined;
}

/** OfficeExtension.Error.traceMessages: the `context.trace` messages the failed batch reached (empty if none). */
export function traceMessagesOf(e: unknown): string[] {
  const traces: unknown = officeErrorFields(e).traceMessages;
  return Array.isArray(traces) ? traces.filter((t): t is string => typeof t === "string") : [];
}

export function describeCause(e: unknown): string {
  if (e instanceof ExcelPortError) return e.messageEn;
  const code = officeErrorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** True for Excel's "the request / response of this sync is too large" failures. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeErrorCode(e) ?? "";
  if (/PayloadSizeLimitExceeded|PayloadTooLarge|RequestTooLarge/i.test(code)) return true;
  const message = e instanceof Error ? e.message : "";
  return /payload size/i.test(message);
}

/** Where Excel says the failing operation was (OfficeExtension.Error.debugInfo.errorLocation), e.g. "Range.getMergedAreasOrNullObject". */
export function errorLocation(e: unknown): string {
  const location: unknown = officeErrorFields(e).debugInfo?.errorLocation;
  return typeof location === "string" ? location : "";
}

/**
 * True for a failure the merged-areas read may have caused (it fails past 512 areas; Excel documents neither the
 * code nor where it is reported): a failure of the operation itself, by code — not a missing sheet, a size limit,
 * a protected sheet or a cell being edited. The caller reads once more without merges; a failure that was not the
 * merges' fails again and is reported.
 */
export function mayBeMergedAreasFailure(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "GeneralException" || code === "InvalidOperation" || code === "InvalidArgument" || code === "NotImplemented";
}
