/**
 * 要確認: every disagreement, excluded and unreadable row with its reason, filterable.
 * Activating a row (click or Enter) selects its source cell in the workbook.
 */
import { useMemo, useState, type KeyboardEvent } from "react";
import {
  Body1,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Field,
  Select,
  Badge,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import type { Evaluation, ReviewEntry } from "../../core/model/summary";
import { REVIEW_KINDS, reasonEn, reasonJa, reviewKind, type ReviewKind } from "../../core/pane/review-kind";
import { useMessages } from "../i18n/i18n";

type Filter = "all" | ReviewKind;

interface Row extends ReviewEntry {
  id: string;
  kind: ReviewKind;
  text: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { cursor: "pointer", minHeight: "44px" },
  where: { whiteSpace: "nowrap" },
  reason: { overflowWrap: "anywhere" },
});

export default function ReviewView({ ev, onActivate }: { ev: Evaluation; onActivate: (sheet: string, row: number) => void }) {
  const { t, lang } = useMessages();
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>("all");
  const rows: Row[] = useMemo(
    () =>
      [...ev.review, ...(ev.checks ?? [])].map((r, i) => ({
        ...r,
        id: `${i}`,
        kind: reviewKind(r),
        text: lang === "en" ? reasonEn(r.reason) : reasonJa(r.reason),
      })),
    [ev, lang],
  );
  const shown = filter === "all" ? rows : rows.filter((r) => r.kind === filter);
  const label: Record<Filter, string> = {
    all: t.filterAll,
    disagreement: t.filterDisagreement,
    excluded: t.filterExcluded,
    unreadable: t.filterUnreadable,
    badGrade: t.filterBadGrade,
    dropped: t.filterDropped,
    gradeWithoutActual: t.filterGradeWithoutActual,
    actualWithoutGrade: t.filterActualWithoutGrade,
    shareOver100: t.filterShareOver100,
    unitDiffers: t.filterUnitDiffers,
    targetChanged: t.filterTargetChanged,
  };
  const count = (f: Filter) => (f === "all" ? rows.length : rows.filter((r) => r.kind === f).length);
  const columns: TableColumnDefinition<Row>[] = [
    createTableColumn<Row>({
      columnId: "where",
      renderHeaderCell: () => `${t.sheet} / ${t.row}`,
      renderCell: (r) => (
        <span className={styles.where}>
          {r.sheet} {r.row}
        </span>
      ),
    }),
    createTableColumn<Row>({
      columnId: "reason",
      renderHeaderCell: () => t.reason,
      renderCell: (r) => (
        <span className={styles.reason}>
          <Badge appearance="outline" size="small">
            {t.badge[r.kind]}
          </Badge>{" "}
          {r.text}
        </span>
      ),
    }),
  ];
  return (
    <div className={styles.root}>
      <Field label={t.reviewFilter}>
        <Select value={filter} onChange={(_, d) => setFilter(d.value as Filter)}>
          {/* The three kinds every workbook has, and any other kind that is present. */}
          {(["all", ...REVIEW_KINDS] as Filter[])
            .filter((f) => f === "all" || f === "disagreement" || f === "excluded" || f === "unreadable" || count(f) > 0)
            .map((f) => (
            <option key={f} value={f}>
              {`${label[f]} (${count(f)})`}
            </option>
          ))}
        </Select>
      </Field>
      {shown.length === 0 ? (
        <Body1>{t.reviewEmpty}</Body1>
      ) : (
        <DataGrid items={shown} columns={columns} focusMode="row_unstable" getRowId={(r: Row) => r.id} aria-label={`${t.tabs.review}. ${t.selectHint}`} columnSizingOptions={{ where: { idealWidth: 90, minWidth: 70 } }} resizableColumns={false}>
          <DataGridHeader>
            <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
          </DataGridHeader>
          <DataGridBody<Row>>
            {({ item, rowId }) => (
              <DataGridRow<Row>
                key={rowId}
                className={styles.row}
                data-review-row={`${item.sheet}!${item.row}`}
                onClick={() => onActivate(item.sheet, item.row)}
                onKeyDown={(e: KeyboardEvent) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onActivate(item.sheet, item.row);
                  }
                }}
              >
                {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
              </DataGridRow>
            )}
          </DataGridBody>
        </DataGrid>
      )}
    </div>
  );
}
