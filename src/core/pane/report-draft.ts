/**
 * The 報告書 part of the pane's 設定: the report's wording and numbering (rules.report) as the user
 * types them — the item noun, 「3-1」 for the first 表 / 図 and 「4-1」 for the list, the total row,
 * the notes, the reviewers' sheets, the movement table — and back, with a message per field.
 */
import type { ReportRules } from "../model/settings";
import type { DraftErrors } from "./rules-draft";

export interface ReportDraft {
  /** Blank: read from the sheets' item heading. */
  itemNoun: string;
  summaryTables: string;
  figures: string;
  listTable: string;
  totalRow: boolean;
  notes: ReportRules["notes"];
  includeReviewSheets: boolean;
  movementTable: boolean;
}

const numberText = (n: { chapter: number; start: number }) => `${n.chapter}-${n.start}`;

export function reportDraftOf(report: ReportRules): ReportDraft {
  return {
    itemNoun: report.itemNoun ?? "",
    summaryTables: numberText(report.summaryTables),
    figures: numberText(report.figures),
    listTable: numberText(report.listTable),
    totalRow: report.totalRow,
    notes: report.notes,
    includeReviewSheets: report.includeReviewSheets,
    movementTable: report.movementTable,
  };
}

/** 「3-1」 (full-width digits and dashes too) → chapter 3, start 1; null when it is not that. */
export function parseReportNumber(text: string): { chapter: number; start: number } | null {
  const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /^(\d{1,2})\s*[-－‐ー−]\s*(\d{1,3})$/.exec(t);
  if (!m) return null;
  const chapter = Number(m[1]);
  const start = Number(m[2]);
  return chapter >= 1 && start >= 1 ? { chapter, start } : null;
}

/** The draft as rules.report, or the fields' problems (keys `report.<field>`). */
export function reportRulesOf(
  draft: ReportDraft,
): { ok: true; report: ReportRules } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const numbers = {} as Record<"summaryTables" | "figures" | "listTable", { chapter: number; start: number }>;
  for (const key of ["summaryTables", "figures", "listTable"] as const) {
    const n = parseReportNumber(draft[key]);
    if (n) numbers[key] = n;
    else errors[`report.${key}`] = { ja: "「3-1」の形で入力してください", en: "Enter it as 3-1" };
  }
  const noun = draft.itemNoun.trim();
  if (noun.length > 12) errors["report.itemNoun"] = { ja: "12文字以内にしてください", en: "At most 12 characters" };
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    report: {
      itemNoun: noun === "" ? null : noun,
      ...numbers,
      totalRow: draft.totalRow,
      notes: draft.notes,
      includeReviewSheets: draft.includeReviewSheets,
      movementTable: draft.movementTable,
    },
  };
}
