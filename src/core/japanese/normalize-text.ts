/**
 * Full-width → half-width for parsing (digits, Latin letters, signs, ％),
 * keeping what carries meaning in municipal sheets (▲ △ ① …).
 * NFKC would turn ① into 1, so it is applied only to the ASCII-compatible block.
 */

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Full-width ASCII (！…～), ideographic space, and common dash/minus look-alikes → ASCII. */
export function toHalfWidth(s: string): string {
  if (ASCII_ONLY.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (c === 0x2212)
      out += "-"; // MINUS SIGN −
    else out += s[i];
  }
  return out;
}

/** Header text → comparable key: half-width, lower case, no spaces, line breaks or brackets' padding. */
export function headerKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();
}

/** Trimmed display text with internal line breaks turned into spaces. */
const NEEDS_CLEANING = /[\r\n\t\u3000]|\s\s|^\s|\s$/;

export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}
