/**
 * Rules and column-mapping overrides a reviewer chooses, and the record of
 * which sheets the add-in generated. Stored in the workbook itself (a very
 * hidden sheet, see settings-store.ts) so that every reviewer of a workbook
 * and the command line get the same grades.
 */
import { z } from "zod";

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

const bandSchema = z.strictObject({
  label: z.string().trim().min(1).max(8),
  /** Lowest achievement rate R for this grade (1 = 100 %); null for the last grade. */
  min: z.number().finite().min(0).max(MAX_BAND_MIN).nullable(),
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
  z
    .string()
    .default(fallback)
    .superRefine((name, ctx) => {
      const p = sheetNameRuleProblem(name);
      if (p)
        ctx.addIssue({
          code: "custom",
          message: `シート名「${name}」は使えません / invalid sheet name "${name}": ${p}`,
        });
    });

/** Bands must make sense together, or grades contradict their own reasons (issue 8, item 5). */
function checkBands(bands: { label: string; min: number | null }[], ctx: z.RefinementCtx): void {
  const labels = new Set<string>();
  bands.forEach((b, i) => {
    if (labels.has(b.label))
      ctx.addIssue({
        code: "custom",
        path: [i, "label"],
        message: `評価「${b.label}」が重複しています / the label "${b.label}" is used twice`,
      });
    labels.add(b.label);
    const last = i === bands.length - 1;
    if (last && b.min !== null)
      ctx.addIssue({
        code: "custom",
        path: [i, "min"],
        message: `最後の評価の min は null にしてください / the last band must be open-ended (min: null)`,
      });
    if (!last && b.min === null)
      ctx.addIssue({
        code: "custom",
        path: [i, "min"],
        message: `min が null にできるのは最後の評価だけです / only the last band may have min: null`,
      });
    const prev = bands[i - 1];
    if (i > 0 && b.min !== null && prev && prev.min !== null && !(b.min < prev.min))
      ctx.addIssue({
        code: "custom",
        path: [i, "min"],
        message: `評価は min の大きい順に並べてください（${prev.label} ${prev.min} → ${b.label} ${b.min}）/ bands must be in strictly descending order of min`,
      });
  });
}

const columnOverrideSchema = z.strictObject({
  /** Zero-based sheet column index → role. */
  columns: z.record(z.string().regex(/^\d+$/), z.enum(COLUMN_ROLES)).default({}),
  /** Zero-based sheet row index of the (last) header row. */
  headerRow: z.number().int().nonnegative().optional(),
  /** Year column index → fiscal year, for year columns whose header is not a year. */
  skip: z.boolean().optional(),
});
export type ColumnOverride = z.infer<typeof columnOverrideSchema>;

/** A table or figure number 「表3-1」: chapter and the first number of the run. */
const numberingSchema = (chapter: number) =>
  z
    .strictObject({
      chapter: z.number().int().min(1).max(99).default(chapter),
      start: z.number().int().min(1).max(999).default(1),
    })
    .default({ chapter, start: 1 });

/** What the published report prints (REPORT.md §1); defaults are the report's look. */
const reportSchema = z
  .strictObject({
    /** 「個別システム件数」「全システム」: null reads it from the item column's heading (システム名 → システム). */
    itemNoun: z.string().trim().min(1).max(12).nullable().default(null),
    /** 表3-N: one per evaluation. */
    summaryTables: numberingSchema(3),
    /** 図3-N: the charts, in print order. */
    figures: numberingSchema(3),
    /** 表4-N: the published list. */
    listTable: numberingSchema(4),
    /** A 合計 row under each 表3-N (the report has none). */
    totalRow: z.boolean().default(false),
    /** ※ notes under 表3-N: all (denominator, rounding, source, excluded), only the excluded items, or none. */
    notes: z.enum(["all", "excluded", "none"]).default("excluded"),
    /** The reviewers' detail list and 要確認 in the report export too (not published by default). */
    includeReviewSheets: z.boolean().default(false),
  })
  .default({
    itemNoun: null,
    summaryTables: { chapter: 3, start: 1 },
    figures: { chapter: 3, start: 1 },
    listTable: { chapter: 4, start: 1 },
    totalRow: false,
    notes: "excluded",
    includeReviewSheets: false,
  });
export type ReportRules = z.infer<typeof reportSchema>;

export const rulesSchema = z.strictObject({
  version: z.literal(1).default(1),
  bands: z
    .array(bandSchema)
    .min(2)
    .max(6)
    .superRefine(checkBands)
    .default([
      { label: "A", min: 1 },
      { label: "B", min: 0.8 },
      { label: "C", min: 0.5 },
      { label: "D", min: null },
    ]),
  /** ratio: R = actual / target; baseline: R = (actual − baseline) / (target − baseline). */
  mode: z.enum(["ratio", "baseline"]).default("ratio"),
  /** Count items (default) or indicators in the summary. */
  count: z.enum(["items", "indicators"]).default("items"),
  includeExcludedInDenominator: z.boolean().default(false),
  /** Evaluated fiscal year for year-column sheets (null: the latest year with actuals). */
  year: z.number().int().min(1989).max(2200).nullable().default(null),
  /** Per indicator name: force the direction. */
  directionOverrides: z.record(z.string(), z.enum(["higher", "lower"])).default({}),
  /** Per source sheet name: column roles chosen by the user. */
  columnOverrides: z.record(z.string(), columnOverrideSchema).default({}),
  sheetNames: z
    .strictObject({
      summary: sheetNameSchema("評価集計"),
      list: sheetNameSchema("評価一覧"),
      review: sheetNameSchema("要確認"),
    })
    .superRefine((names, ctx) => {
      const seen = new Map<string, string>();
      for (const [role, name] of Object.entries(names)) {
        const key = name.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({
            code: "custom",
            path: [role],
            message: `シート名「${name}」が ${seen.get(key)} と同じです / the same sheet name is used for ${seen.get(key)} and ${role}`,
          });
        else seen.set(key, role);
        if (key === "progressreview_settings")
          ctx.addIssue({
            code: "custom",
            path: [role],
            message: `「${name}」は設定シートの名前です / "${name}" is the settings sheet's name`,
          });
      }
    })
    .default({ summary: "評価集計", list: "評価一覧", review: "要確認" }),
  language: z.enum(["ja", "en"]).default("ja"),
  report: reportSchema,
});
export type Rules = z.infer<typeof rulesSchema>;

export const DEFAULT_RULES: Rules = rulesSchema.parse({});

export const storedStateSchema = z.object({
  format: z.literal("progress-review/1"),
  rules: rulesSchema,
  /** Id of the workbook the state belongs to; every sheet we write carries it in its owner marker (ownership.ts). */
  workbookId: z.string().nullable().default(null),
  /**
   * Sheets this add-in wrote, with the id of the run that created each; only a sheet whose owner marker matches
   * an entry here may ever be rewritten, renamed or deleted.
   */
  generated: z
    .array(z.object({ role: z.enum(["summary", "list", "review"]), name: z.string(), runId: z.string().default("") }))
    .default([]),
  /** Fingerprint of the source data the generated sheets were built from. */
  fingerprint: z.string().nullable().default(null),
  generatedAt: z.string().nullable().default(null),
});
export type StoredState = z.infer<typeof storedStateSchema>;

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

/** The schema's known keys at a path of the input (for "did you mean"); reads zod's schema definitions. */
type SchemaDef = {
  type?: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  valueType?: unknown;
  shape?: Record<string, unknown>;
};
const defOf = (schema: unknown) => (schema as { def?: SchemaDef } | undefined)?.def;

function unwrap(schema: unknown): unknown {
  for (let i = 0; i < 6; i++) {
    const def = defOf(schema);
    if (!def || !["default", "optional", "nullable", "pipe", "prefault"].includes(def.type ?? "")) return schema;
    schema = def.innerType ?? def.in;
  }
  return schema;
}

function knownKeysAt(path: PropertyKey[]): string[] {
  let schema: unknown = rulesSchema;
  for (const key of path) {
    const def = defOf(unwrap(schema));
    if (def?.type === "object") schema = def.shape?.[String(key)];
    else if (def?.type === "array") schema = def.element;
    else if (def?.type === "record") schema = def.valueType;
    else return [];
  }
  const def = defOf(unwrap(schema));
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
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

export function parseRules(input: unknown): { ok: true; rules: Rules } | { ok: false; message: string } {
  const r = rulesSchema.safeParse(input);
  if (r.success) return { ok: true, rules: r.data };
  const messages: string[] = [];
  for (const i of r.error.issues) {
    const where = i.path.join(".") || "(root)";
    if (i.code === "unrecognized_keys") {
      const known = knownKeysAt(i.path);
      for (const key of i.keys) {
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
