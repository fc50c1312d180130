/**
 * Names for the generated sheets that never take a user's sheet: a name
 * already used by a sheet the add-in did not generate gets " (2)", " (3)"…
 */

const INVALID = /[[\]:*?/\\]/g;

export function cleanSheetName(name: string): string {
  const n = name
    .replace(INVALID, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (n || "Sheet").slice(0, 31);
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
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
