/**
 * Excel date serials ⇄ calendar dates (UTC), with the 1900 system's fictitious
 * 1900-02-29 (serial 60) and the 1904 system. Shared by the number-format
 * renderer and the simulated host's input parsing and .xlsx import.
 */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86400000;

/** Calendar date (UTC) → serial (whole days). Dates before 1900-03-01 sit one lower (the fictitious 29 Feb). */
export function partsToSerial(y: number, mo: number, d: number, date1904 = false): number {
  const t = Date.UTC(y, mo - 1, d);
  if (date1904) return Math.round((t - EPOCH_1904) / DAY_MS);
  const n = Math.round((t - EPOCH_1900) / DAY_MS);
  return n <= 60 ? n - 1 : n;
}

/** A JavaScript Date (its UTC instant) → serial with the time as the fraction. */
export function dateToSerial(date: Date, date1904 = false): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
}
