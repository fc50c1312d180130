/**
 * The task pane: recompute with progress, the result, the review list, "This row" and the
 * settings. All workbook access goes through `host` (PaneHost), i.e. Office.js.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { DEFAULT_RULES, type Rules } from "../core/model/settings";
import { RowIndex } from "../core/pane/row-index";
import type { PaneHost } from "./host/pane-host";
import { describeError } from "./host/pane-errors";
import { useMessages } from "./i18n/i18n";
import { initialState, paneReducer } from "./state/pane-state";
import { ResultView } from "./views/ResultView";
import { lazyView } from "./views/LazyView";

// The views not shown on open load on demand (not part of what Excel loads first): the settings (and their
// form controls), the review list (Fluent's DataGrid) and この行.
const SettingsView = lazyView(() => import(/* webpackChunkName: "settings" */ "./views/SettingsView"));
const ReviewView = lazyView(() => import(/* webpackChunkName: "review" */ "./views/ReviewView"));
const ThisRowView = lazyView(() => import(/* webpackChunkName: "this-row" */ "./views/ThisRowView"));

const SELECTION_DEBOUNCE_MS = 100;
// この行 follows what the user types: one read of the workbook after a pause in the edits, nothing written.
const LIVE_DEBOUNCE_MS = 600;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingRight: "40px" },
  title: { margin: 0 },
  recompute: { minHeight: "44px" },
  // Four tabs fit 320 px with tighter padding; medium tabs keep their 44 px height (touch target).
  tabs: { flexWrap: "wrap", columnGap: 0, "& > button": { paddingLeft: "2px", paddingRight: "2px", columnGap: 0 } },
  panel: { outline: "none" },
  // After 集計を更新 focus lands here: a heading the user sees, with a focus ring they can see too.
  panelHeading: {
    ...typographyStyles.subtitle2,
    display: "block",
    margin: `0 0 ${tokens.spacingVerticalS}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
});

type TabId = "result" | "review" | "row" | "settings";

export interface AppProps {
  host: PaneHost;
  /** False outside Office (a plain browser): a note says so. */
  inExcel?: boolean;
}

/** The adapter's notes carry both languages (「…。/ …」): the pane shows the one it speaks. */
function noteIn(note: string, lang: string): string {
  const [ja, en] = note.split(/ ?\/ (?=[A-Za-z])/);
  return lang === "en" && en ? en : ja!;
}

/** A warning whose remedy is 集計を更新 (the last run was incomplete, or the data changed since). */
function RecomputeBar(p: { text: string; label: string; disabled: boolean; onRecompute: () => Promise<void> }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{p.text}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void p.onRecompute()} disabled={p.disabled}>
          {p.label}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export default function App({ host, inExcel = true }: AppProps) {
  const styles = useStyles();
  const { t, lang } = useMessages();
  const [state, dispatch] = useReducer(paneReducer, initialState);
  const [tab, setTab] = useState<TabId>("result");
  const [evaluation, setEvaluation] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const running = useRef(false);
  const rowTabOpen = useRef(false);
  rowTabOpen.current = tab === "row";

  useEffect(() => {
    let cancelled = false;
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let liveTimer: ReturnType<typeof setTimeout> | undefined;
    if (!inExcel) {
      dispatch({ type: "idle" });
      return;
    }
    host.open().then(
      (o) => !cancelled && dispatch({ type: "opened", result: o.result, rules: o.rules, generated: o.generated, stale: o.stale, incomplete: o.incomplete, notes: o.notes }),
      (e) => !cancelled && dispatch({ type: "failed", error: describeError(e, t, lang) }),
    );
    host
      .watch({
        selection(sheet, row, col) {
          clearTimeout(timer);
          timer = setTimeout(() => dispatch({ type: "selected", sheet, row, col }), SELECTION_DEBOUNCE_MS);
        },
        changed() {
          dispatch({ type: "sourceChanged" });
          if (!rowTabOpen.current) return;
          clearTimeout(liveTimer);
          liveTimer = setTimeout(() => {
            if (running.current || cancelled) return;
            host.open().then(
              (o) => !cancelled && dispatch({ type: "live", result: o.result }),
              () => undefined, // この行 keeps the last result; the stale banner already says to recompute
            );
          }, LIVE_DEBOUNCE_MS);
        },
      })
      .then(
        (remove) => {
          // StrictMode unmounts at once: a late registration is removed straight away.
          if (cancelled) void remove();
          else stop = remove;
        },
        () => undefined, // events are a convenience; the pane works without them
      );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearTimeout(liveTimer);
      if (stop) void stop();
    };
    // Opens once per host: t and lang are fixed for the life of the pane.
  }, [host, inExcel]);

  const recompute = useCallback(
    async (rules?: Rules) => {
      if (running.current) return; // a second click does nothing
      running.current = true;
      dispatch({ type: "start" });
      const use = rules ?? state.rules ?? DEFAULT_RULES;
      try {
        const out = await host.recompute(use, (step, fraction) => dispatch({ type: "progress", step, fraction }));
        dispatch({ type: "finished", result: out.result, rules: use, generated: out.generated, notes: out.notes });
        setTab("result");
        setTimeout(() => resultHeading.current?.focus(), 0);
      } catch (e) {
        dispatch({ type: "failed", error: describeError(e, t, lang) });
      } finally {
        running.current = false;
      }
    },
    [host, state.rules, t, lang],
  );

  const index = useMemo(() => (state.result ? new RowIndex(state.result.summary) : null), [state.result]);
  const liveIndex = useMemo(() => (state.live ? new RowIndex(state.live.summary) : null), [state.live]);
  const rowIndex = liveIndex ?? index;
  const hits = state.selection && rowIndex ? rowIndex.lookup(state.selection.sheet, state.selection.row) : [];
  const evaluations = state.result?.summary.evaluations ?? [];
  const ev = evaluations[Math.min(evaluation, Math.max(0, evaluations.length - 1))];
  const busy = state.status !== "ready";
  const progress = state.progress;

  return (
    <main className={styles.root} aria-busy={state.status === "running"}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {t.appTitle}
        </Title3>
        <Button appearance="primary" className={styles.recompute} disabled={busy || !inExcel} onClick={() => void recompute()}>
          {state.status === "running" ? t.recomputing : t.recompute}
        </Button>
        {progress && (
          <Field label={t.progressLabel} hint={t.step[progress.step]} validationState="none">
            <ProgressBar value={progress.fraction} max={1} thickness="large" />
          </Field>
        )}
        <Caption1 as="p" role="status" aria-live="polite" className={styles.note}>
          {state.status === "loading" ? t.loading : state.runs > 0 && !progress ? t.done(state.generated.join("・")) : ""}
        </Caption1>
      </header>

      {state.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.error.title}</MessageBarTitle>
            {state.error.detail} {state.error.what}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => dispatch({ type: "dismissError" })}>{t.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.incomplete && state.status !== "running" && (
        <RecomputeBar text={t.incomplete} label={t.recompute} disabled={busy} onRecompute={recompute} />
      )}
      {state.stale && state.status !== "running" && (
        <RecomputeBar text={t.stale} label={t.recompute} disabled={busy} onRecompute={recompute} />
      )}
      {state.status !== "loading" && state.generated.length === 0 && state.runs === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t.placemat} {t.notComputed}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notes.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {state.notes.map((n) => noteIn(n, lang)).join(" ")}{" "}
            <Link href={`help.html#${lang === "en" ? "en" : "ja"}-older-excel`} target="_blank" rel="noopener noreferrer">
              {t.details}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {!inExcel && <Caption1 className={styles.note}>{t.notInExcel}</Caption1>}

      {state.status === "loading" && !state.result ? (
        <Spinner label={t.loading} />
      ) : state.result ? (
        <>
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
            <Tab value="result">{t.tabs.result}</Tab>
            <Tab value="review">{t.tabs.review}</Tab>
            <Tab value="row">{t.tabs.row}</Tab>
            <Tab value="settings">{t.tabs.settings}</Tab>
          </TabList>
          <section className={styles.panel} role="tabpanel" aria-labelledby={undefined} aria-label={t.tabs[tab]}>
            <h2 ref={resultHeading} tabIndex={-1} className={styles.panelHeading}>
              {t.tabs[tab]}
            </h2>
            {tab === "result" && (
              <ResultView
                result={state.result}
                rules={state.rules ?? undefined}
                onEvaluation={setEvaluation}
                openReportWorkbook={inExcel ? (bytes) => host.openReportWorkbook(bytes) : undefined}
                busy={busy}
              />
            )}
            {tab === "review" &&
              (ev ? (
                <ReviewView ev={ev} onActivate={(sheet, row) => void host.select(sheet, row, 0).catch((e) => dispatch({ type: "failed", error: describeError(e, t, lang) }))} />
              ) : (
                <Body1>{t.reviewEmpty}</Body1>
              ))}
            {tab === "row" && <ThisRowView selection={state.selection} hits={hits} />}
            {tab === "settings" && (
              <SettingsView rules={state.rules ?? DEFAULT_RULES} result={state.result} busy={busy} onApply={(r) => void recompute(r)} />
            )}
          </section>
        </>
      ) : null}
    </main>
  );
}
