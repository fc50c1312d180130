/** A sheet plan with nothing in it but what the test sets (the writers' and planners' tests start from this). */
import type { SheetPlan } from "../../src/core/model/sheet-plan";

export function emptyPlan(p: Partial<SheetPlan> & Pick<SheetPlan, "role" | "name">): SheetPlan {
  return { rows: [], formats: [], merges: [], columnWidths: [], links: [], conditionalFormats: [], charts: [], ...p };
}
