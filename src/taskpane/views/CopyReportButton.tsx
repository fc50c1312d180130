/** 「報告書用にコピー」: 表3-1 on the clipboard as an HTML table and as plain text. */
import { useState } from "react";
import { Button, Caption1, makeStyles } from "@fluentui/react-components";
import type { Evaluation } from "../../core/model/summary";
import { REPORT_LABELS_EN, REPORT_LABELS_JA, reportTableHtml, reportTableText } from "../../core/pane/report-table";
import { useMessages, type PaneLanguage } from "../i18n/i18n";

export async function copyReportTable(ev: Evaluation, lang: PaneLanguage): Promise<void> {
  const labels = lang === "en" ? REPORT_LABELS_EN : REPORT_LABELS_JA;
  const html = reportTableHtml(ev, labels);
  const text = reportTableText(ev, labels);
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

export function CopyReportButton({ ev, lang }: { ev: Evaluation; lang: PaneLanguage }) {
  const { t } = useMessages();
  const styles = useStyles();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        onClick={() => {
          copyReportTable(ev, lang).then(
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
