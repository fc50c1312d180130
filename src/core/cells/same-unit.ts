/**
 * Whether a target's and an actual's units can be divided (issue 16, item 2): 冊 vs 人 or % vs 件 cannot, and the
 * row goes to 要確認. Spellings of one unit are the same unit: "day" / "days", 箇所 / か所 / カ所 / ヶ所, ％ / %.
 */
import { toHalfWidth } from "../japanese/normalize-text";

const KASHO = /^(箇|か|カ|ヶ|ケ|ヵ|个)所$/;

function canonical(unit: string): string {
  let u = toHalfWidth(unit).trim().toLowerCase().replace(/\s+/g, " ");
  if (KASHO.test(u)) return "箇所";
  // English plurals: days → day, minutes → minute (not "%" or Japanese).
  if (/^[a-z][a-z ]*s$/.test(u) && u.length > 2) u = u.slice(0, -1);
  return u;
}

/** True when either is blank (the other side's unit is assumed) or both name the same unit. */
export function sameUnit(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  return canonical(a) === canonical(b);
}
