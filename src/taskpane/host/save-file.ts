/**
 * Saving bytes as a file from the pane's webview, where the webview allows it: a Blob behind an
 * object URL clicked through <a download> (Chromium, WebView2, Safari, the browser preview), or
 * EdgeHTML's msSaveOrOpenBlob. Returns false where neither exists, so the pane can say so
 * instead of pretending.
 */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type SaveFile = (fileName: string, bytes: Uint8Array, mimeType: string) => boolean;

interface LegacyNavigator {
  msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean;
}

export const saveFileInBrowser: SaveFile = (fileName, bytes, mimeType) => {
  if (typeof document === "undefined" || typeof Blob === "undefined") return false;
  // A copy into a fresh ArrayBuffer: Blob parts must not be views of a shared buffer.
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: mimeType });
  const legacy = (typeof navigator !== "undefined" ? navigator : {}) as LegacyNavigator;
  if (typeof legacy.msSaveOrOpenBlob === "function") return legacy.msSaveOrOpenBlob(blob, fileName);
  const a = document.createElement("a");
  if (!("download" in a) || typeof URL === "undefined" || typeof URL.createObjectURL !== "function") return false;
  const url = URL.createObjectURL(blob);
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; revoking later lets slow webviews read it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return true;
};

/** Base64 of bytes (what Excel.createWorkbook takes), in chunks so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return btoa(binary);
}
