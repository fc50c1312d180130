/**
 * yearToken: the year part of a header as written, for evaluation labels. Written without a
 * regex lookbehind (IE11 / EdgeHTML 18 cannot parse one in the ribbon command's bundle), so the
 * letter rule is checked here: R3 / H30 count only when no letter comes right before them.
 */
import { yearToken } from "../../../../src/core/layout/detect-header";

describe("yearToken", () => {
  test.each([
    ["R3評価", "R3"],
    ["評価R3", "R3"],
    ["H30実績", "H30"],
    ["第2期R3", "R3"],
    ["(R3)", "R3"],
    ["令和3年度", "令和3年度"],
    ["令和元年度評価", "令和元年度"],
    ["2021年度", "2021年度"],
    ["FY2021", "fy2021"],
    ["総括評価", "総括"],
    ["5か年総括", "5か年総括"],
  ])("%s → %s", (header, token) => {
    expect(yearToken(header)?.toLowerCase()).toBe(token.toLowerCase());
  });

  test.each(["OR3", "PR30", "NR12", "R123", "評価", ""])("%s has no year token", (header) => {
    expect(yearToken(header)).toBeNull();
  });
});
