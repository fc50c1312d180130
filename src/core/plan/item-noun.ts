/**
 * The item noun of the report's wording (「個別システム件数」「全システム」「システム名」): the
 * settings' own, else read from the item column's heading — 「システム名」→ システム, 「事業名」→ 事業,
 * 「取組」→ 取組 — when every sheet's heading gives the same noun.
 */
import type { TableLayout } from "../layout/table-model";

/** 「システム名」「事業名称」「取組の名称」 → the noun; headings that name nothing in particular give null. */
export function nounOfHeading(heading: string): string | null {
  // Only the last header row names the column (「評価対象 / システム名」).
  const last = heading.split("/").at(-1)!.replace(/\s+/g, "");
  const noun = last.replace(/(の)?(名称|名)$/, "");
  if (noun === "" || noun.length > 8) return null;
  if (/^(項目|内容|No\.?|番号|名前|件名|item|name)$/i.test(noun)) return null;
  if (/[0-9０-９()（）「」:：・、]/.test(noun)) return null;
  return noun;
}

export function itemNounFromLayouts(layouts: TableLayout[]): string | null {
  let noun: string | null = null;
  for (const l of layouts) {
    const col = l.columns.find((c) => c.role === "item");
    if (!col) continue;
    const n = nounOfHeading(col.header);
    if (n === null || (noun !== null && n !== noun)) return null;
    noun = n;
  }
  return noun;
}

/** The key column's heading (「P.」「No.」) when every sheet has the same, else null. */
export function keyHeadingFromLayouts(layouts: TableLayout[]): string | null {
  let key: string | null = null;
  for (const l of layouts) {
    const col = l.columns.find((c) => c.role === "key");
    if (!col) return null;
    const k = col.header.split("/").at(-1)!.trim();
    if (k === "" || k.length > 6 || (key !== null && k !== key)) return null;
    key = k;
  }
  return key;
}

/** The group column's heading (「ビジョン」「基本方針」) when every sheet with a group column has the same, else null. */
export function groupHeadingFromLayouts(layouts: TableLayout[]): string | null {
  let heading: string | null = null;
  for (const l of layouts) {
    const col = l.columns.find((c) => c.role === "group");
    if (!col) continue;
    const h = col.header.split("/").at(-1)!.trim();
    if (h === "" || h.length > 8 || (heading !== null && h !== heading)) return null;
    heading = h;
  }
  return heading;
}
