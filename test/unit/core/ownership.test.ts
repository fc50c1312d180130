import { markerFormula, parseMarker, resolveOwnership, type SheetIdentity } from "../../../src/core/ownership";
import { encodeState, SETTINGS_SHEET_NAME } from "../../../src/core/settings-store";
import { DEFAULT_RULES, type StoredState } from "../../../src/core/model/settings";
import { reviewWorkbook } from "../../../src/core/run-review";

const BOOK = "book0000000001";
const ids = (() => {
  let n = 0;
  return () => `new${String(++n).padStart(8, "0")}`;
})();

function state(generated: StoredState["generated"], workbookId: string | null = BOOK): StoredState {
  return {
    format: "progress-review/1",
    rules: DEFAULT_RULES,
    workbookId,
    generated,
    fingerprint: null,
    generatedAt: null,
  };
}
const marker = (role: "summary" | "list" | "review" | "settings", runId: string, workbookId = BOOK) =>
  markerFormula({ role, workbookId, runId });
const sheet = (name: string, m: string | null = null, visibility: SheetIdentity["visibility"] = "Visible") => ({
  name,
  visibility,
  marker: m,
});
const GENERATED: StoredState["generated"] = [
  { role: "summary", name: "評価集計", runId: "run00000001" },
  { role: "list", name: "評価一覧", runId: "run00000002" },
  { role: "review", name: "要確認", runId: "run00000003" },
];

describe("owner markers", () => {
  test("a marker written by the add-in reads back, with or without the leading = a host may drop", () => {
    const f = marker("summary", "run00000001");
    expect(f.startsWith('="')).toBe(true);
    expect(parseMarker(f)).toEqual({ role: "summary", workbookId: BOOK, runId: "run00000001" });
    expect(parseMarker(f.slice(1))).toEqual(parseMarker(f));
  });
  test.each([
    null,
    "",
    "=Sheet1!$A$1",
    '="progress-review/1 summary"',
    '="progress-review/2 summary abcdef1 abcdef2"',
    '="progress-review/1 chart abcdef1 abcdef2"',
    '="progress-review/1 summary ab cd"',
  ])("%p is not a marker", (f) => expect(parseMarker(f)).toBeNull());
  test("ids that would need quoting are refused when writing", () => {
    expect(() => markerFormula({ role: "list", workbookId: 'a"b"c1234', runId: "run00000001" })).toThrow();
  });
});

describe("resolveOwnership", () => {
  const settings = (s: StoredState, name = SETTINGS_SHEET_NAME, m = marker("settings", "set00000001")) => ({
    identity: sheet(name, m, "VeryHidden"),
    candidate: { sheet: name, columnA: encodeState(s) },
  });

  test("a verified settings sheet makes the marked sheets ours", () => {
    const st = settings(state(GENERATED));
    const o = resolveOwnership(
      [
        sheet("部1"),
        sheet("評価集計", marker("summary", "run00000001")),
        sheet("評価一覧", marker("list", "run00000002")),
        sheet("要確認", marker("review", "run00000003")),
        st.identity,
      ],
      [st.candidate],
      ids,
    );
    expect(o.settingsSheet).toBe(SETTINGS_SHEET_NAME);
    expect(o.owned.map((s) => s.name).sort()).toEqual(["要確認", "評価一覧", "評価集計"].sort());
    expect(o.workbookId).toBe(BOOK);
    expect(o.warnings).toEqual([]);
  });

  test("the user deleted our 要確認 and made their own: theirs is not ours", () => {
    const st = settings(state(GENERATED));
    const o = resolveOwnership(
      [sheet("評価集計", marker("summary", "run00000001")), sheet("要確認"), st.identity],
      [st.candidate],
      ids,
    );
    expect(o.owned.map((s) => s.name)).toEqual(["評価集計"]);
  });

  test("a data sheet renamed to 評価集計 is not ours, even though settings list that name", () => {
    const st = settings(state(GENERATED));
    const o = resolveOwnership([sheet("評価集計"), st.identity], [st.candidate], ids);
    expect(o.owned).toEqual([]);
  });

  test("settings copied from another workbook verify against their own id only, and sheets of this book with other ids stay the user's", () => {
    const foreign = settings(state(GENERATED, "otherbook0001"), SETTINGS_SHEET_NAME, marker("settings", "set00000001"));
    const o = resolveOwnership(
      [sheet("評価集計", marker("summary", "run00000001")), foreign.identity],
      [foreign.candidate],
      ids,
    );
    expect(o.state).toBeNull();
    expect(o.owned).toEqual([]);
    expect(o.warnings.join()).toContain("別のブック");
    expect(o.workbookId).not.toBe("otherbook0001");
  });

  test("a settings sheet copied whole from another workbook verifies, but none of this workbook's sheets become ours", () => {
    const copied = settings(
      state(GENERATED, "otherbook0001"),
      SETTINGS_SHEET_NAME,
      marker("settings", "set00000001", "otherbook0001"),
    );
    const o = resolveOwnership([sheet("評価集計"), sheet("要確認"), copied.identity], [copied.candidate], ids);
    expect(o.owned).toEqual([]);
  });

  test("a visible user sheet named ProgressReview_Settings is never the settings sheet", () => {
    const o = resolveOwnership([sheet("部1"), sheet(SETTINGS_SHEET_NAME)], [], ids);
    expect(o.settingsSheet).toBeNull();
    expect(o.settingsSheetName).toBe(`${SETTINGS_SHEET_NAME} (2)`);
    expect(o.warnings.join()).toContain(SETTINGS_SHEET_NAME);
  });

  test("a copied generated sheet (same marker) is the user's; the original under the recorded name stays ours", () => {
    const st = settings(state(GENERATED));
    const m = marker("summary", "run00000001");
    const o = resolveOwnership([sheet("評価集計", m), sheet("評価集計 (2)", m), st.identity], [st.candidate], ids);
    expect(o.owned.map((s) => s.name)).toEqual(["評価集計"]);
    const renamed = resolveOwnership([sheet("集計A", m), sheet("集計B", m), st.identity], [st.candidate], ids);
    expect(renamed.owned).toEqual([]);
    expect(renamed.warnings.join()).toContain("複製");
  });

  test("our sheet renamed by the user is still ours (its marker travels with it)", () => {
    const st = settings(state(GENERATED));
    const o = resolveOwnership([sheet("R3集計", marker("summary", "run00000001")), st.identity], [st.candidate], ids);
    expect(o.owned).toEqual([{ role: "summary", name: "R3集計", runId: "run00000001" }]);
  });

  test("unreadable settings are ignored with a warning, not thrown", () => {
    const o = resolveOwnership(
      [sheet(SETTINGS_SHEET_NAME, marker("settings", "set00000001"), "VeryHidden")],
      [{ sheet: SETTINGS_SHEET_NAME, columnA: ["progress-review-settings/1", "{not json"] }],
      ids,
    );
    expect(o.state).toBeNull();
    expect(o.warnings.length).toBeGreaterThan(0);
  });
});

describe("reviewWorkbook with ownership", () => {
  const snap = (names: string[]) => ({
    source: "t",
    sheets: names.map((name) => ({
      name,
      visibility: "Visible" as const,
      origin: { row: 0, col: 0 },
      values: [["x"]],
      text: [["x"]],
      numberFormat: [["General"]],
      merges: [],
    })),
  });

  test("a user sheet named 要確認 keeps its name; ours becomes 要確認 (2) with a warning, and every plan carries a marker", () => {
    const r = reviewWorkbook(snap(["要確認"]), DEFAULT_RULES, { newId: ids });
    const review = r.plans.find((p) => p.role === "review")!;
    expect(review.name).toBe("要確認 (2)");
    expect(r.warnings.join()).toContain("「要確認 (2)」");
    for (const p of r.plans) expect(p.owner?.role).toBe(p.role);
  });

  test("a sheet that is ours keeps its name and run id, and is not read as data", () => {
    const st = state(GENERATED);
    const o = resolveOwnership(
      [
        sheet("評価集計", marker("summary", "run00000001")),
        sheet(SETTINGS_SHEET_NAME, marker("settings", "set00000001"), "VeryHidden"),
      ],
      [{ sheet: SETTINGS_SHEET_NAME, columnA: encodeState(st) }],
      ids,
    );
    const r = reviewWorkbook(snap(["評価集計"]), DEFAULT_RULES, { ownership: o, newId: ids });
    const summary = r.plans.find((p) => p.role === "summary")!;
    expect(summary.name).toBe("評価集計");
    expect(summary.owner).toEqual({ role: "summary", workbookId: BOOK, runId: "run00000001" });
    expect(r.skippedSheets.map((s) => s.sheet)).not.toContain("評価集計");
  });
});
