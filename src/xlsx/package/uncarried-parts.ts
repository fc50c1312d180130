/**
 * When several workbooks are consolidated, the first one's package is kept
 * whole; the sheets of the others are copied cell by cell (values, formulas,
 * styles, merges, validations, conditional formats, tables, images). This
 * names, per input, what such a copy cannot carry, so nothing is dropped
 * silently.
 */
import type { PackageReader } from "./package-reader";

const KINDS: { re: RegExp; what: string }[] = [
  { re: /(^|\/)charts\/chart[^/]*\.xml$/i, what: "グラフ / charts" },
  {
    re: /(^|\/)drawings\/drawing[^/]*\.xml$/i,
    what: "図形・テキストボックス・グラフの配置 / shapes, text boxes and chart placement",
  },
  { re: /(^|\/)pivotTables\//i, what: "ピボットテーブル / pivot tables" },
  { re: /(^|\/)pivotCache\//i, what: "ピボットキャッシュ / pivot caches" },
  { re: /(^|\/)externalLinks\//i, what: "外部リンク / external links" },
  { re: /(^|\/)vbaProject\.bin$/i, what: "マクロ / macros (vbaProject)" },
  { re: /(^|\/)comments[^/]*\.xml$/i, what: "コメント / comments" },
  { re: /(^|\/)threadedComments\//i, what: "スレッド コメント / threaded comments" },
  { re: /^docProps\/custom\.xml$/i, what: "ユーザー設定のプロパティ / custom document properties" },
  { re: /(^|\/)slicers?\//i, what: "スライサー / slicers" },
  { re: /(^|\/)(activeX|ctrlProps)\//i, what: "コントロール / form and ActiveX controls" },
  { re: /^customXml\//i, what: "カスタム XML / custom XML parts" },
];

/** One line per kind of part of `pkg` that a cell-by-cell copy of its sheets leaves out. */
export async function uncarriedParts(pkg: PackageReader, workbookPath: string): Promise<string[]> {
  const found = new Map<string, string[]>();
  for (const p of pkg.parts)
    for (const k of KINDS)
      if (k.re.test(p.name)) {
        const list = found.get(k.what) ?? [];
        list.push(p.name);
        found.set(k.what, list);
        break;
      }
  const wb = await pkg.readText(workbookPath);
  if (/<(?:[\w.-]+:)?workbookProtection\b/.test(wb)) found.set("ブックの保護 / workbook protection", [workbookPath]);
  let ext = 0;
  for (const p of pkg.parts)
    if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(p.name) && /<(?:[\w.-]+:)?extLst\b/.test(await pkg.readText(p.name)))
      ext++;
  if (ext) found.set("スパークライン等の拡張 / sparklines and other extensions (extLst)", [`${ext} sheet(s)`]);
  return [...found].map(
    ([what, parts]) => `${what}: ${parts.slice(0, 3).join(", ")}${parts.length > 3 ? ` …(${parts.length})` : ""}`,
  );
}
