/**
 * The 表3-1 counts of an evaluation straight from the grade codes and group indexes of the columnar result: per
 * group (the item's group, else its sheet) and in total, in the order groups first appear. No item is
 * materialised and no string is built but the group names of the result.
 */
import type { Rules } from "../model/settings";
import type { GroupSummary } from "../model/summary";
import type { ColumnarEvaluation } from "../grading/grade-columnar";
import * as reasonCodes from "../grading/reason-codes";
import { Tally } from "./grade-tally";

// Local bindings: run through tsx, every use of an imported binding is a getter call, and these are used per cell.
const { ADOPTED_SELF, NO_GRADE } = reasonCodes;

export interface CountedEvaluation {
  groups: GroupSummary[];
  total: Omit<GroupSummary, "name">;
}

export function countEvaluation(ev: ColumnarEvaluation, rules: Rules): CountedEvaluation {
  const labels = rules.bands.map((b) => b.label);
  const total = new Tally(labels);
  const tallies: Tally[] = [];
  const tallyNames: string[] = [];
  /** Tally of each interned group name (-1: none yet). */
  let tallyOf = new Int32Array(0);
  const byItems = rules.count === "items";
  for (const b of ev.blocks) {
    const table = b.table;
    const strings = table.strings;
    const sheetId = strings.intern(table.sheet);
    if (tallyOf.length < strings.strings.length) {
      const grown = new Int32Array(strings.strings.length * 2).fill(-1);
      grown.set(tallyOf);
      tallyOf = grown;
    }
    const shown = b.yearKey !== null;
    for (let item = 0; item < table.itemCount; item++) {
      const g = table.itemGroup[item]!;
      const id = g >= 0 ? g : sheetId;
      let k = tallyOf[id]!;
      if (k < 0) {
        k = tallyOf[id] = tallies.length;
        tallies.push(new Tally(labels));
        tallyNames.push(strings.strings[id]!);
      }
      const t = tallies[k]!;
      const grade = b.itemGrade[item]!;
      const code = grade === NO_GRADE ? -1 : grade;
      const start = table.indicatorStart[item]!;
      const n = shown ? table.indicatorStart[item + 1]! - start : 0;
      if (byItems || n === 0) {
        t.addCode(code, 1);
        total.addCode(code, 1);
      } else if (b.itemAdopted[item] === ADOPTED_SELF) {
        // Counting indicators: the adopted item grade only stands for the item when self-graded.
        t.addCode(code, n);
        total.addCode(code, n);
      } else
        for (let i = start; i < start + n; i++) {
          const ig = b.indicatorGrade[i]!;
          const c = ig === NO_GRADE ? -1 : ig;
          t.addCode(c, 1);
          total.addCode(c, 1);
        }
    }
  }
  return {
    groups: tallies.map((t, k) => ({ name: tallyNames[k]!, ...t.block(rules) })),
    total: total.block(rules),
  };
}
