/**
 * cleanText (normalize-text.ts) for the labels of every data row: the common label is already clean, which a scan
 * by character code tells without a regex; only text that needs cleaning goes through cleanText.
 */
import { cleanText } from "../japanese/normalize-text";

/** Could this code unit be white space that String.prototype.trim removes? (Most cells start with a letter.) */
export function mayBeSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Is the text already clean (no space at either end, no run of spaces, no line break, tab or U+3000)? */
function isClean(s: string): boolean {
  let previousSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000) return false;
    const space = mayBeSpace(c);
    if (space && previousSpace) return false;
    previousSpace = space;
  }
  return !previousSpace || s.length === 0;
}

/** The same string as cleanText(s). */
export function cleanLabel(s: string): string {
  return isClean(s) ? s : cleanText(s);
}
