/**
 * What the named plan styles look like: one table for both adapters, so a
 * workbook written by the add-in and one written by the command line match.
 */
import type { PlanStyle, PlanStyleName } from "../model/sheet-plan";

export const PLAN_STYLES: Readonly<Record<PlanStyleName, Readonly<PlanStyle>>> = {
  title: { bold: true, fontSize: 14, vAlign: "center" },
  subtitle: { bold: true, fontSize: 12, vAlign: "center" },
  header: { bold: true, fill: "#D9E1F2", hAlign: "center", vAlign: "center", wrap: true, border: true },
  body: { vAlign: "center", wrap: true, border: true },
  /** A grade letter on 評価一覧: centred, so indicator and item grades line up in their columns. */
  grade: { hAlign: "center", vAlign: "center", wrap: true, border: true },
  total: { bold: true, fill: "#F2F2F2", vAlign: "center", border: true },
  note: { fontSize: 10, fontColor: "#595959", vAlign: "top", wrap: true },
  groupHeading: { bold: true, fill: "#EDEDED", vAlign: "center", border: true },
};

/**
 * One font family for every generated cell: 游ゴシック is Excel's default since
 * 2016 and ships with Windows 8.1+ and macOS 10.9+ (one name per font record;
 * hosts without it substitute their own Japanese sans, LibreOffice on Debian
 * Noto Sans CJK). 11 pt body, as Excel's default.
 */
export const PLAN_FONT = { name: "游ゴシック", size: 11 } as const;

/** Line height ÷ font size of 游ゴシック, the tallest of the hosts' fonts (REPORT.md §2: LibreOffice 1.43, ＭＳ Ｐゴシック 1.23). */
export const LINE_HEIGHT_FACTOR = 1.7;

/** Print margins in inches (REPORT.md §2). */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Page numbers 「1 / 3」. */
export const PAGE_FOOTER = "&P / &N";

/**
 * Chart colours per grade (A, B, C, D, then more): explicit, because a chart part
 * without fills draws nothing in LibreOffice, and light-to-dark steps that stay
 * apart when printed in black and white.
 */
export const GRADE_CHART_COLOURS = ["#1F4E79", "#5B9BD5", "#F4B183", "#FFE699", "#A5A5A5", "#D9D9D9"] as const;
