/**
 * @jest-environment jsdom
 *
 * Saving the report from the pane's webview: a download through <a download> where the webview has object URLs,
 * EdgeHTML's msSaveOrOpenBlob where it has that, and an honest "cannot" otherwise; base64 for Excel.createWorkbook.
 */
import { bytesToBase64, saveFileInBrowser } from "../../../../src/taskpane/host/save-file";

const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const urlApi = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };

afterEach(() => {
  delete urlApi.createObjectURL;
  delete urlApi.revokeObjectURL;
  delete (navigator as unknown as { msSaveOrOpenBlob?: unknown }).msSaveOrOpenBlob;
  jest.restoreAllMocks();
});

test("with object URLs: an <a download> with the file name is clicked, with the bytes in an .xlsx Blob", async () => {
  const blobs: Blob[] = [];
  urlApi.createObjectURL = (b) => (blobs.push(b), "blob:report");
  urlApi.revokeObjectURL = () => undefined;
  const clicked: { name: string; href: string }[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.getAttribute("href")! });
  });
  expect(saveFileInBrowser("市_報告書.xlsx", new Uint8Array([80, 75, 3, 4]), MIME)).toBe(true);
  expect(clicked).toEqual([{ name: "市_報告書.xlsx", href: "blob:report" }]);
  expect(blobs[0]!.type).toBe(MIME);
  // jsdom's Blob has no arrayBuffer(): read it as a webview would.
  const read = await new Promise<ArrayBuffer>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.readAsArrayBuffer(blobs[0]!);
  });
  expect(Array.from(new Uint8Array(read))).toEqual([80, 75, 3, 4]);
  expect(document.querySelectorAll("a")).toHaveLength(0); // the link does not stay in the pane
});

test("EdgeHTML (msSaveOrOpenBlob): the webview's own save dialog", () => {
  const saved: string[] = [];
  (navigator as unknown as { msSaveOrOpenBlob: (b: Blob, n: string) => boolean }).msSaveOrOpenBlob = (_b, n) => (
    saved.push(n),
    true
  );
  expect(saveFileInBrowser("a_報告書.xlsx", new Uint8Array([1]), MIME)).toBe(true);
  expect(saved).toEqual(["a_報告書.xlsx"]);
});

test("no object URLs and no msSaveOrOpenBlob: false (the pane then says the webview cannot download)", () => {
  expect(saveFileInBrowser("a_報告書.xlsx", new Uint8Array([1]), MIME)).toBe(false);
});

test("base64 of bytes longer than one chunk equals Node's", () => {
  const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
  expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  expect(bytesToBase64(new Uint8Array())).toBe("");
});
