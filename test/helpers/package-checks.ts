/** Checks on a written package that hold for any valid .xlsx, whatever it contains. */
import * as path from "node:path";
import { strFromU8 } from "fflate";

const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]!);

/** Every relationship points at a part that exists, and every part has a content type (what Excel checks on open). */
export function expectConsistent(parts: Record<string, Uint8Array>): void {
  const problems: string[] = [];
  const ct = text(parts, "[Content_Types].xml");
  const defaults = new Set([...ct.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  const overrides = new Set([...ct.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  for (const name of Object.keys(parts)) {
    if (name.endsWith("/")) continue;
    if (!overrides.has(name.toLowerCase()) && !defaults.has(name.slice(name.lastIndexOf(".") + 1).toLowerCase()))
      problems.push(`no content type: ${name}`);
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const dir = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
    for (const m of text(parts, name).matchAll(/<Relationship [^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])![1]!;
      const resolved = path.posix.normalize(target.startsWith("/") ? target.slice(1) : dir + target);
      if (!(resolved in parts)) problems.push(`${name} → missing ${resolved}`);
    }
  }
  for (const o of overrides)
    if (!Object.keys(parts).some((n) => n.toLowerCase() === o)) problems.push(`override without part: ${o}`);
  expect(problems).toEqual([]);
}
