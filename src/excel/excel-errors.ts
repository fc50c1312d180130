/**
 * Typed errors of the Office.js adapter. Every message is Japanese first,
 * then English, so the task pane and the ribbon command can show it as is.
 */

export type ExcelPortErrorKind =
  /** The Excel in use lacks ExcelApi 1.7 (Office 2016, Office 2019 without updates). */
  | "unsupported"
  /** Reading the workbook failed. */
  | "read"
  /** Writing the generated sheets failed; the workbook was put back as it was. */
  | "write"
  /** Writing failed and putting the workbook back failed too (see leftovers). */
  | "write-unrecovered";

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
  /** Sheets the adapter could not remove or restore (empty when the rollback succeeded). */
  readonly leftovers: string[];
  constructor(cause: unknown, leftovers: string[] = []) {
    const detail = describeCause(cause);
    if (leftovers.length === 0) {
      super(
        "write",
        `集計シートの書き込みに失敗しました。ブックは実行前の状態に戻しました。（${detail}）`,
        `Writing the summary sheets failed; the workbook was restored to its previous state. (${detail})`,
        cause,
      );
    } else {
      const names = leftovers.map((n) => `「${n}」`).join("");
      super(
        "write-unrecovered",
        `集計シートの書き込みに失敗し、元に戻すこともできませんでした。次のシートを確認してください: ${names}（${detail}）`,
        `Writing the summary sheets failed and the workbook could not be fully restored. Please check these sheets: ${leftovers.join(", ")} (${detail})`,
        cause,
      );
    }
    this.name = "ExcelWriteError";
    this.leftovers = leftovers;
  }
}

export class ExcelReadError extends ExcelPortError {
  constructor(cause: unknown) {
    const detail = describeCause(cause);
    super("read", `ブックを読み取れませんでした。（${detail}）`, `The workbook could not be read. (${detail})`, cause);
    this.name = "ExcelReadError";
  }
}

/** The `code` of an Office.js error (OfficeExtension.Error), if the value carries one. */
export function officeErrorCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
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
  const info = e && typeof e === "object" ? (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo : undefined;
  return typeof info?.errorLocation === "string" ? info.errorLocation : "";
}

/** True when the merged-areas read failed (it does past 512 areas), not the batch as a whole. */
export function isMergedAreasFailure(e: unknown): boolean {
  if (/getMergedAreas/i.test(errorLocation(e))) return true;
  const message = e instanceof Error ? e.message : "";
  return /merged areas/i.test(message);
}
