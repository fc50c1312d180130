/** A file the preview cannot open is named with a reason the user can act on, never a library's internals. */
import { openFailureMessage } from "../../../../src/preview/browser/open-failure";

const bytes = (...b: number[]) => new Uint8Array(b);

test.each([
  ["empty.xlsx", bytes(), "空のファイルです"],
  ["notes.txt.xlsx", new TextEncoder().encode("hello"), "ZIP として読めません"],
  ["locked.xlsx", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "パスワード付きのブックか古い形式（.xls）"],
  ["broken.xlsx", bytes(0x50, 0x4b, 0x03, 0x04, 0, 0), "ブックが壊れているか"],
])("%s → 「…%s…」, in Japanese and English, without URLs", (name, b, ja) => {
  const m = openFailureMessage(name, b);
  expect(m).toContain(`「${name}」を開けませんでした`);
  expect(m).toContain(ja);
  expect(m).toMatch(/ \/ [A-Za-z]/); // the English half
  expect(m).not.toMatch(/https?:|jszip|stuk/i);
});
