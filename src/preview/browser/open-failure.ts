/**
 * Why a file the user chose could not be opened, in the words of the command line (Japanese / English), from
 * what the bytes are — never the zip library's internals or its URLs.
 */
const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls, and .xlsx with a password (an encrypted OLE container)

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export function openFailureMessage(fileName: string, bytes: Uint8Array): string {
  const what = `「${fileName}」を開けませんでした / Could not open "${fileName}"`;
  if (bytes.length === 0) return `${what}: 空のファイルです / the file is empty.`;
  if (startsWith(bytes, OLE))
    return `${what}: パスワード付きのブックか古い形式（.xls）です。Excel でパスワードを外し .xlsx で保存してください / a password-protected or old-format (.xls) workbook: remove the password and save it as .xlsx in Excel.`;
  if (!startsWith(bytes, ZIP))
    return `${what}: ZIP として読めません（.xlsx / .xlsm のブックではありません）/ not a readable ZIP package (not an .xlsx / .xlsm workbook).`;
  return `${what}: ブックが壊れているか、Excel のブックではありません / the workbook is damaged or not an Excel workbook.`;
}
