/**
 * この行: the item on the selected row — indicators with target and actual as read, R, the
 * suggested grade and why, the department's own grade. A lookup in the last result: selecting a
 * cell reads nothing from the workbook.
 */
import { Body1, Card, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorResult } from "../../core/model/summary";
import type { RowHit } from "../../core/pane/row-index";
import { nextGradeText } from "../../core/i18n/next-grade-text";
import { useMessages } from "../i18n/i18n";
import type { Messages } from "../i18n/messages-ja";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXS },
  dl: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, overflowWrap: "anywhere" },
  title: { margin: 0, overflowWrap: "anywhere" },
});

export function formatValue(v: number | null, unit: string | null): string {
  if (v === null) return "-";
  if (unit === "%") return `${Math.round(v * 100000) / 1000}%`;
  return `${v.toLocaleString("ja-JP", { maximumFractionDigits: 4 })}${unit ?? ""}`;
}

function achievementText(ind: IndicatorResult): string {
  if (ind.achievement === null) return "-";
  return `${(Math.round(ind.achievement * 1000) / 10).toFixed(1)}%`;
}

function indicatorReason(ind: IndicatorResult, lang: string): string {
  return lang === "en" ? ind.reason : (ind.reasonJa ?? ind.reason);
}

/** 「C まであと 4.0 ポイント（実績 10.0% 以上で C）」, 目標未設定, or nothing above the top grade (the list's words too). */
export function toNextText(ind: IndicatorResult, t: Messages): string {
  return nextGradeText(ind, { ...t, notGraded: "-" });
}

export function ThisRowView({ selection, hits }: { selection: { sheet: string; row: number } | null; hits: RowHit[] }) {
  const { t, lang } = useMessages();
  const styles = useStyles();
  if (!selection) return <Body1>{t.rowHint}</Body1>;
  if (hits.length === 0) return <Body1>{t.rowNone(selection.sheet, selection.row)}</Body1>;
  return (
    <div className={styles.root}>
      {hits.map(({ evaluation, item }) => (
        <Card key={evaluation} className={styles.card} aria-label={`${evaluation} ${item.name}`}>
          <Caption1>
            {t.evaluation} {evaluation} · {item.sheet} {item.row}
          </Caption1>
          <Subtitle2 as="h3" className={styles.title}>
            {item.key ? `${item.key} ` : ""}
            {item.name}
          </Subtitle2>
          <dl className={styles.dl}>
            <dt className={styles.dt}>{t.suggested}</dt>
            <dd className={styles.dd} data-field="suggested">{item.suggestedGrade ?? t.notGraded}</dd>
            <dt className={styles.dt}>{t.selfGrade}</dt>
            <dd className={styles.dd} data-field="self">{item.selfGrade ?? "-"}</dd>
            <dt className={styles.dt}>{t.adopted}</dt>
            <dd className={styles.dd} data-field="adopted">{item.grade ?? `${t.notGraded}${item.excludedReason ? `（${item.excludedReason}）` : ""}`}</dd>
            {item.history && item.history.length > 1 && (
              <>
                <dt className={styles.dt}>{t.history}</dt>
                <dd className={styles.dd} data-field="history">
                  {item.history.map((h) => `${h.label} ${h.grade ?? t.notGraded}`).join(" → ")}
                </dd>
              </>
            )}
          </dl>
          {item.indicators.map((ind, i) => (
            <section key={i} aria-label={`${t.indicator} ${ind.name}`}>
              <Body1 as="h4" style={{ margin: 0, fontWeight: 600 }}>
                {ind.name}
              </Body1>
              <dl className={styles.dl}>
                <dt className={styles.dt}>{t.target}</dt>
                <dd className={styles.dd}>{formatValue(ind.target, ind.unit)}</dd>
                <dt className={styles.dt}>{t.actual}</dt>
                <dd className={styles.dd}>{formatValue(ind.actual, ind.actualUnit ?? ind.unit)}</dd>
                <dt className={styles.dt}>{t.achievement}</dt>
                <dd className={styles.dd}>{achievementText(ind)}</dd>
                <dt className={styles.dt}>{t.reason}</dt>
                <dd className={styles.dd}>{indicatorReason(ind, lang)}</dd>
                <dt className={styles.dt}>{t.toNext}</dt>
                <dd className={styles.dd} data-field="to-next">
                  {toNextText(ind, t)}
                </dd>
              </dl>
            </section>
          ))}
        </Card>
      ))}
    </div>
  );
}

// The pane loads it on demand (App.tsx, lazyView).
export default ThisRowView;
