/**
 * Opening another workbook in the preview reloads the page, as Excel opens a new pane for
 * another workbook: the file waits in IndexedDB for exactly one load.
 */
const DB = "progress-review-preview";
const STORE = "open";

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export interface StashedWorkbook {
  name: string;
  bytes: ArrayBuffer;
}

export async function stashWorkbook(w: StashedWorkbook): Promise<void> {
  const d = await db();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction(STORE, "readwrite");
    tx.objectStore(STORE).put(w, "next");
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

/** The stashed workbook (removed as it is taken), or null. */
export async function takeStashedWorkbook(): Promise<StashedWorkbook | null> {
  try {
    const d = await db();
    const value = await new Promise<StashedWorkbook | null>((resolve, reject) => {
      const tx = d.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      const get = store.get("next");
      get.onsuccess = () => {
        store.delete("next");
        resolve((get.result as StashedWorkbook | undefined) ?? null);
      };
      tx.onerror = () => reject(tx.error);
    });
    d.close();
    return value;
  } catch {
    return null;
  }
}
