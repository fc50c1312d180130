/**
 * 結果: per evaluation, a card per group and one for the total with the 表3-1 counts
 * (A–D, evaluated, excluded, A+B %) and a chart of the same numbers; warnings and skipped sheets.
 */
import { useState } from "react";
import {
  Body1,
  Caption1,
  Card,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Evaluation, GroupSummary } from "../../core/model/summary";
import type { ReviewResult } from "../../core/run-review";
import { DEFAULT_RULES, type Rules } from "../../core/model/settings";
import { useMessages } from "../i18n/i18n";
import { GradeChart } from "./GradeChart";
import { CopyReportButton } from "./CopyReportButton";
import { ReportWorkbookButton } from "./ReportWorkbookButton";
import type { PaneHost } from "../host/pane-host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", fontSize: tokens.fontSizeBase300 },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: "2px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& > div": { display: "flex", gap: tokens.spacingHorizontalXS },
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  cell: { textAlign: "right", padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { textAlign: "right", padding: "2px 4px", fontWeight: tokens.fontWeightSemibold },
  name: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // The report actions side by side (wrapping at narrow widths); their messages go below (order 1).
  // A small row gap: the (usually empty) message lines below the buttons each add one.
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
});

function GroupCard({
  name,
  block,
  total,
  order,
}: {
  name: string;
  block: Omit<GroupSummary, "name">;
  total?: boolean;
  /** The scale best first (a 5…1 scale's keys come out 1…5 from the object). */
  order?: string[];
}) {
  const styles = useStyles();
  const { t } = useMessages();
  const grades = order ?? Object.keys(block.counts);
  return (
    <Card className={styles.card} appearance={total ? "filled-alternative" : "filled"} aria-label={name}>
      <Subtitle2 as="h3" className={styles.name}>
        {name}
      </Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            {grades.map((g) => (
              <th key={g} scope="col" className={styles.head}>
                {g}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {grades.map((g) => (
              <td key={g} className={styles.cell} data-grade={g}>
                {block.counts[g]}
              </td>
            ))}
          </tr>
          <tr>
            {grades.map((g) => (
              <td key={g} className={styles.cell}>
                {block.percent[g]}%
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <dl className={styles.facts}>
        <div>
          <dt>{t.evaluated}</dt>
          <dd data-field="evaluated">{block.evaluated}</dd>
        </div>
        <div>
          <dt>{t.excluded}</dt>
          <dd data-field="excluded">{block.excluded}</dd>
        </div>
        <div>
          <dt>{t.aOrB}</dt>
          <dd data-field="aOrB">{block.aOrBPercent === null ? "-" : `${block.aOrBPercent}%`}</dd>
        </div>
      </dl>
      <GradeChart label={name} counts={block.counts} order={grades} />
    </Card>
  );
}

export function EvaluationView({ ev }: { ev: Evaluation }) {
  const { t } = useMessages();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={`${t.evaluation} ${ev.label}`} data-evaluation={ev.label}>
      <GroupCard name={t.total} block={ev.total} total order={ev.grades} />
      {ev.groups.map((g) => (
        <GroupCard key={g.name} name={g.name} block={g} order={ev.grades} />
      ))}
    </section>
  );
}

export interface ResultViewProps {
  result: ReviewResult;
  onEvaluation?: (index: number) => void;
  /** The host's report workbook door; without it (outside Excel) the button is not shown. */
  openReportWorkbook?: PaneHost["openReportWorkbook"];
  /** A recompute is running. */
  busy?: boolean;
  /** The rules the result was made with (the report's wording and numbering); the defaults without. */
  rules?: Rules;
}

export function ResultView({ result, onEvaluation, openReportWorkbook, busy = false, rules = DEFAULT_RULES }: ResultViewProps) {
  const { t, lang } = useMessages();
  const styles = useStyles();
  const evaluations = result.summary.evaluations;
  const [index, setIndex] = useState(0);
  const ev = evaluations[Math.min(index, evaluations.length - 1)];
  return (
    <div className={styles.root}>
      {evaluations.length === 0 && <Body1>{t.noEvaluations}</Body1>}
      {evaluations.length > 1 && (
        <Field label={t.evaluation}>
          <Select
            value={String(index)}
            onChange={(_, d) => {
              setIndex(Number(d.value));
              onEvaluation?.(Number(d.value));
            }}
          >
            {evaluations.map((e, i) => (
              <option key={i} value={String(i)}>
                {e.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {ev && (
        <div className={styles.actions}>
          <CopyReportButton result={result} rules={rules} />
          {openReportWorkbook && <ReportWorkbookButton plans={result.reportPlans} openReportWorkbook={openReportWorkbook} disabled={busy} />}
        </div>
      )}
      {ev && <EvaluationView ev={ev} />}
      {result.warnings.length > 0 && (
        <section aria-label={t.warnings}>
          <Subtitle2 as="h3">{t.warnings}</Subtitle2>
          <ul className={styles.list}>
            {result.warnings.map((w, i) => (
              <li key={i}>
                <Caption1>{w}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.skippedSheets.length > 0 && (
        <section aria-label={t.skippedSheets}>
          <Subtitle2 as="h3">{t.skippedSheets}</Subtitle2>
          <ul className={styles.list}>
            {result.skippedSheets.map((s) => (
              <li key={s.sheet}>
                <Caption1>
                  「{s.sheet}」: {lang === "en" ? s.reason : s.reasonJa}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
