/**
 * Rules and column-mapping overrides a reviewer chooses, and the record of
 * which sheets the add-in generated. Stored in the workbook itself (a very
 * hidden sheet, see settings-store.ts) so that every reviewer of a workbook
 * and the command line get the same grades.
 */
import {
  array,
  boolean,
  literal,
  number,
  object,
  oneOf,
  record,
  strictObject,
  string,
  type Infer,
  type RefineContext,
  type Schema,
} from "./data-schema";

export const COLUMN_ROLES = [
  "key",
  "item",
  "department",
  "group",
  "indicator",
  "unit",
  "baseline",
  "target",
  "actual",
  "selfGrade",
  "kind",
  "year",
  "direction",
  "note",
  "ignore",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Highest band minimum accepted: R = 10 is 1,000 % of the target, beyond any real threshold. */
export const MAX_BAND_MIN = 10;

const bandSchema = strictObject({
  label: string({ trim: true, minLength: 1, maxLength: 8 }),
  /** Lowest achievement rate R for this grade (1 = 100 %); null for the last grade. */
  min: number({ min: 0, max: MAX_BAND_MIN }).nullable(),
});

/** Why a sheet name is not allowed in Excel, or null (mirrors Excel's rules; the adapters check again). */
export function sheetNameRuleProblem(name: string): string | null {
  if (name.trim() === "") return "the sheet name is empty";
  if (name.length > 31) return "longer than 31 characters";
  if (/[*?:/\\[\]]/.test(name)) return "contains one of * ? : / \\ [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is reserved by Excel';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return "contains a control character";
  return null;
}

const sheetNameSchema = (fallback: string) =>
  string()
    .default(fallback)
    .refine((name, ctx) => {
      const p = sheetNameRuleProblem(name);
      if (p)
        ctx.addIssue({
          message: `シート名「${name}」は使えません / invalid sheet name "${name}": ${p}`,
        });
    });

/** Bands must make sense together, or grades contradict their own reasons (issue 8, item 5). */
function checkBands(bands: { label: string; min: number | null }[], ctx: RefineContext): void {
  const labels = new Set<string>();
  bands.forEach((b, i) => {
    if (labels.has(b.label))
      ctx.addIssue({
        path: [i, "label"],
        message: `評価「${b.label}」が重複しています / the label "${b.label}" is used twice`,
      });
    labels.add(b.label);
    const last = i === bands.length - 1;
    if (last && b.min !== null)
      ctx.addIssue({
        path: [i, "min"],
        message: `最後の評価の min は null にしてください / the last band must be open-ended (min: null)`,
      });
    if (!last && b.min === null)
      ctx.addIssue({
        path: [i, "min"],
        message: `min が null にできるのは最後の評価だけです / only the last band may have min: null`,
      });
    const prev = bands[i - 1];
    if (i > 0 && b.min !== null && prev && prev.min !== null && !(b.min < prev.min))
      ctx.addIssue({
        path: [i, "min"],
        message: `評価は min の大きい順に並べてください（${prev.label} ${prev.min} → ${b.label} ${b.min}）/ bands must be in strictly descending order of min`,
      });
  });
}

/**
 * Bands for some indicators only (issue 16, item 5): by the indicator's name, or by its target (「目標が100%の指標は
 * 達成でA」 beside 110/90/60 for the rest). Validated like the bands, and their labels must be the scale's.
 */
const bandOverrideSchema = strictObject({
  /** The indicator's name as the sheet writes it. */
  indicator: string({ trim: true, minLength: 1 }).optional(),
  /** The target as a percent: 100 matches a target of 100 % (100%, 1 shown as 0%, or 100 under a 単位 of %). */
  targetPercent: number({ min: 0 }).optional(),
  bands: array(bandSchema, { minItems: 2, maxItems: 6 }).refine(checkBands),
}).refine((o, ctx) => {
  if ((o.indicator === undefined) === (o.targetPercent === undefined))
    ctx.addIssue({
      path: ["indicator"],
      message:
        "indicator（指標名）か targetPercent（目標の%）のどちらか一方を指定してください / give either indicator or targetPercent",
    });
});
export type BandOverride = Infer<typeof bandOverrideSchema>;

/** Last zero-based row and column of a worksheet (1,048,576 rows × 16,384 columns). */
const MAX_ROW_INDEX = 1_048_575;
const MAX_COLUMN_INDEX = 16_383;

const columnOverrideSchema = strictObject({
  /** Zero-based sheet column index → role. */
  columns: record(oneOf(COLUMN_ROLES), /^\d{1,5}$/)
    .refine((cols, ctx) => {
      for (const k of Object.keys(cols))
        if (Number(k) > MAX_COLUMN_INDEX)
          ctx.addIssue({ path: [k], message: `列は 0〜${MAX_COLUMN_INDEX} です / a column index is 0 to ${MAX_COLUMN_INDEX}` });
    })
    .default({}),
  /** Zero-based sheet row index of the (last) header row: inside a worksheet, or every later run finds no table. */
  headerRow: number({ integer: true, min: 0, max: MAX_ROW_INDEX }).optional(),
  /** Year column index → fiscal year, for year columns whose header is not a year. */
  skip: boolean().optional(),
});
export type ColumnOverride = Infer<typeof columnOverrideSchema>;

/** A table or figure number 「表3-1」: chapter and the first number of the run. */
const numberingSchema = (chapter: number) =>
  strictObject({
    chapter: number({ integer: true, min: 1, max: 99 }).default(chapter),
    start: number({ integer: true, min: 1, max: 999 }).default(1),
  }).default({ chapter, start: 1 });

/** What the published report prints (REPORT.md §1); defaults are the report's look. */
const reportSchema = strictObject({
  /** 「個別システム件数」「全システム」: null reads it from the item column's heading (システム名 → システム). */
  itemNoun: string({ trim: true, minLength: 1, maxLength: 12 }).nullable().default(null),
  /** 表3-N: one per evaluation. */
  summaryTables: numberingSchema(3),
  /** 図3-N: the charts, in print order. */
  figures: numberingSchema(3),
  /** 表4-N: the published list. */
  listTable: numberingSchema(4),
  /** A 合計 row under each 表3-N (the report has none). */
  totalRow: boolean().default(false),
  /** ※ notes under 表3-N: all (denominator, rounding, source, excluded), only the excluded items, or none. */
  notes: oneOf(["all", "excluded", "none"]).default("excluded"),
  /** The reviewers' detail list and 要確認 in the report export too (not published by default). */
  includeReviewSheets: boolean().default(false),
  /** 評価の推移 (上昇 / 維持 / 低下 since the year before) under each 表3-N, where the workbook holds another year. */
  movementTable: boolean().default(false),
}).default({
  itemNoun: null,
  summaryTables: { chapter: 3, start: 1 },
  figures: { chapter: 3, start: 1 },
  listTable: { chapter: 4, start: 1 },
  totalRow: false,
  notes: "excluded",
  includeReviewSheets: false,
  movementTable: false,
});
export type ReportRules = Infer<typeof reportSchema>;

export const rulesSchema = strictObject({
  version: literal(1).default(1),
  bands: array(bandSchema, { minItems: 2, maxItems: 6 })
    .refine(checkBands)
    .default([
      { label: "A", min: 1 },
      { label: "B", min: 0.8 },
      { label: "C", min: 0.5 },
      { label: "D", min: null },
    ]),
  /** ratio: R = actual / target; baseline: R = (actual − baseline) / (target − baseline). */
  mode: oneOf(["ratio", "baseline"]).default("ratio"),
  /** Count items (default) or indicators in the summary. */
  count: oneOf(["items", "indicators"]).default("items"),
  includeExcludedInDenominator: boolean().default(false),
  /** Evaluated fiscal year for year-column sheets (null: the latest year with actuals). */
  year: number({ integer: true, min: 1989, max: 2200 }).nullable().default(null),
  /**
   * Period targets (3年間で4.5万冊): "none" lists them on 要確認; "pro-rata" grades the actual against the share of
   * the period elapsed by the evaluated year (year 2 of 3 → 2/3 of the total), counted from planStartYear.
   */
  cumulative: oneOf(["none", "pro-rata"]).default("none"),
  /** First fiscal year of the plan's period (null: the first year column of the table). */
  planStartYear: number({ integer: true, min: 1989, max: 2200 }).nullable().default(null),
  /** Bands for some indicators (by name or by target), tried in order; the first that matches applies. */
  bandOverrides: array(bandOverrideSchema).default([]),
  /** Per indicator name: force the direction. */
  directionOverrides: record(oneOf(["higher", "lower"])).default({}),
  /** Per source sheet name: column roles chosen by the user. */
  columnOverrides: record(columnOverrideSchema).default({}),
  sheetNames: strictObject({
    summary: sheetNameSchema("評価集計"),
    list: sheetNameSchema("評価一覧"),
    review: sheetNameSchema("要確認"),
  })
    .refine((names, ctx) => {
      const seen = new Map<string, string>();
      for (const [role, name] of Object.entries(names)) {
        const key = name.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({
                path: [role],
            message: `シート名「${name}」が ${seen.get(key)} と同じです / the same sheet name is used for ${seen.get(key)} and ${role}`,
          });
        else seen.set(key, role);
        if (key === "progressreview_settings")
          ctx.addIssue({
                path: [role],
            message: `「${name}」は設定シートの名前です / "${name}" is the settings sheet's name`,
          });
      }
    })
    .default({ summary: "評価集計", list: "評価一覧", review: "要確認" }),
  language: oneOf(["ja", "en"]).default("ja"),
  report: reportSchema,
}).refine((rules, ctx) => {
  // An exception's grades are the scale's grades, or they could not be counted in 表3-1.
  const labels = new Set(rules.bands.map((b) => b.label));
  rules.bandOverrides.forEach((o, i) =>
    o.bands.forEach((b, j) => {
      if (!labels.has(b.label))
        ctx.addIssue({
          path: ["bandOverrides", i, "bands", j, "label"],
          message: `評価「${b.label}」は評価区分（${[...labels].join("・")}）にありません / "${b.label}" is not one of the grades ${[...labels].join(", ")}`,
        });
    }),
  );
});
export type Rules = Infer<typeof rulesSchema>;

export const DEFAULT_RULES: Rules = rulesSchema.parse({});

export const storedStateSchema = object({
  format: literal("progress-review/1"),
  rules: rulesSchema,
  /** Id of the workbook the state belongs to; every sheet we write carries it in its owner marker (ownership.ts). */
  workbookId: string().nullable().default(null),
  /**
   * Sheets this add-in wrote, with the id of the run that created each; only a sheet whose owner marker matches
   * an entry here may ever be rewritten, renamed or deleted.
   */
  generated: array(
    object({ role: oneOf(["summary", "list", "review"]), name: string(), runId: string().default("") }),
  ).default([]),
  /** Fingerprint of the source data the generated sheets were built from. */
  fingerprint: string().nullable().default(null),
  generatedAt: string().nullable().default(null),
});
export type StoredState = Infer<typeof storedStateSchema>;

/** Edit distance, to suggest the field a misspelt key was meant to be. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** The keys the rules know at a path of the input (for "did you mean"). */
function knownKeysAt(path: (string | number)[]): string[] {
  let schema: Schema<unknown> | null = rulesSchema;
  for (const key of path) schema = schema?.member(key) ?? null;
  return schema?.knownKeys() ?? [];
}

function hint(key: string, known: string[]): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= (key.length <= 3 ? 1 : 2) ? best : "";
}

/**
 * Keys that a record cannot hold as data (`__proto__` would set the prototype and vanish): the path of the first
 * one in `input`, or null. JSON.parse makes them own properties, so they are found here before zod drops them.
 */
function reservedKeyPath(input: unknown, at: string[] = []): string[] | null {
  if (input === null || typeof input !== "object") return null;
  for (const key of Object.keys(input)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") return [...at, key];
    const inner = reservedKeyPath((input as Record<string, unknown>)[key], [...at, key]);
    if (inner) return inner;
  }
  return null;
}

export function parseRules(input: unknown): { ok: true; rules: Rules } | { ok: false; message: string } {
  const reserved = reservedKeyPath(input);
  if (reserved)
    return {
      ok: false,
      message: `使えない項目名「${reserved.join(".")}」があります / the key "${reserved.join(".")}" cannot be used`,
    };
  const r = rulesSchema.safeParse(input);
  if (r.success) return { ok: true, rules: r.data };
  const messages: string[] = [];
  for (const i of r.error.issues) {
    const where = i.path.join(".") || "(root)";
    if (i.unknownKeys) {
      const known = knownKeysAt(i.path);
      for (const key of i.unknownKeys) {
        const near = hint(key, known);
        const field = [...i.path, key].join(".");
        messages.push(
          near
            ? `不明な項目「${field}」（「${near}」の誤りでは？）/ unknown field "${field}" (did you mean "${near}"?)`
            : `不明な項目「${field}」/ unknown field "${field}"`,
        );
      }
    } else messages.push(`${where}: ${i.message}`);
  }
  return { ok: false, message: messages.join("; ") };
}
