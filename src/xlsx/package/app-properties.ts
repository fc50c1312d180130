/**
 * docProps/app.xml lists the worksheet names (HeadingPairs + TitlesOfParts).
 * After sheets are added, renamed or removed the worksheet group is rewritten
 * with the final names; every other group and element stays as it was. A
 * layout we do not recognise is left untouched (the part is informational).
 */
import { xmlEscape, xmlUnescape } from "./opc-xml";

const WORKSHEET_GROUPS = new Set(["worksheets", "ワークシート"]);

export function updateAppProperties(xml: string, oldSheetNames: string[], newSheetNames: string[]): string {
  const hp = /(<HeadingPairs>\s*<vt:vector\b[^>]*>)([\s\S]*?)(<\/vt:vector>\s*<\/HeadingPairs>)/.exec(xml);
  const tp = /(<TitlesOfParts>\s*<vt:vector\b[^>]*>)([\s\S]*?)(<\/vt:vector>\s*<\/TitlesOfParts>)/.exec(xml);
  if (!hp || !tp) return xml;
  const variants = [...hp[2]!.matchAll(/<vt:variant>([\s\S]*?)<\/vt:variant>/g)].map((m) => m[1]!);
  const titles = [...tp[2]!.matchAll(/<vt:lpstr>([\s\S]*?)<\/vt:lpstr>|<vt:lpstr\/>/g)].map((m) =>
    xmlUnescape(m[1] ?? ""),
  );
  // variants alternate: group name, count
  let offset = 0;
  let found: { countIndex: number; offset: number; count: number } | null = null;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const name = /<vt:lpstr>([\s\S]*?)<\/vt:lpstr>/.exec(variants[i]!)?.[1];
    const count = Number(/<vt:i4>(\d+)<\/vt:i4>/.exec(variants[i + 1]!)?.[1]);
    if (name === undefined || !Number.isInteger(count)) return xml;
    if (WORKSHEET_GROUPS.has(xmlUnescape(name).toLowerCase()) && !found) found = { countIndex: i + 1, offset, count };
    offset += count;
  }
  if (!found || offset !== titles.length) return xml;
  const listed = titles.slice(found.offset, found.offset + found.count);
  // Only rewrite when the part listed exactly the workbook's sheets before.
  if (listed.length !== oldSheetNames.length || listed.some((n, i) => n !== oldSheetNames[i])) return xml;
  const nextTitles = [...titles.slice(0, found.offset), ...newSheetNames, ...titles.slice(found.offset + found.count)];
  const countVariant = variants[found.countIndex]!.replace(
    /<vt:i4>\d+<\/vt:i4>/,
    `<vt:i4>${newSheetNames.length}</vt:i4>`,
  );
  let vi = 0;
  const newHp = hp[2]!.replace(/<vt:variant>([\s\S]*?)<\/vt:variant>/g, (m) =>
    vi++ === found!.countIndex ? `<vt:variant>${countVariant}</vt:variant>` : m,
  );
  const tpOpen = tp[1]!.replace(/size="\d+"/, `size="${nextTitles.length}"`);
  const newTp = nextTitles.map((t) => `<vt:lpstr>${xmlEscape(t)}</vt:lpstr>`).join("");
  let out = xml.replace(hp[0], () => hp[1] + newHp + hp[3]);
  out = out.replace(tp[0], () => tpOpen + newTp + tp[3]);
  return out;
}
