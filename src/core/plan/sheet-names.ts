/**
 * Names for the generated sheets that never take a user's sheet: a name
 * already used by a sheet the add-in did not generate gets " (2)", " (3)"…
 */

const INVALID = /[[\]:*?/\\]/g;

export function cleanSheetName(name: string): string {
  const n = name.replace(INVALID, "_").replace(/^'+|'+$/g, "").trim();
  return (n || "Sheet").slice(0, 31);
}

export function chooseSheetName(wanted: string, existing: string[], previouslyGenerated: string[], taken: Set<string>): string {
  const ours = new Set(previouslyGenerated.map((n) => n.toLowerCase()));
  const users = new Set(existing.filter((n) => !ours.has(n.toLowerCase())).map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  const free = (n: string) => !users.has(n.toLowerCase()) && !taken.has(n.toLowerCase());
  let name = base;
  for (let i = 2; !free(name); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** 'Sheet name'!A5 as Excel writes references (quotes doubled). */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
