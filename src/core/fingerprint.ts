/**
 * A fingerprint of the source data, stored with the generated sheets so the
 * pane can say the summary is out of date. Two 32-bit FNV-1a lanes over the
 * sheet names and cell values of the sheets the review read.
 */
import type { SheetSnapshot } from "./model/snapshot";

export function fingerprintSheets(sheets: SheetSnapshot[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
  };
  for (const sh of [...sheets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    feed("\u0000sheet:" + sh.name + "@" + sh.origin.row + "," + sh.origin.col);
    for (const row of sh.values) {
      for (const v of row) feed(v === null ? "\u0001" : typeof v + ":" + String(v));
      feed("\u0002");
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
