/**
 * What the adapter needs from the Office.js globals, picked from @types/office-js (a member that does not
 * exist there is a compile error). The real globals fit (`createExcelPort({ Excel, Office })`), and so does
 * the simulated host in src/preview, which is how the integration tests and the preview run it.
 */
export interface ExcelHostApi {
  Excel: Pick<typeof Excel, "run">;
  Office: { context: Pick<Office.Context, "requirements"> & Partial<Pick<Office.Context, "platform">> };
}

export interface ExcelPortOptions {
  /**
   * Largest request or response of one sync, in bytes. Excel on the web
   * refuses batches above 5 MB; the adapter plans to stay well below
   * (see excel-batching.ts). Desktop Excel has no such limit, which does
   * not hurt: smaller batches only cost a few more syncs.
   */
  maxBatchBytes?: number;
  /** Token used in temporary sheet names (injected by tests so names are repeatable). */
  token?: () => string;
  /** Called with the measure of each write batch just before its sync (the benchmarks set it beside Office.js's real request). */
  onWriteBatch?: (measuredBytes: number) => void;
}
