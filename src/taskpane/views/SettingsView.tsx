/**
 * 設定 (loaded on demand): 列の割り当て (the detected table per sheet, each column's role with
 * its confidence, the header row) and 評価基準 (bands, counting, year, directions, sheet names).
 * Both end in rules validated by the `--rules` schema; 保存して集計を更新 stores them in the
 * workbook through a recompute (the settings are written with the generated sheets).
 */
import { useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { COLUMN_ROLES, type ColumnOverride, type ColumnRole, type Rules } from "../../core/model/settings";
import type { ReviewResult } from "../../core/run-review";
import { applyDraft, draftOf, type DraftErrors, type OverrideDraft, type RulesDraft } from "../../core/pane/rules-draft";
import { formatFiscalYearJa } from "../../core/japanese/fiscal-year";
import { columnLetters } from "../../core/a1-address";
import { useMessages } from "../i18n/i18n";
import { ReportSettingsFields } from "./ReportSettingsFields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  // Sticky: 保存して集計を更新 stays in view however long the page (issue 18: 20,000 px on 37 sheets).
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, overflowWrap: "anywhere" },
});

export interface SettingsViewProps {
  rules: Rules;
  result: ReviewResult;
  busy: boolean;
  onApply(rules: Rules): void;
}

export default function SettingsView({ rules, result, busy, onApply }: SettingsViewProps) {
  const { t, lang } = useMessages();
  const styles = useStyles();
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(rules));
  const [overrides, setOverrides] = useState<Record<string, ColumnOverride>>(() => JSON.parse(JSON.stringify(rules.columnOverrides)) as Record<string, ColumnOverride>);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [notes, setNotes] = useState<DraftErrors>({});
  const [filter, setFilter] = useState("");

  const years = useMemo(() => {
    const set = new Set<number>();
    for (const l of result.layouts) for (const c of l.columns) if (typeof c.fiscalYear === "number") set.add(c.fiscalYear);
    for (const ev of result.summary.evaluations) if (ev.fiscalYear !== null) set.add(ev.fiscalYear);
    if (rules.year !== null) set.add(rules.year);
    return [...set].sort((a, b) => b - a);
  }, [result, rules.year]);
  const indicators = useMemo(() => {
    const set = new Set<string>(Object.keys(rules.directionOverrides));
    for (const ev of result.summary.evaluations) for (const i of ev.items) for (const ind of i.indicators) set.add(ind.name);
    return [...set];
  }, [result, rules.directionOverrides]);

  const err = (field: string) => {
    const e = errors[field];
    return e ? (lang === "en" ? e.en : e.ja) : undefined;
  };
  const note = (field: string) => {
    const e = notes[field];
    return e ? (lang === "en" ? e.en : e.ja) : undefined;
  };
  const update = (patch: Partial<RulesDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRole = (sheet: string, col: number, role: ColumnRole) =>
    setOverrides((o) => ({ ...o, [sheet]: { ...(o[sheet] ?? { columns: {} }), columns: { ...(o[sheet]?.columns ?? {}), [String(col)]: role } } }));
  const setHeaderRow = (sheet: string, row: number) =>
    setOverrides((o) => ({ ...o, [sheet]: { ...(o[sheet] ?? { columns: {} }), headerRow: row - 1 } }));
  const yearText = (y: number) => (lang === "en" ? `FY${y}` : formatFiscalYearJa(y));

  const apply = () => {
    const out = applyDraft({ ...rules, columnOverrides: overrides }, draft);
    if (!out.ok) {
      setErrors(out.errors);
      setNotes({});
      return;
    }
    setErrors({});
    setNotes(out.notes);
    onApply(out.rules);
  };

  const roleOptions = COLUMN_ROLES.map((r) => (
    <Option key={r} value={r} text={t.roleNames[r] ?? r}>
      {t.roleNames[r] ?? r}
    </Option>
  ));

  return (
    <div className={styles.root}>
      <Caption1>{t.applyNote}</Caption1>
      <Accordion multiple collapsible defaultOpenItems={["rules"]}>
        <AccordionItem value="columns">
          <AccordionHeader as="h3">{t.columns}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {/* One collapsed section per sheet: a 37-sheet workbook stays a short list of names. */}
            <Accordion multiple collapsible>
              {result.layouts.map((layout) => (
                <AccordionItem key={layout.sheet} value={layout.sheet}>
                  <AccordionHeader as="h4" size="small">
                    {layout.sheet}
                    {layout.columns.some((c) => !c.overridden && c.confidence < 0.8) ? `（${t.lowConfidence}）` : ""}
                  </AccordionHeader>
                  <AccordionPanel>
                    <section className={styles.sheet} aria-label={layout.sheet} data-sheet={layout.sheet}>
                      <Field label={t.headerRow}>
                        <SpinButton
                          min={1}
                          value={(overrides[layout.sheet]?.headerRow ?? layout.headerBottom) + 1}
                          onChange={(_, d) => {
                            const v = d.value ?? Number(d.displayValue);
                            if (Number.isInteger(v) && v >= 1) setHeaderRow(layout.sheet, v);
                          }}
                        />
                      </Field>
                      {layout.columns.map((c) => {
                        const role = (overrides[layout.sheet]?.columns[String(c.col)] as ColumnRole | undefined) ?? c.role;
                        const header = c.header || columnLetters(c.col);
                        const chosen = Boolean(c.overridden || overrides[layout.sheet]?.columns[String(c.col)]);
                        return (
                          <Field
                            key={c.col}
                            label={`${columnLetters(c.col)}: ${t.role(header)}`}
                            hint={chosen ? t.userChosen : t.confidence(Math.round(c.confidence * 100))}
                            validationState={!chosen && c.confidence < 0.8 ? "warning" : "none"}
                          >
                            <Dropdown
                              value={t.roleNames[role] ?? role}
                              selectedOptions={[role]}
                              onOptionSelect={(_, d) => setRole(layout.sheet, c.col, d.optionValue as ColumnRole)}
                            >
                              {roleOptions}
                            </Dropdown>
                          </Field>
                        );
                      })}
                    </section>
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
            {result.skippedSheets.length > 0 && (
              <section className={styles.sheet} aria-label={t.skippedSheets}>
                <Subtitle2 as="h4" className={styles.title}>
                  {t.skippedSheets}
                </Subtitle2>
                {result.skippedSheets.map((s) => (
                  <Caption1 key={s.sheet}>
                    「{s.sheet}」: {lang === "en" ? s.reason : s.reasonJa}
                  </Caption1>
                ))}
              </section>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="rules">
          <AccordionHeader as="h3">{t.rules}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Field label={t.bands}>
              <RadioGroup value={draft.preset} onChange={(_, d) => update({ preset: d.value as RulesDraft["preset"] })}>
                <Radio value="100-80-50" label={t.preset100} />
                <Radio value="110-80-50" label={t.preset110} />
                <Radio value="custom" label={t.presetCustom} />
              </RadioGroup>
            </Field>
            {draft.preset === "custom" &&
              (["A", "B", "C"] as const).map((g, i) => (
                // The field keeps its name (minA…); its label is the scale's own grade (S on an S–C scale).
                <Field
                  key={g}
                  label={t.minOf(rules.bands.length === 4 ? rules.bands[i]!.label : g)}
                  validationMessage={err(`min${g}`)}
                  validationState={err(`min${g}`) ? "error" : "none"}
                >
                  <Input
                    inputMode="decimal"
                    value={draft.mins[i]}
                    onChange={(_, d) => {
                      const mins = [...draft.mins] as RulesDraft["mins"];
                      mins[i] = d.value;
                      update({ mins });
                    }}
                  />
                </Field>
              ))}
            <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-label={t.bandOverrides}>
              <legend>
                <Subtitle2>{t.bandOverrides}</Subtitle2>
              </legend>
              <Caption1>{t.bandOverridesHint}</Caption1>
              {draft.bandOverrides.map((o, i) => {
                const at = `bandOverrides.${i}`;
                const labels = rules.bands.length === 4 ? rules.bands.map((b) => b.label) : ["A", "B", "C", "D"];
                const set = (patch: Partial<OverrideDraft>) =>
                  update({ bandOverrides: draft.bandOverrides.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
                return (
                  <div key={i} className={styles.sheet} data-override={i}>
                    <RadioGroup layout="horizontal" value={o.by} onChange={(_, d) => set({ by: d.value as OverrideDraft["by"] })}>
                      <Radio value="indicator" label={t.overrideByIndicator} />
                      <Radio value="target" label={t.overrideByTarget} />
                    </RadioGroup>
                    <Field
                      label={o.by === "indicator" ? t.overrideByIndicator : t.overrideByTarget}
                      validationMessage={err(`${at}.value`)}
                      validationState={err(`${at}.value`) ? "error" : "none"}
                    >
                      <Input
                        value={o.value}
                        inputMode={o.by === "target" ? "decimal" : "text"}
                        list={o.by === "indicator" ? "progress-review-indicators" : undefined}
                        onChange={(_, d) => set({ value: d.value })}
                      />
                    </Field>
                    {[0, 1, 2].map((j) => (
                      <Field
                        key={j}
                        label={t.minOf(labels[j]!)}
                        validationMessage={err(`${at}.min${j}`)}
                        validationState={err(`${at}.min${j}`) ? "error" : "none"}
                      >
                        <Input
                          inputMode="decimal"
                          value={o.mins[j]}
                          onChange={(_, d) => {
                            const mins = [...o.mins] as OverrideDraft["mins"];
                            mins[j] = d.value;
                            set({ mins });
                          }}
                        />
                      </Field>
                    ))}
                    <Button size="small" onClick={() => update({ bandOverrides: draft.bandOverrides.filter((_, k) => k !== i) })}>
                      {t.overrideRemove}
                    </Button>
                  </div>
                );
              })}
              <datalist id="progress-review-indicators">
                {indicators.map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
              <Button
                size="small"
                onClick={() =>
                  update({ bandOverrides: [...draft.bandOverrides, { by: "target", value: "100", mins: ["100", "90", "60"] }] })
                }
              >
                {t.overrideAdd}
              </Button>
            </fieldset>
            <Field label={t.countBy}>
              <RadioGroup value={draft.count} onChange={(_, d) => update({ count: d.value as RulesDraft["count"] })}>
                <Radio value="items" label={t.countItems} />
                <Radio value="indicators" label={t.countIndicators} />
              </RadioGroup>
            </Field>
            <Field label={t.year} validationMessage={err("year")} validationState={err("year") ? "error" : "none"}>
              <Dropdown
                value={draft.year === null ? t.yearLatest : yearText(draft.year)}
                selectedOptions={[draft.year === null ? "latest" : String(draft.year)]}
                onOptionSelect={(_, d) => update({ year: d.optionValue === "latest" ? null : Number(d.optionValue) })}
              >
                <Option value="latest">{t.yearLatest}</Option>
                {years.map((y) => (
                  <Option key={y} value={String(y)} text={yearText(y)}>
                    {yearText(y)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {indicators.length > 0 && (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend>
                  <Subtitle2>{t.directions}</Subtitle2>
                </legend>
                {indicators.length > 8 && (
                  <Field label={t.directionFilter}>
                    <Input value={filter} onChange={(_, d) => setFilter(d.value)} type="search" />
                  </Field>
                )}
                {indicators
                  .filter((n) => !filter || n.includes(filter))
                  .slice(0, 30)
                  .map((name) => {
                    const v = draft.directionOverrides[name] ?? "auto";
                    const text = v === "higher" ? t.directionHigher : v === "lower" ? t.directionLower : t.directionAuto;
                    return (
                      <Field key={name} label={name}>
                        <Dropdown
                          value={text}
                          selectedOptions={[v]}
                          onOptionSelect={(_, d) => {
                            const next = { ...draft.directionOverrides };
                            if (d.optionValue === "auto") delete next[name];
                            else next[name] = d.optionValue as "higher" | "lower";
                            update({ directionOverrides: next });
                          }}
                        >
                          <Option value="auto">{t.directionAuto}</Option>
                          <Option value="higher">{t.directionHigher}</Option>
                          <Option value="lower">{t.directionLower}</Option>
                        </Dropdown>
                      </Field>
                    );
                  })}
              </fieldset>
            )}
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>
                <Subtitle2>{t.sheetNames}</Subtitle2>
              </legend>
              {(
                [
                  ["summary", t.sheetSummary],
                  ["list", t.sheetList],
                  ["review", t.sheetReview],
                ] as const
              ).map(([key, label]) => {
                const field = `sheetNames.${key}`;
                const problem = err(field) ?? note(field);
                return (
                  <Field key={key} label={label} validationMessage={problem} validationState={err(field) ? "error" : note(field) ? "warning" : "none"}>
                    <Input value={draft.sheetNames[key]} onChange={(_, d) => update({ sheetNames: { ...draft.sheetNames, [key]: d.value } })} />
                  </Field>
                );
              })}
            </fieldset>
            <ReportSettingsFields value={draft.report} onChange={(report) => update({ report })} currentNoun={result.wording.noun} error={err} />
            {err("rules") && (
              <Caption1 role="alert">{err("rules")}</Caption1>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={apply}>
          {t.apply}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            setDraft(draftOf(rules));
            setOverrides(JSON.parse(JSON.stringify(rules.columnOverrides)) as Record<string, ColumnOverride>);
            setErrors({});
            setNotes({});
          }}
        >
          {t.reset}
        </Button>
      </div>
    </div>
  );
}

