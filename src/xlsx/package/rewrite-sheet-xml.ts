/**
 * Makes a worksheet part written in the scratch package fit the user's
 * package: shared-string cells become inline strings (the user's string table
 * is left alone) and style indexes are renumbered into the merged styles.
 * Only our own generated XML passes through here.
 */

/** The <si> items of a shared-string table, as their inner XML (plain or rich text). */
export function sharedStringItems(sstXml: string): string[] {
  return [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

export function rewriteSheetXml(xml: string, strings: string[], xfMap: number[], dxfMap: number[]): string {
  const xf = (v: string) => String(xfMap[Number(v)] ?? 0);
  return (
    xml
      // cells: style and shared strings
      .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, body?: string) => {
        let a = attrs.replace(/(\ss=")(\d+)(")/, (_m, pre: string, v: string, post: string) => pre + xf(v) + post);
        if (body === undefined || !/\st="s"/.test(a)) return `<c${a}${body === undefined ? "/>" : `>${body}</c>`}`;
        const v = /<v>(\d+)<\/v>/.exec(body);
        const text = v ? strings[Number(v[1])] : undefined;
        if (text === undefined) return `<c${a}>${body}</c>`;
        a = a.replace(/\st="s"/, ' t="inlineStr"');
        return `<c${a}><is>${text}</is></c>`;
      })
      // row and column default styles
      .replace(/(<row\b[^>]*?\ss=")(\d+)(")/g, (_m, pre: string, v: string, post: string) => pre + xf(v) + post)
      .replace(/(<col\b[^>]*?\sstyle=")(\d+)(")/g, (_m, pre: string, v: string, post: string) => pre + xf(v) + post)
      // conditional formats
      .replace(
        /(\sdxfId=")(\d+)(")/g,
        (_m, pre: string, v: string, post: string) => pre + String(dxfMap[Number(v)] ?? v) + post,
      )
  );
}
