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

const bandSchema = z.object({
  label: z.string().min(1).max(8),
  /** Lowest achievement rate R for this grade (1 = 100 %); null for the last grade. */
  min: z.number().finite().nullable(),
});

const columnOverrideSchema = z.object({
  /** Zero-based sheet column index → role. */
  columns: z.record(z.string().regex(/^\d+$/), z.enum(COLUMN_ROLES)).default({}),
  /** Zero-based sheet row index of the (last) header row. */
  headerRow: z.number().int().nonnegative().optional(),
  /** Year column index → fiscal year, for year columns whose header is not a year. */
  skip: z.boolean().optional(),
});
export type ColumnOverride = z.infer<typeof columnOverrideSchema>;

export const rulesSchema = z.object({
  version: z.literal(1).default(1),
  bands: z
    .array(bandSchema)
    .min(2)
    .max(6)
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
    .object({
      summary: z.string().min(1).max(31).default("評価集計"),
      list: z.string().min(1).max(31).default("評価一覧"),
      review: z.string().min(1).max(31).default("要確認"),
    })
    .default({ summary: "評価集計", list: "評価一覧", review: "要確認" }),
  language: z.enum(["ja", "en"]).default("ja"),
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

export function parseRules(input: unknown): { ok: true; rules: Rules } | { ok: false; message: string } {
  const r = rulesSchema.safeParse(input);
  if (r.success) return { ok: true, rules: r.data };
  return { ok: false, message: r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") };
}
