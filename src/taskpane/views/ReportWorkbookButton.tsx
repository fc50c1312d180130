/**
 * 「報告書用ブックを作成」: a workbook with only the generated sheets (the CLI's --report), opened
 * in a new Excel window or downloaded, as the host allows (PaneHost.openReportWorkbook).
 * The builder (ExcelJS + the chart parts) loads on demand: it is not part of what Excel loads
 * when the pane opens.
 */
import { useRef, useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
} from "@fluentui/react-components";
import type { SheetPlan } from "../../core/model/sheet-plan";
import { ReportWorkbookUnavailableError, type PaneHost, type ReportWorkbookOutcome } from "../host/pane-host";
import { describeError } from "../host/pane-errors";
import { useMessages } from "../i18n/i18n";

export interface ReportWorkbookButtonProps {
  plans: SheetPlan[];
  openReportWorkbook: PaneHost["openReportWorkbook"];
  /** A recompute is running: the plans are about to change. */
  disabled?: boolean;
}

// Inside ResultView's row of report actions: the buttons side by side, messages below them.
const useStyles = makeStyles({
  below: { margin: 0, flexBasis: "100%", order: 1 },
});

type Status =
  | { kind: "idle" }
  | { kind: "building" }
  | { kind: "done"; outcome: ReportWorkbookOutcome }
  | { kind: "failed"; detail: string };

export async function buildReportBytes(plans: SheetPlan[]): Promise<Uint8Array> {
  const { buildReportWorkbook } = await import(/* webpackChunkName: "report-workbook" */ "../../xlsx/report-workbook");
  return buildReportWorkbook(plans);
}

export function ReportWorkbookButton({ plans, openReportWorkbook, disabled = false }: ReportWorkbookButtonProps) {
  const { t, lang } = useMessages();
  const styles = useStyles();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const running = useRef(false);

  const create = async () => {
    if (running.current) return; // a second click while building does nothing
    running.current = true;
    setStatus({ kind: "building" });
    try {
      const bytes = await buildReportBytes(plans);
      setStatus({ kind: "done", outcome: await openReportWorkbook(bytes) });
    } catch (e) {
      if (e instanceof ReportWorkbookUnavailableError)
        setStatus({ kind: "failed", detail: t.reportWorkbookUnavailable });
      else {
        const d = describeError(e, t, lang);
        setStatus({ kind: "failed", detail: `${d.detail} ${d.what}` });
      }
    } finally {
      running.current = false;
    }
  };

  const building = status.kind === "building";
  return (
    <>
      <Button
        disabled={disabled || plans.length === 0 || building}
        icon={building ? <Spinner size="tiny" /> : undefined}
        onClick={() => void create()}
      >
        {building ? t.reportWorkbookBuilding : t.reportWorkbook}
      </Button>
      <Caption1 as="p" role="status" aria-live="polite" className={styles.below}>
        {status.kind === "done"
          ? status.outcome.how === "opened"
            ? t.reportWorkbookOpened
            : status.outcome.tooLarge
              ? t.reportWorkbookTooLarge(status.outcome.fileName)
              : t.reportWorkbookDownloaded(status.outcome.fileName)
          : ""}
      </Caption1>
      {status.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" className={styles.below}>
          <MessageBarBody>
            <MessageBarTitle>{t.reportWorkbookFailed}</MessageBarTitle>
            {status.detail}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setStatus({ kind: "idle" })}>{t.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
