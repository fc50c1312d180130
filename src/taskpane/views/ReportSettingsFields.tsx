/**
 * 設定 › 報告書: the report's wording and numbering (rules.report) — the item noun, the first 表 / 図
 * numbers and the list's, the total row, the notes, whether the reviewers' sheets go into the
 * report export, and the movement table (上昇 / 維持 / 低下) under 表3-N. A part of SettingsView's
 * form; the draft is validated with the rest (rules-draft.ts).
 */
import { Checkbox, Dropdown, Field, Input, Option, Subtitle2 } from "@fluentui/react-components";
import type { ReportDraft } from "../../core/pane/report-draft";
import { useMessages } from "../i18n/i18n";

export interface ReportSettingsFieldsProps {
  value: ReportDraft;
  onChange(value: ReportDraft): void;
  /** The noun in use now (read from the sheets when the field is blank). */
  currentNoun: string;
  /** Field → message, for the keys `report.<field>`. */
  error(field: string): string | undefined;
}

export function ReportSettingsFields({ value, onChange, currentNoun, error }: ReportSettingsFieldsProps) {
  const { t } = useMessages();
  const set = (patch: Partial<ReportDraft>) => onChange({ ...value, ...patch });
  const state = (field: string) => (error(field) ? "error" : "none");
  const notes = { all: t.reportNotesAll, excluded: t.reportNotesExcluded, none: t.reportNotesNone } as const;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: 8 }}>
      <legend>
        <Subtitle2>{t.report}</Subtitle2>
      </legend>
      <Field label={t.reportNoun} validationMessage={error("report.itemNoun")} validationState={state("report.itemNoun")}>
        <Input value={value.itemNoun} placeholder={t.reportNounPlaceholder(currentNoun)} onChange={(_, d) => set({ itemNoun: d.value })} />
      </Field>
      {(
        [
          ["summaryTables", t.reportTables, "表"],
          ["figures", t.reportFigures, "図"],
          ["listTable", t.reportList, "表"],
        ] as const
      ).map(([key, label, prefix]) => (
        <Field key={key} label={label} validationMessage={error(`report.${key}`)} validationState={state(`report.${key}`)}>
          <Input contentBefore={prefix} value={value[key]} onChange={(_, d) => set({ [key]: d.value })} />
        </Field>
      ))}
      <Checkbox checked={value.totalRow} label={t.reportTotalRow} onChange={(_, d) => set({ totalRow: d.checked === true })} />
      <Field label={t.reportNotes}>
        <Dropdown
          value={notes[value.notes]}
          selectedOptions={[value.notes]}
          onOptionSelect={(_, d) => set({ notes: d.optionValue as ReportDraft["notes"] })}
        >
          {(Object.keys(notes) as ReportDraft["notes"][]).map((k) => (
            <Option key={k} value={k}>
              {notes[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        checked={value.includeReviewSheets}
        label={t.reportReviewSheets}
        onChange={(_, d) => set({ includeReviewSheets: d.checked === true })}
      />
      <Checkbox
        checked={value.movementTable}
        label={t.reportMovement}
        onChange={(_, d) => set({ movementTable: d.checked === true })}
      />
    </fieldset>
  );
}
