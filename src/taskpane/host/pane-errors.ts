/**
 * An error from Excel or the adapter → what the pane shows: the message in the pane's language
 * and what the user can do about it.
 */
import { ExcelPortError, officeErrorCode } from "../../excel/excel-errors";
import type { Messages } from "../i18n/messages-ja";
import type { PaneLanguage } from "../i18n/i18n";

export interface PaneError {
  title: string;
  detail: string;
  what: string;
}


export function describeError(e: unknown, t: Messages, lang: PaneLanguage): PaneError {
  const code = officeErrorCode(e) ?? "";
  const text = e instanceof ExcelPortError ? (lang === "en" ? e.messageEn : e.messageJa) : e instanceof Error ? e.message : String(e);
  let what = t.errorWhat.other;
  if (e instanceof ExcelPortError && e.kind === "unsupported") what = t.errorWhat.unsupported;
  else if (e instanceof ExcelPortError && e.kind === "protected") what = t.errorWhat.protected;
  else if (e instanceof ExcelPortError && e.kind === "cell-edit") what = t.errorWhat.busy;
  else if (/PayloadSizeLimitExceeded|PayloadTooLarge|RequestTooLarge/i.test(code) || /payload size/i.test(text)) what = t.errorWhat.payload;
  else if (/AccessDenied|protected/i.test(code) || /protected/i.test(text)) what = t.errorWhat.protected;
  else if (/InvalidOperationInCellEditMode|CellEditMode/i.test(code) || /edit mode/i.test(text)) what = t.errorWhat.busy;
  return { title: t.errorTitle, detail: text, what };
}
