/**
 * Data checks on 要確認 (issue 18 §3), through the whole job on sheets built by hand. Each case says by hand why
 * the row is listed; the grades and counts stay as they were (checks are listed, never counted).
 */
import { reviewSheets, sheetOf, type CellSpec } from "../helpers";
import { reviewKind } from "../../../../src/core/pane/review-kind";

const HEADER = ["No", "事業名", "指標", "目標値", "実績値", "自己評価"];
const sheet = (name: string, rows: CellSpec[][]) => sheetOf(name, [HEADER, ...rows]);

function checksOf(rows: CellSpec[][]) {
  const ev = reviewSheets([sheet("令和5年度", rows)]).summary.evaluations[0]!;
  return { ev, checks: (ev.checks ?? []).map((c) => [c.row, c.reason]) };
}

test("a self grade with no actual behind it (the sheet has actuals elsewhere)", () => {
  const { checks } = checksOf([
    ["1", "貸出", "貸出冊数", "1,000", "1,100", "A"],
    ["2", "講座", "受講者数", "100", null, "A"], // A, but 実績 is blank
  ]);
  expect(checks).toEqual([[3, "self grade without an actual (A)"]]);
});

test("an actual with no self grade, in a sheet that has a self-grade column", () => {
  const { ev, checks } = checksOf([
    ["1", "貸出", "貸出冊数", "1,000", "1,100", "A"],
    ["2", "講座", "受講者数", "100", "90", null], // 90 / 100 → B suggested, nobody graded it
  ]);
  expect(checks).toEqual([[3, "actual without a self grade"]]);
  expect(ev.total.evaluated).toBe(2); // still counted, with its suggested grade
});

test("a share above 100 % (利用率 120 %), but not a growth rate or an achievement rate", () => {
  const { checks } = checksOf([
    ["1", "電子申請", "電子申請の利用率", "50%", "120%", "A"],
    ["2", "来館", "来館者の増加率", "10%", "130%", "A"],
    ["3", "事業", "事業の達成率", "100%", "110%", "A"],
  ]);
  expect(checks).toEqual([[2, "電子申請の利用率: share above 100% (120%)"]]);
});

test("target and actual in different units are never divided: the row is on the review list (filter 単位の違い)", () => {
  const { ev, checks } = checksOf([["1", "貸出", "貸出冊数", "1,000冊", "900人", "B"]]);
  expect(checks).toEqual([]);
  expect(ev.review.map((r) => r.reason).join("\n")).toContain("units differ");
  expect(reviewKind(ev.review.find((r) => r.reason.includes("units differ"))!)).toBe("unitDiffers");
});

test("one sheet per year: the same indicator's target changed from last year's sheet", () => {
  const r = reviewSheets([
    sheet("令和4年度", [["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]]),
    sheet("令和5年度", [["1", "貸出", "貸出冊数", "1,200", "1,100", "B"]]),
  ]);
  const ev = r.summary.evaluations.find((e) => e.fiscalYear === 2023)!;
  const changed = (ev.checks ?? []).filter((c) => c.reason.includes("target changed"));
  expect(changed.map((c) => c.reason)).toEqual(["貸出冊数: target changed from last year (令和4年度 1000 → 令和5年度 1200)"]);
});

test("a clean sheet has no data checks", () => {
  expect(checksOf([["1", "貸出", "貸出冊数", "1,000", "1,100", "A"]]).checks).toEqual([]);
});
