/**
 * Names for the generated sheets that never take a user's sheet: a name
 * already used by a sheet the add-in did not generate gets " (2)", " (3)"…
 */

const INVALID = /[[\]:*?/\\]/g;

/** The first `max` UTF-16 units of `s` (Excel's limit unit), never ending inside a surrogate pair. */
export function cutSheetName(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

export function cleanSheetName(name: string): string {
  const n = name
    .replace(INVALID, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return cutSheetName(n || "Sheet", 31);
}

export function chooseSheetName(
  wanted: string,
  existing: string[],
  previouslyGenerated: string[],
  taken: Set<string>,
): string {
  const ours = new Set(previouslyGenerated.map((n) => n.toLowerCase()));
  const users = new Set(existing.filter((n) => !ours.has(n.toLowerCase())).map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  const free = (n: string) => !users.has(n.toLowerCase()) && !taken.has(n.toLowerCase());
  let name = base;
  for (let i = 2; !free(name); i++) {
    const suffix = ` (${i})`;
    name = cutSheetName(base, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
