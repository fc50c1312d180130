/**
 * @jest-environment jsdom
 *
 * 設定 › 報告書: the movement table (評価の推移, issue 18) is a checkbox, off by default, labelled in the pane's
 * language; ticking it sets report.movementTable in the draft that 保存して集計を更新 validates and stores.
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReportSettingsFields } from "../../../../src/taskpane/views/ReportSettingsFields";
import { MessagesProvider, messagesFor, type PaneLanguage } from "../../../../src/taskpane/i18n/i18n";
import { reportDraftOf, type ReportDraft } from "../../../../src/core/pane/report-draft";
import { DEFAULT_RULES } from "../../../../src/core/model/settings";

function fields(lang: PaneLanguage, onChange: (d: ReportDraft) => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <MessagesProvider value={{ lang, t: messagesFor(lang) }}>
        <ReportSettingsFields value={reportDraftOf(DEFAULT_RULES.report)} onChange={onChange} currentNoun="項目" error={() => undefined} />
      </MessagesProvider>
    </FluentProvider>,
  );
}

test.each([
  ["ja", /前年度からの評価の推移（上昇・維持・低下）/],
  ["en", /movement since the year before \(up, same, down\)/],
] as const)("%s: the movement checkbox starts unticked and ticking it turns the table on", async (lang, label) => {
  const changes: ReportDraft[] = [];
  fields(lang, (d) => changes.push(d));
  const box = screen.getByRole("checkbox", { name: label });
  expect((box as HTMLInputElement).checked).toBe(false);
  await userEvent.click(box);
  expect(changes.at(-1)).toMatchObject({ movementTable: true, includeReviewSheets: false, totalRow: false });
});
