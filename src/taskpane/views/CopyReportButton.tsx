/**
 * 「報告書用にコピー」: the report's tables — 表3-N of every evaluation and the 表4-N list, as the report
 * export prints them, with their captions — on the clipboard as HTML tables (Word pastes real tables)
 * and as tab-separated text.
 */
import { useState } from "react";
import { Button, Caption1, makeStyles } from "@fluentui/react-components";
import type { Rules } from "../../core/model/settings";
import type { ReviewResult } from "../../core/run-review";
import { sheetLabels } from "../../core/i18n/sheet-labels";
import { reportTablesForClipboard, type ReportClipboard } from "../../core/plan/report-html";
import { useMessages } from "../i18n/i18n";

/** What 「報告書用にコピー」 puts on the clipboard, in the report's language (the rules'), as the export prints it. */
export function reportClipboardOf(result: ReviewResult, rules: Rules): ReportClipboard {
  return reportTablesForClipboard(result.summary.evaluations, rules, sheetLabels(rules.language), result.wording);
}

export async function copyReportTables({ html, text }: ReportClipboard): Promise<void> {
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return;
  }
  // Older webviews: the copy event lets us put both forms on the clipboard.
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData("text/html", html);
    e.clipboardData?.setData("text/plain", text);
    e.preventDefault();
  };
  document.addEventListener("copy", onCopy);
  try {
    if (!document.execCommand("copy")) throw new Error("copy refused");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
}

// Inside ResultView's row of report actions: the buttons side by side, messages below them.
const useStyles = makeStyles({
  below: { margin: 0, flexBasis: "100%", order: 1 },
});

export function CopyReportButton({ result, rules }: { result: ReviewResult; rules: Rules }) {
  const { t } = useMessages();
  const styles = useStyles();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        onClick={() => {
          copyReportTables(reportClipboardOf(result, rules)).then(
            () => setStatus("copied"),
            () => setStatus("failed"),
          );
        }}
      >
        {t.copyReport}
      </Button>
      <Caption1 as="p" role="status" aria-live="polite" className={styles.below}>
        {status === "copied" ? t.copied : status === "failed" ? t.copyFailed : ""}
      </Caption1>
    </>
  );
}
