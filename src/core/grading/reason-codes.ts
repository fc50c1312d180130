/**
 * Why an indicator is or is not graded, and why an item went to the review list, as small codes: grading writes
 * these into byte arrays, and the English / Japanese text is formatted only when a sheet, summary.json or the pane
 * shows it (evaluate-items.ts).
 */

/** Per indicator. The target / actual / baseline codes are BASE + the cell kind (read-cell-code.ts). */
export const REASON_GRADED = 0;
/** The evaluation has no year of indicator data for this table (the indicators are not shown). */
export const REASON_NOT_EVALUATED = 1;
export const REASON_TARGET_ZERO = 2;
export const REASON_TARGET_EQUALS_BASELINE = 3;
/** Target and actual in units that cannot be reconciled (冊 vs 人, % vs 件): never divided, listed. */
export const REASON_UNIT_MISMATCH = 4;
/** A period target (3年間で…) without the pro-rata rule: listed, never graded as a one-year target. */
export const REASON_TARGET_PERIOD = 5;
/** A period target with the pro-rata rule, but the plan's first year is not known. */
export const REASON_PERIOD_START_UNKNOWN = 6;
/** + CELL_BLANK / CELL_EXCLUDED / CELL_ERROR / CELL_UNREADABLE. */
export const REASON_TARGET_BASE = 8;
export const REASON_ACTUAL_BASE = 16;
export const REASON_BASELINE_BASE = 24;

/** No grade (index into rules.bands) in a grade byte. */
export const NO_GRADE = 255;

/** Self grade cell kinds. */
export const SELF_BLANK = 0;
export const SELF_GRADE = 1;
export const SELF_EXCLUDED = 2;
export const SELF_ERROR = 3;
export const SELF_UNKNOWN = 4;

/** Where the adopted grade came from. */
export const ADOPTED_NONE = 0;
export const ADOPTED_SELF = 1;
export const ADOPTED_SUGGESTED = 2;

/** Review entries: (code, item, indicator) triples in the order the review list shows them. */
export const REVIEW_INDICATOR = 1;
export const REVIEW_SELF_VS_SUGGESTED = 2;
export const REVIEW_EXCLUDED_WORD_VS_SUGGESTED = 3;
export const REVIEW_UNKNOWN_GRADE = 4;
export const REVIEW_ITEM_EXCLUDED = 5;
/** The table names indicators but its target / actual columns were not found: no suggestion could be made. */
export const REVIEW_NO_VALUES = 6;
