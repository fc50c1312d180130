/**
 * The rules form of the pane: presets, a draft as the user types it, and validation with the
 * same schema as `--rules`, with each problem attached to its field.
 */
import { parseRules, rulesSchema, type Rules } from "../model/settings";
import { cleanSheetName } from "../plan/sheet-names";
import { reportDraftOf, reportRulesOf, type ReportDraft } from "./report-draft";

export type BandPreset = "100-80-50" | "110-80-50" | "custom";

export const PRESETS: Record<Exclude<BandPreset, "custom">, [number, number, number]> = {
  "100-80-50": [100, 80, 50],
  "110-80-50": [110, 80, 50],
};

/** What the form holds: percents as typed. */
export interface RulesDraft {
  preset: BandPreset;
  /** A, B, C minimum in percent (strings as typed). */
  mins: [string, string, string];
  count: Rules["count"];
  year: number | null;
  directionOverrides: Record<string, "higher" | "lower">;
  sheetNames: Rules["sheetNames"];
  /** 報告書: the report's wording and numbering (report-draft.ts). */
  report: ReportDraft;
  /** Per-indicator bands (four grades) as typed: by indicator name, or by a target in percent. */
  bandOverrides: OverrideDraft[];
}

export interface OverrideDraft {
  by: "indicator" | "target";
  /** The indicator's name, or the target's percent as typed. */
  value: string;
  mins: [string, string, string];
}

export function presetOf(rules: Rules): BandPreset {
  const mins = rules.bands.map((b) => b.min);
  if (rules.bands.map((b) => b.label).join("") !== "ABCD") return "custom";
  for (const [name, p] of Object.entries(PRESETS)) {
    if (mins[0] === p[0] / 100 && mins[1] === p[1] / 100 && mins[2] === p[2] / 100 && mins[3] === null)
      return name as BandPreset;
  }
  return "custom";
}

/** Percent without float noise: 0.8 → "80", 1.1 → "110". */
function percentText(min: number | null | undefined): string {
  return min === null || min === undefined ? "" : String(Math.round(min * 100000) / 1000);
}

export function draftOf(rules: Rules): RulesDraft {
  return {
    preset: presetOf(rules),
    mins: [percentText(rules.bands[0]?.min), percentText(rules.bands[1]?.min), percentText(rules.bands[2]?.min)],
    count: rules.count,
    year: rules.year,
    directionOverrides: { ...rules.directionOverrides },
    sheetNames: { ...rules.sheetNames },
    // The form edits four-grade exceptions; others (set by --rules on a longer scale) are kept as they are.
    bandOverrides: rules.bandOverrides
      .filter((o) => o.bands.length === 4)
      .map((o) => ({
        by: o.indicator !== undefined ? ("indicator" as const) : ("target" as const),
        value: o.indicator ?? String(o.targetPercent),
        mins: [percentText(o.bands[0]!.min), percentText(o.bands[1]!.min), percentText(o.bands[2]!.min)],
      })),
    report: reportDraftOf(rules.report),
  };
}

export type DraftField =
  | "minA"
  | "minB"
  | "minC"
  | "year"
  | "sheetNames.summary"
  | "sheetNames.list"
  | "sheetNames.review"
  | "rules"
  /** bandOverrides.<i>.value / .min0 / .min1 / .min2 */
  | `bandOverrides.${number}.${"value" | "min0" | "min1" | "min2"}`;

export interface DraftErrors {
  /** Field → message (Japanese / English pair). */
  [field: string]: { ja: string; en: string };
}

export type DraftResult = { ok: true; rules: Rules; notes: DraftErrors } | { ok: false; errors: DraftErrors };

/** Percent text → fraction, exactly (no 1.1 → 1.1000000000000001). */
function fraction(text: string): number | null {
  const t = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t) / 100;
}

/** The draft applied to the stored rules: the result is validated by the `--rules` schema. */
export function applyDraft(base: Rules, draft: RulesDraft): DraftResult {
  const errors: DraftErrors = {};
  const mins = draft.preset === "custom" ? draft.mins.map(fraction) : PRESETS[draft.preset].map((p) => p / 100);
  const fields: DraftField[] = ["minA", "minB", "minC"];
  mins.forEach((m, i) => {
    if (m === null)
      errors[fields[i]!] = { ja: "0 以上の数（%）を入力してください", en: "Enter a number of percent (0 or more)" };
  });
  if (!errors.minA && !errors.minB && mins[0]! <= mins[1]!)
    errors.minB = { ja: "B の下限は A より小さくしてください", en: "B's minimum must be below A's" };
  if (!errors.minB && !errors.minC && mins[1]! <= mins[2]!)
    errors.minC = { ja: "C の下限は B より小さくしてください", en: "C's minimum must be below B's" };
  const notes: DraftErrors = {};
  for (const key of ["summary", "list", "review"] as const) {
    const name = draft.sheetNames[key];
    const field = `sheetNames.${key}`;
    if (!name.trim()) errors[field] = { ja: "シート名を入力してください", en: "Enter a sheet name" };
    else if (name.length > 31)
      errors[field] = { ja: "シート名は31文字以内です", en: "Sheet names have at most 31 characters" };
    // The --rules schema refuses such names too, so the pane says so at the field instead of saving a changed name.
    else if (cleanSheetName(name) !== name)
      errors[field] = {
        ja: `シート名に使えない文字があります（[ ] : * ? / \\ と前後の '）。例：「${cleanSheetName(name)}」`,
        en: `Sheet names cannot contain [ ] : * ? / \\ or start/end with '. For example "${cleanSheetName(name)}"`,
      };
  }
  const labels4 = base.bands.length === 4 ? base.bands.map((b) => b.label) : ["A", "B", "C", "D"];
  const overrides: Rules["bandOverrides"] = [];
  draft.bandOverrides.forEach((o, i) => {
    const at = `bandOverrides.${i}`;
    const value = o.value.trim();
    const percent = o.by === "target" ? fraction(value) : null;
    if (value === "")
      errors[`${at}.value`] =
        o.by === "indicator"
          ? { ja: "指標名を入力してください", en: "Enter the indicator's name" }
          : { ja: "目標の値（%）を入力してください", en: "Enter the target in percent" };
    else if (o.by === "target" && percent === null)
      errors[`${at}.value`] = { ja: "0 以上の数（%）を入力してください", en: "Enter a number of percent (0 or more)" };
    const m = o.mins.map(fraction);
    m.forEach((x, j) => {
      if (x === null)
        errors[`${at}.min${j}`] = { ja: "0 以上の数（%）を入力してください", en: "Enter a number of percent (0 or more)" };
    });
    for (let j = 1; j < 3; j++)
      if (m[j - 1] !== null && m[j] !== null && !(m[j]! < m[j - 1]!) && !errors[`${at}.min${j}`])
        errors[`${at}.min${j}`] = {
          ja: `${labels4[j]} の下限は ${labels4[j - 1]} より小さくしてください`,
          en: `${labels4[j]}'s minimum must be below ${labels4[j - 1]}'s`,
        };
    if (m.every((x) => x !== null))
      overrides.push({
        ...(o.by === "indicator" ? { indicator: value } : { targetPercent: (percent ?? 0) * 100 }),
        bands: [
          { label: labels4[0]!, min: m[0]! },
          { label: labels4[1]!, min: m[1]! },
          { label: labels4[2]!, min: m[2]! },
          { label: labels4[3]!, min: null },
        ],
      });
  });
  const names = Object.values(draft.sheetNames).map((n) => n.trim().toLowerCase());
  if (new Set(names).size !== names.length && !errors["sheetNames.list"])
    errors["sheetNames.list"] = { ja: "3つのシート名は別々にしてください", en: "The three sheet names must differ" };
  const report = reportRulesOf(draft.report);
  if (!report.ok) Object.assign(errors, report.errors);
  if (Object.keys(errors).length || !report.ok) return { ok: false, errors };
  // The form edits the three upper minimums of a four-grade scale: its labels are kept (S/A/B/C stays S/A/B/C); a
  // scale of another length (AA–D, five levels) set by --rules is kept whole while its minimums are not edited.
  const baseLabels = base.bands.map((b) => b.label);
  const untouched = draft.preset === "custom" && draft.mins.every((m, i) => m === draftOf(base).mins[i]);
  const labels = baseLabels.length === 4 ? baseLabels : ["A", "B", "C", "D"];
  const candidate = {
    ...base,
    bands:
      untouched && baseLabels.length !== 4
        ? base.bands
        : [
            { label: labels[0]!, min: mins[0] },
            { label: labels[1]!, min: mins[1] },
            { label: labels[2]!, min: mins[2] },
            { label: labels[3]!, min: null },
          ],
    count: draft.count,
    year: draft.year,
    directionOverrides: draft.directionOverrides,
    sheetNames: draft.sheetNames,
    bandOverrides: [...overrides, ...base.bandOverrides.filter((o) => o.bands.length !== 4)],
    report: report.report,
  };
  const parsed = parseRules(candidate);
  if (!parsed.ok) {
    const byPath: DraftErrors = {};
    for (const issue of rulesSchema.safeParse(candidate).error?.issues ?? []) {
      const path = issue.path.join(".");
      // An exception's problem is shown at its row (bandOverrides.0.bands.1.min → the row's B field).
      const o = /^bandOverrides\.(\d+)\.bands\.(\d+)\.(min|label)$/.exec(path);
      const field = path.startsWith("year")
        ? "year"
        : path.startsWith("sheetNames")
          ? path
          : o && o[3] === "min" && Number(o[2]) < 3
            ? `bandOverrides.${o[1]}.min${o[2]}`
            : path.startsWith("bandOverrides.")
              ? `bandOverrides.${path.split(".")[1]}.value`
              : "rules";
      byPath[field] = {
        ja: `設定が正しくありません: ${path} ${issue.message}`,
        en: `Invalid setting: ${path} ${issue.message}`,
      };
    }
    return { ok: false, errors: byPath };
  }
  return { ok: true, rules: parsed.rules, notes };
}
